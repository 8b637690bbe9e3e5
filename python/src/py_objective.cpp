#include "py_objective.hpp"

#include "optiml/core/error.hpp"
#include "optiml/core/finite_difference.hpp"
#include "py_convert.hpp"

namespace optiml::python {

namespace {
void require_callable(const py::object& f, const char* name, bool optional) {
  if (optional && f.is_none()) return;
  if (!PyCallable_Check(f.ptr()))
    throw InvalidArgument(std::string(name) + " must be callable, got " +
                          std::string(py::str(py::type::handle_of(f).attr("__name__"))));
}
}  // namespace

PyObjective::PyObjective(Index n, py::object fun, py::object jac, py::object hess, py::object hessp,
                         py::tuple args)
    : n_(n), fun_(std::move(fun)), hess_(std::move(hess)), hessp_(std::move(hessp)), args_(std::move(args)) {
  require_callable(fun_, "fun", false);
  require_callable(hess_, "hess", true);
  require_callable(hessp_, "hessp", true);
  if (jac.is_none() || (PyBool_Check(jac.ptr()) && !jac.cast<bool>())) {
    jac_mode_ = JacMode::FiniteDifferences;
  } else if (PyBool_Check(jac.ptr())) {
    jac_mode_ = JacMode::Combined;
  } else {
    require_callable(jac, "jac", false);
    jac_ = std::move(jac);
    jac_mode_ = JacMode::Callable;
  }
}

py::object PyObjective::call(const py::object& f, const Vector& x) const {
  return f(readonly_view(x), *args_);
}

double PyObjective::value(const Vector& x) const {
  ++counts_.fun;
  py::object r = call(fun_, x);
  if (jac_mode_ != JacMode::Combined) return to_double(r, "fun");
  if (!py::isinstance<py::tuple>(r) || py::len(r) != 2)
    throw InvalidArgument("fun must return a tuple (f, gradient) when jac=True");
  return to_double(py::tuple(r)[0], "fun");
}

double PyObjective::value_and_gradient(const Vector& x, Vector& g) const {
  switch (jac_mode_) {
    case JacMode::Combined: {
      ++counts_.fun;
      ++counts_.jac;
      py::object r = call(fun_, x);
      if (!py::isinstance<py::tuple>(r) || py::len(r) != 2)
        throw InvalidArgument("fun must return a tuple (f, gradient) when jac=True");
      py::tuple t(r);
      to_vector(t[1], n_, g, "fun (gradient part)");
      return to_double(t[0], "fun");
    }
    case JacMode::Callable: {
      const double f = value(x);
      ++counts_.jac;
      to_vector(call(jac_, x), n_, g, "jac");
      return f;
    }
    case JacMode::FiniteDifferences:
      break;
  }
  const double f = value(x);
  optiml::finite_difference_gradient([this](const Vector& y) { return value(y); }, x, g);
  return f;
}

void PyObjective::hessian(const Vector& x, Matrix& H) const {
  if (hess_.is_none()) return Objective::hessian(x, H);
  ++counts_.hess;
  to_matrix(call(hess_, x), n_, n_, H, "hess");
}

void PyObjective::hessian_vector(const Vector& x, const Vector& v, Vector& Hv) const {
  if (hessp_.is_none()) return Objective::hessian_vector(x, v, Hv);
  ++counts_.hess;
  to_vector(hessp_(readonly_view(x), readonly_view(v), *args_), n_, Hv, "hessp");
}

PyLeastSquares::PyLeastSquares(const Vector& x0, py::object fun, py::object jac, py::tuple args)
    : n_(x0.size()), fun_(std::move(fun)), jac_(std::move(jac)), args_(std::move(args)) {
  require_callable(fun_, "fun", false);
  require_callable(jac_, "jac", true);
  ++counts_.fun;
  auto r = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(fun_(readonly_view(x0), *args_));
  if (!r || r.ndim() > 1)
    throw InvalidArgument("fun must return a 1-D array of residuals");
  m_ = r.ndim() == 0 ? 1 : r.shape(0);
  if (m_ == 0) throw InvalidArgument("fun returned no residuals");
}

void PyLeastSquares::residuals(const Vector& x, Vector& r) const {
  ++counts_.fun;
  to_vector(fun_(readonly_view(x), *args_), m_, r, "fun");
}

void PyLeastSquares::jacobian(const Vector& x, Matrix& J) const {
  if (jac_.is_none()) return LeastSquares::jacobian(x, J);
  ++counts_.jac;
  to_matrix(jac_(readonly_view(x), *args_), m_, n_, J, "jac");
}

}  // namespace optiml::python
