#include "optiml/smooth/trust_region.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <utility>

#include "hessian_modification.hpp"
#include "optiml/core/solver_run.hpp"
#include "optiml/smooth/trust_region_subproblem.hpp"

namespace optiml {

namespace {

template <class Opts>
void add_trust_region_options(OptionTable<Opts>& t) {
  add_common_options(t);
  t.add("initial_radius", [](Opts& o) -> double& { return o.initial_radius; },
        "initial trust-region radius Delta_0", 1e-300, 1e300);
  t.add("max_radius", [](Opts& o) -> double& { return o.max_radius; },
        "largest trust-region radius", 1e-300, 1e300);
  t.add("eta", [](Opts& o) -> double& { return o.eta; },
        "accept the step when actual / predicted reduction > eta", 0.0, 0.25);
}

void check_radii(const std::string& name, const TrustRegionOptions& o) {
  if (!(o.initial_radius <= o.max_radius))
    throw InvalidArgument("option 'initial_radius' of " + name + " = " + format_double(o.initial_radius) +
                          " must be <= max_radius = " + format_double(o.max_radius));
}

// The subproblem of trust-dogleg: dogleg on the dense Hessian, shifted when indefinite.
class DoglegModel {
 public:
  DoglegModel(Index n, double beta) : B_(n, n), newton_(n), Bv_(n), cholesky_(n), beta_(beta) {}

  void prepare(SolverRun& run, const Vector& x, const Vector& g) {
    run.hessian(x, B_);
    if (!B_.allFinite()) B_.setZero();  // no usable curvature: the model is linear
    cholesky_.factorize(B_, beta_);
    cholesky_.solve_newton(g, newton_);
    Bv_.noalias() = B_ * g;
    gBg_ = g.dot(Bv_);
  }
  // Writes the step into p and returns p'Bp.
  SubproblemStep step(const Vector& g, double radius, Vector& p, double& pBp) {
    SubproblemStep s = dogleg_step(g, newton_, gBg_, radius, p);
    Bv_.noalias() = B_ * p;
    pBp = p.dot(Bv_);
    return s;
  }

 private:
  Matrix B_;
  Vector newton_, Bv_;
  detail::ShiftedCholesky cholesky_;
  double beta_, gBg_ = 0.0;
};

// The subproblem of trust-steihaug: Steihaug-Toint CG on Hessian-vector products.
class SteihaugModel {
 public:
  SteihaugModel(SolverRun& run, const Vector& x, const Vector& g, long max_cg)
      : work_(x.size()), Bp_(x.size()), max_cg_(max_cg) {
    product_ = [&run, &x, &g](const Vector& v, Vector& Bv) {
      if (run.budget_exhausted()) return false;
      run.hessian_vector(x, v, g, Bv);
      return true;
    };
  }
  void prepare(SolverRun&, const Vector&, const Vector& g) {
    const double g_norm = g.norm();
    tolerance_ = std::min(0.5, std::sqrt(g_norm)) * g_norm;  // N&W 7.3 with the superlinear forcing term
  }
  SubproblemStep step(const Vector& g, double radius, Vector& p, double& pBp) {
    SubproblemStep s = steihaug_cg(product_, g, radius, tolerance_, max_cg_, work_, p, Bp_);
    pBp = p.dot(Bp_);
    return s;
  }

 private:
  SteihaugWorkspace work_;
  Vector Bp_;
  long max_cg_;
  double tolerance_ = 0.0;
  std::function<bool(const Vector&, Vector&)> product_;
};

// The subproblem of trust-cauchy: the Cauchy point, from one product B g per iterate.
class CauchyModel {
 public:
  explicit CauchyModel(Index n) : Bg_(n) {}
  void prepare(SolverRun& run, const Vector& x, const Vector& g) {
    run.hessian_vector(x, g, g, Bg_);
    gBg_ = g.dot(Bg_);
    if (!std::isfinite(gBg_)) gBg_ = 0.0;  // no usable curvature: the model is linear
  }
  SubproblemStep step(const Vector& g, double radius, Vector& p, double& pBp) {
    SubproblemStep s = cauchy_point(g, gBg_, radius, p);
    pBp = p.squaredNorm() / g.squaredNorm() * gBg_;  // p is a multiple of g
    return s;
  }

