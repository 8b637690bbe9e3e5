// Matrix product of 2-D arrays through Eigen maps, so Eigen's blocked GEMM does the work.
#include "optiml/tensor/ops.hpp"

namespace optiml::tensor {
namespace {

template <class T>
class MatmulOp final : public Op<T> {
 public:
  std::string_view name() const override { return "matmul"; }

  Shape output_shape(const OpContext<T>& ctx) const override {
    const Shape& a = ctx.input_shape(0);
    const Shape& b = ctx.input_shape(1);
    if (a.rank() != 2 || b.rank() != 2)
      throw InvalidArgument("matmul: shapes " + a.to_string() + " and " + b.to_string() + " are not both 2-D");
    if (a[1] != b[0])
      throw InvalidArgument("matmul: shapes " + a.to_string() + " and " + b.to_string() + " do not align");
    return Shape{a[0], b[1]};
  }

  void forward(OpContext<T>& ctx) const override {
    ctx.output().matrix().noalias() = ctx.input(0).matrix() * ctx.input(1).matrix();
  }

  // dA = G B', dB = A' G.
  void backward(OpContext<T>& ctx) const override {
    const auto g = ctx.output_grad().matrix();
    if (ctx.needs_grad(0)) ctx.input_grad(0).matrix().noalias() += g * ctx.input(1).matrix().transpose();
    if (ctx.needs_grad(1)) ctx.input_grad(1).matrix().noalias() += ctx.input(0).matrix().transpose() * g;
  }
};

}  // namespace

template <class T>
Var<T> matmul(const Var<T>& a, const Var<T>& b) {
  static const MatmulOp<T> op;
  return graph_of(op.name(), a).apply(op, {a, b});
}

template Var<float> matmul(const Var<float>&, const Var<float>&);
template Var<double> matmul(const Var<double>&, const Var<double>&);

}  // namespace optiml::tensor
