// Shapes and NumPy broadcasting (https://numpy.org/doc/stable/user/basics.broadcasting.html).
#include "optiml/tensor/shape.hpp"

#include <algorithm>

#include "optiml/core/error.hpp"

namespace optiml::tensor {

Shape::Shape(std::span<const Index> dims) {
  if (dims.size() > static_cast<std::size_t>(kMaxRank))
    throw InvalidArgument("Shape: rank " + std::to_string(dims.size()) + " exceeds the maximum 4");
  for (Index d : dims) {
    if (d < 0) throw InvalidArgument("Shape: extent " + std::to_string(d) + " is negative");
    dims_[rank_++] = d;
  }
}

Index Shape::size() const {
  Index n = 1;
  for (int k = 0; k < rank_; ++k) n *= dims_[k];
  return n;
}

Shape Shape::with(int axis, Index extent) const {
  Shape s = *this;
  s.dims_[axis] = extent;
  return s;
}

Shape Shape::without(int axis) const {
  Shape s;
  for (int k = 0; k < rank_; ++k)
    if (k != axis) s.dims_[s.rank_++] = dims_[k];
  return s;
}

std::string Shape::to_string() const {
  std::string s = "(";
  for (int k = 0; k < rank_; ++k) {
    if (k > 0) s += ", ";
    s += std::to_string(dims_[k]);
  }
  if (rank_ == 1) s += ",";
  return s + ")";
}

bool operator==(const Shape& a, const Shape& b) {
  return a.rank_ == b.rank_ && std::equal(a.dims_.begin(), a.dims_.begin() + a.rank_, b.dims_.begin());
}

int normalize_axis(std::string_view op, int axis, int rank) {
  const int a = axis < 0 ? axis + rank : axis;
  if (a < 0 || a >= rank)
    throw InvalidArgument(std::string(op) + ": axis " + std::to_string(axis) + " is out of range for rank " +
                          std::to_string(rank));
  return a;
}

Shape broadcast_shapes(std::string_view op, const Shape& a, const Shape& b) {
  if (a == b) return a;
  const int rank = std::max(a.rank(), b.rank());
  Shape out = a.rank() >= b.rank() ? a : b;
  for (int k = 0; k < rank; ++k) {
    const int ka = k - (rank - a.rank()), kb = k - (rank - b.rank());
    const Index da = ka >= 0 ? a[ka] : 1, db = kb >= 0 ? b[kb] : 1;
    if (da != db && da != 1 && db != 1)
      throw InvalidArgument(std::string(op) + ": shapes " + a.to_string() + " and " + b.to_string() +
                            " do not broadcast");
    out = out.with(k, da == 1 ? db : da);
  }
  return out;
}

}  // namespace optiml::tensor
