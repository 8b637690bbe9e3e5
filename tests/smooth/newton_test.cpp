#include "optiml/smooth/newton.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "optiml/core/error.hpp"
#include "optiml/problems/functions_2d.hpp"
#include "optiml/problems/quadratic.hpp"
#include "optiml/solvers.hpp"
#include "second_order_objectives.hpp"

namespace {

using optiml::Newton;
using optiml::Status;
using optiml::Vector;
namespace sot = optiml::second_order_testing;

Newton::Options tight(double gtol = 1e-10) {
  Newton::Options o;
  o.tolerances.gtol = gtol;
  return o;
}

TEST(Newton, ReachesRosenbrockMinimumFromStandardStart) {
  const auto p = optiml::rosenbrock_problem();
  const auto r = Newton(tight()).minimize(*p.objective, p.x0);
  EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
  EXPECT_LT((r.x - p.x_star).lpNorm<Eigen::Infinity>(), 1e-9);
  EXPECT_LT(r.iterations, 35);  // 25 with the analytic Hessian
  EXPECT_EQ(r.evaluations.hessian, r.iterations);
}

// N&W Theorem 3.5: near x* with the unit step, |x_{k+1} - x*| <= C |x_k - x*|^2
// (measured: errors 3.3e-2, 1.2e-3, 4.1e-5, 1.9e-9).
TEST(Newton, ConvergesQuadraticallyOnRosenbrock) {
  const auto p = optiml::rosenbrock_problem();
  std::vector<double> e;
  auto o = tight(1e-13);
  o.observers.push_back(sot::error_recorder(p.x_star, e));
  const auto r = Newton(o).minimize(*p.objective, p.x0);
  ASSERT_TRUE(r.success()) << r.message;
  int checked = 0;
  for (std::size_t k = 0; k + 1 < e.size(); ++k) {
    if (e[k] > 5e-2 || e[k + 1] < 1e-13) continue;
    EXPECT_LT(e[k + 1], 50.0 * e[k] * e[k]) << "iteration " << k;  // measured constant: <= 27
    ++checked;
  }
  EXPECT_GE(checked, 3);
}

// With the exact Hessian of a quadratic the first (unit) step lands on x*.
TEST(Newton, SolvesStronglyConvexQuadraticInOneStep) {
  optiml::ConditionedQuadratic q(30, 1e4, 7);
  const auto r = Newton(tight(1e-8)).minimize(q, Vector::Zero(30));
  EXPECT_EQ(r.status, Status::ConvergedGradient);
  EXPECT_EQ(r.iterations, 1);
  EXPECT_LT((r.x - q.x_star()).norm(), 1e-8 * q.x_star().norm());
}

// Himmelblau's Hessian at (0, 0) is negative definite: the raw Newton step heads for the
// local maximum near (-0.27, -0.92); both modifications must descend to a minimum.
TEST(Newton, ModificationsDescendFromNegativeDefiniteHessian) {
  const auto p = optiml::himmelblau_problem();
  for (auto mod : {optiml::HessianModification::CholeskyShift, optiml::HessianModification::Eigen}) {
    auto o = tight(1e-9);
    o.hessian_modification = mod;
    const auto r = Newton(o).minimize(*p.objective, p.x0);
    SCOPED_TRACE(std::string(optiml::enum_to_string(mod)));
    EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
    EXPECT_LT(r.value, 1e-15);
    for (std::size_t k = 1; k < r.trace.size(); ++k) EXPECT_LT(r.trace.records[k].f, r.trace.records[k - 1].f);
  }
}

// Near the saddle of x^2 - y^2 + y^4/4 the Hessian is indefinite; the modified step must
// leave the saddle and reach a minimum (f* = -1 at (0, +-sqrt 2)).
TEST(Newton, LeavesSaddleToMinimum) {
  for (auto mod : {optiml::HessianModification::CholeskyShift, optiml::HessianModification::Eigen}) {
    auto o = tight(1e-10);
    o.hessian_modification = mod;
    const auto r = Newton(o).minimize(*sot::saddle(), Vector{{0.5, 0.01}});
    EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
    EXPECT_NEAR(r.value, -1.0, 1e-12);
    EXPECT_NEAR(std::abs(r.x[1]), std::sqrt(2.0), 1e-8);
  }
}

// Without an analytic Hessian the run uses central differences of the gradient.
TEST(Newton, FiniteDifferenceHessianFallback) {
  const auto p = optiml::rosenbrock_problem();
  auto f = optiml::make_objective(2, [&](const Vector& x, Vector& g) { return p.objective->value_and_gradient(x, g); });
  const auto r = Newton(tight(1e-8)).minimize(*f, p.x0);
  EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
  EXPECT_LT((r.x - p.x_star).lpNorm<Eigen::Infinity>(), 1e-7);
  EXPECT_EQ(r.evaluations.hessian, r.iterations);
  EXPECT_GE(r.evaluations.gradient, 4 * r.iterations);  // 2n gradients per Hessian
}

TEST(Newton, NonFiniteValuesEndAtFiniteBestPoint) {
  const auto f = sot::nan_beyond_two(3);
  const auto r = Newton(tight(1e-8)).minimize(*f, Vector::Zero(3));
  EXPECT_NE(r.status, Status::Running);
  EXPECT_TRUE(r.x.allFinite());
  EXPECT_TRUE(std::isfinite(r.value));
  EXPECT_LT(r.value, 27.0);  // below f(x0)
  EXPECT_LE(r.x.maxCoeff(), 2.0);
}

TEST(Newton, RejectsBadOptionsAndInput) {
  Newton::Options o;
  o.beta = -1;
  EXPECT_THROW(Newton(o).minimize(*sot::saddle(), Vector{{1.0, 1.0}}), optiml::InvalidArgument);
  EXPECT_THROW(Newton().minimize(*sot::saddle(), Vector::Ones(3)), optiml::InvalidArgument);
  const auto& info = optiml::solvers().find("newton");
  EXPECT_TRUE(info.uses_hessian);
  EXPECT_THROW(info.run(*sot::saddle(), Vector{{1.0, 1.0}}, {{"hessian_modification", "lu"}}, {}),
               optiml::InvalidArgument);
  EXPECT_THROW(info.run(*sot::saddle(), Vector{{1.0, 1.0}}, {{"c1", "0.9"}}, {}), optiml::InvalidArgument);
  const auto r = info.run(*sot::saddle(), Vector{{1.0, 1.0}}, {{"hessian_modification", "eigen"}}, {});
  EXPECT_TRUE(r.success());
}

}  // namespace
