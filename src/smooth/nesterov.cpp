#include "optiml/smooth/nesterov.hpp"

#include <cmath>
#include <utility>

#include "optiml/core/solver_run.hpp"
#include "optiml/linesearch/line_function.hpp"
#include "optiml/linesearch/lipschitz_estimate.hpp"

namespace optiml {

namespace {
constexpr double kRoundingSlack = 1e-14;  // relative to |f|: decreases below it are rounding
}  // namespace

const OptionTable<Nesterov::Options>& Nesterov::option_table() {
  static const OptionTable<Options> table = [] {
    OptionTable<Options> t("nesterov");
    add_common_options(t);
    t.add<NesterovStepRule>(
        "step_rule", [](Options& o) -> NesterovStepRule& { return o.step_rule; },
        "fixed (1/L) or backtracking on f(y - g/L) <= f(y) - |g|^2/(2L)");
    t.add(
        "step_size", [](Options& o) -> double& { return o.step_size; },
        "fixed step 1/L; 0 = the objective's Lipschitz constant", 0.0);
    t.add<NesterovMomentum>(
        "momentum", [](Options& o) -> NesterovMomentum& { return o.momentum; },
        "convex: (j-1)/(j+2); strongly-convex: (sqrt kappa - 1)/(sqrt kappa + 1) "
        "(needs the objective's mu); auto: strongly-convex when mu is known");
    t.add<RestartRule>(
        "restart", [](Options& o) -> RestartRule& { return o.restart; },
        "reset the momentum when f increases (function) or when grad f(y)'(x+ - x) > 0 "
        "(gradient)");
    t.add(
        "increase", [](Options& o) -> double& { return o.increase; },
        "backtracking: factor raising L until sufficient decrease", 1.1, 1e3);
    t.add(
        "decrease", [](Options& o) -> double& { return o.decrease; },
        "backtracking: L_k starts from decrease * L_{k-1}; 1 = never decrease", 1e-3, 1.0);
    t.add<long>(
        "max_linesearch", [](Options& o) -> long& { return o.max_linesearch; }, "raises of L per iteration",
        1, 1000);
    return t;
  }();
  return table;
}

Result Nesterov::minimize(const Objective& f, const Vector& x0) const {
  const Options& o = options_;
  option_table().validate(o);
  const bool fixed = o.step_rule == NesterovStepRule::Fixed;
  double L = fixed && o.step_size > 0 ? 1.0 / o.step_size : f.lipschitz_constant();
  if (fixed && !(L > 0))
    throw InvalidArgument(
        "option 'step_size' of nesterov must be > 0 with step_rule=fixed when the objective's "
        "Lipschitz constant is unknown");
  const double mu = f.strong_convexity();
  if (o.momentum == NesterovMomentum::StronglyConvex && !(mu > 0))
    throw InvalidArgument(
        "option 'momentum' of nesterov = strongly-convex needs an objective with strong_convexity() > 0");
  const bool constant_momentum =
      o.momentum == NesterovMomentum::StronglyConvex || (o.momentum == NesterovMomentum::Auto && mu > 0);

  SolverRun run("nesterov", f, x0, o);
  run.set_extra_names({"momentum"});  // beta used to form y_{k+1}; 0 after a restart
  const Index n = x0.size();
  Vector x = x0, x_prev(n), x_new(n), y = x0, gy(n);
  double fx = run.value_and_gradient(y, gy);
  double fy = fx;
  double gy_inf = gy.lpNorm<Eigen::Infinity>();
  Status status = run.start(x, fx, gy_inf);
  if (!(L > 0) && status == Status::Running) L = estimate_lipschitz_constant(run, x, gy, x_new, x_prev);

  Vector x_best = x;
  double f_best = fx;
  long j = 1;  // iterations since the start or the last restart
  const bool want_extra = o.trace_every > 0 || !o.observers.empty();

  while (status == Status::Running) {
    if (!fixed && o.decrease < 1) L *= o.decrease;
    const double gg = gy.squaredNorm();
    double f_new = 0.0;
    long trials = 0;
    bool ok = false;
    for (;;) {
      x_new.noalias() = y - gy / L;
      f_new = run.value(x_new);
      ++trials;
      if (fixed) {
        ok = std::isfinite(f_new);
        break;
      }
      if (std::isfinite(f_new) && f_new <= fy - gg / (2.0 * L) + kRoundingSlack * std::abs(fy)) {
        ok = true;
        break;
      }
      if (trials >= o.max_linesearch || run.budget_exhausted()) break;
      L *= o.increase;
    }
    if (!ok) {
      status = fixed                    ? Status::NumericalError
               : run.budget_exhausted() ? line_search_failure_status(run)
                                        : Status::LineSearchFailed;
      break;
    }
    // Restart tests of O'Donoghue & Candes (2015), on the step just taken.
    bool restart = false;
    if (o.restart == RestartRule::Function) restart = f_new > fx;
    if (o.restart == RestartRule::Gradient) restart = gy.dot(x_new - x) > 0;
    j = restart ? 1 : j + 1;
    double beta = 0.0;
    if (j > 1) {
      if (constant_momentum) {
        const double rk = std::sqrt(L / mu);
        beta = (rk - 1.0) / (rk + 1.0);
      } else {
        beta = (j - 1.0) / (j + 2.0);
      }
    }
    y.noalias() = x_new + beta * (x_new - x);
    fy = run.value_and_gradient(y, gy);
    ++trials;
    if (beta != 0.0 && !(std::isfinite(fy) && gy.allFinite())) {  // extrapolated too far: drop the momentum
      j = 1;
      y = x_new;
      fy = run.value_and_gradient(y, gy);
      ++trials;
    }
    std::swap(x_prev, x);
    std::swap(x, x_new);
    const double f_prev = fx;
    fx = f_new;
    gy_inf = gy.lpNorm<Eigen::Infinity>();
    if (fx < f_best) {
      x_best = x;
      f_best = fx;
    }
    if (!(std::isfinite(fy) && std::isfinite(gy_inf))) {
      status = Status::NumericalError;
      break;
    }

    IterationRecord rec = IterationRecord::step_record(fx, gy_inf, 1.0 / L, trials,
                                                      fixed ? StepAcceptance::FixedStep : StepAcceptance::Armijo);
    if (want_extra) rec.extra.assign(1, beta);
    status = run.end_iteration(std::move(rec), x, f_prev, (x - x_prev).lpNorm<Eigen::Infinity>());
  }
  return status == Status::ConvergedGradient         ? run.finish(y, fy, gy_inf, status)
         : f_best < fx || !std::isfinite(fx) ? run.finish(x_best, f_best, gy_inf, status)
                                             : run.finish(x, fx, gy_inf, status);
}

}  // namespace optiml
