#include "py_convert.hpp"

#include <cstring>

#include "optiml/core/error.hpp"

namespace optiml::python {

py::array readonly_view(const Vector& v) {
  // A non-null base makes pybind11 wrap the buffer instead of copying it.
  py::array a(py::dtype::of<double>(), {v.size()}, {static_cast<py::ssize_t>(sizeof(double))}, v.data(),
              py::none());
  py::detail::array_proxy(a.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
  return a;
}

py::array copy_of(const Vector& v) {
  py::array_t<double> a(v.size());
  if (v.size() > 0) std::memcpy(a.mutable_data(), v.data(), static_cast<std::size_t>(v.size()) * sizeof(double));
  return a;
}

py::array copy_of(const Matrix& m) {
  py::array_t<double> a({m.rows(), m.cols()});
  auto r = a.mutable_unchecked<2>();
  for (Index i = 0; i < m.rows(); ++i)
    for (Index j = 0; j < m.cols(); ++j) r(i, j) = m(i, j);
  return a;
}

std::string shape_of(const py::array& a) {
  std::string s = "(";
  for (py::ssize_t i = 0; i < a.ndim(); ++i) s += (i ? ", " : "") + std::to_string(a.shape(i));
  if (a.ndim() == 1) s += ",";
  return s + ")";
}

namespace {
std::string type_name(py::handle h) { return py::str(py::type::handle_of(h).attr("__name__")); }

py::array_t<double, py::array::c_style | py::array::forcecast> as_float_array(py::handle h, const std::string& what,
                                                                           const char* expected) {
  if (PyUnicode_Check(h.ptr()) || PyBytes_Check(h.ptr()) || h.is_none())
    throw InvalidArgument(what + " must return " + expected + ", got " + type_name(h));
  auto a = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(h);
  if (!a) throw InvalidArgument(what + " must return " + expected + " of real numbers, got " + type_name(h));
  return a;
}
}  // namespace

double to_double(py::handle h, const std::string& what) {
  PyObject* p = h.ptr();
  if (PyFloat_Check(p)) return PyFloat_AS_DOUBLE(p);
  if (PyLong_Check(p) || py::isinstance<py::array>(h) || PyObject_HasAttrString(p, "dtype")) {
    auto a = as_float_array(h, what, "a real number");
    if (a.size() != 1)
      throw InvalidArgument(what + " must return a real number, got an array of shape " + shape_of(a));
    return *a.data();
  }
  if (!PyComplex_Check(p) && PyNumber_Check(p) && PyObject_HasAttrString(p, "__float__")) {
    const double v = PyFloat_AsDouble(p);
    if (v == -1.0 && PyErr_Occurred()) throw py::error_already_set();
    return v;
  }
  throw InvalidArgument(what + " must return a real number, got " + type_name(h));
}

void to_vector(py::handle h, Index n, Vector& out, const std::string& what) {
  auto a = as_float_array(h, what, "an array");
  if (a.ndim() != 1 || a.shape(0) != n)
    throw InvalidArgument(what + " returned shape " + shape_of(a) + ", expected (" + std::to_string(n) + ",)");
  out.resize(n);
  if (n > 0) std::memcpy(out.data(), a.data(), static_cast<std::size_t>(n) * sizeof(double));
}

void to_matrix(py::handle h, Index rows, Index cols, Matrix& out, const std::string& what) {
  auto a = as_float_array(h, what, "a 2-D array");
  if (a.ndim() != 2 || a.shape(0) != rows || a.shape(1) != cols)
    throw InvalidArgument(what + " returned shape " + shape_of(a) + ", expected (" + std::to_string(rows) + ", " +
                          std::to_string(cols) + ")");
  out = Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(a.data(), rows, cols);
}

Vector start_point(py::handle x0) {
  auto a = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(x0);
  if (!a || PyUnicode_Check(x0.ptr()))
    throw InvalidArgument("x0 must be a 1-D array of real numbers, got " + type_name(x0));
  if (a.ndim() > 1) throw InvalidArgument("x0 must be 1-D, got shape " + shape_of(a));
  const Index n = a.ndim() == 0 ? 1 : a.shape(0);
  if (n == 0) throw InvalidArgument("x0 is empty");
  Vector x = Eigen::Map<const Vector>(a.data(), n);
  for (Index i = 0; i < n; ++i)
    if (!std::isfinite(x[i]))
      throw InvalidArgument("x0[" + std::to_string(i) + "] = " + std::to_string(x[i]) + " is not finite");
  return x;
}

}  // namespace optiml::python
