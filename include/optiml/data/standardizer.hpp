#pragma once
// Per-feature standardization x_j <- (x_j - mean_j) / scale_j, fitted on the
// training data and applied unchanged to any other data (no test-set leakage).
// scale_j is the population standard deviation (divisor n, as scikit-learn's
// StandardScaler); a constant feature (std <= 1e-12 max |x_j|) gets scale 1.
// Sparse data is scaled only, never centered (centering would fill it in): its
// mean is reported but not subtracted.
#include "optiml/data/dataset.hpp"

namespace optiml {

class Standardizer {
 public:
  // Computes mean and scale per feature (an empty data set is InvalidArgument).
  void fit(const Dataset& train);
  // A copy of `data` standardized with the fitted statistics; labels and names
  // are kept. Throws InvalidArgument when unfitted or the feature count differs.
  Dataset transform(const Dataset& data) const;
  Dataset fit_transform(const Dataset& train);
  Matrix transform(const Matrix& features) const;
  SparseMatrix transform(const SparseMatrix& features) const;
  // Undoes transform() on dense features.
  Matrix inverse_transform(const Matrix& features) const;

  bool fitted() const { return fitted_; }
  // False after fitting sparse data: transform() then only divides by scale().
  bool centers() const { return centers_; }
  const Vector& mean() const { return mean_; }
  const Vector& scale() const { return scale_; }

 private:
  void check(Index n_features) const;
  bool fitted_ = false;
  bool centers_ = true;
  Vector mean_;
  Vector scale_;
};

}  // namespace optiml
