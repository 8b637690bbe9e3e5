#pragma once
// Strong Wolfe line search of More & Thuente, "Line search algorithms with
// guaranteed sufficient decrease", ACM TOMS 20 (1994) 286-307 (the dcsrch/dcstep
// algorithm also used by MINPACK-2 and L-BFGS-B).
//
// Finds a with phi(a) <= phi(0) + c1 a phi'(0) and |phi'(a)| <= c2 |phi'(0)|. Each
// trial comes from the safeguarded cubic/quadratic step of MT94 section 4; until a
// trial has psi(a) <= 0 and phi'(a) >= min(c1, c2) phi'(0), the steps are computed on
// the auxiliary psi(a) = phi(a) - phi(0) - c1 a phi'(0) (MT94 section 3). Before the
// minimizer is bracketed, trials extrapolate to [1.1, 4] times the last jump; once
// bracketed, the interval is bisected when it has not shrunk by 2/3 in two steps.
// Non-finite trials (value or derivative) are bisected back towards the best finite
// step, which then also caps later trials.
//
// Outcome: on success accepted_by is StrongWolfe and the accepted point and its
// gradient are in the LineFunction's trial buffers; reaching alpha_max with
// sufficient decrease and phi still decreasing is a success with accepted_by Armijo.
// Failure (success false, accepted_by LineSearchFailed): phi'(0) >= 0, max_trials
// spent, the interval shrank below xtol or rounding errors prevent progress, or the
// run's budget is exhausted. Then the best point seen (step 0 when none improved) is
// returned and left in the trial point; gradient_current() tells whether the trial
// gradient belongs to it.
//
// The evaluation counts and steps of the paper's Tables 1-6 are reproduced exactly
// (tests/linesearch/more_thuente_test.cpp).
#include "optiml/linesearch/line_function.hpp"
#include "optiml/linesearch/line_search.hpp"

namespace optiml {

struct WolfeOptions {
  double c1 = 1e-4;     // sufficient decrease (ftol in the paper)
  double c2 = 0.9;      // curvature |phi'(a)| <= c2 |phi'(0)|; 0.9 for quasi-Newton, 0.1 for CG (N&W 3.6)
  double xtol = 1e-10;  // relative width of the uncertainty interval at which the search gives up
  double alpha_min = 0.0;
  double alpha_max = 1e20;
  long max_trials = 30;
};

// Options and alpha0 (> 0, finite) are checked and throw InvalidArgument naming the field.
LineSearchResult more_thuente(LineFunction& phi, double phi0, double dphi0, double alpha0,
                              const WolfeOptions& options = {});

}  // namespace optiml
