#include "optiml/problems/quadratic.hpp"

#include <gtest/gtest.h>

#include <Eigen/Eigenvalues>
#include <cmath>

#include "optiml/core/error.hpp"

namespace optiml {
namespace {

TEST(ConditionedQuadratic, SpectrumIsLogSpacedBetweenOneAndKappa) {
  const ConditionedQuadratic q(12, 1e4, 3);
  Eigen::SelfAdjointEigenSolver<Matrix> eig(q.A());
  const Vector lambda = eig.eigenvalues();  // ascending
  for (Index i = 0; i < 12; ++i) {
    const double expected = std::pow(1e4, double(i) / 11);
    EXPECT_NEAR(lambda[i], expected, 1e-10 * 1e4) << i;
    EXPECT_NEAR(q.eigenvalues()[i], expected, 1e-12 * expected) << i;
  }
  EXPECT_EQ(q.lipschitz_constant(), 1e4);
  EXPECT_EQ(q.strong_convexity(), 1.0);
  EXPECT_EQ(q.condition_number(), 1e4);
  EXPECT_EQ((q.A() - q.A().transpose()).norm(), 0.0);
  // Rotated: far from diagonal.
  EXPECT_GT(q.A().norm() - q.A().diagonal().norm(), 1.0);
}

TEST(ConditionedQuadratic, MinimizerAndOptimalValue) {
  for (QuadraticBasis basis : {QuadraticBasis::Rotated, QuadraticBasis::Diagonal}) {
    const ConditionedQuadratic q(20, 100, 5, basis);
    const Vector& xs = q.x_star();
    Vector g;
    const double f = q.value_and_gradient(xs, g);
    EXPECT_LT(g.lpNorm<Eigen::Infinity>(), 1e-12 * 100 * xs.lpNorm<Eigen::Infinity>());
    EXPECT_NEAR(f, q.f_star(), 1e-12 * std::abs(q.f_star()));
    EXPECT_NEAR(q.value(xs), q.f_star(), 1e-12 * std::abs(q.f_star()));
    // x* = A^{-1} b and f* = -1/2 b' A^{-1} b.
    const Vector solved = q.A().ldlt().solve(q.b());
    EXPECT_LT((solved - xs).norm(), 1e-10 * xs.norm());
    EXPECT_NEAR(q.f_star(), -0.5 * q.b().dot(solved), 1e-10 * std::abs(q.f_star()));
    // f(x) - f* = 1/2 (x - x*)' A (x - x*) at another point.
    const Vector x = Vector::LinSpaced(20, -1, 2);
    const Vector d = x - xs;
    EXPECT_NEAR(q.value(x) - q.f_star(), 0.5 * d.dot(q.A() * d), 1e-10 * std::abs(q.value(x)));
    Vector Hv;
    q.hessian_vector(x, d, Hv);
    EXPECT_LT((Hv - q.A() * d).norm(), 1e-12 * Hv.norm());
  }
}

TEST(ConditionedQuadratic, SameSeedSameBitsOtherSeedOtherProblem) {
  const ConditionedQuadratic a(8, 50, 42), b(8, 50, 42), c(8, 50, 43);
  EXPECT_EQ((a.A() - b.A()).norm(), 0.0);
  EXPECT_EQ((a.b() - b.b()).norm(), 0.0);
  EXPECT_GT((a.A() - c.A()).norm(), 1e-3);
  EXPECT_GT((a.x_star() - c.x_star()).norm(), 1e-3);
}

TEST(ConditionedQuadratic, DeviatesAreReproducible) {
  // Polar-method deviates from std::mt19937_64(0), whose output the C++ standard fixes:
  // with a diagonal basis, x* holds the first deviates. Regression values; the tolerance
  // only allows a last-bit difference in std::log between C libraries.
  const ConditionedQuadratic q(4, 10, 0, QuadraticBasis::Diagonal);
  const double expected[4] = {-0.48132337199836744, 0.10191855551453786, 0.064987953338865465,
                              -0.68060303256354293};
  for (int i = 0; i < 4; ++i) EXPECT_NEAR(q.x_star()[i], expected[i], 1e-15 * std::abs(expected[i])) << i;
  // They are standard normal: moments of many.
  const ConditionedQuadratic big(100000, 10, 1, QuadraticBasis::Diagonal);
  const Vector& z = big.x_star();
  const double mean = z.mean();
  const double var = (z.array() - mean).square().mean();
  EXPECT_NEAR(mean, 0.0, 0.01);  // standard error 0.003
  EXPECT_NEAR(var, 1.0, 0.02);   // standard error 0.0045
  EXPECT_NEAR((z.array().abs() < 1.0).cast<double>().mean(), 0.682689, 0.006);
}

TEST(ConditionedQuadratic, CatalogEntriesAndBadArguments) {
  const TestProblem p = quadratic_problem(10);
  EXPECT_EQ(p.name, "quadratic");
  EXPECT_EQ(p.x0, Vector::Zero(10));
  EXPECT_EQ(p.objective->lipschitz_constant(), 100.0);
  EXPECT_EQ(p.objective->strong_convexity(), 1.0);
  const TestProblem d = diagonal_quadratic_problem(10);
  EXPECT_EQ(d.name, "quadratic-diagonal");
  Matrix H;
  d.objective->hessian(d.x0, H);
  EXPECT_EQ((H - Matrix(H.diagonal().asDiagonal())).norm(), 0.0);
  EXPECT_THROW(ConditionedQuadratic(0, 10), InvalidArgument);
  EXPECT_THROW(ConditionedQuadratic(3, 0.5), InvalidArgument);
  EXPECT_THROW(ConditionedQuadratic(3, INFINITY), InvalidArgument);
  const ConditionedQuadratic one(1, 10);
  EXPECT_EQ(one.lipschitz_constant(), 1.0);
}

}  // namespace
}  // namespace optiml
