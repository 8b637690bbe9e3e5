// add, sub, mul, div with NumPy broadcasting; backward reduces over broadcast axes.
#include "broadcast.hpp"
#include "optiml/tensor/ops.hpp"

namespace optiml::tensor {
namespace {

enum class BinaryKind { Add, Sub, Mul, Div };

template <class T>
class BinaryOp final : public Op<T> {
 public:
  BinaryOp(BinaryKind kind, std::string_view name) : kind_(kind), name_(name) {}
  std::string_view name() const override { return name_; }

  Shape output_shape(const OpContext<T>& ctx) const override {
    return broadcast_shapes(name_, ctx.input_shape(0), ctx.input_shape(1));
  }

  void forward(OpContext<T>& ctx) const override {
    const ConstTensorView<T> a = ctx.input(0), b = ctx.input(1);
    const TensorView<T> out = ctx.output();
    switch (kind_) {
      case BinaryKind::Add:
        detail::broadcast_binary(a.data, a.shape, b.data, b.shape, out.data, out.shape, [](T x, T y) { return x + y; });
        break;
      case BinaryKind::Sub:
        detail::broadcast_binary(a.data, a.shape, b.data, b.shape, out.data, out.shape, [](T x, T y) { return x - y; });
        break;
      case BinaryKind::Mul:
        detail::broadcast_binary(a.data, a.shape, b.data, b.shape, out.data, out.shape, [](T x, T y) { return x * y; });
        break;
      case BinaryKind::Div:
        detail::broadcast_binary(a.data, a.shape, b.data, b.shape, out.data, out.shape, [](T x, T y) { return x / y; });
        break;
    }
  }

  void backward(OpContext<T>& ctx) const override {
    const ConstTensorView<T> a = ctx.input(0), b = ctx.input(1), g = ctx.output_grad();
    const Shape& so = g.shape;
    if (kind_ == BinaryKind::Add || kind_ == BinaryKind::Sub) {
      if (ctx.needs_grad(0)) detail::reduce_add(g.data, so, ctx.input_grad(0).data, a.shape);
      if (ctx.needs_grad(1))
        detail::reduce_add(g.data, so, ctx.input_grad(1).data, b.shape, kind_ == BinaryKind::Add ? T(1) : T(-1));
      return;
    }
    // Contribution to each input at full output shape, then summed over its broadcast axes.
    T* scratch = ctx.buffer(0, so.size()).data();
    if (ctx.needs_grad(0)) {
      if (kind_ == BinaryKind::Mul)
        detail::broadcast_binary(g.data, so, b.data, b.shape, scratch, so, [](T x, T y) { return x * y; });
      else
        detail::broadcast_binary(g.data, so, b.data, b.shape, scratch, so, [](T x, T y) { return x / y; });
      detail::reduce_add(scratch, so, ctx.input_grad(0).data, a.shape);
    }
    if (ctx.needs_grad(1)) {
      if (kind_ == BinaryKind::Mul) {
        detail::broadcast_binary(g.data, so, a.data, a.shape, scratch, so, [](T x, T y) { return x * y; });
      } else {
        // d(a/b)/db = -(a/b)/b = -out/b.
        const T* out = ctx.output().data;
        detail::broadcast_binary(g.data, so, out, so, scratch, so, [](T x, T y) { return x * y; });
        detail::broadcast_binary(scratch, so, b.data, b.shape, scratch, so, [](T x, T y) { return -x / y; });
      }
      detail::reduce_add(scratch, so, ctx.input_grad(1).data, b.shape);
    }
  }

 private:
  BinaryKind kind_;
  std::string_view name_;
};

template <class T>
Var<T> binary(BinaryKind kind, const Var<T>& a, const Var<T>& b) {
  static const BinaryOp<T> ops[] = {{BinaryKind::Add, "add"}, {BinaryKind::Sub, "sub"}, {BinaryKind::Mul, "mul"},
                                    {BinaryKind::Div, "div"}};
  const BinaryOp<T>& op = ops[static_cast<int>(kind)];
  return graph_of(op.name(), a).apply(op, {a, b});
}

}  // namespace

template <class T>
Var<T> add(const Var<T>& a, const Var<T>& b) {
  return binary(BinaryKind::Add, a, b);
}
template <class T>
Var<T> sub(const Var<T>& a, const Var<T>& b) {
  return binary(BinaryKind::Sub, a, b);
}
template <class T>
Var<T> mul(const Var<T>& a, const Var<T>& b) {
  return binary(BinaryKind::Mul, a, b);
}
template <class T>
Var<T> div(const Var<T>& a, const Var<T>& b) {
  return binary(BinaryKind::Div, a, b);
}

#define OPTIML_INSTANTIATE(T)                                 \
  template Var<T> add(const Var<T>&, const Var<T>&);          \
  template Var<T> sub(const Var<T>&, const Var<T>&);          \
  template Var<T> mul(const Var<T>&, const Var<T>&);          \
  template Var<T> div(const Var<T>&, const Var<T>&);
OPTIML_INSTANTIATE(float)
OPTIML_INSTANTIATE(double)
#undef OPTIML_INSTANTIATE

}  // namespace optiml::tensor
