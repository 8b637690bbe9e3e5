#pragma once
// How a run ended. Outcomes, not errors: misuse throws InvalidArgument instead.
#include <utility>

#include "optiml/core/enum_names.hpp"

namespace optiml {

enum class Status {
  Running,                  // not finished (only inside a run)
  ConvergedGradient,        // optimality measure <= gtol
  ConvergedFunctionChange,  // relative change in f <= ftol
  ConvergedStepSize,        // step length <= xtol * (1 + |x|)
  StoppedByObserver,        // an observer asked to stop (success)
  MaxIterations,
  MaxEvaluations,
  MaxTime,
  LineSearchFailed,  // no acceptable step along a descent direction
  NumericalError,    // non-finite values that the method could not back off from
  Diverged,          // iterates or f unbounded below
  AbortedByObserver,
  Infeasible,
  Unbounded,
  SolvedInaccurately,
};

template <>
struct EnumNames<Status> {
  static constexpr std::pair<Status, const char*> table[] = {
      {Status::Running, "running"},
      {Status::ConvergedGradient, "converged-gradient"},
      {Status::ConvergedFunctionChange, "converged-ftol"},
      {Status::ConvergedStepSize, "converged-xtol"},
      {Status::StoppedByObserver, "stopped-by-observer"},
      {Status::MaxIterations, "max-iterations"},
      {Status::MaxEvaluations, "max-evaluations"},
      {Status::MaxTime, "max-time"},
      {Status::LineSearchFailed, "line-search-failed"},
      {Status::NumericalError, "numerical-error"},
      {Status::Diverged, "diverged"},
      {Status::AbortedByObserver, "aborted-by-observer"},
      {Status::Infeasible, "infeasible"},
      {Status::Unbounded, "unbounded"},
      {Status::SolvedInaccurately, "solved-inaccurately"},
  };
};

// True for the statuses that certify (or were accepted as) a solution.
inline bool is_success(Status s) {
  return s == Status::ConvergedGradient || s == Status::ConvergedFunctionChange ||
         s == Status::ConvergedStepSize || s == Status::StoppedByObserver;
}

}  // namespace optiml
