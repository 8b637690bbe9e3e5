// sum, mean and max over all elements or along one axis.
#include <limits>

#include "optiml/tensor/ops.hpp"

namespace optiml::tensor {
namespace {

enum class ReduceKind { Sum, Mean, Max };

// Attributes: ints[0] = axis (-1 for all elements), ints[1] = keepdims.
// Along an axis the input is seen as (outer, len, inner) and the output as (outer, inner).
struct AxisSplit {
  Index outer = 1, len = 1, inner = 1;
};

AxisSplit split(const Shape& s, int axis) {
  AxisSplit p;
  for (int k = 0; k < axis; ++k) p.outer *= s[k];
  p.len = s[axis];
  for (int k = axis + 1; k < s.rank(); ++k) p.inner *= s[k];
  return p;
}

template <class T>
class ReduceOp final : public Op<T> {
 public:
  ReduceOp(ReduceKind kind, std::string_view name) : kind_(kind), name_(name) {}
  std::string_view name() const override { return name_; }

  Shape output_shape(const OpContext<T>& ctx) const override {
    const Shape& s = ctx.input_shape(0);
    const auto axis = static_cast<int>(ctx.attributes().ints[0]);
    const bool keepdims = ctx.attributes().ints[1] != 0;
    if (axis < 0) {
      if (kind_ == ReduceKind::Max && s.size() == 0)
        throw InvalidArgument(std::string(name_) + ": shape " + s.to_string() + " has no elements");
      return Shape{};
    }
    if (kind_ == ReduceKind::Max && s[axis] == 0)
      throw InvalidArgument(std::string(name_) + ": shape " + s.to_string() + " is empty along axis " +
                            std::to_string(axis));
    return keepdims ? s.with(axis, 1) : s.without(axis);
  }

  void forward(OpContext<T>& ctx) const override {
    const ConstTensorView<T> x = ctx.input(0);
    const TensorView<T> y = ctx.output();
    const auto axis = static_cast<int>(ctx.attributes().ints[0]);
    if (axis < 0) {
      const Index n = x.size();
      if (kind_ == ReduceKind::Max) {
        Index arg = 0;
        y[0] = x.array().maxCoeff(&arg);
        ctx.index_buffer(1)[0] = arg;
      } else {
        y[0] = x.array().sum();
        if (kind_ == ReduceKind::Mean) y[0] /= static_cast<T>(n);
      }
      return;
    }
    const AxisSplit p = split(x.shape, axis);
    if (kind_ == ReduceKind::Max) {
      std::span<Index> arg = ctx.index_buffer(p.outer * p.inner);
      for (Index o = 0; o < p.outer; ++o)
        for (Index i = 0; i < p.inner; ++i) {
          const T* col = x.data + o * p.len * p.inner + i;
          Index best = 0;
          for (Index k = 1; k < p.len; ++k)
            if (col[k * p.inner] > col[best * p.inner]) best = k;
          y[o * p.inner + i] = col[best * p.inner];
          arg[static_cast<std::size_t>(o * p.inner + i)] = best;
        }
      return;
    }
    const T factor = kind_ == ReduceKind::Mean ? T(1) / static_cast<T>(p.len) : T(1);
    for (Index o = 0; o < p.outer; ++o) {
      const ConstMatrixMap<T> block(x.data + o * p.len * p.inner, p.len, p.inner);
      MatrixMap<T>(y.data + o * p.inner, 1, p.inner) = factor * block.colwise().sum();
    }
  }

  void backward(OpContext<T>& ctx) const override {
    const ConstTensorView<T> g = ctx.output_grad();
    const TensorView<T> gx = ctx.input_grad(0);
    const auto axis = static_cast<int>(ctx.attributes().ints[0]);
    if (axis < 0) {
      if (kind_ == ReduceKind::Max)
        gx[ctx.index_buffer(1)[0]] += g[0];
      else
        gx.array() += kind_ == ReduceKind::Mean ? g[0] / static_cast<T>(gx.size()) : g[0];
      return;
    }
    const AxisSplit p = split(gx.shape, axis);
    if (kind_ == ReduceKind::Max) {
      std::span<const Index> arg = ctx.index_buffer(p.outer * p.inner);
      for (Index o = 0; o < p.outer; ++o)
        for (Index i = 0; i < p.inner; ++i)
          gx[(o * p.len + arg[static_cast<std::size_t>(o * p.inner + i)]) * p.inner + i] += g[o * p.inner + i];
      return;
    }
    const T factor = kind_ == ReduceKind::Mean ? T(1) / static_cast<T>(p.len) : T(1);
    for (Index o = 0; o < p.outer; ++o) {
      MatrixMap<T> block(gx.data + o * p.len * p.inner, p.len, p.inner);
      block.rowwise() += factor * ConstMatrixMap<T>(g.data + o * p.inner, 1, p.inner).row(0);
    }
  }

 private:
  ReduceKind kind_;
  std::string_view name_;
};

template <class T>
Var<T> reduce(ReduceKind kind, const Var<T>& a, bool all, int axis, bool keepdims) {
  static const ReduceOp<T> ops[] = {{ReduceKind::Sum, "sum"}, {ReduceKind::Mean, "mean"}, {ReduceKind::Max, "max"}};
  const ReduceOp<T>& op = ops[static_cast<int>(kind)];
  Graph<T>& g = graph_of(op.name(), a);
  Attributes attributes;
  attributes.ints[0] = all ? -1 : normalize_axis(op.name(), axis, a.shape().rank());
  attributes.ints[1] = keepdims ? 1 : 0;
  return g.apply(op, {a}, attributes);
}

}  // namespace

template <class T>
Var<T> sum(const Var<T>& a) {
  return reduce(ReduceKind::Sum, a, true, 0, false);
}
template <class T>
Var<T> sum(const Var<T>& a, int axis, bool keepdims) {
  return reduce(ReduceKind::Sum, a, false, axis, keepdims);
}
template <class T>
Var<T> mean(const Var<T>& a) {
  return reduce(ReduceKind::Mean, a, true, 0, false);
}
template <class T>
Var<T> mean(const Var<T>& a, int axis, bool keepdims) {
  return reduce(ReduceKind::Mean, a, false, axis, keepdims);
}
template <class T>
Var<T> max(const Var<T>& a) {
  return reduce(ReduceKind::Max, a, true, 0, false);
}
template <class T>
Var<T> max(const Var<T>& a, int axis, bool keepdims) {
  return reduce(ReduceKind::Max, a, false, axis, keepdims);
}

#define OPTIML_INSTANTIATE(T)                        \
  template Var<T> sum(const Var<T>&);                \
  template Var<T> sum(const Var<T>&, int, bool);     \
  template Var<T> mean(const Var<T>&);               \
  template Var<T> mean(const Var<T>&, int, bool);    \
  template Var<T> max(const Var<T>&);                \
  template Var<T> max(const Var<T>&, int, bool);
OPTIML_INSTANTIATE(float)
OPTIML_INSTANTIATE(double)
#undef OPTIML_INSTANTIATE

}  // namespace optiml::tensor
