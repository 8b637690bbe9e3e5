#pragma once
// Heavy-ball method of Polyak, "Some methods of speeding up the convergence of
// iteration methods", USSR Comp. Math. & Math. Phys. 4 (1964):
//
//   x_{k+1} = x_k - alpha grad f(x_k) + beta (x_k - x_{k-1}).
//
// Parameters, in order of precedence:
// - step_size > 0 and momentum >= 0 are used as given.
// - When the objective declares L (lipschitz_constant) and mu > 0 (strong_convexity),
//   Polyak's optimal tuning for quadratics: alpha = 4 / (sqrt L + sqrt mu)^2 and
//   beta = ((sqrt kappa - 1) / (sqrt kappa + 1))^2 with kappa = L / mu, for which
//   |x_k - x*| contracts like (sqrt kappa - 1)/(sqrt kappa + 1) per step on quadratics.
// - When only L is known: alpha = 1/L and beta = momentum (default 0.9).
// - When L is unknown: alpha = 1/L_k with L_0 the secant estimate of
//   optiml/linesearch/lipschitz_estimate.hpp, raised by `increase` until the step
//   satisfies the descent-lemma inequality f(x+) <= f(x) + g'(x+ - x) + (L/2)|x+ - x|^2
//   (which, for the plain gradient step x+ = x - g/L, is the sufficient-decrease
//   inequality f(x+) <= f(x) - |g|^2/(2L) of Beck & Teboulle 2009). The estimate never
//   decreases, and stays below increase * (true L).
//
// Restart (on by default, for safety on nonconvex problems): when f increases, the
// momentum of the next step is dropped (function-value restart of O'Donoghue &
// Candes 2015). It is not applied with Polyak's tuning, whose iterates are not
// monotone by design and whose gradient step alone may exceed 2/L.
//
// The heavy ball is not a descent method: the run returns the lowest point seen.
// Trace: step = alpha, accepted_by = FixedStep (given or known L) or Armijo (estimated
// L), ls_trials = evaluations spent in the iteration, extra column "momentum" = the
// beta of the step. A step whose momentum lands where f is not finite is retried
// without momentum; other non-finite values raise L when it is estimated, else they end
// the run with NumericalError.
#include "optiml/core/objective.hpp"
#include "optiml/core/options.hpp"
#include "optiml/core/result.hpp"
#include "optiml/core/solver_options.hpp"

namespace optiml {

class HeavyBall {
 public:
  struct Options : SolverOptions {
    double step_size = 0.0;    // alpha; 0 = from L and mu (see above)
    double momentum = -1.0;    // beta in [0, 1); < 0 = Polyak's with known L, mu, else 0.9
    bool restart = true;       // function-value restart (O'Donoghue & Candes 2015)
    double increase = 2.0;     // factor that raises the estimated L (Beck & Teboulle's eta)
    long max_linesearch = 50;  // raises of L per iteration
  };

  HeavyBall() = default;
  explicit HeavyBall(Options options) : options_(std::move(options)) {}

  Result minimize(const Objective& f, const Vector& x0) const;
  static const OptionTable<Options>& option_table();

 private:
  Options options_;
};

}  // namespace optiml
