#include "optiml/smooth/heavy_ball.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "first_order_objectives.hpp"
#include "optiml/core/error.hpp"
#include "optiml/smooth/gradient_descent.hpp"
#include "optiml/solvers.hpp"

namespace optiml {
namespace {

using testing::make_quadratic;

HeavyBall::Options tight() {
  HeavyBall::Options o;
  o.tolerances.gtol = 1e-10;
  o.tolerances.ftol = 0.0;
  o.tolerances.max_iterations = 100000;
  return o;
}

// With L and mu declared, Polyak's tuning contracts like (sqrt kappa - 1)/(sqrt kappa + 1)
// per step: kappa = 100 gives 0.82, so |x - x*| falls from ~5 to 1e-10 in ~130 steps,
// where gradient descent with 1/L needs ~2000.
TEST(HeavyBall, PolyakTuningAcceleratesOnQuadratics) {
  auto q = make_quadratic(20, 1.0, 100.0);
  Result r = HeavyBall(tight()).minimize(*q.objective, Vector::Zero(20));
  EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
  EXPECT_LT((r.x - q.x_star).norm(), 1e-6);
  EXPECT_LT(r.iterations, 200);
  GradientDescent::Options g;
  g.step_rule = GradientStepRule::Fixed;
  g.tolerances = tight().tolerances;
  Result gd = GradientDescent(g).minimize(*q.objective, Vector::Zero(20));
  EXPECT_LT(5 * r.iterations, gd.iterations);
  // The step and momentum are Polyak's.
  const double alpha = 4.0 / std::pow(1.0 + 10.0, 2);
  EXPECT_DOUBLE_EQ(r.trace.records[1].step, alpha);
  ASSERT_EQ(r.trace.extra_names, std::vector<std::string>{"momentum"});
  EXPECT_EQ(r.trace.records[1].extra.at(0), 0.0);  // no previous point yet
  EXPECT_DOUBLE_EQ(r.trace.records[2].extra.at(0), std::pow(9.0 / 11.0, 2));
}

// Without L: the estimate is raised until the descent lemma holds; it still converges.
TEST(HeavyBall, EstimatesLWhenUnknown) {
  auto q = make_quadratic(20, 1.0, 100.0, /*declare=*/false);
  Result r = HeavyBall(tight()).minimize(*q.objective, Vector::Zero(20));
  EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
  EXPECT_LT((r.x - q.x_star).norm(), 1e-6);
  for (std::size_t k = 1; k < r.trace.size(); ++k) {
    EXPECT_EQ(r.trace.records[k].accepted_by, StepAcceptance::Armijo);
    // The estimate stays below increase * L (1/step <= 2 L).
    EXPECT_GE(r.trace.records[k].step, 1.0 / (2.0 * 100.0) * (1 - 1e-12));
  }
  ASSERT_EQ(r.trace.size(), static_cast<std::size_t>(r.iterations + 1));
}

// 2-D Rosenbrock with function-value restart: (1, 1) within 1e-6 in under 10000 iterations
// (about 7200 measured with the default momentum 0.9).
TEST(HeavyBall, SolvesRosenbrockWithRestart) {
  Vector x0(2);
  x0 << -1.2, 1.0;
  auto o = tight();
  o.tolerances.max_iterations = 10000;
  Result r = HeavyBall(o).minimize(*testing::rosenbrock(), x0);
  EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
  EXPECT_LT((r.x - Vector::Ones(2)).norm(), 1e-6);
}

TEST(HeavyBall, ReturnsTheBestPointSeen) {
  // A step that is too long for the curvature makes f grow; the run returns the start.
  auto q = make_quadratic(5, 1.0, 10.0);
  auto o = tight();
  o.step_size = 0.5;  // > 2/L
  o.momentum = 0.5;
  o.tolerances.max_iterations = 30;
  Vector x0 = q.x_star + Vector::Ones(5);
  Result r = HeavyBall(o).minimize(*q.objective, x0);
  double f_min = r.trace.records[0].f;
  for (const auto& rec : r.trace.records) f_min = std::min(f_min, rec.f);
  EXPECT_EQ(r.value, f_min);
  EXPECT_TRUE(std::isfinite(r.value));
}

TEST(HeavyBall, NaNBeyondRadiusEndsWithFiniteBestPoint) {
  Vector x0(2);
  x0 << -1.2, 1.0;
  auto o = tight();
  o.tolerances.max_iterations = 10000;
  Result r = HeavyBall(o).minimize(*testing::rosenbrock_nan_beyond(1.6), x0);
  EXPECT_TRUE(std::isfinite(r.value));
  EXPECT_TRUE(r.x.allFinite());
  EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
  // With a fixed step that overshoots into the NaN region the run stops cleanly.
  o.step_size = 5.0;
  Result r2 = HeavyBall(o).minimize(*testing::rosenbrock_nan_beyond(1.6), x0);
  EXPECT_EQ(r2.status, Status::NumericalError);
  EXPECT_TRUE(std::isfinite(r2.value));
  EXPECT_EQ(r2.x, x0);
}

TEST(HeavyBall, InvalidOptionsNameTheOption) {
  const SolverInfo& hb = solvers().find("polyak");
  EXPECT_EQ(hb.name, "heavy-ball");
  auto f = testing::rosenbrock();
  for (auto [key, value] : {std::pair{"momentum", "1.5"}, {"step_size", "-1"}, {"increase", "0.5"}}) {
    try {
      hb.run(*f, Vector::Zero(2), {{key, value}}, {});
      FAIL() << "expected InvalidArgument for " << key;
    } catch (const InvalidArgument& e) {
      EXPECT_NE(std::string(e.what()).find(key), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace optiml
