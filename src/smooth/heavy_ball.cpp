#include "optiml/smooth/heavy_ball.hpp"

#include <cmath>
#include <utility>

#include "optiml/core/solver_run.hpp"
#include "optiml/linesearch/line_function.hpp"
#include "optiml/linesearch/lipschitz_estimate.hpp"

namespace optiml {

namespace {
constexpr double kRoundingSlack = 1e-14;  // relative to |f|: differences below it are rounding
}  // namespace

const OptionTable<HeavyBall::Options>& HeavyBall::option_table() {
  static const OptionTable<Options> table = [] {
    OptionTable<Options> t("heavy-ball");
    add_common_options(t);
    t.add(
        "step_size", [](Options& o) -> double& { return o.step_size; },
        "step alpha; 0 = Polyak's 4/(sqrt L + sqrt mu)^2, or 1/L with L known or estimated", 0.0);
    t.add(
        "momentum", [](Options& o) -> double& { return o.momentum; },
        "beta in [0, 1); negative = Polyak's ((sqrt kappa - 1)/(sqrt kappa + 1))^2 when L and mu "
        "are known, else 0.9",
        -1.0, 0.999999);
    t.add(
        "restart", [](Options& o) -> bool& { return o.restart; },
        "drop the momentum after a step that increased f (not with Polyak's tuning)");
    t.add(
        "increase", [](Options& o) -> double& { return o.increase; },
        "factor raising the estimated L when the descent-lemma test fails", 1.1, 1e3);
    t.add<long>(
        "max_linesearch", [](Options& o) -> long& { return o.max_linesearch; },
        "raises of the estimated L per iteration", 1, 1000);
    return t;
  }();
  return table;
}

Result HeavyBall::minimize(const Objective& f, const Vector& x0) const {
  const Options& o = options_;
  option_table().validate(o);
  SolverRun run("heavy-ball", f, x0, o);
  run.set_extra_names({"momentum"});  // beta of each step; 0 after a restart
  const Index n = x0.size();
  Vector x = x0, x_prev = x0, x_new(n), g(n), g_new(n);
  double fx = run.value_and_gradient(x, g);
  double g_inf = g.lpNorm<Eigen::Infinity>();
  Status status = run.start(x, fx, g_inf);

  double L = f.lipschitz_constant();
  const double mu = f.strong_convexity();
  const bool polyak = !(o.step_size > 0) && L > 0 && mu > 0;
  const bool estimate = !(o.step_size > 0) && !(L > 0);
  double alpha = 0.0, beta = o.momentum >= 0 ? o.momentum : 0.9;
  if (o.step_size > 0) {
    alpha = o.step_size;
  } else if (polyak) {
    const double sl = std::sqrt(L), sm = std::sqrt(mu), rk = std::sqrt(L / mu);
    alpha = 4.0 / ((sl + sm) * (sl + sm));
    if (o.momentum < 0) beta = std::pow((rk - 1.0) / (rk + 1.0), 2);
  } else if (L > 0) {
    alpha = 1.0 / L;
  } else if (status == Status::Running) {
    L = estimate_lipschitz_constant(run, x, g, x_new, g_new);
    alpha = 1.0 / L;
  }
  const bool restart = o.restart && !polyak;

  Vector x_best = x;
  double f_best = fx, g_best = g_inf;
  bool momentum_on = false;  // no x_{-1}: the first step is a gradient step
  const bool want_extra = o.trace_every > 0 || !o.observers.empty();

  while (status == Status::Running) {
    double b = momentum_on ? beta : 0.0;
    double f_new = 0.0;
    long trials = 0;
    bool ok = false;
    for (;;) {
      x_new.noalias() = x - alpha * g + b * (x - x_prev);
      f_new = run.value_and_gradient(x_new, g_new);
      ++trials;
      const bool finite = std::isfinite(f_new) && g_new.allFinite();
      if (!finite && b != 0.0) {  // the momentum carried x out of the domain: retry without it
        b = 0.0;
        continue;
      }
      if (!estimate) {
        ok = finite;
        break;
      }
      // Descent lemma, with slack for rounding in f once the decrease is below it.
      const double upper = fx + g.dot(x_new - x) + 0.5 * L * (x_new - x).squaredNorm();
      if (finite && f_new <= upper + kRoundingSlack * std::abs(fx)) {
        ok = true;
        break;
      }
      if (trials >= o.max_linesearch || run.budget_exhausted()) break;
      L *= o.increase;
      alpha = 1.0 / L;
    }
    if (!ok) {
      status = !estimate                ? Status::NumericalError
               : run.budget_exhausted() ? line_search_failure_status(run)
                                        : Status::LineSearchFailed;
      break;
    }
    std::swap(x_prev, x);  // x_prev <- x_k
    std::swap(x, x_new);   // x <- x_{k+1}
    std::swap(g, g_new);
    const double f_prev = fx;
    fx = f_new;
    g_inf = g.lpNorm<Eigen::Infinity>();
    momentum_on = !(restart && fx > f_prev);
    if (fx < f_best) {
      x_best = x;
      f_best = fx;
      g_best = g_inf;
    }

    IterationRecord rec = IterationRecord::step_record(fx, g_inf, alpha, trials,
                                                      estimate ? StepAcceptance::Armijo : StepAcceptance::FixedStep);
    if (want_extra) rec.extra.assign(1, b);
    status = run.end_iteration(std::move(rec), x, f_prev, (x - x_prev).lpNorm<Eigen::Infinity>());
  }
  const bool use_best = (status != Status::ConvergedGradient && f_best < fx) || !std::isfinite(fx);
  return use_best ? run.finish(x_best, f_best, g_best, status) : run.finish(x, fx, g_inf, status);
}

}  // namespace optiml
