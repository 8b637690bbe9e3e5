#pragma once
// A supervised-learning data set: a feature matrix (rows = samples), dense or
// sparse CSR, with one label per row (class id or regression target) and
// optional feature names. Readers (libsvm.hpp, csv.hpp, idx.hpp, npy.hpp) and
// generators (synthetic.hpp) produce it; the ml module consumes it.
#include <string>
#include <vector>

#include "optiml/core/types.hpp"

namespace optiml {

class Dataset {
 public:
  Dataset() = default;
  // Both constructors validate (see validate()) and throw InvalidArgument.
  Dataset(Matrix features, Vector labels, std::vector<std::string> feature_names = {});
  Dataset(SparseMatrix features, Vector labels, std::vector<std::string> feature_names = {});

  Index n_samples() const { return labels_.size(); }
  Index n_features() const { return sparse_ ? sparse_features_.cols() : dense_features_.cols(); }
  bool is_sparse() const { return sparse_; }
  bool empty() const { return n_samples() == 0; }

  // The features in their stored layout; the wrong accessor throws InvalidArgument.
  const Matrix& dense() const;
  const SparseMatrix& sparse() const;
  // The features converted to the other layout when needed (a copy).
  Matrix to_dense() const;
  SparseMatrix to_sparse() const;

  const Vector& labels() const { return labels_; }
  // Empty, or one name per feature.
  const std::vector<std::string>& feature_names() const { return feature_names_; }
  void set_feature_names(std::vector<std::string> names);

  // Rows `rows` (in that order, repeats allowed) as a new data set of the same layout.
  Dataset subset(const std::vector<Index>& rows) const;

  // Throws InvalidArgument with a one-line message on a label/feature row count
  // mismatch, a NaN or infinite feature or label (naming its row and column), or
  // a feature-name count that is neither 0 nor n_features().
  void validate() const;

 private:
  bool sparse_ = false;
  Matrix dense_features_;
  SparseMatrix sparse_features_;
  Vector labels_;
  std::vector<std::string> feature_names_;
};

}  // namespace optiml
