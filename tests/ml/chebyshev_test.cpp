#include "optiml/ml/chebyshev.hpp"

#include <gtest/gtest.h>

#include <random>

#include "optiml/core/error.hpp"

namespace {

using optiml::Index;
using optiml::RowMatrix;
using optiml::Vector;

TEST(ChebyshevRegression, CertifiedOptimalOnRandomProblems) {
  int certified = 0;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> N;
    std::uniform_real_distribution<double> U(-1.0, 1.0);
    const Index n = 40 + static_cast<Index>(seed * 5), d = 1 + static_cast<Index>(seed % 4);
    RowMatrix X(n, d);
    Vector y(n);
    for (Index i = 0; i < n; ++i) {
      for (Index j = 0; j < d; ++j) X(i, j) = N(rng);
      y[i] = X.row(i).sum() + 0.3 + U(rng);  // uniform noise: the minimax fit is natural
    }
    const auto res = optiml::chebyshev_regression(X, y, true);
    if (!res.certified) continue;
    ++certified;
    auto F = [&](const Vector& w) { return (y - X * w.head(d) - Vector::Constant(n, w[d])).cwiseAbs().maxCoeff(); };
    EXPECT_NEAR(F(res.w), res.max_residual, 1e-12);
    for (int k = 0; k < 50; ++k) {  // no perturbation does better
      Vector w = res.w;
      for (Index j = 0; j <= d; ++j) w[j] += 1e-5 * N(rng);
      EXPECT_GE(F(w), res.max_residual - 1e-12) << "seed " << seed;
    }
    EXPECT_GE(res.min_lambda, -1e-12);
  }
  EXPECT_EQ(certified, 20);
}

TEST(ChebyshevRegression, MidrangeIsTheConstantFit) {
  const Vector y = (Vector(5) << 1, 7, 3, 10, 4).finished();
  const auto res = optiml::chebyshev_regression(RowMatrix::Ones(5, 1), y, false);
  EXPECT_TRUE(res.certified);
  EXPECT_NEAR(res.w[0], 5.5, 1e-10);  // (min + max) / 2
  EXPECT_NEAR(res.max_residual, 4.5, 1e-10);
  EXPECT_THROW(optiml::chebyshev_regression(RowMatrix::Ones(2, 2), Vector::Ones(2), true), optiml::InvalidArgument);
}

}  // namespace
