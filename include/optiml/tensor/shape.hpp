#pragma once
// Shapes of dense row-major arrays of rank 0..4 and NumPy broadcasting rules.
#include <array>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "optiml/core/types.hpp"

namespace optiml::tensor {

// The extents of a dense row-major array: rank 0 (a scalar) up to kMaxRank.
class Shape {
 public:
  static constexpr int kMaxRank = 4;

  Shape() = default;
  // Throws InvalidArgument for more than kMaxRank dimensions or a negative extent.
  Shape(std::initializer_list<Index> dims) : Shape(std::span<const Index>(dims.begin(), dims.size())) {}
  explicit Shape(std::span<const Index> dims);

  int rank() const { return rank_; }
  Index operator[](int axis) const { return dims_[axis]; }
  Index size() const;
  // Leading extents multiplied together (rows of the array seen as 2-D) and the last extent.
  Index rows() const {
    Index n = 1;
    for (int k = 0; k + 1 < rank_; ++k) n *= dims_[k];
    return n;
  }
  Index cols() const { return rank_ == 0 ? 1 : dims_[rank_ - 1]; }
  // The same shape with `extent` at `axis` (0 <= axis < rank).
  Shape with(int axis, Index extent) const;
  // The shape without `axis`.
  Shape without(int axis) const;
  std::string to_string() const;  // "(3, 4)", "(5,)", "()"

  friend bool operator==(const Shape& a, const Shape& b);

 private:
  std::array<Index, kMaxRank> dims_{};
  int rank_ = 0;
};

// Normalizes a possibly negative axis (-1 is the last) of an array of rank `rank`;
// throws InvalidArgument naming `op` when it is out of range.
int normalize_axis(std::string_view op, int axis, int rank);

// The NumPy broadcast of two shapes (align right; each pair of extents is equal or
// one of them is 1); throws "op: shapes (2, 3) and (4,) do not broadcast".
Shape broadcast_shapes(std::string_view op, const Shape& a, const Shape& b);

}  // namespace optiml::tensor
