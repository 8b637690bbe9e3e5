#include "optiml/smooth/bfgs.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "optiml/core/solver_run.hpp"
#include "optiml/linesearch/more_thuente.hpp"

namespace optiml {

const OptionTable<BFGS::Options>& BFGS::option_table() {
  static const OptionTable<Options> table = [] {
    OptionTable<Options> t("bfgs");
    add_common_options(t);
    t.add("c1", [](Options& o) -> double& { return o.c1; },
          "sufficient-decrease constant of the strong Wolfe line search", 0.0, 1.0);
    t.add("c2", [](Options& o) -> double& { return o.c2; },
          "curvature constant of the strong Wolfe line search (c1 < c2 < 1)", 0.0, 1.0);
    t.add<long>("max_linesearch", [](Options& o) -> long& { return o.max_linesearch; },
                "function evaluations per line search", 1, 1000);
    t.add("curvature_skip", [](Options& o) -> double& { return o.curvature_skip; },
          "skip the update when y's <= curvature_skip * |s| |y|", 0.0, 1.0);
    return t;
  }();
  return table;
}

Result BFGS::minimize(const Objective& f, const Vector& x0) const {
  const Options& o = options_;
  option_table().validate(o);
  if (!(o.c1 < o.c2)) throw InvalidArgument("option 'c1' of bfgs must be smaller than 'c2'");
  SolverRun run("bfgs", f, x0, o);
  const Index n = x0.size();
  Vector x = x0, g(n), d(n), x_trial(n), g_trial(n), y(n), hy(n);
  Matrix H = Matrix::Identity(n, n);  // inverse Hessian approximation, lower triangle kept
  auto Hs = H.selfadjointView<Eigen::Lower>();
  bool identity = true;  // H is the unscaled identity (start, or after a reset)
  bool retried = false;
  double fx = run.value_and_gradient(x, g);
  double g_inf = g.lpNorm<Eigen::Infinity>();
  Status status = run.start(x, fx, g_inf);

  WolfeOptions wolfe;
  wolfe.c1 = o.c1;
  wolfe.c2 = o.c2;
  wolfe.max_trials = o.max_linesearch;
  auto reset = [&] {
    H.setIdentity();
    identity = true;
  };

  while (status == Status::Running) {
    d.noalias() = Hs * g;
    d = -d;
    double gd = g.dot(d);
    if (!(gd < 0)) {  // H lost positive definiteness to rounding
      reset();
      d = -g;
      gd = -g.squaredNorm();
    }
    const double alpha0 = identity ? std::min(1.0, 1.0 / g_inf) : 1.0;
    LineFunction phi(run, x, d, x_trial, g_trial);
    LineSearchResult ls = more_thuente(phi, fx, gd, alpha0, wolfe);
    if (!ls.success || !phi.gradient_current() || !std::isfinite(ls.f)) {
      if (!identity && !retried && !run.budget_exhausted()) {  // the model misled the search
        reset();
        retried = true;
        continue;
      }
      status = line_search_failure_status(run);
      break;
    }
    retried = false;
    const double f_prev = fx;
    fx = ls.f;
    std::swap(x, x_trial);
    y = g_trial - g;
    std::swap(g, g_trial);
    d *= ls.step;  // d now holds s
    g_inf = g.lpNorm<Eigen::Infinity>();

    const double sy = d.dot(y);
    if (sy > o.curvature_skip * d.norm() * y.norm()) {
      if (identity) {  // N&W 6.20: scale H_0 before the first update
        H.diagonal().setConstant(sy / y.squaredNorm());
        identity = false;
      }
      // N&W 6.17 as a symmetric rank-2 update: H - rho (s Hy' + Hy s') + (rho^2 y'Hy + rho) s s'.
      const double rho = 1.0 / sy;
      hy.noalias() = Hs * y;
      const double yhy = y.dot(hy);
      Hs.rankUpdate(d, hy, -rho);
      Hs.rankUpdate(d, rho * rho * yhy + rho);
    }

    IterationRecord rec = IterationRecord::step_record(fx, g_inf, ls.step, ls.evaluations,
                                                      ls.accepted_by);
    status = run.end_iteration(std::move(rec), x, f_prev, d.lpNorm<Eigen::Infinity>());
  }
  return run.finish(x, fx, g_inf, status);
}

}  // namespace optiml
