#include "optiml/core/solver_run.hpp"

#include <cmath>
#include <cstdio>

#include "optiml/core/error.hpp"
#include "optiml/core/finite_difference.hpp"
#include "optiml/core/options.hpp"

namespace optiml {

namespace {
std::string sci(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

void validate_tolerances(const std::string& solver, const SolverOptions& o) {
  const Tolerances& t = o.tolerances;
  auto bad = [&](const char* name, double v, const char* want) {
    throw InvalidArgument("option '" + std::string(name) + "' of " + solver + " = " + format_double(v) +
                          " must be " + want);
  };
  if (!(t.gtol >= 0)) bad("gtol", t.gtol, ">= 0");
  if (!(t.ftol >= 0)) bad("ftol", t.ftol, ">= 0");
  if (!(t.xtol >= 0)) bad("xtol", t.xtol, ">= 0");
  if (t.max_iterations < 0) bad("max_iterations", static_cast<double>(t.max_iterations), ">= 0");
  if (t.max_evaluations < 0) bad("max_evaluations", static_cast<double>(t.max_evaluations), ">= 0");
  if (!(t.max_seconds >= 0)) bad("max_seconds", t.max_seconds, ">= 0");
  if (o.trace_every < 0) bad("trace_every", static_cast<double>(o.trace_every), ">= 0");
}
}  // namespace

SolverRun::SolverRun(std::string solver, const Objective& objective, const Vector& x0,
                     const SolverOptions& options)
    : solver_(std::move(solver)), f_(objective), opts_(options), t0_(std::chrono::steady_clock::now()) {
  if (x0.size() != objective.dim())
    throw InvalidArgument("x0 has dimension " + std::to_string(x0.size()) + ", the objective expects " +
                          std::to_string(objective.dim()));
  for (Index i = 0; i < x0.size(); ++i)
    if (!std::isfinite(x0[i]))
      throw InvalidArgument("x0[" + std::to_string(i) + "] = " + format_double(x0[i]) + " is not finite");
  validate_tolerances(solver_, opts_);
}

double SolverRun::value(const Vector& x) {
  ++evals_.f;
  return f_.value(x);
}

double SolverRun::value_and_gradient(const Vector& x, Vector& g) {
  ++evals_.f;
  ++evals_.gradient;
  return f_.value_and_gradient(x, g);
}

void SolverRun::hessian(const Vector& x, Matrix& H) {
  ++evals_.hessian;
  if (f_.has_hessian()) {
    f_.hessian(x, H);
  } else {
    finite_difference_hessian(f_, x, H);
    evals_.gradient += 2 * x.size();
  }
}

void SolverRun::hessian_vector(const Vector& x, const Vector& v, const Vector& grad_x, Vector& Hv) {
  ++evals_.hessian_vector;
  if (f_.has_hessian_vector()) {
    f_.hessian_vector(x, v, Hv);
  } else {
    finite_difference_hessian_vector(f_, x, grad_x, v, Hv);
    ++evals_.gradient;
  }
}

void SolverRun::residuals_and_jacobian(const LeastSquares& ls, const Vector& x, Vector& r, Matrix& J) {
  ++evals_.f;
  ++evals_.jacobian;
  ls.residuals_and_jacobian(x, r, J);
}

void SolverRun::residuals(const LeastSquares& ls, const Vector& x, Vector& r) {
  ++evals_.f;
  ls.residuals(x, r);
}

double SolverRun::elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0_).count();
}

bool SolverRun::budget_exhausted() const {
  const Tolerances& t = opts_.tolerances;
  if (t.max_evaluations > 0 && evals_.total() >= t.max_evaluations) return true;
  return std::isfinite(t.max_seconds) && elapsed() >= t.max_seconds;
}

void SolverRun::record(IterationRecord& r, const Vector& x, bool force) {
  r.iteration = iteration_;
  r.time = elapsed();
  r.f_evals = evals_.f;
  r.g_evals = evals_.gradient;
  const long every = opts_.trace_every;
  last_recorded_ = every > 0 && (force || iteration_ % every == 0);
  if (last_recorded_) trace_.records.push_back(r);
  last_ = std::move(r);
  (void)x;
}

