#pragma once
// Finite-difference derivatives, for objectives that lack an analytic one and
// for checking analytic ones (Nocedal & Wright, 2nd ed., section 8.1).
#include <functional>

#include "optiml/core/objective.hpp"

namespace optiml {

// Central differences of f with step h_i = cbrt(eps) * max(1, |x_i|).
void finite_difference_gradient(const std::function<double(const Vector&)>& f, const Vector& x,
                                Vector& g);
// Forward differences of the residual map with step sqrt(eps) * max(1, |x_j|).
void finite_difference_jacobian(const std::function<void(const Vector&, Vector&)>& r,
                                const Vector& x, Matrix& J);
// Hessian from central differences of the analytic gradient, symmetrized.
void finite_difference_hessian(const Objective& f, const Vector& x, Matrix& H);
// H v ~ (grad f(x + h v) - grad f(x)) / h, with h = sqrt(eps) (1 + |x|) / |v| (N&W 8.1);
// grad_x is the gradient at x, already known to the caller.
void finite_difference_hessian_vector(const Objective& f, const Vector& x, const Vector& grad_x,
                                      const Vector& v, Vector& Hv);

}  // namespace optiml
