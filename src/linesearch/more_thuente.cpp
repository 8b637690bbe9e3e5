#include "optiml/linesearch/more_thuente.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "optiml/core/error.hpp"
#include "optiml/core/options.hpp"

namespace optiml {

namespace {

void check_options(const WolfeOptions& o, double alpha0) {
  auto bad = [](const char* name, double v, const char* want) {
    throw InvalidArgument(std::string("More-Thuente line search option '") + name +
                          "' = " + format_double(v) + " must be " + want);
  };
  if (!(o.c1 > 0 && o.c1 < 1)) bad("c1", o.c1, "in (0, 1)");
  if (!(o.c2 > 0 && o.c2 < 1)) bad("c2", o.c2, "in (0, 1)");
  if (!(o.xtol >= 0)) bad("xtol", o.xtol, ">= 0");
  if (!(o.alpha_min >= 0)) bad("alpha_min", o.alpha_min, ">= 0");
  if (!(o.alpha_max > o.alpha_min)) bad("alpha_max", o.alpha_max, "> alpha_min");
  if (o.max_trials < 1) bad("max_trials", static_cast<double>(o.max_trials), ">= 1");
  if (!(alpha0 > 0 && std::isfinite(alpha0))) bad("alpha0", alpha0, "positive and finite");
}

// One end of the interval of uncertainty: step, value and derivative.
struct Endpoint {
  double a, f, d;
};

// Minimizer of the cubic interpolating (u.a, u.f, u.d) and (v.a, v.f, v.d), measured from u
// towards v; `clip` allows an imaginary root to be replaced by 0 (MT94 section 4).
double cubic_minimizer(const Endpoint& u, const Endpoint& v, bool clip) {
  const double theta = 3.0 * (u.f - v.f) / (v.a - u.a) + u.d + v.d;
  const double s = std::max({std::abs(theta), std::abs(u.d), std::abs(v.d)});
  double disc = (theta / s) * (theta / s) - (u.d / s) * (v.d / s);
  if (clip) disc = std::max(0.0, disc);
  double gamma = s * std::sqrt(disc);
  if (v.a < u.a) gamma = -gamma;
  const double p = (gamma - u.d) + theta;
  const double q = ((gamma - u.d) + gamma) + v.d;
  return u.a + (p / q) * (v.a - u.a);
}

// The safeguarded step of More & Thuente (1994), section 4 (MINPACK-2 dcstep):
// x is the best endpoint so far, y the other one, t the trial just evaluated.
// Updates the interval and returns the next trial step in [lo, hi].
double safeguarded_step(Endpoint& x, Endpoint& y, const Endpoint& t, bool& bracketed, double lo, double hi) {
  const double sgnd = t.d * (x.d / std::abs(x.d));
  double next;
  if (t.f > x.f) {
    // Case 1: higher value, the minimizer is bracketed; take the cubic step unless it
    // is farther than the quadratic one, then their average.
    const double ac = cubic_minimizer(x, t, false);
    const double aq = x.a + x.d / ((x.f - t.f) / (t.a - x.a) + x.d) / 2.0 * (t.a - x.a);
    next = std::abs(ac - x.a) < std::abs(aq - x.a) ? ac : ac + (aq - ac) / 2.0;
    bracketed = true;
  } else if (sgnd < 0) {
    // Case 2: derivatives of opposite sign bracket a minimizer; take the step farther from t.
    const double ac = cubic_minimizer(t, x, false);
    const double as = t.a + (t.d / (t.d - x.d)) * (x.a - t.a);
    next = std::abs(ac - t.a) > std::abs(as - t.a) ? ac : as;
    bracketed = true;
  } else if (std::abs(t.d) < std::abs(x.d)) {
    // Case 3: the derivative decreases in magnitude; the cubic may not have a minimizer
    // beyond t, in which case it is sent to the bound on that side.
    const double theta = 3.0 * (x.f - t.f) / (t.a - x.a) + x.d + t.d;
    const double s = std::max({std::abs(theta), std::abs(x.d), std::abs(t.d)});
    double gamma = s * std::sqrt(std::max(0.0, (theta / s) * (theta / s) - (x.d / s) * (t.d / s)));
    if (t.a > x.a) gamma = -gamma;
    const double p = (gamma - t.d) + theta;
    const double q = (gamma + (x.d - t.d)) + gamma;
    const double r = p / q;
    double ac;
    if (r < 0 && gamma != 0)
      ac = t.a + r * (x.a - t.a);
    else
      ac = t.a > x.a ? hi : lo;
    const double as = t.a + (t.d / (t.d - x.d)) * (x.a - t.a);
    if (bracketed) {
      next = std::abs(ac - t.a) < std::abs(as - t.a) ? ac : as;
      next = t.a > x.a ? std::min(t.a + 0.66 * (y.a - t.a), next) : std::max(t.a + 0.66 * (y.a - t.a), next);
    } else {
      next = std::abs(ac - t.a) > std::abs(as - t.a) ? ac : as;
      next = std::clamp(next, lo, hi);
    }
  } else {
    // Case 4: the derivative does not decrease; use the cubic through t and y when
    // bracketed, else go to the bound.
    if (bracketed)
      next = cubic_minimizer(t, y, false);
    else
      next = t.a > x.a ? hi : lo;
  }
  // Update the interval of uncertainty (MT94, updating algorithm).
  if (t.f > x.f) {
    y = t;
  } else {
    if (sgnd < 0) y = x;
    x = t;
  }
  return next;
}

}  // namespace

LineSearchResult more_thuente(LineFunction& phi, double phi0, double dphi0, double alpha0,
                              const WolfeOptions& options) {
  check_options(options, alpha0);
  LineSearchResult res;
  res.step = 0.0;
  res.f = phi0;
  res.dphi = dphi0;
  res.accepted_by = StepAcceptance::LineSearchFailed;
  if (!(dphi0 < 0) || !std::isfinite(phi0) || !std::isfinite(dphi0)) {
    phi.place(0.0);
    return res;
  }
  const long start_evals = phi.evaluations();
  constexpr double kExtrapolateMin = 1.1, kExtrapolateMax = 4.0;  // xtrapl, xtrapu of MINPACK-2
  const double gtest = options.c1 * dphi0;
  const double curvature = options.c2 * -dphi0;
  double alpha_max = options.alpha_max;  // lowered below a trial with non-finite values
  double stp = std::clamp(alpha0, options.alpha_min, alpha_max);
  bool bracketed = false, stage_one = true;
  double width = options.alpha_max - options.alpha_min, width_prev = 2.0 * width;
  Endpoint x{0.0, phi0, dphi0}, y{0.0, phi0, dphi0};
  double lo = 0.0, hi = stp + kExtrapolateMax * stp;

  auto fail = [&](double f_last, double d_last, double a_last) {
    // The best point is x (the lowest value seen among trials that kept sufficient-decrease
    // bookkeeping) or the last trial when that is lower.
    res.evaluations = phi.evaluations() - start_evals;
    if (std::isfinite(f_last) && f_last < x.f && a_last == phi.last_alpha()) {
      res.step = a_last, res.f = f_last, res.dphi = d_last;
      return res;
    }
    res.step = x.a, res.f = x.f, res.dphi = x.d;
    if (phi.last_alpha() != x.a || phi.evaluations() == start_evals) phi.place(x.a);
    return res;
  };

  for (long trial = 0;; ++trial) {
    if (trial >= options.max_trials || phi.run().budget_exhausted())
      return fail(kNotApplicable, kNotApplicable, 0.0);
    double g;
    const double f = phi.value_and_derivative(stp, g);
    if (!std::isfinite(f) || !std::isfinite(g)) {
      // Back off: bisect towards the best finite step and never come this far again.
      if (stp > x.a) alpha_max = std::min(alpha_max, stp);
      const double next = x.a + 0.5 * (stp - x.a);
      if (std::abs(next - x.a) <= std::numeric_limits<double>::epsilon() * std::max(1.0, x.a))
        return fail(kNotApplicable, kNotApplicable, 0.0);
      stp = next;
      if (!bracketed) hi = std::min(hi, alpha_max), lo = std::min(lo, hi);
      continue;
    }
    const double ftest = phi0 + stp * gtest;
    if (stage_one && f <= ftest && g >= std::min(options.c1, options.c2) * dphi0) stage_one = false;

    if (f <= ftest && std::abs(g) <= curvature) {
      res.success = true;
      res.step = stp, res.f = f, res.dphi = g;
      res.evaluations = phi.evaluations() - start_evals;
      res.accepted_by = StepAcceptance::StrongWolfe;
      return res;
    }
    // At the largest allowed step with sufficient decrease and phi still decreasing: accept it
    // as an Armijo step (the function may be unbounded below along d).
    if (stp >= alpha_max && f <= ftest && g <= gtest) {
      res.success = true;
      res.step = stp, res.f = f, res.dphi = g;
      res.evaluations = phi.evaluations() - start_evals;
      res.accepted_by = StepAcceptance::Armijo;
      return res;
    }
    if ((bracketed && (stp <= lo || stp >= hi)) || (bracketed && hi - lo <= options.xtol * hi) ||
        (stp <= options.alpha_min && (f > ftest || g >= gtest)))
      return fail(f, g, stp);

    const Endpoint t{stp, f, g};
    if (stage_one && f <= x.f && f > ftest) {
      // First stage: step on the auxiliary psi(a) = phi(a) - phi0 - c1 a phi'(0) (MT94 section 3).
      Endpoint xm{x.a, x.f - x.a * gtest, x.d - gtest}, ym{y.a, y.f - y.a * gtest, y.d - gtest};
      const Endpoint tm{t.a, t.f - t.a * gtest, t.d - gtest};
      stp = safeguarded_step(xm, ym, tm, bracketed, lo, hi);
      x = {xm.a, xm.f + xm.a * gtest, xm.d + gtest};
      y = {ym.a, ym.f + ym.a * gtest, ym.d + gtest};
    } else {
      stp = safeguarded_step(x, y, t, bracketed, lo, hi);
    }
    // Force sufficient shrinkage of the interval, bisecting when it did not shrink by 2/3 in two steps.
    if (bracketed) {
      if (std::abs(y.a - x.a) >= 0.66 * width_prev) stp = x.a + 0.5 * (y.a - x.a);
      width_prev = width;
      width = std::abs(y.a - x.a);
      lo = std::min(x.a, y.a);
      hi = std::max(x.a, y.a);
    } else {
      lo = stp + kExtrapolateMin * (stp - x.a);
      hi = std::min(stp + kExtrapolateMax * (stp - x.a), alpha_max);
      lo = std::min(lo, hi);
    }
    stp = std::clamp(stp, options.alpha_min, alpha_max);
    if (stp >= alpha_max && alpha_max < options.alpha_max) stp = x.a + 0.5 * (alpha_max - x.a);
    // No further progress possible: evaluate the best point once more and stop there.
    if ((bracketed && (stp <= lo || stp >= hi)) || (bracketed && hi - lo <= options.xtol * hi)) stp = x.a;
  }
}

}  // namespace optiml
