#include "optiml/smooth/newton.hpp"

#include <cmath>
#include <utility>

#include "hessian_modification.hpp"
#include "optiml/core/solver_run.hpp"
#include "optiml/linesearch/armijo.hpp"

namespace optiml {

const OptionTable<Newton::Options>& Newton::option_table() {
  static const OptionTable<Options> table = [] {
    OptionTable<Options> t("newton");
    add_common_options(t);
    t.add<HessianModification>(
        "hessian_modification", [](Options& o) -> HessianModification& { return o.hessian_modification; },
        "cholesky-shift (H + tau I, N&W Alg. 3.3) or eigen (|lambda| floored at delta)");
    t.add("beta", [](Options& o) -> double& { return o.beta; },
          "cholesky-shift: first shift tau when H is not positive definite", 1e-300, 1e300);
    t.add("eigen_floor", [](Options& o) -> double& { return o.eigen_floor; },
          "eigen: eigenvalues below eigen_floor * max(1, max|lambda|) are raised to it", 1e-300, 1.0);
    t.add("c1", [](Options& o) -> double& { return o.c1; },
          "sufficient-decrease constant: f(x + a d) <= f(x) + c1 a g'd", 1e-12, 0.5);
    t.add<long>("max_linesearch", [](Options& o) -> long& { return o.max_linesearch; },
                "function evaluations per line search", 1, 1000);
    return t;
  }();
  return table;
}

Result Newton::minimize(const Objective& f, const Vector& x0) const {
  const Options& o = options_;
  option_table().validate(o);
  SolverRun run("newton", f, x0, o);
  const Index n = x0.size();
  Vector x = x0, g(n), d(n), x_trial(n), g_trial(n);
  Matrix H(n, n);
  detail::ShiftedCholesky cholesky(o.hessian_modification == HessianModification::CholeskyShift ? n : 0);
  detail::EigenModification eigen(o.hessian_modification == HessianModification::Eigen ? n : 0);
  double fx = run.value_and_gradient(x, g);
  double g_inf = g.lpNorm<Eigen::Infinity>();
  Status status = run.start(x, fx, g_inf);

  ArmijoOptions armijo;
  armijo.c1 = o.c1;
  armijo.max_trials = o.max_linesearch;
  armijo.with_gradient = true;  // the accepted point's gradient is needed next

  while (status == Status::Running) {
    run.hessian(x, H);
    bool newton_direction = false;
    if (o.hessian_modification == HessianModification::CholeskyShift) {
      if (cholesky.factorize(H, o.beta)) {
        cholesky.solve_newton(g, d);
        newton_direction = true;
      }
    } else if (eigen.factorize(H, o.eigen_floor)) {
      eigen.solve_newton(g, d);
      newton_direction = true;
    }
    double gd = newton_direction ? g.dot(d) : 0.0;
    if (!(gd < 0) || !d.allFinite()) {  // rounding or a non-finite Hessian: steepest descent
      d = -g;
      gd = -g.squaredNorm();
      newton_direction = false;
    }

    LineFunction phi(run, x, d, x_trial, g_trial);
    // When the modified model misled the search: one try along -g before giving up.
    const LineSearchResult ls = armijo_with_steepest_fallback(phi, fx, gd, d, g, newton_direction, armijo);
    if (!ls.success) {
      status = line_search_failure_status(run);
      break;
    }
    const double f_prev = fx;
    fx = accept_trial(phi, ls, x, x_trial, g, g_trial);
    g_inf = g.lpNorm<Eigen::Infinity>();

    IterationRecord rec = IterationRecord::step_record(fx, g_inf, ls.step, ls.evaluations,
                                                      ls.accepted_by);
    status = run.end_iteration(std::move(rec), x, f_prev, ls.step * d.lpNorm<Eigen::Infinity>());
  }
  return run.finish(x, fx, g_inf, status);
}

}  // namespace optiml
