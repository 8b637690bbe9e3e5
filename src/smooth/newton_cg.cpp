#include "optiml/smooth/newton_cg.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "optiml/core/solver_run.hpp"
#include "optiml/linesearch/armijo.hpp"

namespace optiml {

const OptionTable<NewtonCG::Options>& NewtonCG::option_table() {
  static const OptionTable<Options> table = [] {
    OptionTable<Options> t("newton-cg");
    add_common_options(t);
    t.add<long>("max_cg_iterations", [](Options& o) -> long& { return o.max_cg_iterations; },
                "CG iterations per Newton step; 0 = 20 * dimension", 0);
    t.add("c1", [](Options& o) -> double& { return o.c1; },
          "sufficient-decrease constant: f(x + a p) <= f(x) + c1 a g'p", 1e-12, 0.5);
    t.add<long>("max_linesearch", [](Options& o) -> long& { return o.max_linesearch; },
                "function evaluations per line search", 1, 1000);
    return t;
  }();
  return table;
}

Result NewtonCG::minimize(const Objective& f, const Vector& x0) const {
  const Options& o = options_;
  option_table().validate(o);
  SolverRun run("newton-cg", f, x0, o);
  const Index n = x0.size();
  const long max_cg = o.max_cg_iterations > 0 ? o.max_cg_iterations : 20 * static_cast<long>(n);
  Vector x = x0, g(n), p(n), r(n), d(n), hd(n), x_trial(n), g_trial(n);
  double fx = run.value_and_gradient(x, g);
  double g_inf = g.lpNorm<Eigen::Infinity>();
  Status status = run.start(x, fx, g_inf);

  ArmijoOptions armijo;
  armijo.c1 = o.c1;
  armijo.max_trials = o.max_linesearch;
  armijo.with_gradient = true;

  while (status == Status::Running) {
    // N&W Algorithm 7.1: CG on H p = -g with residual r = H p + g.
    const double g_norm = g.norm();
    const double tolerance = std::min(0.5, std::sqrt(g_norm)) * g_norm;
    p.setZero();
    r = g;
    d = -g;
    double rr = g_norm * g_norm;
    for (long j = 0; j < max_cg && !run.budget_exhausted(); ++j) {
      run.hessian_vector(x, d, g, hd);
      const double dhd = d.dot(hd);
      if (!(dhd > 0)) {  // negative curvature (or a non-finite product): stop here
        if (j == 0) p = -g;
        break;
      }
      const double alpha = rr / dhd;
      p += alpha * d;
      r += alpha * hd;
      const double rr_new = r.squaredNorm();
      if (std::sqrt(rr_new) <= tolerance) break;
      d = -r + (rr_new / rr) * d;
      rr = rr_new;
    }
    double gp = g.dot(p);
    bool newton_direction = true;
    if (!(gp < 0) || !p.allFinite()) {
      p = -g;
      gp = -g_norm * g_norm;
      newton_direction = false;
    }

    LineFunction phi(run, x, p, x_trial, g_trial);
    // When the inexact Newton step misled the search: one try along -g.
    const LineSearchResult ls = armijo_with_steepest_fallback(phi, fx, gp, p, g, newton_direction, armijo);
    if (!ls.success) {
      status = line_search_failure_status(run);
      break;
    }
    const double f_prev = fx;
    fx = accept_trial(phi, ls, x, x_trial, g, g_trial);
    g_inf = g.lpNorm<Eigen::Infinity>();

    IterationRecord rec = IterationRecord::step_record(fx, g_inf, ls.step, ls.evaluations,
                                                      ls.accepted_by);
    status = run.end_iteration(std::move(rec), x, f_prev, ls.step * p.lpNorm<Eigen::Infinity>());
  }
  return run.finish(x, fx, g_inf, status);
}

}  // namespace optiml
