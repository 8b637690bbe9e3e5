#pragma once
// Conversions between NumPy and Eigen at the Python boundary: read-only views
// of the solver's vectors for the callables, checked copies of what they return.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <string>

#include "optiml/core/types.hpp"

namespace optiml::python {

namespace py = pybind11;

// A read-only float64 view of v (no copy): valid while v is, i.e. during the call.
py::array readonly_view(const Vector& v);
// A writable copy (for what the user may keep: results, callback arguments).
py::array copy_of(const Vector& v);
py::array copy_of(const Matrix& m);

// A Python scalar, NumPy scalar or size-1 array as a double; InvalidArgument
// naming `what` ("fun", "jac", ...) for anything else.
double to_double(py::handle h, const std::string& what);
// A 1-D array-like of length n into out; InvalidArgument naming `what` and the shapes.
void to_vector(py::handle h, Index n, Vector& out, const std::string& what);
// An (rows x cols) array-like into out.
void to_matrix(py::handle h, Index rows, Index cols, Matrix& out, const std::string& what);
// x0 from the user: 1-D (or a scalar, as scipy allows), finite; InvalidArgument otherwise.
Vector start_point(py::handle x0);

std::string shape_of(const py::array& a);

}  // namespace optiml::python
