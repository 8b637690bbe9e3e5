#include "optiml/linesearch/armijo.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "optiml/core/error.hpp"
#include "scalar_functions.hpp"

namespace optiml {
namespace {

using testing::as_objective;
using testing::more_thuente_functions;

struct Search {
  std::shared_ptr<Objective> obj;
  SolverOptions so;
  Vector x0 = Vector::Zero(1), d = Vector::Ones(1), xt = Vector(1), gt = Vector(1);
  explicit Search(std::function<double(double, double&)> phi) : obj(as_objective(std::move(phi))) {}
  LineSearchResult run(double phi0, double dphi0, double alpha0, const ArmijoOptions& o = {},
                       double f_ref = std::numeric_limits<double>::quiet_NaN()) {
    SolverRun r("test", *obj, x0, so);
    LineFunction phi(r, x0, d, xt, gt);
    LineSearchResult res = std::isnan(f_ref) ? armijo_backtracking(phi, phi0, dphi0, alpha0, o)
                                             : armijo_backtracking(phi, phi0, dphi0, alpha0, o, f_ref);
    EXPECT_EQ(res.evaluations, r.evaluations().f);
    EXPECT_DOUBLE_EQ(xt[0], res.step) << "the returned point must be in the trial buffer";
    if (res.success && o.with_gradient) {
      EXPECT_TRUE(phi.gradient_current());
      EXPECT_DOUBLE_EQ(gt[0], res.dphi);
    }
    return res;
  }
};

TEST(Armijo, SufficientDecreaseOnMoreThuenteFunctions) {
  for (const auto& fn : more_thuente_functions()) {
    for (double a0 : {1e-3, 1e-1, 1.0, 1e1, 1e3}) {
      for (bool with_gradient : {false, true}) {
        Search s(fn.phi);
        double dphi0;
        const double phi0 = fn.phi(0.0, dphi0);
        ArmijoOptions o;
        o.with_gradient = with_gradient;
        LineSearchResult r = s.run(phi0, dphi0, a0, o);
        SCOPED_TRACE(std::string(fn.name) + " alpha0=" + std::to_string(a0));
        ASSERT_TRUE(r.success);
        EXPECT_EQ(r.accepted_by, StepAcceptance::Armijo);
        EXPECT_LE(r.f, phi0 + o.c1 * r.step * dphi0);
        EXPECT_LE(r.step, a0);
        EXPECT_LE(r.evaluations, 20);
      }
    }
  }
}

TEST(Armijo, QuadraticInterpolationIsExactOnQuadratics) {
  // phi(a) = (a - 3)^2: from alpha0 = 3 it accepts at once; from alpha0 = 6 the
  // quadratic interpolant through phi(0), phi'(0), phi(6) is phi itself, so the second trial is
  // the minimizer (3 = 0.5 * 6, inside the shrink bounds).
  Search s([](double a, double& d) {
    d = 2 * (a - 3);
    return (a - 3) * (a - 3);
  });
  LineSearchResult r = s.run(9.0, -6.0, 3.0);
  ASSERT_TRUE(r.success);
  EXPECT_EQ(r.evaluations, 1);
  LineSearchResult r2 = s.run(9.0, -6.0, 6.0);
  ASSERT_TRUE(r2.success);
  EXPECT_EQ(r2.evaluations, 2);
  EXPECT_NEAR(r2.step, 3.0, 1e-12);
}

TEST(Armijo, InterpolatedStepsStayInShrinkBounds) {
  // A steep wall makes the quadratic model ask for a tiny step; it is clamped to shrink_min * alpha.
  std::vector<double> trials;
  Search s([&trials](double a, double& d) {
    trials.push_back(a);
    d = -1 + 1e6 * a * a;
    return -a + 1e6 * a * a * a / 3;
  });
  ArmijoOptions o;
  LineSearchResult r = s.run(0.0, -1.0, 10.0, o);
  ASSERT_TRUE(r.success);
  for (std::size_t k = 1; k < trials.size(); ++k) {
    EXPECT_GE(trials[k], o.shrink_min * trials[k - 1] * (1 - 1e-12));
    EXPECT_LE(trials[k], o.shrink_max * trials[k - 1] * (1 + 1e-12));
  }
}

TEST(Armijo, BacksOffFromNaNAndInfinity) {
  for (double bad : {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()}) {
    Search s([bad](double a, double& d) {
      if (a > 1.5) return d = bad, bad;
      d = 2 * (a - 1);
      return (a - 1) * (a - 1);
    });
    for (bool with_gradient : {false, true}) {
      ArmijoOptions o;
      o.with_gradient = with_gradient;
      LineSearchResult r = s.run(1.0, -2.0, 1e6, o);
      ASSERT_TRUE(r.success);
      EXPECT_TRUE(std::isfinite(r.f));
      EXPECT_LE(r.step, 1.5);
      EXPECT_LE(r.f, 1.0 - o.c1 * r.step * 2.0);
    }
  }
}

TEST(Armijo, AscentDirectionFailsCleanly) {
  Search s([](double a, double& d) {
    d = 1.0;
    return a;
  });
  LineSearchResult r = s.run(0.0, 1.0, 1.0);
  EXPECT_FALSE(r.success);
  EXPECT_EQ(r.accepted_by, StepAcceptance::LineSearchFailed);
  EXPECT_EQ(r.step, 0.0);
  EXPECT_EQ(r.evaluations, 0);
  // A direction claimed to descend that does not: it backtracks until the step
  // underflows and returns the best finite point (x itself).
  LineSearchResult r2 = s.run(0.0, -1.0, 1.0);
  EXPECT_FALSE(r2.success);
  EXPECT_EQ(r2.step, 0.0);
  EXPECT_EQ(r2.f, 0.0);
  EXPECT_LE(r2.evaluations, ArmijoOptions{}.max_trials);
}

TEST(Armijo, FailureKeepsBestFiniteTrial) {
  // Everything beyond a = 1e-3 is NaN and the search runs out of trials before reaching it:
  // nothing finite was seen, so the result is x itself with f = phi0.
  Search s([](double a, double& d) {
    if (a > 1e-3) return d = NAN, double(NAN);
    d = -1;
    return -a;
  });
  ArmijoOptions o;
  o.max_trials = 3;
  LineSearchResult r = s.run(0.0, -1.0, 1.0, o);
  EXPECT_FALSE(r.success);
  EXPECT_EQ(r.step, 0.0);
  EXPECT_EQ(r.f, 0.0);
}

TEST(Armijo, NonmonotoneReferenceAcceptsIncrease) {
  // f_ref above phi0 (GLL 1986) accepts a step that increases phi.
  Search s([](double a, double& d) {
    d = 2 * (a - 1);
    return (a - 1) * (a - 1);
  });
  LineSearchResult r = s.run(1.0, -2.0, 2.5, {}, 3.0);
  ASSERT_TRUE(r.success);
  EXPECT_EQ(r.evaluations, 1);
  EXPECT_EQ(r.accepted_by, StepAcceptance::Nonmonotone);
  LineSearchResult r2 = s.run(1.0, -2.0, 1.5, {}, 3.0);
  EXPECT_EQ(r2.accepted_by, StepAcceptance::Armijo);
}

TEST(Armijo, InvalidOptionsNameTheField) {
  Search s([](double a, double& d) {
    d = 2 * a - 2;
    return (a - 1) * (a - 1);
  });
  ArmijoOptions o;
  o.shrink_min = 0.0;
  try {
    s.run(1.0, -2.0, 1.0, o);
    FAIL() << "expected InvalidArgument";
  } catch (const InvalidArgument& e) {
    EXPECT_NE(std::string(e.what()).find("shrink_min"), std::string::npos);
  }
}

}  // namespace
}  // namespace optiml
