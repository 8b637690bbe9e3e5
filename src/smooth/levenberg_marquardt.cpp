#include "optiml/smooth/levenberg_marquardt.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include <Eigen/Cholesky>

#include "optiml/core/solver_run.hpp"

namespace optiml {

const OptionTable<LevenbergMarquardt::Options>& LevenbergMarquardt::option_table() {
  static const OptionTable<Options> table = [] {
    OptionTable<Options> t("levenberg-marquardt");
    add_common_options(t);
    t.add("tau", [](Options& o) -> double& { return o.tau; },
          "initial damping mu_0 = tau * max_j (J^T J)_jj / d_j^2", 1e-300, 1e300);
    t.add("scaling", [](Options& o) -> bool& { return o.scaling; },
          "More's scaling: damp with D^2, D = largest column norms of J seen (else D = I)");
    return t;
  }();
  return table;
}

Result LevenbergMarquardt::minimize(const LeastSquares& ls, const Vector& x0) const {
  constexpr double kRounding = 10 * std::numeric_limits<double>::epsilon();
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const Options& o = options_;
  option_table().validate(o);
  SolverRun run("levenberg-marquardt", ls, x0, o);
  const Index n = x0.size(), m = ls.num_residuals();
  // With an analytic Jacobian each trial computes r and J together (J is kept when the
  // step is accepted); with finite differences only r, and J after acceptance.
  const bool jacobian_with_trial = ls.has_jacobian();
  Vector x = x0, r(m), r_trial(m), g(n), p(n), x_trial(n), d2 = Vector::Zero(n), damping(n);
  Matrix J(m, n), J_trial(jacobian_with_trial ? m : 0, jacobian_with_trial ? n : 0), A(n, n), M(n, n);
  Eigen::LLT<Matrix> llt(n);

  double fx = 0.0;
  // Residuals and Jacobian at x known: f, g = J^T r, A = J^T J and More's D^2.
  auto linearize = [&] {
    fx = 0.5 * r.squaredNorm();
    g.noalias() = J.transpose() * r;
    A.setZero();
    A.selfadjointView<Eigen::Lower>().rankUpdate(J.transpose());
    A.triangularView<Eigen::StrictlyUpper>() = A.transpose();
    if (o.scaling) d2 = d2.cwiseMax(A.diagonal());
  };
  // The D^2 in use: More's running maxima (1 for a column never nonzero), or I.
  auto scale = [&](Index j) { return !o.scaling || !(d2[j] > 0) ? 1.0 : d2[j]; };

  run.residuals_and_jacobian(ls, x, r, J);
  linearize();
  double g_inf = g.lpNorm<Eigen::Infinity>();
  Status status = run.start(x, fx, g_inf);

  double mu = 0.0;
  for (Index j = 0; j < n; ++j) mu = std::max(mu, A(j, j) / scale(j));
  mu = o.tau * (mu > 0 && std::isfinite(mu) ? mu : 1.0);  // MNT 3.14
  double nu = 2.0;
  std::string message;

  while (status == Status::Running) {
    for (Index j = 0; j < n; ++j) damping[j] = mu * scale(j);
    M = A;
    M.diagonal() += damping;
    llt.compute(M);
    double rho = -kInf, f_trial = kInf;
    bool factored = llt.info() == Eigen::Success;
    if (factored) {
      p = -g;
      llt.solveInPlace(p);
      const double predicted = 0.5 * (p.dot(damping.cwiseProduct(p)) - p.dot(g));  // L(0) - L(p)
      x_trial.noalias() = x + p;
      if (jacobian_with_trial) run.residuals_and_jacobian(ls, x_trial, r_trial, J_trial);
      else run.residuals(ls, x_trial, r_trial);
      f_trial = 0.5 * r_trial.squaredNorm();
      const double actual = fx - f_trial;
      // Shifted by delta = 10 eps |f| so that rounding-level steps give rho -> 1
      // (Conn, Gould & Toint 2000, 17.4.2).
      const double delta = kRounding * std::abs(fx);
      if (std::isfinite(f_trial) && p.allFinite() && predicted + delta > 0)
        rho = (actual + delta) / (predicted + delta);
    } else {
      p.setZero();
    }

    const bool accepted = rho > 0;
    const double f_prev = fx;
    if (accepted) {
      std::swap(x, x_trial);
      std::swap(r, r_trial);
      if (jacobian_with_trial) std::swap(J, J_trial);
      else run.residuals_and_jacobian(ls, x, r, J);
      linearize();
      g_inf = g.lpNorm<Eigen::Infinity>();
      // Nielsen (1999): shrink mu by up to 3 on a good step; a poor one keeps it.
      const double t = 2.0 * rho - 1.0;
      mu *= std::max(1.0 / 3.0, 1.0 - t * t * t);
      nu = 2.0;
    } else {
      mu *= nu;
      nu *= 2.0;
    }

    IterationRecord rec = IterationRecord::step_record(fx, g_inf, p.norm(), factored ? 1 : 0,
                                                      accepted ? StepAcceptance::FullStep : StepAcceptance::TrustRegionRejected);
    rec.tr_radius = mu;
    rec.tr_ratio = rho;
    // SolverRun skips the ftol and xtol tests on a TrustRegionRejected record.
    status = run.end_iteration(std::move(rec), x, f_prev,
                               accepted ? p.lpNorm<Eigen::Infinity>() : 0.0);
    if (status == Status::Running && !(mu <= 1e300 && nu <= 1e300)) {
      status = Status::LineSearchFailed;
      message = "damping mu grew to " + format_double(mu) + " without an acceptable step";
    }
  }
  return run.finish(x, fx, g_inf, status, message);
}

}  // namespace optiml
