#include "optiml/smooth/newton_cg.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "optiml/core/error.hpp"
#include "optiml/problems/functions_2d.hpp"
#include "optiml/problems/quadratic.hpp"
#include "optiml/problems/rosenbrock.hpp"
#include "optiml/solvers.hpp"
#include "second_order_objectives.hpp"

namespace {

using optiml::NewtonCG;
using optiml::Status;
using optiml::Vector;
namespace sot = optiml::second_order_testing;

NewtonCG::Options tight(double gtol) {
  NewtonCG::Options o;
  o.tolerances.gtol = gtol;
  return o;
}

TEST(NewtonCG, ReachesRosenbrockMinimumFromStandardStart) {
  const auto p = optiml::rosenbrock_problem();
  const auto r = NewtonCG(tight(1e-9)).minimize(*p.objective, p.x0);
  EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
  EXPECT_LT((r.x - p.x_star).lpNorm<Eigen::Infinity>(), 1e-8);
  EXPECT_GT(r.evaluations.hessian_vector, 0);
  EXPECT_EQ(r.evaluations.hessian, 0);
}

TEST(NewtonCG, SolvesExtendedRosenbrockWithoutFormingTheHessian) {
  const auto p = optiml::extended_rosenbrock_problem(1000);
  const auto r = NewtonCG(tight(1e-8)).minimize(*p.objective, p.x0);
  EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
  EXPECT_LT((r.x - p.x_star).lpNorm<Eigen::Infinity>(), 1e-7);
  EXPECT_EQ(r.evaluations.hessian, 0);
}

// Forcing term eta_k = min(0.5, sqrt|g_k|) -> 0 gives superlinear convergence (N&W Thm 7.2).
TEST(NewtonCG, ConvergesSuperlinearlyOnStronglyConvexFunction) {
  const auto f = sot::convex_softplus(20);
  const auto r = NewtonCG(tight(1e-12)).minimize(*f, Vector::Zero(20));
  ASSERT_EQ(r.status, Status::ConvergedGradient) << r.message;
  const auto q = sot::optimality_ratios(r.trace, 1e-1, 1e-13);
  ASSERT_GE(q.size(), 3u);
  EXPECT_LT(q.back(), 0.01);
  EXPECT_LT(q.back(), 0.1 * q.front());
}

TEST(NewtonCG, SolvesIllConditionedQuadratic) {
  const auto p = optiml::quadratic_problem(50, 1e4, 5);
  const auto r = NewtonCG(tight(1e-6)).minimize(*p.objective, p.x0);
  EXPECT_TRUE(r.success()) << r.message;
  EXPECT_LT((r.x - p.x_star).norm(), 1e-6 * p.x_star.norm());
}

// Without any second-order information each CG iteration costs one extra gradient.
TEST(NewtonCG, FiniteDifferenceHessianVectorProducts) {
  const auto f = sot::convex_softplus(10, false);
  const auto exact = NewtonCG(tight(1e-10)).minimize(*sot::convex_softplus(10), Vector::Zero(10));
  const auto r = NewtonCG(tight(1e-10)).minimize(*f, Vector::Zero(10));
  EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
  EXPECT_LT((r.x - exact.x).norm(), 1e-9);
  EXPECT_EQ(r.evaluations.gradient, r.evaluations.f + r.evaluations.hessian_vector);
}

// From the saddle region the first CG direction has negative curvature along y only
// when the gradient points there; the method must still descend to a minimum.
TEST(NewtonCG, NegativeCurvatureExitStillDescends) {
  const auto r = NewtonCG(tight(1e-10)).minimize(*sot::saddle(), Vector{{0.01, 0.5}});
  EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
  EXPECT_NEAR(r.value, -1.0, 1e-12);
  for (std::size_t k = 1; k < r.trace.size(); ++k) EXPECT_LT(r.trace.records[k].f, r.trace.records[k - 1].f);
}

// One CG iteration per step makes it a scaled steepest descent: still convergent, slower.
TEST(NewtonCG, MaxCgIterationsTruncates) {
  const auto f = sot::convex_softplus(20);
  auto o = tight(1e-8);
  const auto full = NewtonCG(o).minimize(*f, Vector::Zero(20));
  o.max_cg_iterations = 1;
  const auto one = NewtonCG(o).minimize(*f, Vector::Zero(20));
  EXPECT_TRUE(one.success()) << one.message;
  EXPECT_EQ(one.evaluations.hessian_vector, one.iterations);
  EXPECT_GT(one.iterations, full.iterations);
}

TEST(NewtonCG, NonFiniteValuesEndAtFiniteBestPoint) {
  const auto f = sot::nan_beyond_two(3);
  const auto r = NewtonCG(tight(1e-8)).minimize(*f, Vector::Zero(3));
  EXPECT_NE(r.status, Status::Running);
  EXPECT_TRUE(r.x.allFinite());
  EXPECT_TRUE(std::isfinite(r.value));
  EXPECT_LT(r.value, 27.0);
}

TEST(NewtonCG, RegisteredUnderAliasesAndRejectsBadOptions) {
  const auto& info = optiml::solvers().find("truncated-newton");
  EXPECT_EQ(info.name, "newton-cg");
  EXPECT_EQ(optiml::solvers().find("newton-krylov").name, "newton-cg");
  EXPECT_TRUE(info.uses_hessian);
  EXPECT_THROW(info.run(*sot::saddle(), Vector{{1.0, 1.0}}, {{"max_cg_iterations", "-1"}}, {}),
               optiml::InvalidArgument);
  EXPECT_THROW(info.run(*sot::saddle(), Vector{{1.0, 1.0}}, {{"c1", "1"}}, {}), optiml::InvalidArgument);
}

}  // namespace
