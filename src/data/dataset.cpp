#include "optiml/data/dataset.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "optiml/core/error.hpp"

namespace optiml {

Dataset::Dataset(Matrix features, Vector labels, std::vector<std::string> feature_names)
    : sparse_(false), dense_features_(std::move(features)), labels_(std::move(labels)),
      feature_names_(std::move(feature_names)) {
  validate();
}

Dataset::Dataset(SparseMatrix features, Vector labels, std::vector<std::string> feature_names)
    : sparse_(true), sparse_features_(std::move(features)), labels_(std::move(labels)),
      feature_names_(std::move(feature_names)) {
  sparse_features_.makeCompressed();
  validate();
}

const Matrix& Dataset::dense() const {
  if (sparse_) throw InvalidArgument("Dataset::dense: the features are sparse (use sparse() or to_dense())");
  return dense_features_;
}

const SparseMatrix& Dataset::sparse() const {
  if (!sparse_) throw InvalidArgument("Dataset::sparse: the features are dense (use dense() or to_sparse())");
  return sparse_features_;
}

Matrix Dataset::to_dense() const { return sparse_ ? Matrix(sparse_features_) : dense_features_; }

SparseMatrix Dataset::to_sparse() const {
  if (sparse_) return sparse_features_;
  SparseMatrix s = dense_features_.sparseView();
  s.makeCompressed();
  return s;
}

void Dataset::set_feature_names(std::vector<std::string> names) {
  std::swap(feature_names_, names);
  try {
    validate();
  } catch (...) {
    std::swap(feature_names_, names);
    throw;
  }
}

Dataset Dataset::subset(const std::vector<Index>& rows) const {
  const Index n = n_samples();
  Vector y(static_cast<Index>(rows.size()));
  for (std::size_t k = 0; k < rows.size(); ++k) {
    if (rows[k] < 0 || rows[k] >= n)
      throw InvalidArgument("Dataset::subset: row " + std::to_string(rows[k]) + " is out of range [0, " +
                            std::to_string(n) + ")");
    y[static_cast<Index>(k)] = labels_[rows[k]];
  }
  if (!sparse_) {
    Matrix x(static_cast<Index>(rows.size()), dense_features_.cols());
    for (std::size_t k = 0; k < rows.size(); ++k) x.row(static_cast<Index>(k)) = dense_features_.row(rows[k]);
    return Dataset(std::move(x), std::move(y), feature_names_);
  }
  // CSR rows copied wholesale: outer pointers, then indices and values.
  std::vector<int> outer(rows.size() + 1, 0);
  for (std::size_t k = 0; k < rows.size(); ++k)
    outer[k + 1] = outer[k] + static_cast<int>(sparse_features_.outerIndexPtr()[rows[k] + 1] -
                                               sparse_features_.outerIndexPtr()[rows[k]]);
  std::vector<int> inner(static_cast<std::size_t>(outer.back()));
  std::vector<double> values(inner.size());
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const int begin = sparse_features_.outerIndexPtr()[rows[k]];
    const int count = outer[k + 1] - outer[k];
    std::copy_n(sparse_features_.innerIndexPtr() + begin, count, inner.begin() + outer[k]);
    std::copy_n(sparse_features_.valuePtr() + begin, count, values.begin() + outer[k]);
  }
  SparseMatrix x = Eigen::Map<const SparseMatrix>(static_cast<Index>(rows.size()), sparse_features_.cols(),
                                                  outer.back(), outer.data(), inner.data(), values.data());
  return Dataset(std::move(x), std::move(y), feature_names_);
}

namespace {

[[noreturn]] void non_finite_feature(Index row, Index col, double v) {
  throw InvalidArgument("Dataset: feature at row " + std::to_string(row) + ", column " + std::to_string(col) +
                        " is " + (std::isnan(v) ? "NaN" : "infinite") + " (features must be finite)");
}

}  // namespace

void Dataset::validate() const {
  const Index rows = sparse_ ? sparse_features_.rows() : dense_features_.rows();
  if (rows != labels_.size())
    throw InvalidArgument("Dataset: " + std::to_string(labels_.size()) + " labels for " + std::to_string(rows) +
                          " feature rows (expected one label per row)");
  if (!feature_names_.empty() && static_cast<Index>(feature_names_.size()) != n_features())
    throw InvalidArgument("Dataset: " + std::to_string(feature_names_.size()) + " feature names for " +
                          std::to_string(n_features()) + " features (expected none or one per feature)");
  for (Index i = 0; i < labels_.size(); ++i)
    if (!std::isfinite(labels_[i]))
      throw InvalidArgument("Dataset: label at row " + std::to_string(i) + " is " +
                            (std::isnan(labels_[i]) ? "NaN" : "infinite") + " (labels must be finite)");
  if (sparse_) {
    for (Index i = 0; i < sparse_features_.outerSize(); ++i)
      for (SparseMatrix::InnerIterator it(sparse_features_, i); it; ++it)
        if (!std::isfinite(it.value())) non_finite_feature(i, it.col(), it.value());
  } else if (!dense_features_.allFinite()) {
    for (Index j = 0; j < dense_features_.cols(); ++j)
      for (Index i = 0; i < dense_features_.rows(); ++i)
        if (!std::isfinite(dense_features_(i, j))) non_finite_feature(i, j, dense_features_(i, j));
  }
}

}  // namespace optiml
