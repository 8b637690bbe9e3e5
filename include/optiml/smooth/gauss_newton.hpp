#pragma once
// Gauss-Newton for nonlinear least squares f(x) = 1/2 |r(x)|^2 (Nocedal & Wright,
// 2nd ed., section 10.3), globalized by Armijo backtracking.
//
// Update rule: p_k minimizes |J_k p + r_k|_2, i.e. solves J_k^T J_k p = -J_k^T r_k, and
// x_{k+1} = x_k + alpha_k p_k with alpha_k the first step from 1 that passes
// f(x + a p) <= f(x) + c1 a g'p, g = J^T r (optiml/linesearch/armijo.hpp). On
// zero-residual problems with J of full column rank the convergence is quadratic;
// with large residuals it can be slow or fail (use levenberg-marquardt).
//
// linear_solver:
// - qr (default): column-pivoted Householder QR of J, which also handles rank-deficient
//   Jacobians (the basic solution of the pivoted factorization). O(m n^2).
// - normal-equations: LDLT of J^T J (faster when m >> n; squares the condition number).
//   When it fails (not positive definite, non-finite solution or no descent) the
//   iteration uses QR instead.
// A direction that is still not a descent direction is replaced by -g. A failed line
// search ends the run with LineSearchFailed. Optimality measure: |J^T r|_inf.
//
// Trace: step = alpha, ls_trials, accepted_by = Armijo. The Jacobian is the problem's
// own or forward differences (LeastSquares::jacobian).
#include "optiml/core/enum_names.hpp"
#include "optiml/core/least_squares.hpp"
#include "optiml/core/options.hpp"
#include "optiml/core/result.hpp"
#include "optiml/core/solver_options.hpp"

namespace optiml {

enum class GaussNewtonSolver { QR, NormalEquations };

template <>
struct EnumNames<GaussNewtonSolver> {
  static constexpr std::pair<GaussNewtonSolver, const char*> table[] = {
      {GaussNewtonSolver::QR, "qr"},
      {GaussNewtonSolver::NormalEquations, "normal-equations"},
  };
};

class GaussNewton {
 public:
  struct Options : SolverOptions {
    GaussNewtonSolver linear_solver = GaussNewtonSolver::QR;
    double c1 = 1e-4;          // sufficient-decrease constant (N&W 3.4)
    long max_linesearch = 50;  // trials per line search
  };

  GaussNewton() = default;
  explicit GaussNewton(Options options) : options_(std::move(options)) {}

  Result minimize(const LeastSquares& problem, const Vector& x0) const;
  static const OptionTable<Options>& option_table();

 private:
  Options options_;
};

}  // namespace optiml
