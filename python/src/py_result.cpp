#include "py_result.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cmath>
#include <string>
#include <vector>

#include "py_convert.hpp"

using namespace pybind11::literals;

namespace optiml::python {

int scipy_status(Status s) {
  if (is_success(s)) return 0;
  if (s == Status::MaxIterations || s == Status::MaxEvaluations || s == Status::MaxTime) return 1;
  return 2;
}

py::dict trace_to_dict(const Trace& t) {
  const auto n = static_cast<py::ssize_t>(t.records.size());
  py::array_t<long> iteration(n), ls_trials(n), f_evals(n), g_evals(n);
  py::array_t<double> time(n), f(n), optimality(n), step(n), tr_radius(n), tr_ratio(n);
  py::list accepted_by;
  const std::size_t n_extra = t.extra_names.size();
  std::vector<py::array_t<double>> extra;
  for (std::size_t k = 0; k < n_extra; ++k) extra.emplace_back(n);
  for (py::ssize_t i = 0; i < n; ++i) {
    const IterationRecord& r = t.records[static_cast<std::size_t>(i)];
    iteration.mutable_at(i) = r.iteration;
    ls_trials.mutable_at(i) = r.ls_trials;
    f_evals.mutable_at(i) = r.f_evals;
    g_evals.mutable_at(i) = r.g_evals;
    time.mutable_at(i) = r.time;
    f.mutable_at(i) = r.f;
    optimality.mutable_at(i) = r.optimality;
    step.mutable_at(i) = r.step;
    tr_radius.mutable_at(i) = r.tr_radius;
    tr_ratio.mutable_at(i) = r.tr_ratio;
    accepted_by.append(std::string(enum_to_string(r.accepted_by)));
    for (std::size_t k = 0; k < n_extra; ++k)
      extra[k].mutable_at(i) = k < r.extra.size() ? r.extra[k] : std::nan("");
  }
  py::dict d;
  d["iteration"] = iteration;
  d["time"] = time;
  d["f"] = f;
  d["optimality"] = optimality;
  d["step"] = step;
  d["ls_trials"] = ls_trials;
  d["accepted_by"] = py::module_::import("numpy").attr("array")(accepted_by, "dtype"_a = "U");
  d["tr_radius"] = tr_radius;
  d["tr_ratio"] = tr_ratio;
  d["f_evals"] = f_evals;
  d["g_evals"] = g_evals;
  for (std::size_t k = 0; k < n_extra; ++k) d[py::str(t.extra_names[k])] = extra[k];
  return d;
}

py::dict result_to_dict(const Result& r) {
  py::dict d;
  d["x"] = copy_of(r.x);
  d["fun"] = r.value;
  d["optimality"] = r.optimality;
  d["status"] = scipy_status(r.status);
  d["reason"] = std::string(enum_to_string(r.status));
  d["success"] = r.success();
  d["message"] = r.message;
  d["nit"] = r.iterations;
  d["method"] = r.solver;
  d["time"] = r.seconds;
  d["trace"] = trace_to_dict(r.trace);
  d["_summary"] = r.summary();
  return d;
}

}  // namespace optiml::python
