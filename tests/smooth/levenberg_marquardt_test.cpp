#include "optiml/smooth/levenberg_marquardt.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "optiml/core/error.hpp"
#include "optiml/problems/mgh.hpp"
#include "optiml/solvers.hpp"
#include "second_order_objectives.hpp"

namespace {

using optiml::LevenbergMarquardt;
using optiml::MghFunction;
using optiml::StepAcceptance;
using optiml::Status;
using optiml::Vector;
namespace sot = optiml::second_order_testing;

LevenbergMarquardt::Options tight(double gtol) {
  LevenbergMarquardt::Options o;
  o.tolerances.gtol = gtol;
  return o;
}

bool reached(double f, double f_star) {
  return f_star == 0 ? f <= 1e-12 : std::abs(f - f_star) <= 1e-7 * f_star;
}

// The hard small MGH problems (f* = published F* / 2): Powell badly scaled (Jacobian
// entries 1e4 apart), Brown badly scaled, Bard, Meyer (F* = 87.9458, the classic failure
// of unscaled methods), Helical valley, Box 3-D, Biggs EXP6, Jennrich-Sampson, Gulf.
TEST(LevenbergMarquardt, SolvesHardMghProblems) {
  for (auto fn : {MghFunction::PowellBadlyScaled, MghFunction::BrownBadlyScaled, MghFunction::Bard, MghFunction::Meyer,
                  MghFunction::HelicalValley, MghFunction::Box3d, MghFunction::BiggsExp6, MghFunction::JennrichSampson,
                  MghFunction::Gulf, MghFunction::Osborne2, MghFunction::Watson}) {
    const auto p = optiml::mgh_problem(fn);
    const auto r = LevenbergMarquardt(tight(1e-10)).minimize(*p.as_least_squares(), p.x0);
    SCOPED_TRACE(p.name);
    EXPECT_TRUE(r.success()) << r.message;
    EXPECT_TRUE(reached(r.value, p.f_star)) << r.value << " vs f* = " << p.f_star;
  }
}

// Near a zero-residual solution the damping vanishes and the steps become Gauss-Newton
// steps: fast local convergence on Rosenbrock's residuals.
TEST(LevenbergMarquardt, FastLocalConvergenceOnZeroResidualProblem) {
  const auto p = optiml::mgh_problem(MghFunction::Rosenbrock);
  std::vector<double> e;
  auto o = tight(1e-14);
  o.observers.push_back(sot::error_recorder(p.x_star, e));
  const auto r = LevenbergMarquardt(o).minimize(*p.as_least_squares(), p.x0);
  ASSERT_TRUE(r.success()) << r.message;
  EXPECT_LT((r.x - p.x_star).norm(), 1e-12);
  EXPECT_LT(r.iterations, 30);  // 20
  std::vector<double> q;
  for (std::size_t k = 0; k + 1 < e.size(); ++k)
    if (e[k] < 1e-2 && e[k + 1] > 1e-15 && e[k + 1] != e[k]) q.push_back(e[k + 1] / e[k]);
  ASSERT_GE(q.size(), 2u);
  EXPECT_LT(q.back(), 1e-2);
}

// Nielsen's rule on every record: a rejected step multiplies mu by nu >= 2, an accepted
// one by max(1/3, 1 - (2 rho - 1)^3) in [1/3, 2]; accepted steps decrease f.
TEST(LevenbergMarquardt, DampingUpdateRules) {
  const auto p = optiml::mgh_problem(MghFunction::Meyer);
  const auto r = LevenbergMarquardt(tight(1e-8)).minimize(*p.as_least_squares(), p.x0);
  int rejected = 0;
  for (std::size_t k = 2; k < r.trace.size(); ++k) {
    const auto& rec = r.trace.records[k];
    const auto& prev = r.trace.records[k - 1];
    const double factor = rec.tr_radius / prev.tr_radius;
    if (rec.accepted_by == StepAcceptance::TrustRegionRejected) {
      ++rejected;
      EXPECT_LE(rec.tr_ratio, 0.0);
      EXPECT_GE(factor, 2.0 * (1 - 1e-12));
      EXPECT_EQ(rec.f, prev.f);
    } else {
      ASSERT_EQ(rec.accepted_by, StepAcceptance::FullStep);
      EXPECT_GT(rec.tr_ratio, 0.0);
      const double t = 2 * rec.tr_ratio - 1;
      EXPECT_NEAR(factor, std::max(1.0 / 3.0, 1 - t * t * t), 1e-12);
      EXPECT_LE(rec.f, prev.f * (1 + 1e-14));  // rounding-level steps may not decrease f
    }
  }
  EXPECT_GE(rejected, 1);
}

// The optimality measure is |J^T r|_inf at the returned point.
TEST(LevenbergMarquardt, OptimalityIsGradientNorm) {
  const auto p = optiml::mgh_problem(MghFunction::Bard);
  const auto r = LevenbergMarquardt(tight(1e-9)).minimize(*p.as_least_squares(), p.x0);
  Vector g(3);
  p.objective->value_and_gradient(r.x, g);
  EXPECT_NEAR(r.optimality, g.lpNorm<Eigen::Infinity>(), 1e-15);
  EXPECT_LE(r.optimality, 1e-9);
}

// Without scaling (D = I) Brown badly scaled (x* = (1e6, 2e-6)) still converges but needs
// more iterations than with More's scaling.
TEST(LevenbergMarquardt, ScalingHelpsBadlyScaledProblem) {
  const auto p = optiml::mgh_problem(MghFunction::BrownBadlyScaled);
  auto o = tight(1e-9);
  const auto scaled = LevenbergMarquardt(o).minimize(*p.as_least_squares(), p.x0);
  o.scaling = false;
  const auto plain = LevenbergMarquardt(o).minimize(*p.as_least_squares(), p.x0);
  EXPECT_TRUE(scaled.success()) << scaled.message;
  EXPECT_TRUE(reached(scaled.value, p.f_star));
  EXPECT_LT(scaled.iterations, plain.iterations);
}

// With a finite-difference Jacobian a trial computes residuals only: Jacobians are
// formed at x0 and at each accepted point.
TEST(LevenbergMarquardt, FiniteDifferenceJacobianOnlyAtAcceptedPoints) {
  sot::LambdaLeastSquares ls(2, 3, [](const Vector& x, Vector& r) {
    r[0] = x[0] - 1;
    r[1] = 10 * (x[1] - x[0] * x[0]);
    r[2] = std::exp(x[0] - 1) - 1;
  });
  const auto r = LevenbergMarquardt(tight(1e-8)).minimize(ls, Vector{{-1.0, 2.0}});
  EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
  EXPECT_LT((r.x - Vector{{1.0, 1.0}}).norm(), 1e-7);
  long accepted = 0;
  for (const auto& rec : r.trace.records) accepted += rec.accepted_by == StepAcceptance::FullStep;
  EXPECT_EQ(r.evaluations.jacobian, accepted + 1);
}

TEST(LevenbergMarquardt, NonFiniteResidualsAreRejectedSteps) {
  sot::LambdaLeastSquares ls(2, 2, [](const Vector& x, Vector& r) {
    if (x.cwiseAbs().maxCoeff() > 2) r.setConstant(std::nan(""));
    else r = (x.array() - 3).matrix();
  }, [](const Vector& x, optiml::Matrix& J) { J.setIdentity(2, 2); });
  const auto r = LevenbergMarquardt(tight(1e-8)).minimize(ls, Vector::Zero(2));
  EXPECT_NE(r.status, Status::Running);
  EXPECT_TRUE(r.x.allFinite());
  EXPECT_TRUE(std::isfinite(r.value));
  EXPECT_LT(r.value, 9.0);
  ASSERT_GE(r.trace.size(), 2u);
  EXPECT_EQ(r.trace.records[1].accepted_by, StepAcceptance::TrustRegionRejected);
}

TEST(LevenbergMarquardt, RegistryNamesAndBadOptions) {
  EXPECT_EQ(optiml::solvers().find("lm").name, "levenberg-marquardt");
  EXPECT_EQ(optiml::solvers().find("levmar").name, "levenberg-marquardt");
  const auto& info = optiml::solvers().find("levenberg-marquardt");
  EXPECT_TRUE(info.least_squares_only);
  const auto p = optiml::mgh_problem(MghFunction::Bard);
  EXPECT_THROW(info.run(*p.objective, p.x0, {{"tau", "0"}}, {}), optiml::InvalidArgument);
  EXPECT_THROW(info.run(*p.objective, p.x0, {{"scaling", "maybe"}}, {}), optiml::InvalidArgument);
  EXPECT_THROW(info.run(*sot::saddle(), Vector{{1.0, 1.0}}, {}, {}), optiml::InvalidArgument);
  EXPECT_THROW(info.run(*p.objective, Vector::Zero(2), {}, {}), optiml::InvalidArgument);
}

}  // namespace
