#pragma once
// Stopping tests shared by every solver; each name means the same thing everywhere.
#include <limits>

namespace optiml {

struct Tolerances {
  // Stop when the optimality measure (infinity norm of the gradient for smooth
  // problems; the problem's own measure elsewhere) is <= gtol.
  double gtol = 1e-6;
  // Stop when |f_k - f_{k+1}| <= ftol * max(|f_k|, |f_{k+1}|): a relative test without
  // scipy's floor of 1, so that problems with f* = 0 are not stopped early. The default
  // only fires once f stagnates at rounding level; 0 disables it.
  double ftol = 1e-15;
  // Stop when ||x_{k+1} - x_k||_inf <= xtol * (1 + ||x_k||_inf); 0 disables it.
  double xtol = 0.0;
  long max_iterations = 10000;
  // Objective evaluations (value, value+gradient, Jacobian, Hessian all count); 0 = no limit.
  long max_evaluations = 0;
  double max_seconds = std::numeric_limits<double>::infinity();
};

}  // namespace optiml
