#include "optiml/ml/lad.hpp"

#include <gtest/gtest.h>

#include <random>

#include "optiml/core/error.hpp"

namespace {

using optiml::Index;
using optiml::RowMatrix;
using optiml::Vector;

// Exact LAD fits: the certificate holds, and no random perturbation of the
// solution does better (a convex piecewise-linear objective at its minimum).
TEST(LadRegression, CertifiedOptimalOnRandomProblemsWithOutliers) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> N;
    std::bernoulli_distribution outlier(0.15);
    const Index n = 60 + static_cast<Index>(seed * 7), d = 1 + static_cast<Index>(seed % 5);
    RowMatrix X(n, d);
    Vector y(n), w_true(d);
    for (Index j = 0; j < d; ++j) w_true[j] = N(rng);
    for (Index i = 0; i < n; ++i) {
      for (Index j = 0; j < d; ++j) X(i, j) = N(rng);
      y[i] = X.row(i).dot(w_true) + 0.5 + 0.1 * N(rng) + (outlier(rng) ? 20.0 * N(rng) : 0.0);
    }
    const auto res = optiml::lad_regression(X, y, true);
    ASSERT_TRUE(res.certified) << "seed " << seed << " certificate " << res.certificate;
    EXPECT_LE(res.certificate, 1.0 + 1e-9);
    auto F = [&](const Vector& w) { return (y - X * w.head(d) - Vector::Constant(n, w[d])).cwiseAbs().sum(); };
    EXPECT_NEAR(F(res.w), res.objective, 1e-9 * res.objective);
    for (int k = 0; k < 50; ++k) {
      Vector w = res.w;
      for (Index j = 0; j <= d; ++j) w[j] += 1e-4 * N(rng);
      EXPECT_GE(F(w), res.objective - 1e-9) << "seed " << seed;
    }
    // Robust to the outliers: close to the true slope.
    EXPECT_LT((res.w.head(d) - w_true).norm(), 0.2) << "seed " << seed;
  }
}

TEST(LadRegression, MedianIsTheOneDimensionalAnswer) {
  RowMatrix X(5, 1);
  X << 0, 0, 0, 0, 0;
  const Vector y = (Vector(5) << 1, 7, 3, 100, 4).finished();
  const auto res = optiml::lad_regression(RowMatrix::Ones(5, 1) * 0.0 + RowMatrix::Ones(5, 1), y, false);
  EXPECT_NEAR(res.w[0], 4.0, 1e-12);  // the median
  EXPECT_THROW(optiml::lad_regression(X, y, false), optiml::InvalidArgument);  // rank deficient
  EXPECT_THROW(optiml::lad_regression(RowMatrix::Ones(1, 3), Vector::Ones(1), true), optiml::InvalidArgument);
}

}  // namespace
