#include "optiml/linesearch/armijo.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "optiml/core/error.hpp"
#include "optiml/core/options.hpp"

namespace optiml {

namespace {

void check_options(const ArmijoOptions& o, double alpha0) {
  auto bad = [](const char* name, double v, const char* want) {
    throw InvalidArgument(std::string("Armijo line search option '") + name + "' = " + format_double(v) +
                          " must be " + want);
  };
  if (!(o.c1 > 0 && o.c1 < 1)) bad("c1", o.c1, "in (0, 1)");
  if (!(o.shrink_min > 0 && o.shrink_min < 1)) bad("shrink_min", o.shrink_min, "in (0, 1)");
  if (!(o.shrink_max >= o.shrink_min && o.shrink_max < 1))
    bad("shrink_max", o.shrink_max, "in [shrink_min, 1)");
  if (o.max_trials < 1) bad("max_trials", static_cast<double>(o.max_trials), ">= 1");
  if (!(alpha0 > 0 && std::isfinite(alpha0))) bad("alpha0", alpha0, "positive and finite");
}

// Minimizer of the quadratic through phi(0), phi'(0) and phi(a) (N&W 3.57).
double quadratic_step(double phi0, double dphi0, double a, double fa) {
  return -dphi0 * a * a / (2.0 * (fa - phi0 - dphi0 * a));
}

// Minimizer of the cubic through phi(0), phi'(0), phi(a) and phi(b) (N&W 3.58).
double cubic_step(double phi0, double dphi0, double a, double fa, double b, double fb) {
  const double ra = fa - phi0 - dphi0 * a;
  const double rb = fb - phi0 - dphi0 * b;
  const double den = a * a * b * b * (a - b);
  // phi(t) ~ k3 t^3 + k2 t^2 + dphi0 t + phi0.
  const double k3 = (b * b * ra - a * a * rb) / den;
  const double k2 = (-b * b * b * ra + a * a * a * rb) / den;
  if (k3 == 0.0) return -dphi0 / (2.0 * k2);
  const double disc = k2 * k2 - 3.0 * k3 * dphi0;
  if (disc < 0) return std::numeric_limits<double>::quiet_NaN();
  // The root of 3 k3 t^2 + 2 k2 t + dphi0 that is the local minimizer, written to avoid cancellation.
  const double root = std::sqrt(disc);
  return k2 <= 0 ? (-k2 + root) / (3.0 * k3) : -dphi0 / (k2 + root);
}

}  // namespace

LineSearchResult armijo_backtracking(LineFunction& phi, double phi0, double dphi0, double alpha0,
                                     const ArmijoOptions& options, double f_ref) {
  check_options(options, alpha0);
  LineSearchResult res;
  res.step = 0.0;
  res.f = phi0;
  res.accepted_by = StepAcceptance::LineSearchFailed;
  // Not a descent direction (or nothing to compare with): nothing can be accepted.
  if (!(dphi0 < 0) || !std::isfinite(phi0) || !std::isfinite(dphi0)) {
    phi.place(0.0);
    return res;
  }
  if (!(f_ref >= phi0)) f_ref = phi0;

  double alpha = alpha0;
  double prev_alpha = 0.0, prev_f = 0.0;  // last finite rejected trial, for the cubic
  bool have_prev = false;
  double best_alpha = 0.0, best_f = phi0;
  double alpha_floor = -1.0;  // computed on the first backtrack
  const long start_evals = phi.evaluations();

  for (long trial = 0; trial < options.max_trials; ++trial) {
    if (phi.run().budget_exhausted()) break;
    double dphi = kNotApplicable;
    const double f = options.with_gradient ? phi.value_and_derivative(alpha, dphi) : phi.value(alpha);
    const bool finite = std::isfinite(f) && (!options.with_gradient || std::isfinite(dphi));
    if (finite && f <= f_ref + options.c1 * alpha * dphi0) {
      res.success = true;
      res.step = alpha;
      res.f = f;
      res.dphi = dphi;
      res.evaluations = phi.evaluations() - start_evals;
      res.accepted_by =
          f <= phi0 + options.c1 * alpha * dphi0 ? StepAcceptance::Armijo : StepAcceptance::Nonmonotone;
      return res;
    }
    double next;
    if (!finite) {
      next = options.shrink_min * alpha;  // no model of phi here: back off by the largest factor
    } else {
      if (f < best_f) best_f = f, best_alpha = alpha;
      next = have_prev ? cubic_step(phi0, dphi0, alpha, f, prev_alpha, prev_f)
                       : quadratic_step(phi0, dphi0, alpha, f);
      if (!std::isfinite(next)) next = options.shrink_max * alpha;
      prev_alpha = alpha, prev_f = f, have_prev = true;
    }
    next = std::clamp(next, options.shrink_min * alpha, options.shrink_max * alpha);
    // Stop when x + alpha d no longer differs from x in floating point.
    if (alpha_floor < 0) {
      const double d_inf = phi.direction().lpNorm<Eigen::Infinity>();
      alpha_floor =
          std::numeric_limits<double>::epsilon() * (1.0 + phi.base_point().lpNorm<Eigen::Infinity>()) / d_inf;
    }
    if (next < alpha_floor) break;
    alpha = next;
  }
  // Failure: leave the best finite point (x itself when no trial improved on phi0) in the buffer.
  res.step = best_alpha;
  res.f = best_f;
  res.evaluations = phi.evaluations() - start_evals;
  if (phi.last_alpha() != best_alpha || phi.evaluations() == start_evals)
    phi.place(best_alpha);
  else if (phi.gradient_current())
    res.dphi = phi.trial_gradient().dot(phi.direction());
  return res;
}

LineSearchResult armijo_with_steepest_fallback(LineFunction& phi, double phi0, double slope, Vector& d,
                                               const Vector& g, bool fallback, const ArmijoOptions& options) {
  LineSearchResult ls = armijo_backtracking(phi, phi0, slope, 1.0, options);
  if (ls.success || !fallback || phi.run().budget_exhausted()) return ls;
  d = -g;
  LineSearchResult retry = armijo_backtracking(phi, phi0, -g.squaredNorm(), 1.0, options);
  retry.evaluations += ls.evaluations;
  return retry;
}

}  // namespace optiml
