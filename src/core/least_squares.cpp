#include "optiml/core/least_squares.hpp"

#include "optiml/core/finite_difference.hpp"

namespace optiml {

void LeastSquares::jacobian(const Vector& x, Matrix& J) const {
  finite_difference_jacobian([this](const Vector& z, Vector& r) { residuals(z, r); }, x, J);
}

void LeastSquares::residuals_and_jacobian(const Vector& x, Vector& r, Matrix& J) const {
  residuals(x, r);
  jacobian(x, J);
}

double LeastSquares::value(const Vector& x) const {
  Vector r(num_residuals());
  residuals(x, r);
  return 0.5 * r.squaredNorm();
}

double LeastSquares::value_and_gradient(const Vector& x, Vector& g) const {
  Vector r(num_residuals());
  Matrix J(num_residuals(), dim());
  residuals_and_jacobian(x, r, J);
  g.noalias() = J.transpose() * r;
  return 0.5 * r.squaredNorm();
}

}  // namespace optiml
