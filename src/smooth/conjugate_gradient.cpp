#include "optiml/smooth/conjugate_gradient.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "optiml/core/solver_run.hpp"
#include "optiml/linesearch/more_thuente.hpp"

namespace optiml {

const OptionTable<ConjugateGradient::Options>& ConjugateGradient::option_table() {
  static const OptionTable<Options> table = [] {
    OptionTable<Options> t("cg");
    add_common_options(t);
    t.add<ConjugateGradientBeta>(
        "beta", [](Options& o) -> ConjugateGradientBeta& { return o.beta; },
        "fr (Fletcher-Reeves), pr+ (Polak-Ribiere, clipped at 0) or hz (Hager-Zhang)");
    t.add(
        "c1", [](Options& o) -> double& { return o.c1; },
        "sufficient-decrease constant of the strong Wolfe line search", 0.0, 1.0);
    t.add(
        "c2", [](Options& o) -> double& { return o.c2; },
        "curvature constant of the strong Wolfe line search (c1 < c2 < 1; < 0.5 for fr)", 0.0, 1.0);
    t.add<long>(
        "restart_every", [](Options& o) -> long& { return o.restart_every; },
        "restart with steepest descent every this many iterations; 0 = the dimension n", 0);
    t.add<long>(
        "max_linesearch", [](Options& o) -> long& { return o.max_linesearch; },
        "function evaluations per line search", 1, 1000);
    return t;
  }();
  return table;
}

Result ConjugateGradient::minimize(const Objective& f, const Vector& x0) const {
  const Options& o = options_;
  option_table().validate(o);
  if (!(o.c1 > 0 && o.c1 < o.c2 && o.c2 < 1))
    throw InvalidArgument("options 'c1' and 'c2' of cg must satisfy 0 < c1 < c2 < 1");
  SolverRun run("cg", f, x0, o);
  const Index n = x0.size();
  const long period = o.restart_every > 0 ? o.restart_every : static_cast<long>(n);
  Vector x = x0, g(n), d(n), x_trial(n), g_trial(n);
  double fx = run.value_and_gradient(x, g);
  double g_inf = g.lpNorm<Eigen::Infinity>();
  Status status = run.start(x, fx, g_inf);

  WolfeOptions wolfe;
  wolfe.c1 = o.c1;
  wolfe.c2 = o.c2;
  wolfe.max_trials = o.max_linesearch;
  bool steepest = true;  // d = -g
  bool retried = false;
  long since_restart = 0;
  double prev_alpha_gd = 0.0;  // alpha_{k-1} g_{k-1}'d_{k-1}, for N&W (3.60)

  while (status == Status::Running) {
    if (steepest) {
      d = -g;
      since_restart = 0;
    }
    double gd = g.dot(d);
    if (!(gd < 0)) {  // not a descent direction: restart
      d = -g;
      gd = -g.squaredNorm();
      steepest = true;
      since_restart = 0;
    }
    const double alpha0 = prev_alpha_gd < 0 ? prev_alpha_gd / gd : 1.0 / g_inf;
    LineFunction phi(run, x, d, x_trial, g_trial);
    LineSearchResult ls = more_thuente(phi, fx, gd, std::clamp(alpha0, 1e-20, 1e20), wolfe);
    if (!ls.success || !phi.gradient_current()) {
      if (!steepest && !retried && !run.budget_exhausted()) {  // the conjugate direction misled the search
        steepest = true;
        retried = true;
        prev_alpha_gd = 0.0;
        continue;
      }
      status = line_search_failure_status(run);
      break;
    }
    retried = false;
    const double alpha = ls.step;
    const double dx_inf = alpha * d.lpNorm<Eigen::Infinity>();
    // Inner products for beta, with g = g_k and g_trial = g_{k+1} (before the swap).
    const double gg_old = g.squaredNorm();
    const double gg_new = g_trial.squaredNorm();
    const double g_new_old = g_trial.dot(g);
    double beta = 0.0;
    switch (o.beta) {
      case ConjugateGradientBeta::FletcherReeves:
        beta = gg_new / gg_old;
        break;
      case ConjugateGradientBeta::PolakRibierePlus:
        beta = std::max(0.0, (gg_new - g_new_old) / gg_old);
        break;
      case ConjugateGradientBeta::HagerZhang: {
        const double dy = ls.dphi - gd;                       // d'y
        const double yy = gg_new - 2.0 * g_new_old + gg_old;  // |y|^2
        const double yg = gg_new - g_new_old;                 // y'g_{k+1}
        beta = (yg - 2.0 * yy * ls.dphi / dy) / dy;
        const double floor = -1.0 / (d.norm() * std::min(0.01, std::sqrt(gg_old)));
        beta = std::max(beta, floor);
        break;
      }
    }
    std::swap(x, x_trial);
    std::swap(g, g_trial);
    const double f_prev = fx;
    fx = ls.f;
    g_inf = g.lpNorm<Eigen::Infinity>();
    prev_alpha_gd = alpha * gd;
    ++since_restart;
    steepest = since_restart >= period || !std::isfinite(beta);
    if (!steepest) d = beta * d - g;

    IterationRecord rec = IterationRecord::step_record(fx, g_inf, alpha, ls.evaluations,
                                                      ls.accepted_by);
    status = run.end_iteration(std::move(rec), x, f_prev, dx_inf);
  }
  return run.finish(x, fx, g_inf, status);
}

}  // namespace optiml
