#pragma once
// phi(alpha) = f(x + alpha d) and phi'(alpha) = grad f(x + alpha d)^T d,
// evaluated through the SolverRun (so trials are counted) into the caller's
// preallocated buffers: after a line search, trial_point() and trial_gradient()
// hold the last evaluated trial.
#include "optiml/core/solver_run.hpp"

namespace optiml {

class LineFunction {
 public:
  // x and d must outlive the LineFunction; x_trial and g_trial are work buffers
  // (resized to dim when needed, so preallocate them to avoid allocation).
  LineFunction(SolverRun& run, const Vector& x, const Vector& d, Vector& x_trial, Vector& g_trial);

  double value(double alpha);                               // phi(alpha)
  double value_and_derivative(double alpha, double& dphi);  // phi and phi'
  // Writes x + alpha d into the trial point without evaluating (gradient_current() becomes
  // false); line searches use it to leave their best point in the buffer after a failure.
  void place(double alpha);
  const Vector& trial_point() const { return x_trial_; }
  const Vector& trial_gradient() const { return g_trial_; }
  // True when trial_gradient() belongs to trial_point() (last call computed it).
  bool gradient_current() const { return gradient_current_; }
  double last_alpha() const { return last_alpha_; }
  long evaluations() const { return evaluations_; }
  SolverRun& run() { return run_; }
  const Vector& base_point() const { return x_; }
  const Vector& direction() const { return d_; }

 private:
  SolverRun& run_;
  const Vector& x_;
  const Vector& d_;
  Vector& x_trial_;
  Vector& g_trial_;
  bool gradient_current_ = false;
  double last_alpha_ = 0.0;
  long evaluations_ = 0;
};

struct LineSearchResult;

// After a successful search on phi (built over x and the buffers x_trial, g_trial):
// moves the accepted trial point into x and its gradient into g, evaluating the
// gradient when the search did not; returns f at the new x.
double accept_trial(LineFunction& phi, const LineSearchResult& ls, Vector& x, Vector& x_trial, Vector& g,
                    Vector& g_trial);

// The status a solver ends with after a failed line search: the evaluation or time
// limit when one cut the search short, else LineSearchFailed.
inline Status line_search_failure_status(SolverRun& run) {
  if (!run.budget_exhausted()) return Status::LineSearchFailed;
  const long limit = run.tolerances().max_evaluations;
  return limit > 0 && run.evaluations().total() >= limit ? Status::MaxEvaluations : Status::MaxTime;
}

}  // namespace optiml
