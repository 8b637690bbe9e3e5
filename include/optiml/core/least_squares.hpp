#pragma once
// LeastSquares: residuals r(x) in R^m and their Jacobian; also an Objective with
// f(x) = 1/2 |r(x)|^2 and gradient J^T r (note the 1/2: tables that report
// sum r_i^2, such as More-Garbow-Hillstrom's, give twice our f).
#include "optiml/core/objective.hpp"

namespace optiml {

class LeastSquares : public Objective {
 public:
  virtual Index num_residuals() const = 0;
  virtual void residuals(const Vector& x, Vector& r) const = 0;
  // True when jacobian() is analytic; the default jacobian() uses forward differences.
  virtual bool has_jacobian() const { return false; }
  virtual void jacobian(const Vector& x, Matrix& J) const;
  // Both at once (Gauss-Newton and Levenberg-Marquardt call this).
  virtual void residuals_and_jacobian(const Vector& x, Vector& r, Matrix& J) const;

  double value(const Vector& x) const override;
  double value_and_gradient(const Vector& x, Vector& g) const override;
};

}  // namespace optiml
