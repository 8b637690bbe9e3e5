#include "optiml/smooth/gauss_newton.hpp"

#include <cmath>
#include <utility>

#include <Eigen/Cholesky>
#include <Eigen/QR>

#include "optiml/core/solver_run.hpp"
#include "optiml/linesearch/armijo.hpp"

namespace optiml {

const OptionTable<GaussNewton::Options>& GaussNewton::option_table() {
  static const OptionTable<Options> table = [] {
    OptionTable<Options> t("gauss-newton");
    add_common_options(t);
    t.add<GaussNewtonSolver>("linear_solver", [](Options& o) -> GaussNewtonSolver& { return o.linear_solver; },
                             "qr (pivoted QR of J) or normal-equations (LDLT of J^T J, QR fallback)");
    t.add("c1", [](Options& o) -> double& { return o.c1; },
          "sufficient-decrease constant: f(x + a p) <= f(x) + c1 a g'p", 1e-12, 0.5);
    t.add<long>("max_linesearch", [](Options& o) -> long& { return o.max_linesearch; },
                "function evaluations per line search", 1, 1000);
    return t;
  }();
  return table;
}

Result GaussNewton::minimize(const LeastSquares& ls, const Vector& x0) const {
  const Options& o = options_;
  option_table().validate(o);
  SolverRun run("gauss-newton", ls, x0, o);
  const Index n = x0.size(), m = ls.num_residuals();
  Vector x = x0, r(m), g(n), p(n), x_trial(n), g_trial(n);
  Matrix J(m, n), JtJ;
  Eigen::ColPivHouseholderQR<Matrix> qr(m, n);
  Eigen::LDLT<Matrix> ldlt;
  if (o.linear_solver == GaussNewtonSolver::NormalEquations) {
    JtJ.resize(n, n);
    ldlt = Eigen::LDLT<Matrix>(n);
  }
  run.residuals_and_jacobian(ls, x, r, J);
  double fx = 0.5 * r.squaredNorm();
  g.noalias() = J.transpose() * r;
  double g_inf = g.lpNorm<Eigen::Infinity>();
  Status status = run.start(x, fx, g_inf);

  ArmijoOptions armijo;
  armijo.c1 = o.c1;
  armijo.max_trials = o.max_linesearch;

  while (status == Status::Running) {
    double gp = 0.0;
    bool solved = false;
    if (o.linear_solver == GaussNewtonSolver::NormalEquations) {
      JtJ.setZero();
      JtJ.selfadjointView<Eigen::Lower>().rankUpdate(J.transpose());
      ldlt.compute(JtJ);
      if (ldlt.info() == Eigen::Success) {
        p = -g;
        ldlt.solveInPlace(p);
        gp = g.dot(p);
        solved = p.allFinite() && gp < 0;
      }
    }
    if (!solved) {  // min |J p + r| by pivoted QR
      qr.compute(J);
      p = qr.solve(-r);
      gp = g.dot(p);
      solved = p.allFinite() && gp < 0;
    }
    if (!solved) {
      p = -g;
      gp = -g.squaredNorm();
    }

    LineFunction phi(run, x, p, x_trial, g_trial);
    const LineSearchResult lsr = armijo_backtracking(phi, fx, gp, 1.0, armijo);
    if (!lsr.success) {
      status = line_search_failure_status(run);
      break;
    }
    const double f_prev = fx;
    std::swap(x, x_trial);
    run.residuals_and_jacobian(ls, x, r, J);
    fx = 0.5 * r.squaredNorm();
    g.noalias() = J.transpose() * r;
    g_inf = g.lpNorm<Eigen::Infinity>();

    IterationRecord rec = IterationRecord::step_record(fx, g_inf, lsr.step, lsr.evaluations,
                                                      lsr.accepted_by);
    status = run.end_iteration(std::move(rec), x, f_prev, lsr.step * p.lpNorm<Eigen::Infinity>());
  }
  return run.finish(x, fx, g_inf, status);
}

}  // namespace optiml
