#pragma once
// Trust-region methods on the quadratic model m_k(p) = f_k + g_k'p + 1/2 p'B_k p with
// B_k the Hessian (Nocedal & Wright, 2nd ed., chapter 4, Algorithm 4.1). Three solvers
// share one engine and differ in how they solve the subproblem min m_k(p), |p| <= Delta_k
// (trust_region_subproblem.hpp):
//
// - TrustRegionDogleg (trust-dogleg): the dogleg path (N&W 4.1) on the dense Hessian (the
//   objective's, or central differences of the gradient). Dogleg needs B positive
//   definite: when the Cholesky factorization fails, the path is built on B + tau I with
//   tau from N&W Algorithm 3.3 (as in newton.hpp). Its Newton point is then the shifted
//   one while the ratio uses the true model; since tau > 0, m(p) <= m_shifted(p), so the
//   step keeps at least the shifted model's Cauchy decrease and the method its global
//   convergence.
// - TrustRegionSteihaug (trust-steihaug): Steihaug-Toint CG (N&W Algorithm 7.2) on
//   Hessian-vector products (finite differences of gradients when the objective has
//   none), stopped at |B p + g| <= min(0.5, sqrt(|g|)) |g| as in newton_cg.hpp; no
//   n x n matrix is formed.
// - TrustRegionCauchy (trust-cauchy): the Cauchy point (N&W Algorithm 4.2), one
//   Hessian-vector product per iterate: steepest descent with a model-based step, linear
//   convergence; a baseline for teaching.
//
// Ratio test (N&W Algorithm 4.1): rho = (f(x) - f(x + p)) / (m(0) - m(p)). The step is
// accepted when rho > eta. The radius becomes 1/4 min(Delta, |p|) when rho < 1/4 (the
// form of N&W's first edition: equal to Delta/4 on the boundary, and an interior step is
// not simply retried), min(2 Delta, max_radius) when rho > 3/4 and the step reached the
// boundary, and stays otherwise. A non-finite f(x + p) counts as rho = -inf. Both
// reductions are shifted by delta = 10 eps |f(x)| before the division (Conn, Gould & Toint,
// "Trust-region methods", 2000, 17.4.2), so that once they reach rounding level rho tends
// to 1 instead of being a ratio of noise: the gradient can then still be driven below
// gtol when f itself no longer resolves the decrease (f may rise by rounding errors). The
// run ends with LineSearchFailed ("no acceptable step") when the radius falls below
// 1e-15 (1 + |x|_2).
//
// Trace: every iteration, rejected ones included, has step = |p|_2, tr_radius = the
// radius after the update, tr_ratio = rho, and accepted_by TrustRegionAccepted or
// TrustRegionRejected. A rejected iteration leaves f and x unchanged; it does not trigger
// the ftol and xtol tests (those compare accepted iterates).
#include "optiml/core/objective.hpp"
#include "optiml/core/options.hpp"
#include "optiml/core/result.hpp"
#include "optiml/core/solver_options.hpp"

namespace optiml {

// Options of every trust-region solver.
struct TrustRegionOptions : SolverOptions {
  double initial_radius = 1.0;  // Delta_0 (N&W section 4.1 leaves it to the user; scipy uses 1)
  double max_radius = 1e10;     // Delta_hat of N&W Algorithm 4.1
  double eta = 1e-4;            // accept when rho > eta (N&W Algorithm 4.1 takes eta in [0, 1/4))
};

class TrustRegionDogleg {
 public:
  struct Options : TrustRegionOptions {
    double beta = 1e-3;  // first shift tau when the Hessian is not positive definite (N&W Alg. 3.3)
  };

  TrustRegionDogleg() = default;
  explicit TrustRegionDogleg(Options options) : options_(std::move(options)) {}

  Result minimize(const Objective& f, const Vector& x0) const;
  static const OptionTable<Options>& option_table();

 private:
  Options options_;
};

class TrustRegionSteihaug {
 public:
  struct Options : TrustRegionOptions {
    long max_cg_iterations = 0;  // CG iterations per subproblem; 0 = 20 n (as newton-cg)
  };

  TrustRegionSteihaug() = default;
  explicit TrustRegionSteihaug(Options options) : options_(std::move(options)) {}

  Result minimize(const Objective& f, const Vector& x0) const;
  static const OptionTable<Options>& option_table();

 private:
  Options options_;
};

class TrustRegionCauchy {
 public:
  struct Options : TrustRegionOptions {};

  TrustRegionCauchy() = default;
  explicit TrustRegionCauchy(Options options) : options_(std::move(options)) {}

  Result minimize(const Objective& f, const Vector& x0) const;
  static const OptionTable<Options>& option_table();

 private:
  Options options_;
};

}  // namespace optiml
