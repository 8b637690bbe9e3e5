// The fast scalable Rosenbrocks against a plain reference implementation, at sizes that
// exercise their blocked loops' boundaries.
#include "optiml/problems/rosenbrock.hpp"

#include <gtest/gtest.h>

#include <random>

#include "optiml/core/error.hpp"

namespace optiml {
namespace {

Vector random_point(Index n, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(-2.0, 2.0);
  Vector x(n);
  for (Index i = 0; i < n; ++i) x[i] = u(rng);
  return x;
}

// Reference: f and gradient term by term, as in scipy.optimize.rosen / rosen_der.
double reference_chained(const Vector& x, Vector& g) {
  const Index n = x.size();
  double f = 0;
  g.setZero(n);
  for (Index i = 0; i + 1 < n; ++i) {
    const double t = x[i + 1] - x[i] * x[i], u = 1 - x[i];
    f += 100 * t * t + u * u;
    g[i] += -400 * x[i] * t - 2 * u;
    g[i + 1] += 200 * t;
  }
  return f;
}

double reference_extended(const Vector& x, Vector& g) {
  const Index n = x.size();
  double f = 0;
  g.setZero(n);
  for (Index i = 0; i < n; i += 2) {
    const double t = x[i + 1] - x[i] * x[i], u = 1 - x[i];
    f += 100 * t * t + u * u;
    g[i] = -400 * x[i] * t - 2 * u;
    g[i + 1] = 200 * t;
  }
  return f;
}

template <class Problem>
void check_against_reference(Index n, double (*reference)(const Vector&, Vector&)) {
  SCOPED_TRACE("n = " + std::to_string(n));
  const Problem f(n);
  const Vector x = random_point(n, unsigned(n));
  Vector g, g_ref;
  const double fx = f.value_and_gradient(x, g);
  const double f_ref = reference(x, g_ref);
  // Only the order of the sum differs.
  EXPECT_NEAR(fx, f_ref, 1e-13 * f_ref);
  EXPECT_NEAR(f.value(x), f_ref, 1e-13 * f_ref);
  EXPECT_LE((g - g_ref).lpNorm<Eigen::Infinity>(), 1e-14 * g_ref.lpNorm<Eigen::Infinity>());
  // Hessian-vector product against the dense Hessian (small n only).
  if (n <= 300) {
    Matrix H;
    f.hessian(x, H);
    const Vector v = random_point(n, 99);
    Vector Hv;
    f.hessian_vector(x, v, Hv);
    EXPECT_LT((H * v - Hv).lpNorm<Eigen::Infinity>(), 1e-10 * (H * v).lpNorm<Eigen::Infinity>());
  }
}

TEST(ExtendedRosenbrock, MatchesReferenceAcrossBlockBoundaries) {
  for (Index n : {2, 4, 254, 256, 258, 512, 514, 1000, 10002})
    check_against_reference<ExtendedRosenbrock>(n, reference_extended);
}

TEST(ChainedRosenbrock, MatchesReferenceAcrossBlockBoundaries) {
  for (Index n : {2, 3, 128, 129, 130, 131, 257, 258, 1000, 10001})
    check_against_reference<ChainedRosenbrock>(n, reference_chained);
}

TEST(ScalableRosenbrock, MinimumAndStartAtLargeSize) {
  const Index n = 1000000;
  const Vector ones = Vector::Ones(n);
  Vector g;
  ExtendedRosenbrock e(n);
  ChainedRosenbrock c(n);
  EXPECT_EQ(e.value_and_gradient(ones, g), 0.0);
  EXPECT_EQ(g.lpNorm<Eigen::Infinity>(), 0.0);
  EXPECT_EQ(c.value_and_gradient(ones, g), 0.0);
  EXPECT_EQ(g.lpNorm<Eigen::Infinity>(), 0.0);
  // At x0 = (-1.2, 1, ...) each pair contributes 100 (1 - 1.44)^2 + 2.2^2 = 24.2.
  const Vector x0 = rosenbrock_start(n);
  EXPECT_NEAR(e.value(x0), 24.2 * double(n / 2), 1e-9 * 24.2 * double(n / 2));
  // Chained: the (-1.2, 1) terms give 24.2, the (1, -1.2) terms 100 * 2.2^2 = 484.
  EXPECT_NEAR(c.value(x0), 24.2 * double(n / 2) + 484.0 * double(n / 2 - 1), 1e-9 * 254.0 * double(n));
}

TEST(ScalableRosenbrock, RejectsBadSizes) {
  EXPECT_THROW(ExtendedRosenbrock(3), InvalidArgument);
  EXPECT_THROW(ExtendedRosenbrock(0), InvalidArgument);
  EXPECT_THROW(ChainedRosenbrock(1), InvalidArgument);
  ExtendedRosenbrock e(4);
  Vector g;
  EXPECT_THROW(e.value_and_gradient(Vector::Zero(6), g), InvalidArgument);
  EXPECT_THROW(e.value(Vector::Zero(2)), InvalidArgument);
}

}  // namespace
}  // namespace optiml
