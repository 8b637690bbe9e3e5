#pragma once
// Dense row-major arrays (float or double) and non-owning views with Eigen maps.
#include <span>
#include <utility>
#include <vector>

#include "optiml/core/error.hpp"
#include "optiml/core/types.hpp"
#include "optiml/tensor/shape.hpp"

namespace optiml::tensor {

template <class T>
using ArrayMap = Eigen::Map<Eigen::Array<T, Eigen::Dynamic, 1>>;
template <class T>
using ConstArrayMap = Eigen::Map<const Eigen::Array<T, Eigen::Dynamic, 1>>;
template <class T>
using RowMatrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
template <class T>
using MatrixMap = Eigen::Map<RowMatrix<T>>;
template <class T>
using ConstMatrixMap = Eigen::Map<const RowMatrix<T>>;

// A read-only view of contiguous row-major data; `data` is null for "absent".
template <class T>
struct ConstTensorView {
  const T* data = nullptr;
  Shape shape;

  Index size() const { return shape.size(); }
  explicit operator bool() const { return data != nullptr; }
  // All elements as a flat Eigen array.
  ConstArrayMap<T> array() const { return {data, size()}; }
  // The array as a matrix of shape.rows() x shape.cols() (the last axis is the columns).
  ConstMatrixMap<T> matrix() const { return {data, shape.rows(), shape.cols()}; }
  const T& operator[](Index i) const { return data[i]; }
  std::span<const T> span() const { return {data, static_cast<std::size_t>(size())}; }
};

// A writable view of contiguous row-major data; `data` is null for "absent".
template <class T>
struct TensorView {
  T* data = nullptr;
  Shape shape;

  Index size() const { return shape.size(); }
  explicit operator bool() const { return data != nullptr; }
  ArrayMap<T> array() const { return {data, size()}; }
  MatrixMap<T> matrix() const { return {data, shape.rows(), shape.cols()}; }
  T& operator[](Index i) const { return data[i]; }
  std::span<T> span() const { return {data, static_cast<std::size_t>(size())}; }
  operator ConstTensorView<T>() const { return {data, shape}; }
};

// An owning dense array: parameters, inputs and results kept outside a Graph.
template <class T>
class Tensor {
 public:
  Tensor() = default;
  // Zero-filled array of the given shape.
  explicit Tensor(const Shape& shape) : shape_(shape), data_(static_cast<std::size_t>(shape.size()), T(0)) {}
  // Takes `data` (row-major); its length must be shape.size().
  Tensor(const Shape& shape, std::vector<T> data) : shape_(shape), data_(std::move(data)) {
    if (static_cast<Index>(data_.size()) != shape.size())
      throw InvalidArgument("Tensor: " + std::to_string(data_.size()) + " values for shape " + shape.to_string());
  }
  explicit Tensor(ConstTensorView<T> view) : shape_(view.shape), data_(view.data, view.data + view.size()) {}

  const Shape& shape() const { return shape_; }
  Index size() const { return shape_.size(); }
  T* data() { return data_.data(); }
  const T* data() const { return data_.data(); }
  T& operator[](Index i) { return data_[static_cast<std::size_t>(i)]; }
  const T& operator[](Index i) const { return data_[static_cast<std::size_t>(i)]; }
  // Element (i, j) of a rank-2 array.
  T& operator()(Index i, Index j) { return data_[static_cast<std::size_t>(i * shape_.cols() + j)]; }
  const T& operator()(Index i, Index j) const { return data_[static_cast<std::size_t>(i * shape_.cols() + j)]; }

  TensorView<T> view() { return {data_.data(), shape_}; }
  ConstTensorView<T> view() const { return {data_.data(), shape_}; }
  operator ConstTensorView<T>() const { return view(); }
  ArrayMap<T> array() { return view().array(); }
  ConstArrayMap<T> array() const { return view().array(); }
  MatrixMap<T> matrix() { return view().matrix(); }
  ConstMatrixMap<T> matrix() const { return view().matrix(); }

 private:
  Shape shape_;
  std::vector<T> data_;
};

}  // namespace optiml::tensor
