#pragma once
// Newton's method with a modified Hessian and Armijo backtracking (Nocedal &
// Wright, 2nd ed., section 3.4, Algorithm 3.2).
//
// Update rule: solve (H_k + E_k) d_k = -g_k, where E_k makes the matrix positive
// definite, then x_{k+1} = x_k + alpha_k d_k with alpha_k the first step from 1 that
// passes Armijo backtracking f(x + a d) <= f(x) + c1 a g'd (optiml/linesearch/armijo.hpp).
// Near a minimizer with a positive definite Hessian E_k = 0 and alpha_k = 1, and the
// convergence is quadratic (N&W Theorem 3.5).
//
// hessian_modification chooses E_k:
// - cholesky-shift (default): E_k = tau I with N&W Algorithm 3.3: tau = 0 when the
//   Cholesky factorization of H succeeds, else start from beta - min_i H_ii (or beta)
//   and multiply by 10 until it succeeds.
// - eigen: H = Q diag(lambda) Q^T becomes Q diag(max(|lambda_i|, delta)) Q^T with
//   delta = eigen_floor * max(1, max |lambda_i|) (N&W 3.41 with absolute values, so that
//   negative curvature directions are followed downhill). O(n^3) with a larger constant.
//
// The Hessian is the objective's own when has_hessian(); otherwise central differences
// of the gradient (2n gradient evaluations per iteration, counted in the Result; see
// SolverRun::hessian). When the Hessian is not finite, or the direction is not a descent
// direction, or the line search fails along it, the iteration falls back to steepest
// descent d = -g; a failed search along -g ends the run with LineSearchFailed.
//
// Trace: step = alpha, ls_trials = function evaluations of the search, accepted_by =
// Armijo. Cost per iteration: one Hessian, one O(n^3) factorization, dense n x n memory.
#include "optiml/core/enum_names.hpp"
#include "optiml/core/objective.hpp"
#include "optiml/core/options.hpp"
#include "optiml/core/result.hpp"
#include "optiml/core/solver_options.hpp"

namespace optiml {

enum class HessianModification { CholeskyShift, Eigen };

template <>
struct EnumNames<HessianModification> {
  static constexpr std::pair<HessianModification, const char*> table[] = {
      {HessianModification::CholeskyShift, "cholesky-shift"},
      {HessianModification::Eigen, "eigen"},
  };
};

class Newton {
 public:
  struct Options : SolverOptions {
    HessianModification hessian_modification = HessianModification::CholeskyShift;
    double beta = 1e-3;         // first shift of cholesky-shift (N&W Algorithm 3.3 suggests 1e-3)
    double eigen_floor = 1.49e-8;  // eigen: relative floor delta on |lambda| (sqrt of machine epsilon)
    double c1 = 1e-4;           // sufficient-decrease constant (N&W 3.4)
    long max_linesearch = 50;   // trials per line search
  };

  Newton() = default;
  explicit Newton(Options options) : options_(std::move(options)) {}

  Result minimize(const Objective& f, const Vector& x0) const;
  static const OptionTable<Options>& option_table();

 private:
  Options options_;
};

}  // namespace optiml
