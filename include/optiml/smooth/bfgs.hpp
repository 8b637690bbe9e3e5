#pragma once
// BFGS: the quasi-Newton method of Broyden, Fletcher, Goldfarb and Shanno on the
// inverse Hessian approximation (Nocedal & Wright, 2nd ed., Algorithm 6.1), with
// the More-Thuente strong Wolfe line search (optiml/linesearch/more_thuente.hpp).
//
// Update rule: d_k = -H_k g_k, x_{k+1} = x_k + alpha_k d_k with alpha_k satisfying the
// strong Wolfe conditions (c1, c2); with s = x_{k+1} - x_k, y = g_{k+1} - g_k and
// rho = 1 / y's,
//   H_{k+1} = (I - rho s y^T) H_k (I - rho y s^T) + rho s s^T        (N&W 6.17).
// H_0 = I for the first step, then rescaled to (y's / y'y) I before the first update
// (N&W 6.20). The update is skipped when y's <= curvature_skip |s| |y| (the pair carries
// no reliable positive curvature; Dennis & Schnabel, A9.4.2, use sqrt(machine epsilon)),
// which keeps H positive definite. The first trial step is 1, except on the first
// iteration where it is min(1, 1/|g_0|_inf): a first move of at most 1 per coordinate.
// Convergence is superlinear near a minimizer with a positive definite Hessian
// (N&W Theorem 6.6).
//
// When d is not a descent direction (rounding) or the line search fails, H is reset to
// I and the iteration is retried once along -g; a second failure ends the run with
// LineSearchFailed. Memory and work are O(n^2) per iteration: use lbfgs for large n.
// Trace: step = alpha, ls_trials, accepted_by = StrongWolfe (or Armijo at alpha_max).
#include "optiml/core/objective.hpp"
#include "optiml/core/options.hpp"
#include "optiml/core/result.hpp"
#include "optiml/core/solver_options.hpp"

namespace optiml {

class BFGS {
 public:
  struct Options : SolverOptions {
    double c1 = 1e-4;               // sufficient-decrease constant (N&W 3.6)
    double c2 = 0.9;                // curvature constant; 0.9 for quasi-Newton methods (N&W 3.6)
    long max_linesearch = 30;       // trials per line search
    double curvature_skip = 1.49e-8;  // skip the update when y's <= curvature_skip |s||y| (D&S A9.4.2)
  };

  BFGS() = default;
  explicit BFGS(Options options) : options_(std::move(options)) {}

  Result minimize(const Objective& f, const Vector& x0) const;
  static const OptionTable<Options>& option_table();

 private:
  Options options_;
};

}  // namespace optiml
