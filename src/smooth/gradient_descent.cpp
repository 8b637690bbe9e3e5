#include "optiml/smooth/gradient_descent.hpp"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "optiml/core/solver_run.hpp"
#include "optiml/linesearch/armijo.hpp"

namespace optiml {

namespace {
constexpr double kMaxStep = 1e20;
constexpr double kBBMin = 1e-30, kBBMax = 1e30;  // Raydan (1997) safeguard interval
}  // namespace

const OptionTable<GradientDescent::Options>& GradientDescent::option_table() {
  static const OptionTable<Options> table = [] {
    OptionTable<Options> t("gradient-descent");
    add_common_options(t);
    t.add<GradientStepRule>(
        "step_rule", [](Options& o) -> GradientStepRule& { return o.step_rule; },
        "fixed (step_size or 1/L), armijo backtracking, bb (Barzilai-Borwein with "
        "nonmonotone search) or exact (quadratics)");
    t.add(
        "step_size", [](Options& o) -> double& { return o.step_size; },
        "fixed step, and first trial step of the searches; 0 = 1/L when the objective knows L", 0.0);
    t.add(
        "c1", [](Options& o) -> double& { return o.c1; },
        "sufficient-decrease constant: f(x - a g) <= f_ref - c1 a |g|^2", 1e-12, 0.5);
    t.add(
        "increase", [](Options& o) -> double& { return o.increase; },
        "armijo: each search starts from increase * the previous accepted step", 1.0, 1e3);
    t.add<BarzilaiBorweinFormula>(
        "bb_formula", [](Options& o) -> BarzilaiBorweinFormula& { return o.bb_formula; },
        "bb: bb1 = s's/s'y (long step) or bb2 = s'y/y'y (short step)");
    t.add<long>(
        "nonmonotone_memory", [](Options& o) -> long& { return o.nonmonotone_memory; },
        "bb: accept against the max of this many recent values (1 = monotone)", 1, 1000);
    t.add<long>(
        "max_linesearch", [](Options& o) -> long& { return o.max_linesearch; },
        "function evaluations per line search", 1, 1000);
    return t;
  }();
  return table;
}

Result GradientDescent::minimize(const Objective& f, const Vector& x0) const {
  const Options& o = options_;
  option_table().validate(o);
  const double L = f.lipschitz_constant();
  if (o.step_rule == GradientStepRule::Fixed && !(o.step_size > 0) && !(L > 0))
    throw InvalidArgument(
        "option 'step_size' of gradient-descent must be > 0 with step_rule=fixed when the objective's "
        "Lipschitz constant is unknown");
  SolverRun run("gradient-descent", f, x0, o);
  const Index n = x0.size();
  Vector x = x0, g(n), d(n), x_trial(n), g_trial(n), hg;
  if (o.step_rule == GradientStepRule::Exact) hg.resize(n);
  double fx = run.value_and_gradient(x, g);
  double g_inf = g.lpNorm<Eigen::Infinity>();
  Status status = run.start(x, fx, g_inf);

  // Fixed and BB steps may increase f: keep the lowest point seen.
  const bool monotone = o.step_rule == GradientStepRule::Armijo || o.step_rule == GradientStepRule::Exact;
  Vector x_best;
  double f_best = fx, g_best = g_inf;
  if (!monotone) x_best = x;
  std::vector<double> recent(static_cast<std::size_t>(o.nonmonotone_memory), fx);
  std::size_t recent_next = 0;

  ArmijoOptions armijo;
  armijo.c1 = o.c1;
  armijo.max_trials = o.max_linesearch;
  armijo.with_gradient = true;
  const double given_step = o.step_size > 0 ? o.step_size : (L > 0 ? 1.0 / L : 0.0);
  double alpha_prev = 0.0, bb_step = 0.0;

  while (status == Status::Running) {
    d = -g;
    const double gg = g.squaredNorm();
    const double first_trial = given_step > 0 ? given_step : 1.0 / g_inf;
    LineFunction phi(run, x, d, x_trial, g_trial);
    LineSearchResult ls;
    switch (o.step_rule) {
      case GradientStepRule::Fixed: {
        double dphi;
        ls.step = given_step;
        ls.f = phi.value_and_derivative(given_step, dphi);
        ls.evaluations = 1;
        ls.success = std::isfinite(ls.f) && std::isfinite(dphi);
        ls.accepted_by = StepAcceptance::FixedStep;
        break;
      }
      case GradientStepRule::Armijo: {
        const double alpha0 = alpha_prev > 0 ? std::min(o.increase * alpha_prev, kMaxStep) : first_trial;
        ls = armijo_backtracking(phi, fx, -gg, alpha0, armijo);
        break;
      }
      case GradientStepRule::BarzilaiBorwein: {
        const double f_ref = *std::max_element(recent.begin(), recent.end());
        ls = armijo_backtracking(phi, fx, -gg, bb_step > 0 ? bb_step : first_trial, armijo, f_ref);
        break;
      }
      case GradientStepRule::Exact: {
        run.hessian_vector(x, g, g, hg);
        const double ghg = g.dot(hg);
        const double alpha = gg / ghg;
        double dphi = 0.0;
        if (ghg > 0 && std::isfinite(alpha)) {
          ls.step = alpha;
          ls.f = phi.value_and_derivative(alpha, dphi);
          ls.evaluations = 1;
          ls.accepted_by = StepAcceptance::Exact;
          ls.success = std::isfinite(ls.f) && std::isfinite(dphi) && ls.f <= fx;
        }
        if (!ls.success) {  // not a quadratic here: backtrack from the model's step
          const double alpha0 = ghg > 0 && std::isfinite(alpha) ? 0.5 * alpha
                                : alpha_prev > 0                ? std::min(o.increase * alpha_prev, kMaxStep)
                                                                : first_trial;
          const long spent = ls.evaluations;
          ls = armijo_backtracking(phi, fx, -gg, alpha0, armijo);
          ls.evaluations += spent;
        }
        break;
      }
    }
    if (!ls.success) {
      status =
          o.step_rule == GradientStepRule::Fixed ? Status::NumericalError : line_search_failure_status(run);
      break;
    }
    const double alpha = ls.step;
    std::swap(x, x_trial);  // x_trial, g_trial now hold the previous point
    std::swap(g, g_trial);
    const double f_prev = fx;
    fx = ls.f;
    const double dx_inf = alpha * g_inf;
    g_inf = g.lpNorm<Eigen::Infinity>();
    alpha_prev = alpha;

    if (o.step_rule == GradientStepRule::BarzilaiBorwein) {
      // s = -alpha g_old and y = g - g_old (BB 1988); the inner products are taken directly to avoid
      // cancellation.
      const double sy = -alpha * g_trial.dot(g - g_trial);
      if (sy > 0) {
        const double step = o.bb_formula == BarzilaiBorweinFormula::BB1 ? alpha * alpha * gg / sy
                                                                        : sy / (g - g_trial).squaredNorm();
        bb_step = std::isfinite(step) ? std::clamp(step, kBBMin, kBBMax) : alpha;
      } else {
        bb_step = alpha;
      }
      recent[recent_next] = fx;
      recent_next = (recent_next + 1) % recent.size();
    }
    if (!monotone && fx < f_best) {
      x_best = x;
      f_best = fx;
      g_best = g_inf;
    }

    IterationRecord rec = IterationRecord::step_record(fx, g_inf, alpha, ls.evaluations,
                                                      ls.accepted_by);
    status = run.end_iteration(std::move(rec), x, f_prev, dx_inf);
  }
  const bool use_best = !monotone && status != Status::ConvergedGradient && f_best < fx;
  if (use_best) return run.finish(x_best, f_best, g_best, status);
  return run.finish(x, fx, g_inf, status);
}

}  // namespace optiml
