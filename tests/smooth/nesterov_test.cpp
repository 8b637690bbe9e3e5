#include "optiml/smooth/nesterov.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "first_order_objectives.hpp"
#include "optiml/core/error.hpp"
#include "optiml/solvers.hpp"

namespace optiml {
namespace {

using testing::make_quadratic;

Nesterov::Options tight() {
  Nesterov::Options o;
  o.tolerances.gtol = 1e-10;
  o.tolerances.ftol = 0.0;
  o.tolerances.max_iterations = 100000;
  return o;
}

TEST(Nesterov, ReachesQuadraticMinimizerWithEveryVariant) {
  auto q = make_quadratic(20, 1.0, 100.0);
  auto qu = make_quadratic(20, 1.0, 100.0, /*declare=*/false);
  for (auto step : {NesterovStepRule::Fixed, NesterovStepRule::Backtracking}) {
    for (auto mom : {NesterovMomentum::Auto, NesterovMomentum::Convex, NesterovMomentum::StronglyConvex}) {
      for (auto restart : {RestartRule::None, RestartRule::Function, RestartRule::Gradient}) {
        auto o = tight();
        o.step_rule = step;
        o.momentum = mom;
        o.restart = restart;
        Result r = Nesterov(o).minimize(*q.objective, Vector::Zero(20));
        SCOPED_TRACE(std::string(enum_to_string(step)) + " " + std::string(enum_to_string(mom)) + " " +
                     std::string(enum_to_string(restart)));
        EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
        EXPECT_LT((r.x - q.x_star).norm(), 1e-6);
        // Without restart the convex momentum oscillates on strongly convex f (O'Donoghue &
        // Candes 2015): ~2200 iterations against 200-400 for the others.
        const bool slow = mom == NesterovMomentum::Convex && restart == RestartRule::None;
        EXPECT_LT(r.iterations, slow ? 3000 : 600);
      }
    }
  }
  // Backtracking without a declared L.
  Result r = Nesterov(tight()).minimize(*qu.objective, Vector::Zero(20));
  EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
  EXPECT_LT((r.x - q.x_star).norm(), 1e-6);
}

// f(x_k) - f* <= 2 L |x_0 - x*|^2 / (k + 1)^2 (Su, Boyd & Candes 2016, Theorem 6) on a
// convex quadratic whose spectrum reaches down to 1e-6 (so the O(1/k^2) regime shows).
TEST(Nesterov, ConvexRateBound) {
  const int n = 50;
  auto q = make_quadratic(n, 1e-6, 1.0);
  for (auto step : {NesterovStepRule::Fixed, NesterovStepRule::Backtracking}) {
    auto o = tight();
    o.step_rule = step;
    o.momentum = NesterovMomentum::Convex;
    o.restart = RestartRule::None;
    o.tolerances.max_iterations = 2000;
    const Vector x0 = Vector::Zero(n);
    Result r = Nesterov(o).minimize(*q.objective, x0);
    const double R2 = (x0 - q.x_star).squaredNorm();
    // With backtracking, L_k <= increase * L (Beck & Teboulle 2009, Theorem 4.4).
    const double L = step == NesterovStepRule::Fixed ? q.L : 2.0 * q.L;
    ASSERT_GT(r.trace.size(), 1000u);
    for (const auto& rec : r.trace.records) {
      const double k = static_cast<double>(rec.iteration);
      EXPECT_LE(rec.f, 2.0 * L * R2 / ((k + 1) * (k + 1)) * (1 + 1e-12)) << "k = " << k;
    }
    // The momentum column: y_{k+1} = x_{k+1} + k/(k+3) (x_{k+1} - x_k) without restarts.
    ASSERT_EQ(r.trace.extra_names, std::vector<std::string>{"momentum"});
    for (std::size_t k = 1; k < r.trace.size(); ++k)
      EXPECT_DOUBLE_EQ(r.trace.records[k].extra.at(0), k / (k + 3.0));
  }
}

// 2-D Rosenbrock with the default gradient restart: (1, 1) within 1e-6 in under 2000
// iterations (about 630 measured); function restart about 860.
TEST(Nesterov, SolvesRosenbrockWithRestart) {
  Vector x0(2);
  x0 << -1.2, 1.0;
  for (auto restart : {RestartRule::Gradient, RestartRule::Function}) {
    auto o = tight();
    o.restart = restart;
    o.tolerances.max_iterations = 2000;
    Result r = Nesterov(o).minimize(*testing::rosenbrock(), x0);
    EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
    EXPECT_LT((r.x - Vector::Ones(2)).norm(), 1e-6);
    ASSERT_EQ(r.trace.size(), static_cast<std::size_t>(r.iterations + 1));
    for (std::size_t k = 1; k < r.trace.size(); ++k)
      EXPECT_EQ(r.trace.records[k].accepted_by, StepAcceptance::Armijo);
  }
}

TEST(Nesterov, NaNBeyondRadiusEndsWithFiniteBestPoint) {
  Vector x0(2);
  x0 << -1.2, 1.0;
  Result r = Nesterov(tight()).minimize(*testing::rosenbrock_nan_beyond(1.6), x0);
  EXPECT_TRUE(std::isfinite(r.value));
  EXPECT_TRUE(r.x.allFinite());
  EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
  auto o = tight();
  o.step_rule = NesterovStepRule::Fixed;
  o.step_size = 5.0;
  Result r2 = Nesterov(o).minimize(*testing::rosenbrock_nan_beyond(1.6), x0);
  EXPECT_EQ(r2.status, Status::NumericalError);
  EXPECT_TRUE(std::isfinite(r2.value));
  EXPECT_TRUE(r2.x.allFinite());
}

TEST(Nesterov, InvalidOptionsNameTheOption) {
  auto f = testing::rosenbrock();
  Nesterov::Options o;
  o.momentum = NesterovMomentum::StronglyConvex;  // the objective declares no mu
  try {
    Nesterov(o).minimize(*f, Vector::Zero(2));
    FAIL() << "expected InvalidArgument";
  } catch (const InvalidArgument& e) {
    EXPECT_NE(std::string(e.what()).find("momentum"), std::string::npos) << e.what();
  }
  const SolverInfo& agd = solvers().find("accelerated-gradient");
  EXPECT_EQ(agd.name, "nesterov");
  EXPECT_EQ(&solvers().find("agd"), &agd);
  for (auto [key, value] : {std::pair{"step_rule", "fixed"}, {"decrease", "2"}, {"restart", "sometimes"}}) {
    const std::string expect = std::string(key) == "step_rule" ? "step_size" : key;
    try {
      agd.run(*f, Vector::Zero(2), {{key, value}}, {});
      FAIL() << "expected InvalidArgument for " << key;
    } catch (const InvalidArgument& e) {
      EXPECT_NE(std::string(e.what()).find(expect), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace optiml
