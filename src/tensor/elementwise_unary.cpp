// Elementwise functions; backward uses the saved input or output, whichever is cheaper.
#include <cmath>

#include "optiml/tensor/ops.hpp"

namespace optiml::tensor {
namespace {

enum class UnaryKind { Neg, Exp, Log, Tanh, Sigmoid, Relu, Sqrt, Square, Pow, Scale, Shift };

template <class T>
class UnaryOp final : public Op<T> {
 public:
  UnaryOp(UnaryKind kind, std::string_view name) : kind_(kind), name_(name) {}
  std::string_view name() const override { return name_; }
  Shape output_shape(const OpContext<T>& ctx) const override { return ctx.input_shape(0); }

  void forward(OpContext<T>& ctx) const override {
    const auto x = ctx.input(0).array();
    auto y = ctx.output().array();
    const T p = static_cast<T>(ctx.attributes().reals[0]);
    switch (kind_) {
      case UnaryKind::Neg: y = -x; break;
      case UnaryKind::Exp: y = x.exp(); break;
      case UnaryKind::Log: y = x.log(); break;
      case UnaryKind::Tanh: y = x.tanh(); break;
      case UnaryKind::Sigmoid: y = T(1) / (T(1) + (-x).exp()); break;
      case UnaryKind::Relu: y = x.max(T(0)); break;
      case UnaryKind::Sqrt: y = x.sqrt(); break;
      case UnaryKind::Square: y = x.square(); break;
      case UnaryKind::Pow: y = x.pow(p); break;
      case UnaryKind::Scale: y = p * x; break;
      case UnaryKind::Shift: y = x + p; break;
    }
  }

  void backward(OpContext<T>& ctx) const override {
    const auto x = ctx.input(0).array();
    const auto y = ConstTensorView<T>(ctx.output()).array();
    const auto g = ctx.output_grad().array();
    auto gx = ctx.input_grad(0).array();
    const T p = static_cast<T>(ctx.attributes().reals[0]);
    switch (kind_) {
      case UnaryKind::Neg: gx -= g; break;
      case UnaryKind::Exp: gx += g * y; break;
      case UnaryKind::Log: gx += g / x; break;
      case UnaryKind::Tanh: gx += g * (T(1) - y.square()); break;
      case UnaryKind::Sigmoid: gx += g * y * (T(1) - y); break;
      case UnaryKind::Relu: gx += (x > T(0)).select(g, T(0)); break;
      case UnaryKind::Sqrt: gx += T(0.5) * g / y; break;
      case UnaryKind::Square: gx += T(2) * g * x; break;
      case UnaryKind::Pow: gx += p * g * x.pow(p - T(1)); break;
      case UnaryKind::Scale: gx += p * g; break;
      case UnaryKind::Shift: gx += g; break;
    }
  }

 private:
  UnaryKind kind_;
  std::string_view name_;
};

template <class T>
Var<T> unary(UnaryKind kind, const Var<T>& a, double parameter = 0.0) {
  static const UnaryOp<T> ops[] = {
      {UnaryKind::Neg, "neg"},   {UnaryKind::Exp, "exp"},         {UnaryKind::Log, "log"},
      {UnaryKind::Tanh, "tanh"}, {UnaryKind::Sigmoid, "sigmoid"}, {UnaryKind::Relu, "relu"},
      {UnaryKind::Sqrt, "sqrt"}, {UnaryKind::Square, "square"},   {UnaryKind::Pow, "pow"},
      {UnaryKind::Scale, "scale"}, {UnaryKind::Shift, "shift"}};
  const UnaryOp<T>& op = ops[static_cast<int>(kind)];
  Attributes attributes;
  attributes.reals[0] = parameter;
  return graph_of(op.name(), a).apply(op, {a}, attributes);
}

}  // namespace

template <class T>
Var<T> neg(const Var<T>& a) {
  return unary(UnaryKind::Neg, a);
}
template <class T>
Var<T> exp(const Var<T>& a) {
  return unary(UnaryKind::Exp, a);
}
template <class T>
Var<T> log(const Var<T>& a) {
  return unary(UnaryKind::Log, a);
}
template <class T>
Var<T> tanh(const Var<T>& a) {
  return unary(UnaryKind::Tanh, a);
}
template <class T>
Var<T> sigmoid(const Var<T>& a) {
  return unary(UnaryKind::Sigmoid, a);
}
template <class T>
Var<T> relu(const Var<T>& a) {
  return unary(UnaryKind::Relu, a);
}
template <class T>
Var<T> sqrt(const Var<T>& a) {
  return unary(UnaryKind::Sqrt, a);
}
template <class T>
Var<T> square(const Var<T>& a) {
  return unary(UnaryKind::Square, a);
}
template <class T>
Var<T> pow(const Var<T>& a, double exponent) {
  return unary(UnaryKind::Pow, a, exponent);
}
template <class T>
Var<T> scale(const Var<T>& a, double factor) {
  return unary(UnaryKind::Scale, a, factor);
}
template <class T>
Var<T> shift(const Var<T>& a, double offset) {
  return unary(UnaryKind::Shift, a, offset);
}

#define OPTIML_INSTANTIATE(T)                     \
  template Var<T> neg(const Var<T>&);             \
  template Var<T> exp(const Var<T>&);             \
  template Var<T> log(const Var<T>&);             \
  template Var<T> tanh(const Var<T>&);            \
  template Var<T> sigmoid(const Var<T>&);         \
  template Var<T> relu(const Var<T>&);            \
  template Var<T> sqrt(const Var<T>&);            \
  template Var<T> square(const Var<T>&);          \
  template Var<T> pow(const Var<T>&, double);     \
  template Var<T> scale(const Var<T>&, double);   \
  template Var<T> shift(const Var<T>&, double);
OPTIML_INSTANTIATE(float)
OPTIML_INSTANTIATE(double)
#undef OPTIML_INSTANTIATE

}  // namespace optiml::tensor
