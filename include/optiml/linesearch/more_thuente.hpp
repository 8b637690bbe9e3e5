#pragma once
// Strong Wolfe line search of More & Thuente, "Line search algorithms with
// guaranteed sufficient decrease", ACM TOMS 20 (1994) 286-307 (the dcsrch/dcstep
// algorithm also used by MINPACK-2 and L-BFGS-B). Non-finite trials are
// bisected back towards the last finite point.
#include "optiml/linesearch/line_function.hpp"
#include "optiml/linesearch/line_search.hpp"

namespace optiml {

struct WolfeOptions {
  double c1 = 1e-4;   // sufficient decrease (ftol in the paper)
  double c2 = 0.9;    // curvature |phi'(a)| <= c2 |phi'(0)|; 0.9 for quasi-Newton, 0.1 for CG (N&W 3.6)
  double xtol = 1e-10;  // relative width of the uncertainty interval at which the search gives up
  double alpha_min = 0.0;
  double alpha_max = 1e20;
  long max_trials = 30;
};

LineSearchResult more_thuente(LineFunction& phi, double phi0, double dphi0, double alpha0,
                              const WolfeOptions& options = {});

}  // namespace optiml
