#include "optiml/smooth/gradient_descent.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "first_order_objectives.hpp"
#include "optiml/core/error.hpp"
#include "optiml/solvers.hpp"

namespace optiml {
namespace {

using testing::make_quadratic;

GradientDescent::Options tight(GradientStepRule rule) {
  GradientDescent::Options o;
  o.step_rule = rule;
  o.tolerances.gtol = 1e-10;
  o.tolerances.ftol = 0.0;
  o.tolerances.max_iterations = 100000;
  return o;
}

class GradientDescentRules : public ::testing::TestWithParam<GradientStepRule> {};

// Every step rule reaches the minimizer of a strongly convex quadratic (kappa = 100, n = 20).
TEST_P(GradientDescentRules, ReachesQuadraticMinimizer) {
  auto q = make_quadratic(20, 1.0, 100.0);
  Result r = GradientDescent(tight(GetParam())).minimize(*q.objective, Vector::Zero(20));
  EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
  EXPECT_LT((r.x - q.x_star).norm(), 1e-6);
}

// The trace holds one record per iteration, each saying how its step was accepted.
TEST_P(GradientDescentRules, TraceHasOneRecordPerIteration) {
  auto q = make_quadratic(5, 1.0, 10.0);
  Result r = GradientDescent(tight(GetParam())).minimize(*q.objective, Vector::Zero(5));
  ASSERT_EQ(r.trace.size(), static_cast<std::size_t>(r.iterations + 1));
  for (std::size_t k = 1; k < r.trace.size(); ++k) {
    EXPECT_EQ(r.trace.records[k].iteration, static_cast<long>(k));
    EXPECT_NE(r.trace.records[k].accepted_by, StepAcceptance::None);
    EXPECT_GT(r.trace.records[k].step, 0.0);
  }
}

INSTANTIATE_TEST_SUITE_P(AllRules, GradientDescentRules,
                         ::testing::Values(GradientStepRule::Fixed, GradientStepRule::Armijo,
                                           GradientStepRule::BarzilaiBorwein, GradientStepRule::Exact),
                         [](const auto& info) {
                           std::string s(enum_to_string(info.param));
                           return s;
                         });

TEST(GradientDescent, BarzilaiBorweinAndArmijoSolveRosenbrock) {
  Vector x0(2);
  x0 << -1.2, 1.0;
  for (auto rule : {GradientStepRule::BarzilaiBorwein, GradientStepRule::Armijo}) {
    Result r = GradientDescent(tight(rule)).minimize(*testing::rosenbrock(), x0);
    EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
    EXPECT_LT((r.x - Vector::Ones(2)).norm(), 1e-6);
  }
  // BB needs ~150 iterations where Armijo steepest descent needs ~18000.
  Result bb = GradientDescent(tight(GradientStepRule::BarzilaiBorwein)).minimize(*testing::rosenbrock(), x0);
  EXPECT_LT(bb.iterations, 400);
}

// Exact line search on a quadratic: f - f* contracts by at most ((kappa-1)/(kappa+1))^2 per
// step (N&W Theorem 3.3), and by exactly that from x0 = (1/lambda_1, 1/lambda_2), where the
// iterates zigzag between two directions (Akaike 1959).
TEST(GradientDescent, ExactLineSearchAttainsTheSteepestDescentRate) {
  const double kappa = 10.0;
  const double bound = std::pow((kappa - 1) / (kappa + 1), 2);
  Vector lambda(2);
  lambda << 1.0, kappa;
  Vector x0(2);
  x0 << 1.0 / lambda[0], 1.0 / lambda[1];
  auto o = tight(GradientStepRule::Exact);
  o.tolerances.max_iterations = 40;
  Result r = GradientDescent(o).minimize(*testing::diagonal_quadratic(lambda), x0);
  ASSERT_GE(r.trace.size(), 40u);
  for (std::size_t k = 1; k < r.trace.size(); ++k) {
    const double ratio = r.trace.records[k].f / r.trace.records[k - 1].f;
    EXPECT_NEAR(ratio, bound, 1e-9 * bound) << "step " << k;
    EXPECT_EQ(r.trace.records[k].accepted_by, StepAcceptance::Exact);
  }
  // From other starts in higher dimension the rate is no worse than the bound.
  auto q = make_quadratic(30, 1.0, kappa);
  Result r2 = GradientDescent(tight(GradientStepRule::Exact)).minimize(*q.objective, Vector::Zero(30));
  for (std::size_t k = 1; k < r2.trace.size(); ++k) {
    const double f0 = r2.trace.records[k - 1].f, f1 = r2.trace.records[k].f;
    if (f0 < 1e-25) break;  // rounding level
    EXPECT_LE(f1 / f0, bound * (1 + 1e-9)) << "step " << k;
  }
}

TEST(GradientDescent, FixedStepUsesOneOverL) {
  auto q = make_quadratic(10, 1.0, 50.0);
  auto o = tight(GradientStepRule::Fixed);
  o.tolerances.max_iterations = 3;
  Result r = GradientDescent(o).minimize(*q.objective, Vector::Zero(10));
  ASSERT_GE(r.trace.size(), 2u);
  EXPECT_DOUBLE_EQ(r.trace.records[1].step, 1.0 / 50.0);
  EXPECT_EQ(r.trace.records[1].accepted_by, StepAcceptance::FixedStep);
  // 1/L guarantees f(x+) <= f(x) - |g|^2/(2L).
  for (std::size_t k = 1; k < r.trace.size(); ++k) {
    const auto& prev = r.trace.records[k - 1];
    EXPECT_LE(r.trace.records[k].f, prev.f);
  }
}

TEST(GradientDescent, NaNBeyondRadiusEndsWithFiniteBestPoint) {
  Vector x0(2);
  x0 << -1.2, 1.0;
  for (auto rule : {GradientStepRule::Armijo, GradientStepRule::BarzilaiBorwein, GradientStepRule::Exact}) {
    Result r = GradientDescent(tight(rule)).minimize(*testing::rosenbrock_nan_beyond(1.6), x0);
    EXPECT_TRUE(std::isfinite(r.value)) << enum_to_string(rule);
    EXPECT_TRUE(r.x.allFinite());
    EXPECT_EQ(r.status, Status::ConvergedGradient) << enum_to_string(rule) << ": " << r.message;
  }
  // A fixed step far too long lands in the NaN region: the run stops with the best finite point.
  auto o = tight(GradientStepRule::Fixed);
  o.step_size = 10.0;
  Result r = GradientDescent(o).minimize(*testing::rosenbrock_nan_beyond(1.6), x0);
  EXPECT_EQ(r.status, Status::NumericalError);
  EXPECT_TRUE(std::isfinite(r.value));
  EXPECT_EQ(r.x, x0);
}

TEST(GradientDescent, InvalidOptionsNameTheOption) {
  auto f = testing::rosenbrock();  // no Lipschitz constant
  GradientDescent::Options o;
  o.step_rule = GradientStepRule::Fixed;
  try {
    GradientDescent(o).minimize(*f, Vector::Zero(2));
    FAIL() << "expected InvalidArgument";
  } catch (const InvalidArgument& e) {
    EXPECT_NE(std::string(e.what()).find("step_size"), std::string::npos) << e.what();
  }
  const SolverInfo& gd = solvers().find("steepest-descent");
  EXPECT_EQ(gd.name, "gradient-descent");
  for (const char* bad : {"c1", "increase", "nonmonotone_memory"}) {
    try {
      gd.run(*f, Vector::Zero(2), {{bad, "-3"}}, {});
      FAIL() << "expected InvalidArgument for " << bad;
    } catch (const InvalidArgument& e) {
      EXPECT_NE(std::string(e.what()).find(bad), std::string::npos) << e.what();
    }
  }
  EXPECT_THROW(gd.run(*f, Vector::Zero(2), {{"step_rule", "newton"}}, {}), InvalidArgument);
  // By name, through the registry.
  Result r = solvers().find("gd").run(*f, Vector::Zero(2), {{"step_rule", "bb"}, {"gtol", "1e-8"}}, {});
  EXPECT_EQ(r.solver, "gradient-descent");
  EXPECT_EQ(r.status, Status::ConvergedGradient);
}

}  // namespace
}  // namespace optiml
