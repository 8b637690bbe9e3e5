#pragma once
// Result and Trace as plain Python objects (dicts of NumPy arrays); the Python
// layer wraps them in OptimizeResult.
#include <pybind11/pybind11.h>

#include "optiml/core/result.hpp"

namespace optiml::python {

namespace py = pybind11;

// scipy's integer convention: 0 success, 1 an iteration/evaluation/time limit, 2 other failure.
int scipy_status(Status s);
// Trace columns as NumPy arrays keyed by the trace schema's names (extra columns included).
py::dict trace_to_dict(const Trace& t);
// The fields every result shares: x, fun, status, success, message, nit, ... and trace.
py::dict result_to_dict(const Result& r);

}  // namespace optiml::python