Status SolverRun::start(const Vector& x0, double f0, double optimality0) {
  IterationRecord r;
  r.f = f0;
  r.optimality = optimality0;
  iteration_ = 0;
  record(r, x0, true);
  if (!std::isfinite(f0) || !std::isfinite(optimality0)) return Status::NumericalError;
  for (const auto& obs : opts_.observers) {
    const ObserverAction a = obs->on_iteration(last_, x0);
    if (a == ObserverAction::Stop) return Status::StoppedByObserver;
    if (a == ObserverAction::Abort) return Status::AbortedByObserver;
  }
  if (optimality0 <= opts_.tolerances.gtol) return Status::ConvergedGradient;
  if (opts_.tolerances.max_iterations == 0) return Status::MaxIterations;
  return Status::Running;
}

Status SolverRun::end_iteration(IterationRecord rec, const Vector& x, double f_prev, double dx_inf) {
  ++iteration_;
  // A rejected trust-region (or LM) step leaves x and f unchanged: no ftol/xtol test.
  const bool stepped = rec.accepted_by != StepAcceptance::TrustRegionRejected;
  record(rec, x, false);
  const Status tested = stopping_test(f_prev, dx_inf, x, stepped);
  for (const auto& obs : opts_.observers) {  // every record reaches the observers, the last included
    const ObserverAction a = obs->on_iteration(last_, x);
    if (tested != Status::Running) continue;
    if (a == ObserverAction::Stop) return Status::StoppedByObserver;
    if (a == ObserverAction::Abort) return Status::AbortedByObserver;
  }
  return tested;
}

Status SolverRun::stopping_test(double f_prev, double dx_inf, const Vector& x, bool stepped) {
  const double f = last_.f;
  const double opt = last_.optimality;
  const Tolerances& t = opts_.tolerances;
  if (!std::isfinite(f) || std::isnan(opt)) return Status::NumericalError;
  if (opt <= t.gtol) return Status::ConvergedGradient;
  last_f_change_ = std::abs(f_prev - f) / std::max(std::abs(f_prev), std::abs(f));
  if (!(last_f_change_ >= 0)) last_f_change_ = 0.0;  // 0/0 when f_prev = f = 0
  if (stepped && t.ftol > 0 && last_f_change_ <= t.ftol) return Status::ConvergedFunctionChange;
  if (stepped && t.xtol > 0) {
    last_dx_ = dx_inf / (1.0 + x.lpNorm<Eigen::Infinity>());
    if (last_dx_ <= t.xtol) return Status::ConvergedStepSize;
  }
  if (iteration_ >= t.max_iterations) return Status::MaxIterations;
  if (t.max_evaluations > 0 && evals_.total() >= t.max_evaluations) return Status::MaxEvaluations;
  if (std::isfinite(t.max_seconds) && elapsed() >= t.max_seconds) return Status::MaxTime;
  return Status::Running;
}

std::string SolverRun::standard_message(Status s) const {
  const Tolerances& t = opts_.tolerances;
  switch (s) {
    case Status::ConvergedGradient:
      return "optimality " + sci(last_.optimality) + " <= gtol " + sci(t.gtol);
    case Status::ConvergedFunctionChange:
      return "relative change in f " + sci(last_f_change_) + " <= ftol " + sci(t.ftol);
    case Status::ConvergedStepSize:
      return "relative step " + sci(last_dx_) + " <= xtol " + sci(t.xtol);
    case Status::StoppedByObserver: return "an observer stopped the run";
    case Status::AbortedByObserver: return "an observer aborted the run";
    case Status::MaxIterations:
      return "reached max_iterations = " + std::to_string(t.max_iterations);
    case Status::MaxEvaluations:
      return "reached max_evaluations = " + std::to_string(t.max_evaluations);
    case Status::MaxTime: return "reached max_seconds = " + sci(t.max_seconds);
    case Status::LineSearchFailed:
      return "the line search found no acceptable step (optimality " + sci(last_.optimality) + ")";
    case Status::NumericalError:
      return "the objective or its derivatives became non-finite; best finite point returned";
    case Status::Diverged: return "the iterates diverged";
    default: return std::string(enum_to_string(s));
  }
}

Result SolverRun::finish(const Vector& x, double f, double optimality, Status status, std::string message) {
  if (status == Status::Running)
    throw InvalidArgument("internal error: " + solver_ + " finished while still running");
  Result res;
  res.solver = solver_;
  res.x = x;
  res.value = f;
  res.optimality = optimality;
  res.status = status;
  res.message = message.empty() ? standard_message(status) : std::move(message);
  res.iterations = iteration_;
  res.evaluations = evals_;
  res.seconds = elapsed();
  if (opts_.trace_every > 0 && !last_recorded_) trace_.records.push_back(last_);
  res.trace = std::move(trace_);
  return res;
}

}  // namespace optiml
