#include "optiml/smooth/bfgs.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "optiml/core/error.hpp"
#include "optiml/problems/functions_2d.hpp"
#include "optiml/problems/quadratic.hpp"
#include "optiml/solvers.hpp"
#include "second_order_objectives.hpp"

namespace {

using optiml::BFGS;
using optiml::Status;
using optiml::Vector;
namespace sot = optiml::second_order_testing;

BFGS::Options tight(double gtol) {
  BFGS::Options o;
  o.tolerances.gtol = gtol;
  return o;
}

TEST(BFGS, ReachesRosenbrockMinimumFromStandardStart) {
  const auto p = optiml::rosenbrock_problem();
  const auto r = BFGS(tight(1e-9)).minimize(*p.objective, p.x0);
  EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
  EXPECT_LT((r.x - p.x_star).lpNorm<Eigen::Infinity>(), 1e-8);
  EXPECT_LT(r.iterations, 50);  // 38
  EXPECT_EQ(r.evaluations.hessian, 0);
  for (const auto& rec : r.trace.records) {
    if (rec.iteration > 0) {
      EXPECT_EQ(rec.accepted_by, optiml::StepAcceptance::StrongWolfe);
    }
  }
}

// Superlinear (N&W Theorem 6.6): the error ratio |e_{k+1}| / |e_k| tends to 0
// (measured on Rosenbrock: 0.19, 0.094, 0.044, 0.013, 0.007).
TEST(BFGS, ConvergesSuperlinearlyOnRosenbrock) {
  const auto p = optiml::rosenbrock_problem();
  std::vector<double> e;
  auto o = tight(1e-12);
  o.observers.push_back(sot::error_recorder(p.x_star, e));
  const auto r = BFGS(o).minimize(*p.objective, p.x0);
  ASSERT_TRUE(r.success()) << r.message;
  std::vector<double> q;
  for (std::size_t k = 0; k + 1 < e.size(); ++k)
    if (e[k] < 1e-2 && e[k + 1] > 1e-13) q.push_back(e[k + 1] / e[k]);
  ASSERT_GE(q.size(), 4u);
  EXPECT_LT(q.back(), 0.02);
  EXPECT_LT(q.back(), 0.2 * q.front());
  for (std::size_t i = q.size() - 3; i < q.size(); ++i) EXPECT_LT(q[i], 0.1);
}

// With a nearly exact line search BFGS terminates on a quadratic in n steps (N&W
// Theorem 6.4 context; Fletcher 1987, Thm 3.4.1): a wrong update formula would not.
TEST(BFGS, FiniteTerminationOnQuadraticWithExactLineSearch) {
  const auto p = optiml::quadratic_problem(10, 1e3, 1);
  auto o = tight(1e-8);
  o.c1 = 1e-7;
  o.c2 = 1e-4;
  const auto r = BFGS(o).minimize(*p.objective, p.x0);
  EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
  EXPECT_LE(r.iterations, 12);  // n + 1 measured
  EXPECT_LT((r.x - p.x_star).norm(), 1e-9 * p.x_star.norm());
}

TEST(BFGS, SolvesIllConditionedQuadratic) {
  const auto p = optiml::quadratic_problem(30, 1e4, 3);
  // |f*| = 1.7e4 puts the last decreases below f's rounding, so only the gradient test can stop it.
  auto o = tight(1e-6);
  o.tolerances.ftol = 0;
  const auto r = BFGS(o).minimize(*p.objective, p.x0);
  EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
  EXPECT_TRUE(r.success()) << r.message;
  EXPECT_LT((r.x - p.x_star).norm(), 1e-5 * p.x_star.norm());
}

// On a nonconvex function every direction stays a descent direction (H positive definite).
TEST(BFGS, KeepsDescentOnHimmelblauAndTheSaddle) {
  const auto p = optiml::himmelblau_problem();
  const auto r = BFGS(tight(1e-9)).minimize(*p.objective, p.x0);
  EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
  EXPECT_LT(r.value, 1e-15);
  const auto s = BFGS(tight(1e-9)).minimize(*sot::saddle(false), Vector{{0.5, 0.01}});
  EXPECT_EQ(s.status, Status::ConvergedGradient) << s.message;
  EXPECT_NEAR(s.value, -1.0, 1e-12);
}

TEST(BFGS, NonFiniteValuesEndAtFiniteBestPoint) {
  const auto f = sot::nan_beyond_two(3);
  const auto r = BFGS(tight(1e-8)).minimize(*f, Vector::Zero(3));
  EXPECT_NE(r.status, Status::Running);
  EXPECT_TRUE(r.x.allFinite());
  EXPECT_TRUE(std::isfinite(r.value));
  EXPECT_LT(r.value, 27.0);
  EXPECT_LE(r.x.maxCoeff(), 2.0);
}

TEST(BFGS, RejectsBadOptions) {
  BFGS::Options o;
  o.c1 = 0.5;
  o.c2 = 0.4;
  EXPECT_THROW(BFGS(o).minimize(*sot::saddle(), Vector{{1.0, 1.0}}), optiml::InvalidArgument);
  const auto& info = optiml::solvers().find("bfgs");
  EXPECT_FALSE(info.uses_hessian);
  EXPECT_THROW(info.run(*sot::saddle(), Vector{{1.0, 1.0}}, {{"curvature_skip", "2"}}, {}), optiml::InvalidArgument);
  EXPECT_THROW(info.run(*sot::saddle(), Vector{{1.0, 1.0}}, {{"memory", "5"}}, {}), optiml::InvalidArgument);
}

}  // namespace
