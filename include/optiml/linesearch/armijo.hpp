#pragma once
// Armijo backtracking with safeguarded quadratic/cubic interpolation
// (Nocedal & Wright, 2nd ed., section 3.5; Dennis & Schnabel, section 6.3.2).
//
// Accepts the first trial with phi(a) <= f_ref + c1 a phi'(0) (N&W 3.4). A rejected
// trial a is replaced by the minimizer of the quadratic through phi(0), phi'(0),
// phi(a) (first backtrack; N&W 3.57), then of the cubic that also passes through the
// previous trial (N&W 3.58), kept in [shrink_min, shrink_max] * a. A trial with a
// non-finite value (or gradient, with with_gradient) shrinks the step by shrink_min
// until finite.
//
// Outcome: on success the accepted point (and its gradient when with_gradient) is in
// the LineFunction's trial buffers, and accepted_by is Armijo, or Nonmonotone when
// only f_ref > phi(0) admitted it. The search fails (success false, accepted_by
// LineSearchFailed) when phi'(0) >= 0, after max_trials, when the step underflows
// (x + a d == x in floating point) or when the run's budget is exhausted; it then
// returns the best finite trial if it improved on phi(0), else step 0 with f = phi(0),
// and leaves that point (without gradient) in the trial buffer.
#include "optiml/linesearch/line_function.hpp"
#include "optiml/linesearch/line_search.hpp"

namespace optiml {

struct ArmijoOptions {
  double c1 = 1e-4;         // sufficient decrease: phi(a) <= f_ref + c1 a phi'(0) (N&W 3.4)
  double shrink_min = 0.1;  // each backtrack keeps alpha_new in [shrink_min, shrink_max] * alpha
  double shrink_max = 0.5;  // (Dennis & Schnabel A6.3.1 use 0.1 and 0.5)
  long max_trials = 50;
  bool with_gradient = false;  // evaluate gradients at trials (saves one evaluation when the solver needs it)
};

// f_ref is phi0 for monotone searches, or max of recent values (nonmonotone, GLL 1986);
// an f_ref below phi0 is raised to phi0. Options and alpha0 (> 0, finite) are checked
// and throw InvalidArgument naming the field.
LineSearchResult armijo_backtracking(LineFunction& phi, double phi0, double dphi0, double alpha0,
                                     const ArmijoOptions& options, double f_ref);
inline LineSearchResult armijo_backtracking(LineFunction& phi, double phi0, double dphi0, double alpha0,
                                            const ArmijoOptions& options = {}) {
  return armijo_backtracking(phi, phi0, dphi0, alpha0, options, phi0);
}

// Armijo backtracking from alpha = 1 along d, the line function's direction (a
// Newton-type step with slope g'd < 0). When that search fails and `fallback` is
// set, d becomes -g and one more search runs along it, where a sufficient-decrease
// step always exists for smooth f (N&W Lemma 3.1); evaluations of both count.
LineSearchResult armijo_with_steepest_fallback(LineFunction& phi, double phi0, double slope, Vector& d,
                                               const Vector& g, bool fallback, const ArmijoOptions& options);

}  // namespace optiml
