#pragma once
// Result: what every run returns, whatever the solver (DESIGN.md, Result).
#include <string>

#include "optiml/core/status.hpp"
#include "optiml/core/trace.hpp"
#include "optiml/core/types.hpp"

namespace optiml {

struct Evaluations {
  long f = 0;               // objective values (value+gradient counts here too)
  long gradient = 0;
  long hessian = 0;         // dense Hessians (finite-difference ones included)
  long hessian_vector = 0;  // Hessian-vector products
  long jacobian = 0;        // Jacobians of least-squares residuals
  long total() const { return f + hessian + jacobian; }
};

struct Result {
  std::string solver;  // registry name of the method that produced it
  Vector x;            // best point found
  double value = kNotApplicable;
  double optimality = kNotApplicable;  // final optimality measure (gradient inf-norm)
  Status status = Status::Running;
  std::string message;  // one line: which test fired, or what went wrong
  long iterations = 0;
  Evaluations evaluations;
  double seconds = 0.0;
  Trace trace;

  bool success() const { return is_success(status); }
  // A short human report in the spirit of Ceres' Summary::BriefReport/FullReport.
  std::string summary() const;
  // One JSON object: solver, status, message, value, optimality, iterations,
  // evaluations, seconds, and x when include_x (the CLI includes it for n <= 20).
  std::string to_json(bool include_x, bool include_trace = false) const;
};

}  // namespace optiml
