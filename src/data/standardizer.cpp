#include "optiml/data/standardizer.hpp"

#include <algorithm>
#include <cmath>

#include "optiml/core/error.hpp"

namespace optiml {

void Standardizer::fit(const Dataset& train) {
  const Index n = train.n_samples(), d = train.n_features();
  if (n == 0) throw InvalidArgument("Standardizer::fit: the data set is empty");
  Vector variance(d), max_abs(d);
  if (train.is_sparse()) {
    // Two passes over the stored entries; the implicit zeros add (n - nnz_j) mean_j^2.
    const SparseMatrix& x = train.sparse();
    mean_ = Vector::Zero(d);
    max_abs.setZero();
    Eigen::VectorXi stored = Eigen::VectorXi::Zero(d);
    for (Index i = 0; i < n; ++i)
      for (SparseMatrix::InnerIterator it(x, i); it; ++it) {
        mean_[it.col()] += it.value();
        max_abs[it.col()] = std::max(max_abs[it.col()], std::abs(it.value()));
        ++stored[it.col()];
      }
    mean_ /= static_cast<double>(n);
    variance.setZero();
    for (Index i = 0; i < n; ++i)
      for (SparseMatrix::InnerIterator it(x, i); it; ++it) {
        const double r = it.value() - mean_[it.col()];
        variance[it.col()] += r * r;
      }
    for (Index j = 0; j < d; ++j)
      variance[j] = (variance[j] + static_cast<double>(n - stored[j]) * mean_[j] * mean_[j]) / static_cast<double>(n);
    centers_ = false;
  } else {
    const Matrix& x = train.dense();
    mean_ = x.colwise().mean().transpose();
    variance = (x.rowwise() - mean_.transpose()).colwise().squaredNorm().transpose() / static_cast<double>(n);
    max_abs = x.cwiseAbs().colwise().maxCoeff().transpose();
    centers_ = true;
  }
  scale_.resize(d);
  for (Index j = 0; j < d; ++j) {
    const double std_dev = std::sqrt(variance[j]);
    scale_[j] = std_dev <= 1e-12 * max_abs[j] || std_dev == 0.0 ? 1.0 : std_dev;
  }
  fitted_ = true;
}

void Standardizer::check(Index n_features) const {
  if (!fitted_) throw InvalidArgument("Standardizer: transform called before fit");
  if (n_features != scale_.size())
    throw InvalidArgument("Standardizer: the data has " + std::to_string(n_features) + " features, fitted on " +
                          std::to_string(scale_.size()));
}

Matrix Standardizer::transform(const Matrix& features) const {
  check(features.cols());
  const Vector inverse = scale_.cwiseInverse();
  if (centers_) return (features.rowwise() - mean_.transpose()) * inverse.asDiagonal();
  return features * inverse.asDiagonal();
}

SparseMatrix Standardizer::transform(const SparseMatrix& features) const {
  check(features.cols());
  SparseMatrix out = features;
  out.makeCompressed();
  // Scaling only: centering would turn every implicit zero into a stored entry.
  for (Index k = 0; k < out.nonZeros(); ++k) out.valuePtr()[k] /= scale_[out.innerIndexPtr()[k]];
  return out;
}

Matrix Standardizer::inverse_transform(const Matrix& features) const {
  check(features.cols());
  Matrix out = features * scale_.asDiagonal();
  if (centers_) out.rowwise() += mean_.transpose();
  return out;
}

Dataset Standardizer::transform(const Dataset& data) const {
  if (data.is_sparse()) return Dataset(transform(data.sparse()), data.labels(), data.feature_names());
  return Dataset(transform(data.dense()), data.labels(), data.feature_names());
}

Dataset Standardizer::fit_transform(const Dataset& train) {
  fit(train);
  return transform(train);
}

}  // namespace optiml
