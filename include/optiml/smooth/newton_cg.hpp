#pragma once
// Newton-CG (truncated Newton): line-search Newton with the Newton system solved
// inexactly by conjugate gradients on Hessian-vector products (Nocedal & Wright,
// 2nd ed., Algorithm 7.1; Dembo & Steihaug 1983).
//
// Update rule: CG on H_k p = -g_k from p = 0 stops when |H_k p + g_k| <= eta_k |g_k| with
// the forcing term eta_k = min(0.5, sqrt(|g_k|)) (superlinear convergence, N&W Theorem
// 7.2), after max_cg_iterations, or at the first CG direction d with d'H_k d <= 0
// (negative curvature): then the iterate so far is returned, or -g_k when that happens
// on the first CG iteration. x_{k+1} = x_k + alpha_k p with alpha_k from Armijo
// backtracking starting at 1 (optiml/linesearch/armijo.hpp).
//
// Hessian-vector products come from the objective (hessian_vector(), or its dense
// Hessian) or, when it has neither, from a forward difference of gradients,
// (grad f(x + h v) - grad f(x)) / h: one gradient evaluation per CG iteration
// (SolverRun::hessian_vector). No n x n matrix is ever formed, so it suits large n.
// A failed line search is retried once along -g; a second failure ends the run with
// LineSearchFailed.
//
// Trace: step = alpha, ls_trials, accepted_by = Armijo.
#include "optiml/core/objective.hpp"
#include "optiml/core/options.hpp"
#include "optiml/core/result.hpp"
#include "optiml/core/solver_options.hpp"

namespace optiml {

class NewtonCG {
 public:
  struct Options : SolverOptions {
    long max_cg_iterations = 0;  // CG iterations per Newton step; 0 = 20 n (scipy's newton-cg cap)
    double c1 = 1e-4;            // sufficient-decrease constant (N&W 3.4)
    long max_linesearch = 50;    // trials per line search
  };

  NewtonCG() = default;
  explicit NewtonCG(Options options) : options_(std::move(options)) {}

  Result minimize(const Objective& f, const Vector& x0) const;
  static const OptionTable<Options>& option_table();

 private:
  Options options_;
};

}  // namespace optiml