 private:
  Vector Bg_;
  double gBg_ = 0.0;
};

// N&W Algorithm 4.1 around any of the models above. x and g are the caller's
// buffers (the Steihaug model holds references to them).
template <class Model>
Result trust_region(SolverRun& run, const TrustRegionOptions& o, Model& model, Vector& x, Vector& g) {
  constexpr double kRounding = 10 * std::numeric_limits<double>::epsilon();
  const Index n = x.size();
  Vector p(n), x_trial(n), g_trial(n);
  double fx = run.value_and_gradient(x, g);
  double g_inf = g.lpNorm<Eigen::Infinity>();
  Status status = run.start(x, fx, g_inf);
  double radius = o.initial_radius;
  bool new_iterate = true;
  std::string message;

  while (status == Status::Running) {
    if (new_iterate) model.prepare(run, x, g);
    double pBp = 0.0;
    const SubproblemStep sub = model.step(g, radius, p, pBp);
    const double predicted = -(g.dot(p) + 0.5 * pBp);
    x_trial.noalias() = x + p;
    const double f_trial = run.value_and_gradient(x_trial, g_trial);
    const double actual = fx - f_trial;

    // Both reductions shifted by delta = 10 eps |f| (Conn, Gould & Toint 2000,
    // 17.4.2): at rounding level rho -> 1 instead of a ratio of noise.
    const double delta = kRounding * std::abs(fx);
    double rho = -std::numeric_limits<double>::infinity();
    if (std::isfinite(f_trial) && g_trial.allFinite() && predicted + delta > 0)
      rho = (actual + delta) / (predicted + delta);

    const double p_norm = p.norm();
    if (rho < 0.25) radius = 0.25 * std::min(radius, p_norm);
    else if (rho > 0.75 && sub.on_boundary) radius = std::min(2.0 * radius, o.max_radius);

    const bool accepted = rho > o.eta;
    const double f_prev = fx;
    if (accepted) {
      std::swap(x, x_trial);
      std::swap(g, g_trial);
      fx = f_trial;
      g_inf = g.lpNorm<Eigen::Infinity>();
    }
    new_iterate = accepted;

    IterationRecord rec = IterationRecord::step_record(fx, g_inf, p_norm, 1,
                                                      accepted ? StepAcceptance::TrustRegionAccepted : StepAcceptance::TrustRegionRejected);
    rec.tr_radius = radius;
    rec.tr_ratio = rho;
    // SolverRun skips the ftol and xtol tests on a TrustRegionRejected record.
    status = run.end_iteration(std::move(rec), x, f_prev,
                               accepted ? p.lpNorm<Eigen::Infinity>() : 0.0);
    if (status == Status::Running && radius < 1e-15 * (1.0 + x.norm())) {
      status = Status::LineSearchFailed;
      message = "trust-region radius fell to " + format_double(radius) + " without an acceptable step";
    }
  }
  return run.finish(x, fx, g_inf, status, message);
}

}  // namespace

const OptionTable<TrustRegionDogleg::Options>& TrustRegionDogleg::option_table() {
  static const OptionTable<Options> table = [] {
    OptionTable<Options> t("trust-dogleg");
    add_trust_region_options(t);
    t.add("beta", [](Options& o) -> double& { return o.beta; },
          "first shift tau of B + tau I when the Hessian is not positive definite", 1e-300, 1e300);
    return t;
  }();
  return table;
}

const OptionTable<TrustRegionSteihaug::Options>& TrustRegionSteihaug::option_table() {
  static const OptionTable<Options> table = [] {
    OptionTable<Options> t("trust-steihaug");
    add_trust_region_options(t);
    t.add<long>("max_cg_iterations", [](Options& o) -> long& { return o.max_cg_iterations; },
                "CG iterations per subproblem; 0 = 20 * dimension", 0);
    return t;
  }();
  return table;
}

const OptionTable<TrustRegionCauchy::Options>& TrustRegionCauchy::option_table() {
  static const OptionTable<Options> table = [] {
    OptionTable<Options> t("trust-cauchy");
    add_trust_region_options(t);
    return t;
  }();
  return table;
}

Result TrustRegionDogleg::minimize(const Objective& f, const Vector& x0) const {
  option_table().validate(options_);
  check_radii("trust-dogleg", options_);
  SolverRun run("trust-dogleg", f, x0, options_);
  Vector x = x0, g(x0.size());
  DoglegModel model(x0.size(), options_.beta);
  return trust_region(run, options_, model, x, g);
}

Result TrustRegionSteihaug::minimize(const Objective& f, const Vector& x0) const {
  option_table().validate(options_);
  check_radii("trust-steihaug", options_);
  SolverRun run("trust-steihaug", f, x0, options_);
  Vector x = x0, g(x0.size());
  const long max_cg = options_.max_cg_iterations > 0 ? options_.max_cg_iterations : 20 * static_cast<long>(x0.size());
  SteihaugModel model(run, x, g, max_cg);
  return trust_region(run, options_, model, x, g);
}

Result TrustRegionCauchy::minimize(const Objective& f, const Vector& x0) const {
  option_table().validate(options_);
  check_radii("trust-cauchy", options_);
  SolverRun run("trust-cauchy", f, x0, options_);
  Vector x = x0, g(x0.size());
  CauchyModel model(x0.size());
  return trust_region(run, options_, model, x, g);
}

}  // namespace optiml
