#include "optiml/linesearch/more_thuente.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "optiml/core/error.hpp"
#include "scalar_functions.hpp"

namespace optiml {
namespace {

using testing::as_objective;
using testing::more_thuente_functions;

// Runs the search on phi from x = 0 along d = 1 and checks the buffers against the result.
struct Search {
  std::shared_ptr<Objective> obj;
  SolverOptions so;
  Vector x0 = Vector::Zero(1), d = Vector::Ones(1), xt = Vector(1), gt = Vector(1);
  explicit Search(std::function<double(double, double&)> phi) : obj(as_objective(std::move(phi))) {}
  LineSearchResult run(double phi0, double dphi0, double alpha0, const WolfeOptions& o = {}) {
    SolverRun r("test", *obj, x0, so);
    LineFunction phi(r, x0, d, xt, gt);
    LineSearchResult res = more_thuente(phi, phi0, dphi0, alpha0, o);
    EXPECT_EQ(res.evaluations, r.evaluations().f);
    EXPECT_DOUBLE_EQ(xt[0], res.step) << "the returned point must be in the trial buffer";
    if (res.success) {
      EXPECT_TRUE(phi.gradient_current());
      EXPECT_DOUBLE_EQ(gt[0], res.dphi);
    }
    return res;
  }
};

// More & Thuente (1994), Tables 1-6: evaluations and steps reached from alpha0 = 1e-3, 1e-1, 10, 1e3.
// Our implementation reproduces the published counts exactly.
TEST(MoreThuente, ReproducesPaperTables) {
  const long expected_evals[6][4] = {{6, 3, 1, 4}, {12, 8, 8, 11}, {12, 12, 10, 13},
                                     {4, 1, 3, 4}, {6, 3, 7, 8},   {13, 11, 8, 11}};
  const double expected_step[6][4] = {{1.4, 1.4, 10, 37},           {1.6, 1.6, 1.6, 1.6},
                                      {1.0, 1.0, 1.0, 1.0},         {0.085, 0.10, 0.35, 0.83},
                                      {0.075, 0.078, 0.073, 0.076}, {0.93, 0.93, 0.92, 0.92}};
  const double alpha0[4] = {1e-3, 1e-1, 1e1, 1e3};
  auto fns = more_thuente_functions();
  for (std::size_t i = 0; i < fns.size(); ++i) {
    for (int j = 0; j < 4; ++j) {
      Search s(fns[i].phi);
      double dphi0;
      const double phi0 = fns[i].phi(0.0, dphi0);
      WolfeOptions o;
      o.c1 = fns[i].c1;
      o.c2 = fns[i].c2;
      LineSearchResult r = s.run(phi0, dphi0, alpha0[j], o);
      SCOPED_TRACE(std::string(fns[i].name) + " alpha0=" + std::to_string(alpha0[j]));
      ASSERT_TRUE(r.success);
      EXPECT_EQ(r.accepted_by, StepAcceptance::StrongWolfe);
      // Strong Wolfe conditions at the accepted step.
      EXPECT_LE(r.f, phi0 + o.c1 * r.step * dphi0);
      EXPECT_LE(std::abs(r.dphi), o.c2 * std::abs(dphi0));
      EXPECT_EQ(r.evaluations, expected_evals[i][j]);
      // The paper prints two significant digits.
      EXPECT_NEAR(r.step, expected_step[i][j], 0.051 * expected_step[i][j]);
    }
  }
}

TEST(MoreThuente, StrongWolfeForTightCurvatureFromManyStarts) {
  for (const auto& fn : more_thuente_functions()) {
    for (double a0 : {1e-6, 1e-2, 0.5, 1.0, 3.0, 1e5}) {
      Search s(fn.phi);
      double dphi0;
      const double phi0 = fn.phi(0.0, dphi0);
      WolfeOptions o;
      o.c2 = 0.1;
      o.max_trials = 60;
      LineSearchResult r = s.run(phi0, dphi0, a0, o);
      SCOPED_TRACE(std::string(fn.name) + " alpha0=" + std::to_string(a0));
      ASSERT_TRUE(r.success);
      EXPECT_LE(r.f, phi0 + o.c1 * r.step * dphi0);
      EXPECT_LE(std::abs(r.dphi), o.c2 * std::abs(dphi0));
    }
  }
}

TEST(MoreThuente, QuadraticMinimizerInOneEvaluationWhenGuessed) {
  // phi(a) = (a - 3)^2: alpha0 = 3 is the exact minimizer, where phi' = 0.
  Search s([](double a, double& d) {
    d = 2 * (a - 3);
    return (a - 3) * (a - 3);
  });
  LineSearchResult r = s.run(9.0, -6.0, 3.0);
  ASSERT_TRUE(r.success);
  EXPECT_EQ(r.evaluations, 1);
  EXPECT_DOUBLE_EQ(r.step, 3.0);
  // From a poor guess the cubic/quadratic steps still find it quickly with a tight c2.
  WolfeOptions tight;
  tight.c2 = 1e-6;
  LineSearchResult r2 = s.run(9.0, -6.0, 0.1, tight);
  ASSERT_TRUE(r2.success);
  EXPECT_NEAR(r2.step, 3.0, 1e-5);
  EXPECT_LE(r2.evaluations, 5);
}

TEST(MoreThuente, BacksOffFromNaNAndInfinity) {
  for (double bad : {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()}) {
    // Minimizer at a = 1; undefined beyond a = 1.5.
    Search s([bad](double a, double& d) {
      if (a > 1.5) return d = bad, bad;
      d = 2 * (a - 1);
      return (a - 1) * (a - 1);
    });
    LineSearchResult r = s.run(1.0, -2.0, 100.0);
    ASSERT_TRUE(r.success);
    EXPECT_TRUE(std::isfinite(r.f));
    EXPECT_LE(r.step, 1.5);
    EXPECT_LE(std::abs(r.dphi), 0.9 * 2.0);
    EXPECT_LE(r.f, 1.0 - 1e-4 * r.step * 2.0);
  }
}

TEST(MoreThuente, AscentDirectionFailsCleanly) {
  Search s([](double a, double& d) {
    d = 1.0;
    return a;
  });
  LineSearchResult r = s.run(0.0, 1.0, 1.0);
  EXPECT_FALSE(r.success);
  EXPECT_EQ(r.accepted_by, StepAcceptance::LineSearchFailed);
  EXPECT_EQ(r.step, 0.0);
  EXPECT_EQ(r.f, 0.0);
  // A direction claimed to descend that does not: the search gives up with the best finite point.
  LineSearchResult r2 = s.run(0.0, -1.0, 1.0);
  EXPECT_FALSE(r2.success);
  EXPECT_TRUE(std::isfinite(r2.f));
  EXPECT_LE(r2.f, 0.0);
  EXPECT_LE(r2.evaluations, WolfeOptions{}.max_trials);
}

TEST(MoreThuente, UnboundedBelowStopsAtAlphaMax) {
  Search s([](double a, double& d) {
    d = -1.0;
    return -a;
  });
  WolfeOptions o;
  o.alpha_max = 1e3;
  LineSearchResult r = s.run(0.0, -1.0, 1.0, o);
  ASSERT_TRUE(r.success);
  EXPECT_EQ(r.accepted_by, StepAcceptance::Armijo);
  EXPECT_DOUBLE_EQ(r.step, 1e3);
}

TEST(MoreThuente, RespectsEvaluationBudget) {
  Search s([](double a, double& d) {
    d = 1.0;
    return a;
  });
  s.so.tolerances.max_evaluations = 3;
  LineSearchResult r = s.run(0.0, -1.0, 1.0);
  EXPECT_FALSE(r.success);
  EXPECT_LE(r.evaluations, 3);
}

TEST(MoreThuente, InvalidOptionsNameTheField) {
  Search s([](double a, double& d) {
    d = 2 * a - 2;
    return (a - 1) * (a - 1);
  });
  WolfeOptions o;
  o.c2 = 1.5;
  try {
    s.run(1.0, -2.0, 1.0, o);
    FAIL() << "expected InvalidArgument";
  } catch (const InvalidArgument& e) {
    EXPECT_NE(std::string(e.what()).find("c2"), std::string::npos);
  }
  EXPECT_THROW(s.run(1.0, -2.0, 0.0), InvalidArgument);
}

}  // namespace
}  // namespace optiml
