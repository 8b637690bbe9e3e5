#pragma once
// Levenberg-Marquardt for nonlinear least squares f(x) = 1/2 |r(x)|^2
// (Levenberg 1944; Marquardt 1963), with More's (1978) scaling and Nielsen's (1999)
// damping update as given by Madsen, Nielsen & Tingleff, "Methods for non-linear least
// squares problems" (2004), Algorithm 3.16.
//
// Update rule: with g = J^T r and D = diag(d_j), solve (J^T J + mu D^2) p = -g by
// Cholesky, and compute the gain ratio rho = (f(x) - f(x + p)) / (L(0) - L(p)),
// L(0) - L(p) = 1/2 p^T (mu D^2 p - g) (the decrease of the Gauss-Newton model). Then
// - rho > 0: accept x + p, mu *= max(1/3, 1 - (2 rho - 1)^3), nu = 2;
// - otherwise: reject, mu *= nu, nu *= 2.
// mu_0 = tau * max_j (J^T J)_jj / d_j^2: tau times the largest diagonal entry of J^T J
// without scaling (MNT 3.14), and tau itself when D^2 = diag(J^T J).
//
// scaling (More 1978, "The Levenberg-Marquardt algorithm: implementation and theory"):
// true makes d_j the largest Euclidean norm of column j of J seen so far (a column
// that has always been zero gets d_j = 1), so that the damping acts on each variable on
// its own scale; false uses D = I (MNT's form).
//
// Both reductions are shifted by delta = 10 eps |f(x)| before the division (Conn, Gould &
// Toint 2000, 17.4.2), so that rounding-level steps near the solution give rho near 1.
// A non-finite f(x + p), or a failed factorization, counts as a rejection. The run ends
// with LineSearchFailed when mu exceeds 1e300 with no acceptable step. Optimality
// measure: |J^T r|_inf.
//
// Trace: every iteration, rejected ones included: step = |p|_2, tr_radius = mu after the
// update (the damping), tr_ratio = rho, accepted_by FullStep or TrustRegionRejected.
// A rejected iteration does not trigger the ftol and xtol tests.
#include "optiml/core/least_squares.hpp"
#include "optiml/core/options.hpp"
#include "optiml/core/result.hpp"
#include "optiml/core/solver_options.hpp"

namespace optiml {

class LevenbergMarquardt {
 public:
  struct Options : SolverOptions {
    double tau = 1e-3;    // mu_0 = tau max diag(J^T J) (MNT 2004 suggest 1e-6 to 1, 1e-3 typical)
    bool scaling = true;  // More's (1978) variable scaling D = diag of column norms of J
  };

  LevenbergMarquardt() = default;
  explicit LevenbergMarquardt(Options options) : options_(std::move(options)) {}

  Result minimize(const LeastSquares& problem, const Vector& x0) const;
  static const OptionTable<Options>& option_table();

 private:
  Options options_;
};

}  // namespace optiml
