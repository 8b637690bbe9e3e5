#pragma once
// Nesterov's accelerated gradient method (Nesterov 1983, "A method for solving the
// convex programming problem with convergence rate O(1/k^2)"), in the form
//
//   x_{k+1} = y_k - (1/L) grad f(y_k),   y_{k+1} = x_{k+1} + beta_{k+1} (x_{k+1} - x_k),
//
// with y_0 = x_0 and, counting j = 1, 2, ... from the start or the last restart:
// - momentum=convex: beta = (j - 1)/(j + 2), for which f(x_k) - f* <= 2 L |x_0 - x*|^2/(k+1)^2
//   on convex f (Su, Boyd & Candes 2016, Theorem 6; Beck & Teboulle 2009 for FISTA's
//   equivalent t-sequence);
// - momentum=strongly-convex: the constant beta = (sqrt kappa - 1)/(sqrt kappa + 1),
//   kappa = L/mu, for mu-strongly convex f (Nesterov 2004, scheme 2.2.19);
// - momentum=auto (default): strongly-convex when the objective declares mu > 0, else convex.
//
// Step (step_rule):
// - fixed: 1/L with L = 1/step_size when given, else the objective's lipschitz_constant().
// - backtracking (default; Beck & Teboulle 2009): L_k starts from L_{k-1} (times
//   `decrease` when < 1, which lets it fall again) and is multiplied by `increase` until
//   f(y - g/L) <= f(y) - |g|^2/(2L). L_0 is the objective's L, else the secant estimate of
//   optiml/linesearch/lipschitz_estimate.hpp.
//
// Restart (O'Donoghue & Candes 2015, "Adaptive restart for accelerated gradient
// schemes"): j is reset to 1 (the next y is x itself) when
// - restart=function: f(x_{k+1}) > f(x_k);
// - restart=gradient (default): grad f(y_k)'(x_{k+1} - x_k) > 0, i.e. the momentum points uphill.
//
// Each iteration evaluates f and the gradient at y_k and f at x_{k+1} (plus backtracks).
// Trace: f = f(x_{k+1}); optimality = |grad f(y_{k+1})|_inf, the gradient the method
// has at hand (x_{k+1} - y_k = -grad f(y_k)/L); step = 1/L; accepted_by = FixedStep or
// Armijo (backtracking); extra column "momentum" = the beta that formed y_{k+1}. When
// gtol fires the run returns y_{k+1}, the point it certifies; otherwise the lowest x_k
// seen, with the last gradient norm. A non-finite value at y drops the momentum;
// elsewhere it raises L (backtracking) or ends the run with NumericalError (fixed).
#include "optiml/core/enum_names.hpp"
#include "optiml/core/objective.hpp"
#include "optiml/core/options.hpp"
#include "optiml/core/result.hpp"
#include "optiml/core/solver_options.hpp"

namespace optiml {

enum class NesterovStepRule { Fixed, Backtracking };
enum class NesterovMomentum { Auto, Convex, StronglyConvex };
enum class RestartRule { None, Function, Gradient };

template <>
struct EnumNames<NesterovStepRule> {
  static constexpr std::pair<NesterovStepRule, const char*> table[] = {
      {NesterovStepRule::Fixed, "fixed"},
      {NesterovStepRule::Backtracking, "backtracking"},
  };
};

template <>
struct EnumNames<NesterovMomentum> {
  static constexpr std::pair<NesterovMomentum, const char*> table[] = {
      {NesterovMomentum::Auto, "auto"},
      {NesterovMomentum::Convex, "convex"},
      {NesterovMomentum::StronglyConvex, "strongly-convex"},
  };
};

template <>
struct EnumNames<RestartRule> {
  static constexpr std::pair<RestartRule, const char*> table[] = {
      {RestartRule::None, "none"},
      {RestartRule::Function, "function"},
      {RestartRule::Gradient, "gradient"},
  };
};

class Nesterov {
 public:
  struct Options : SolverOptions {
    NesterovStepRule step_rule = NesterovStepRule::Backtracking;
    double step_size = 0.0;  // fixed: 1/L; 0 = from the objective's L
    NesterovMomentum momentum = NesterovMomentum::Auto;
    RestartRule restart = RestartRule::Gradient;  // O'Donoghue & Candes (2015) recommend it
    double increase = 2.0;                        // eta of Beck & Teboulle (2009)
    double decrease = 1.0;     // L_k starts from decrease * L_{k-1}; 1 = L never decreases (Beck & Teboulle)
    long max_linesearch = 50;  // raises of L per iteration
  };

  Nesterov() = default;
  explicit Nesterov(Options options) : options_(std::move(options)) {}

  Result minimize(const Objective& f, const Vector& x0) const;
  static const OptionTable<Options>& option_table();

 private:
  Options options_;
};

}  // namespace optiml
