#pragma once
// SolverRun: the bookkeeping every solver shares, so that no solver repeats it:
// counted evaluations, the clock, the trace, observers, and the stopping tests
// applied in one documented order.
#include <chrono>
#include <string>
#include <vector>

#include "optiml/core/least_squares.hpp"
#include "optiml/core/objective.hpp"
#include "optiml/core/result.hpp"
#include "optiml/core/solver_options.hpp"

namespace optiml {

class SolverRun {
 public:
  // Validates x0 (dimension, finiteness) and the tolerances; throws InvalidArgument.
  SolverRun(std::string solver, const Objective& objective, const Vector& x0,
            const SolverOptions& options);

  const Objective& objective() const { return f_; }
  const Tolerances& tolerances() const { return opts_.tolerances; }

  // Counted evaluations. Non-finite results are returned as they are: the
  // caller backs off or ends the run with Status::NumericalError.
  double value(const Vector& x);
  double value_and_gradient(const Vector& x, Vector& g);
  // Analytic Hessian when the objective has one, else central differences of the gradient.
  void hessian(const Vector& x, Matrix& H);
  // Analytic product when available, else a forward difference of gradients
  // (grad_x = gradient at x); the latter counts one gradient evaluation.
  void hessian_vector(const Vector& x, const Vector& v, const Vector& grad_x, Vector& Hv);
  // Residuals and Jacobian of a least-squares problem (counts f and Jacobian).
  void residuals_and_jacobian(const LeastSquares& ls, const Vector& x, Vector& r, Matrix& J);
  void residuals(const LeastSquares& ls, const Vector& x, Vector& r);

  Evaluations& evaluations() { return evals_; }
  double elapsed() const;
  long iteration() const { return iteration_; }

  // Records iteration 0 and returns ConvergedGradient when x0 is already optimal,
  // NumericalError when f(x0) is not finite, and Running otherwise.
  Status start(const Vector& x0, double f0, double optimality0);

  // Ends iteration k+1 at x with record fields filled by the solver (f,
  // optimality, step, ls_trials, accepted_by, tr_*); the run fills iteration,
  // time and counters. Tests, in order: non-finite f or optimality
  // (NumericalError); optimality <= gtol; ftol on |f_prev - f|; xtol on
  // dx_inf; max_iterations; max_evaluations; max_seconds. Observers see every
  // record, the last one included; a Stop/Abort counts only when no test fired.
  // A record with accepted_by == TrustRegionRejected took no step: the ftol and
  // xtol tests are skipped. Returns Running to continue.
  Status end_iteration(IterationRecord record, const Vector& x, double f_prev, double dx_inf);

  // Names the solver's extra trace columns (IterationRecord::extra, in order),
  // e.g. {"momentum"}; call before start().
  void set_extra_names(std::vector<std::string> names) { trace_.extra_names = std::move(names); }

  // Checks only the limits (evaluations, time); for inner loops such as line searches.
  bool budget_exhausted() const;

  // Builds the Result; the message says which test fired unless one is given.
  Result finish(const Vector& x, double f, double optimality, Status status,
                std::string message = "");

 private:
  void record(IterationRecord& r, const Vector& x, bool force);
  std::string standard_message(Status s) const;
  Status stopping_test(double f_prev, double dx_inf, const Vector& x, bool stepped);

  std::string solver_;
  const Objective& f_;
  const SolverOptions& opts_;
  Evaluations evals_;
  Trace trace_;
  IterationRecord last_;
  bool last_recorded_ = false;
  long iteration_ = 0;
  double last_f_change_ = 0.0, last_dx_ = 0.0;
  std::chrono::steady_clock::time_point t0_;
};

}  // namespace optiml
