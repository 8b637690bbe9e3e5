#pragma once
// Armijo backtracking with safeguarded quadratic/cubic interpolation
// (Nocedal & Wright, 2nd ed., section 3.5; Dennis & Schnabel, section 6.3.2).
// Non-finite trial values shrink the step by the largest factor until finite.
#include "optiml/linesearch/line_function.hpp"
#include "optiml/linesearch/line_search.hpp"

namespace optiml {

struct ArmijoOptions {
  double c1 = 1e-4;          // sufficient decrease: phi(a) <= f_ref + c1 a phi'(0) (N&W 3.4)
  double shrink_min = 0.1;   // each backtrack keeps alpha_new in [shrink_min, shrink_max] * alpha
  double shrink_max = 0.5;
  long max_trials = 50;
  bool with_gradient = false;  // evaluate gradients at trials (saves one evaluation when the solver needs it)
};

// f_ref is phi(0) for monotone searches, or max of recent values (nonmonotone, GLL 1986).
LineSearchResult armijo_backtracking(LineFunction& phi, double phi0, double dphi0, double alpha0,
                                     const ArmijoOptions& options, double f_ref);
inline LineSearchResult armijo_backtracking(LineFunction& phi, double phi0, double dphi0,
                                            double alpha0, const ArmijoOptions& options = {}) {
  return armijo_backtracking(phi, phi0, dphi0, alpha0, options, phi0);
}

}  // namespace optiml
