#pragma once
// Objectives whose value, gradient, Hessian or residuals are Python callables
// (scipy.optimize's conventions: fun(x, *args), jac=True meaning fun returns (f, g)).
// Each call hands x as a read-only view; a missing gradient or Jacobian is
// replaced by finite differences (N&W 8.1). Calls are counted as the callables saw them.
#include <pybind11/pybind11.h>

#include "optiml/core/least_squares.hpp"
#include "optiml/core/objective.hpp"

namespace optiml::python {

namespace py = pybind11;

struct CallCounts {
  long fun = 0, jac = 0, hess = 0;
};

class PyObjective final : public Objective {
 public:
  // jac: None (finite differences), True (fun returns (f, g)) or a callable.
  PyObjective(Index n, py::object fun, py::object jac, py::object hess, py::object hessp, py::tuple args);

  Index dim() const override { return n_; }
  double value(const Vector& x) const override;
  double value_and_gradient(const Vector& x, Vector& g) const override;
  bool has_hessian() const override { return !hess_.is_none(); }
  void hessian(const Vector& x, Matrix& H) const override;
  bool has_hessian_vector() const override { return !hessp_.is_none() || !hess_.is_none(); }
  void hessian_vector(const Vector& x, const Vector& v, Vector& Hv) const override;

  bool finite_difference_gradient() const { return jac_mode_ == JacMode::FiniteDifferences; }
  const CallCounts& counts() const { return counts_; }

 private:
  enum class JacMode { FiniteDifferences, Combined, Callable };
  py::object call(const py::object& f, const Vector& x) const;
  Index n_;
  py::object fun_, jac_, hess_, hessp_;
  py::tuple args_;
  JacMode jac_mode_;
  mutable CallCounts counts_;
};

class PyLeastSquares final : public LeastSquares {
 public:
  // Evaluates fun(x0) once to learn the number of residuals.
  PyLeastSquares(const Vector& x0, py::object fun, py::object jac, py::tuple args);

  Index dim() const override { return n_; }
  Index num_residuals() const override { return m_; }
  void residuals(const Vector& x, Vector& r) const override;
  bool has_jacobian() const override { return !jac_.is_none(); }
  void jacobian(const Vector& x, Matrix& J) const override;

  const CallCounts& counts() const { return counts_; }

 private:
  Index n_, m_ = 0;
  py::object fun_, jac_;
  py::tuple args_;
  mutable CallCounts counts_;
};

}  // namespace optiml::python
