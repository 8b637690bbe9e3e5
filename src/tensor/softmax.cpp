// logsumexp, softmax and softmax cross-entropy along the last axis, stabilized by
// subtracting each row's maximum (Goodfellow, Bengio & Courville, "Deep Learning", 4.1).
#include <cmath>
#include <limits>

#include "optiml/tensor/ops.hpp"

namespace optiml::tensor {
namespace {

// Row-wise log(sum(exp(x))) of a rows x cols matrix; a row of -inf gives -inf.
template <class T>
void row_logsumexp(const ConstMatrixMap<T>& x, T* out) {
  for (Index r = 0; r < x.rows(); ++r) {
    if (x.cols() == 0) {
      out[r] = -std::numeric_limits<T>::infinity();
      continue;
    }
    const T m = x.row(r).maxCoeff();
    const T shift = std::isfinite(m) ? m : T(0);
    out[r] = shift + std::log((x.row(r).array() - shift).exp().sum());
  }
}

template <class T>
Shape last_axis_shape(std::string_view op, const Shape& s) {
  if (s.rank() == 0) throw InvalidArgument(std::string(op) + ": shape () has no last axis");
  return s;
}

// Attributes: ints[0] = keepdims.
template <class T>
class LogSumExpOp final : public Op<T> {
 public:
  std::string_view name() const override { return "logsumexp"; }
  Shape output_shape(const OpContext<T>& ctx) const override {
    const Shape& s = last_axis_shape<T>(name(), ctx.input_shape(0));
    return ctx.attributes().ints[0] != 0 ? s.with(s.rank() - 1, 1) : s.without(s.rank() - 1);
  }
  void forward(OpContext<T>& ctx) const override { row_logsumexp(ctx.input(0).matrix(), ctx.output().data); }
  // d lse / dx = softmax(x) = exp(x - lse).
  void backward(OpContext<T>& ctx) const override {
    const auto x = ctx.input(0).matrix();
    auto gx = ctx.input_grad(0).matrix();
    const T* y = ctx.output().data;
    const T* g = ctx.output_grad().data;
    for (Index r = 0; r < x.rows(); ++r) gx.row(r).array() += g[r] * (x.row(r).array() - y[r]).exp();
  }
};

template <class T>
class SoftmaxOp final : public Op<T> {
 public:
  std::string_view name() const override { return "softmax"; }
  Shape output_shape(const OpContext<T>& ctx) const override {
    return last_axis_shape<T>(name(), ctx.input_shape(0));
  }
  void forward(OpContext<T>& ctx) const override {
    const auto x = ctx.input(0).matrix();
    auto y = ctx.output().matrix();
    for (Index r = 0; r < x.rows(); ++r) {
      y.row(r).array() = (x.row(r).array() - x.row(r).maxCoeff()).exp();
      y.row(r) /= y.row(r).sum();
    }
  }
  // dx = y * (g - <g, y>) row by row.
  void backward(OpContext<T>& ctx) const override {
    const auto y = ConstTensorView<T>(ctx.output()).matrix();
    const auto g = ctx.output_grad().matrix();
    auto gx = ctx.input_grad(0).matrix();
    for (Index r = 0; r < y.rows(); ++r)
      gx.row(r).array() += y.row(r).array() * (g.row(r).array() - g.row(r).dot(y.row(r)));
  }
};

// Attributes: indices = labels during forward; buffer 0 keeps the probabilities
// and the index buffer the labels for backward.
template <class T>
class SoftmaxCrossEntropyOp final : public Op<T> {
 public:
  std::string_view name() const override { return "softmax_cross_entropy"; }
  Shape output_shape(const OpContext<T>& ctx) const override {
    const Shape& s = ctx.input_shape(0);
    const std::span<const Index> labels = ctx.attributes().indices;
    if (s.rank() != 2) throw InvalidArgument("softmax_cross_entropy: logits of shape " + s.to_string() + " are not 2-D");
    if (static_cast<Index>(labels.size()) != s[0])
      throw InvalidArgument("softmax_cross_entropy: logits of shape " + s.to_string() + " need " +
                            std::to_string(s[0]) + " labels, got " + std::to_string(labels.size()));
    if (s[0] == 0) throw InvalidArgument("softmax_cross_entropy: logits of shape " + s.to_string() + " are empty");
    for (std::size_t b = 0; b < labels.size(); ++b)
      if (labels[b] < 0 || labels[b] >= s[1])
        throw InvalidArgument("softmax_cross_entropy: label " + std::to_string(labels[b]) + " at " +
                              std::to_string(b) + " is out of range for " + std::to_string(s[1]) + " classes");
    return Shape{};
  }
  void forward(OpContext<T>& ctx) const override {
    const auto x = ctx.input(0).matrix();
    const Index batch = x.rows(), classes = x.cols();
    const std::span<Index> labels = ctx.index_buffer(batch);
    std::copy(ctx.attributes().indices.begin(), ctx.attributes().indices.end(), labels.begin());
    MatrixMap<T> p(ctx.buffer(0, batch * classes).data(), batch, classes);
    T total = 0;
    for (Index b = 0; b < batch; ++b) {
      const T m = x.row(b).maxCoeff();
      p.row(b).array() = (x.row(b).array() - m).exp();
      const T s = p.row(b).sum();
      p.row(b) /= s;
      // -log softmax_y = log(sum exp(x - m)) - (x_y - m).
      total += std::log(s) - (x(b, labels[static_cast<std::size_t>(b)]) - m);
    }
    ctx.output()[0] = total / static_cast<T>(batch);
  }
  void backward(OpContext<T>& ctx) const override {
    auto gx = ctx.input_grad(0).matrix();
    const Index batch = gx.rows(), classes = gx.cols();
    const ConstMatrixMap<T> p(ctx.buffer(0, batch * classes).data(), batch, classes);
    const std::span<const Index> labels = ctx.index_buffer(batch);
    const T factor = ctx.output_grad()[0] / static_cast<T>(batch);
    gx += factor * p;
    for (Index b = 0; b < batch; ++b) gx(b, labels[static_cast<std::size_t>(b)]) -= factor;
  }
};

}  // namespace

template <class T>
Var<T> logsumexp(const Var<T>& a, bool keepdims) {
  static const LogSumExpOp<T> op;
  Attributes attributes;
  attributes.ints[0] = keepdims ? 1 : 0;
  return graph_of(op.name(), a).apply(op, {a}, attributes);
}

template <class T>
Var<T> softmax(const Var<T>& a) {
  static const SoftmaxOp<T> op;
  return graph_of(op.name(), a).apply(op, {a});
}

template <class T>
Var<T> softmax_cross_entropy(const Var<T>& logits, std::span<const Index> labels) {
  static const SoftmaxCrossEntropyOp<T> op;
  Attributes attributes;
  attributes.indices = labels;
  return graph_of(op.name(), logits).apply(op, {logits}, attributes);
}

#define OPTIML_INSTANTIATE(T)                                                  \
  template Var<T> logsumexp(const Var<T>&, bool);                              \
  template Var<T> softmax(const Var<T>&);                                      \
  template Var<T> softmax_cross_entropy(const Var<T>&, std::span<const Index>);
OPTIML_INSTANTIATE(float)
OPTIML_INSTANTIATE(double)
#undef OPTIML_INSTANTIATE

}  // namespace optiml::tensor
