// reshape, transpose, slice_rows and concat: copies into the new node, gradients copied back.
#include <algorithm>

#include "optiml/tensor/ops.hpp"

namespace optiml::tensor {
namespace {

// Attributes: ints[0..3] = extents, ints[4] = rank.
template <class T>
class ReshapeOp final : public Op<T> {
 public:
  std::string_view name() const override { return "reshape"; }
  Shape output_shape(const OpContext<T>& ctx) const override {
    const Attributes& at = ctx.attributes();
    const Shape s(std::span<const Index>(at.ints.data(), static_cast<std::size_t>(at.ints[4])));
    if (s.size() != ctx.input_shape(0).size())
      throw InvalidArgument("reshape: cannot reshape " + ctx.input_shape(0).to_string() + " into " + s.to_string());
    return s;
  }
  void forward(OpContext<T>& ctx) const override { ctx.output().array() = ctx.input(0).array(); }
  void backward(OpContext<T>& ctx) const override { ctx.input_grad(0).array() += ctx.output_grad().array(); }
};

template <class T>
class TransposeOp final : public Op<T> {
 public:
  std::string_view name() const override { return "transpose"; }
  Shape output_shape(const OpContext<T>& ctx) const override {
    const Shape& s = ctx.input_shape(0);
    if (s.rank() != 2) throw InvalidArgument("transpose: shape " + s.to_string() + " is not 2-D");
    return Shape{s[1], s[0]};
  }
  void forward(OpContext<T>& ctx) const override { ctx.output().matrix() = ctx.input(0).matrix().transpose(); }
  void backward(OpContext<T>& ctx) const override {
    ctx.input_grad(0).matrix() += ctx.output_grad().matrix().transpose();
  }
};

// Attributes: ints[0] = begin, ints[1] = end.
template <class T>
class SliceRowsOp final : public Op<T> {
 public:
  std::string_view name() const override { return "slice_rows"; }
  Shape output_shape(const OpContext<T>& ctx) const override {
    const Shape& s = ctx.input_shape(0);
    const Index begin = ctx.attributes().ints[0], end = ctx.attributes().ints[1];
    if (s.rank() == 0) throw InvalidArgument("slice_rows: shape () has no rows");
    if (begin < 0 || begin > end || end > s[0])
      throw InvalidArgument("slice_rows: range [" + std::to_string(begin) + ", " + std::to_string(end) +
                            ") is out of bounds for shape " + s.to_string());
    return s.with(0, end - begin);
  }
  void forward(OpContext<T>& ctx) const override {
    const TensorView<T> y = ctx.output();
    const ConstTensorView<T> x = ctx.input(0);
    const Index offset = ctx.attributes().ints[0] * (x.shape[0] == 0 ? 0 : x.size() / x.shape[0]);
    std::copy(x.data + offset, x.data + offset + y.size(), y.data);
  }
  void backward(OpContext<T>& ctx) const override {
    const ConstTensorView<T> g = ctx.output_grad();
    const TensorView<T> gx = ctx.input_grad(0);
    const Index offset = ctx.attributes().ints[0] * (gx.shape[0] == 0 ? 0 : gx.size() / gx.shape[0]);
    ArrayMap<T>(gx.data + offset, g.size()) += g.array();
  }
};

// Attributes: ints[0] = axis (normalized).
template <class T>
class ConcatOp final : public Op<T> {
 public:
  std::string_view name() const override { return "concat"; }
  Shape output_shape(const OpContext<T>& ctx) const override {
    const Shape& first = ctx.input_shape(0);
    const auto axis = static_cast<int>(ctx.attributes().ints[0]);
    Index len = 0;
    for (int i = 0; i < ctx.num_inputs(); ++i) {
      const Shape& s = ctx.input_shape(i);
      if (s.rank() != first.rank() || s.with(axis, first[axis]) != first)
        throw InvalidArgument("concat: shapes " + first.to_string() + " and " + s.to_string() +
                              " differ outside axis " + std::to_string(axis));
      len += s[axis];
    }
    return first.with(axis, len);
  }
  void forward(OpContext<T>& ctx) const override { copy(ctx, true); }
  void backward(OpContext<T>& ctx) const override { copy(ctx, false); }

 private:
  // Seen as (outer, len_i * inner) blocks: forward copies each part's blocks into
  // the output, backward adds the output gradient's blocks back into each part.
  static void copy(OpContext<T>& ctx, bool forward) {
    const auto axis = static_cast<int>(ctx.attributes().ints[0]);
    const Shape out = ctx.output().shape;
    Index outer = 1, inner = 1;
    for (int k = 0; k < axis; ++k) outer *= out[k];
    for (int k = axis + 1; k < out.rank(); ++k) inner *= out[k];
    const Index row = out[axis] * inner;
    Index offset = 0;
    for (int i = 0; i < ctx.num_inputs(); ++i) {
      const Index width = ctx.input_shape(i)[axis] * inner;
      if (forward) {
        ConstMatrixMap<T> part(ctx.input(i).data, outer, width);
        MatrixMap<T>(ctx.output().data, outer, row).middleCols(offset, width) = part;
      } else if (ctx.needs_grad(i)) {
        MatrixMap<T> part(ctx.input_grad(i).data, outer, width);
        part += ConstMatrixMap<T>(ctx.output_grad().data, outer, row).middleCols(offset, width);
      }
      offset += width;
    }
  }
};

}  // namespace

template <class T>
Var<T> reshape(const Var<T>& a, const Shape& shape) {
  static const ReshapeOp<T> op;
  Attributes attributes;
  for (int k = 0; k < shape.rank(); ++k) attributes.ints[static_cast<std::size_t>(k)] = shape[k];
  attributes.ints[4] = shape.rank();
  return graph_of(op.name(), a).apply(op, {a}, attributes);
}

template <class T>
Var<T> transpose(const Var<T>& a) {
  static const TransposeOp<T> op;
  return graph_of(op.name(), a).apply(op, {a});
}

template <class T>
Var<T> slice_rows(const Var<T>& a, Index begin, Index end) {
  static const SliceRowsOp<T> op;
  Attributes attributes;
  attributes.ints[0] = begin;
  attributes.ints[1] = end;
  return graph_of(op.name(), a).apply(op, {a}, attributes);
}

template <class T>
Var<T> concat(std::span<const Var<T>> parts, int axis) {
  static const ConcatOp<T> op;
  if (parts.empty()) throw InvalidArgument("concat: no arrays to concatenate");
  Graph<T>& g = graph_of(op.name(), parts[0]);
  Attributes attributes;
  attributes.ints[0] = normalize_axis(op.name(), axis, parts[0].shape().rank());
  return g.apply(op, parts, attributes);
}

#define OPTIML_INSTANTIATE(T)                                    \
  template Var<T> reshape(const Var<T>&, const Shape&);          \
  template Var<T> transpose(const Var<T>&);                      \
  template Var<T> slice_rows(const Var<T>&, Index, Index);       \
  template Var<T> concat(std::span<const Var<T>>, int);
OPTIML_INSTANTIATE(float)
OPTIML_INSTANTIATE(double)
#undef OPTIML_INSTANTIATE

}  // namespace optiml::tensor
