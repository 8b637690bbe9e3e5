#pragma once
// Gradient descent (steepest descent): x_{k+1} = x_k - alpha_k grad f(x_k), with
// the step alpha_k chosen by one of four rules (Nocedal & Wright, 2nd ed., 3.1-3.3):
//
// - fixed: alpha = step_size, or 1/L when step_size = 0 and the objective knows its
//   gradient's Lipschitz constant L (f(x_{k+1}) <= f(x_k) - |g|^2/(2L) then holds).
// - armijo (default): backtracking to sufficient decrease
//   f(x - a g) <= f(x) - c1 a |g|^2 (optiml/linesearch/armijo.hpp). Each search starts
//   from `increase` times the previous accepted step (capped at 1e20), so the step can
//   grow again after a backtrack; the first search starts from 1/|g0|_inf (a first move of
//   at most 1 per coordinate), or step_size / 1/L when given.
// - bb: Barzilai & Borwein (1988) steps, BB1 = s's / s'y (bb_formula=bb1) or
//   BB2 = s'y / y'y (bb2), with s = x_{k+1} - x_k, y = g_{k+1} - g_k, globalized by the
//   nonmonotone line search of Grippo, Lampariello & Lucidi (1986): accept
//   f(x - a g) <= max of the last nonmonotone_memory values - c1 a |g|^2, as in
//   Raydan (1997). When s'y <= 0 (no positive curvature) the previous step is kept; the
//   BB step is clamped to [1e-30, 1e30].
// - exact: the exact line minimizer for a quadratic, alpha = g'g / g'Hg, with H g from
//   the objective's Hessian-vector product (or a finite difference of gradients). It is
//   exact only for quadratics; on other functions it is the minimizer of the local
//   quadratic model, and when that step does not decrease f (or g'Hg <= 0) the
//   iteration falls back to Armijo backtracking from it.
//
// On a quadratic with condition number kappa, exact line search contracts f - f* by at
// least ((kappa - 1)/(kappa + 1))^2 per step (N&W Theorem 3.3); on the classic worst-case
// start the bound is attained.
//
// Trace: step = alpha, ls_trials = evaluations spent, accepted_by = FixedStep, Armijo,
// Nonmonotone or Exact. Non-finite values make the line search back off; with a fixed
// step they end the run with NumericalError. The run returns the lowest point seen.
#include "optiml/core/enum_names.hpp"
#include "optiml/core/objective.hpp"
#include "optiml/core/options.hpp"
#include "optiml/core/result.hpp"
#include "optiml/core/solver_options.hpp"

namespace optiml {

enum class GradientStepRule { Fixed, Armijo, BarzilaiBorwein, Exact };
enum class BarzilaiBorweinFormula { BB1, BB2 };

template <>
struct EnumNames<GradientStepRule> {
  static constexpr std::pair<GradientStepRule, const char*> table[] = {
      {GradientStepRule::Fixed, "fixed"},
      {GradientStepRule::Armijo, "armijo"},
      {GradientStepRule::BarzilaiBorwein, "bb"},
      {GradientStepRule::Exact, "exact"},
  };
};

template <>
struct EnumNames<BarzilaiBorweinFormula> {
  static constexpr std::pair<BarzilaiBorweinFormula, const char*> table[] = {
      {BarzilaiBorweinFormula::BB1, "bb1"},
      {BarzilaiBorweinFormula::BB2, "bb2"},
  };
};

class GradientDescent {
 public:
  struct Options : SolverOptions {
    GradientStepRule step_rule = GradientStepRule::Armijo;
    double step_size = 0.0;  // fixed step (and first trial of the searches); 0 = 1/L
    double c1 = 1e-4;        // sufficient-decrease constant (N&W 3.4; GLL 1986 and Raydan 1997 use 1e-4)
    double increase = 2.0;   // armijo: next search starts from increase * previous step
    BarzilaiBorweinFormula bb_formula = BarzilaiBorweinFormula::BB1;  // Raydan (1997) uses BB1
    long nonmonotone_memory = 10;  // M of GLL (1986); Raydan (1997) uses 10
    long max_linesearch = 50;      // trials per line search
  };

  GradientDescent() = default;
  explicit GradientDescent(Options options) : options_(std::move(options)) {}

  Result minimize(const Objective& f, const Vector& x0) const;
  static const OptionTable<Options>& option_table();

 private:
  Options options_;
};

}  // namespace optiml
