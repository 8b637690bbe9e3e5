#pragma once
// Seeded synthetic problems with known ground truth, for tests, benchmarks and
// course labs. Same options and seed give the same bits on every platform: the
// generators use std::mt19937_64 with their own uniform and normal transforms
// (the standard distributions are implementation-defined).
//
// Design rows are standard normal with Toeplitz correlation
// Corr(x_i, x_j) = correlation^|i-j| (an AR(1) chain across features), or,
// with density < 1, sparse CSR rows whose entries are present with that
// probability and standard normal (independent features).
// Ground truth: `n_informative` coefficients (chosen uniformly at random, the
// rest exactly zero) drawn standard normal; n_informative = -1 means all.
#include <cstdint>

#include "optiml/data/dataset.hpp"

namespace optiml {

struct SyntheticDesign {
  Index n_samples = 100;
  Index n_features = 10;
  Index n_informative = -1;  // nonzeros in the true coefficients; -1: all n_features
  double correlation = 0.0;  // rho in (-1, 1) of the Toeplitz correlation rho^|i-j| (dense designs only)
  double density = 1.0;      // in (0, 1]; below 1 the features are sparse CSR
  std::uint64_t seed = 0;
};

struct RegressionOptions : SyntheticDesign {
  double noise_std = 0.1;  // y = X w* + intercept + noise_std * N(0, 1)
  double intercept = 0.0;
};

struct ClassificationOptions : SyntheticDesign {
  Index n_classes = 2;       // labels are the class ids 0..n_classes-1
  double label_flip = 0.0;   // each label is replaced, with this probability, by a different class chosen uniformly
};

struct SyntheticProblem {
  Dataset dataset;
  // The true coefficients: n_features x 1 (regression, binary) or n_features x n_classes.
  Matrix coefficients;
  // Labels before noise: X w* + intercept, or the noiseless class ids.
  Vector clean_labels;
};

// y = X w* + intercept + noise.
SyntheticProblem make_regression(const RegressionOptions& options);
// Binary: class 1 when x'w* > 0, else 0. Multiclass: argmax_k x'W*_k. Then
// each label flips with probability label_flip.
SyntheticProblem make_classification(const ClassificationOptions& options);

}  // namespace optiml
