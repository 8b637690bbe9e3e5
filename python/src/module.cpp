// The compiled core of the Python package (optiml._optiml). The public API,
// with scipy's names and conventions, is in python/optiml/*.py; this module
// exposes the registry, the test problems and one run entry per problem kind.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <Python.h>

#include <memory>
#include <string>

#include "optiml/core/error.hpp"
#include "optiml/core/finite_difference.hpp"
#include "optiml/core/observer.hpp"
#include "optiml/problems/test_problem.hpp"
#include "optiml/solvers.hpp"
#include "py_convert.hpp"
#include "py_objective.hpp"
#include "py_result.hpp"

namespace py = pybind11;
using namespace pybind11::literals;

namespace optiml::python {
void register_ml(py::module_& m);  // ml_bindings.cpp
namespace {

py::list solver_list() {
  py::list out;
  for (const SolverInfo& s : solvers().all()) {
    py::list options;
    for (const OptionInfo& o : s.options)
      options.append(py::dict("name"_a = o.name, "type"_a = o.type, "default"_a = o.default_value,
                              "range"_a = o.range, "doc"_a = o.doc));
    out.append(py::dict("name"_a = s.name, "aliases"_a = s.aliases, "family"_a = s.family,
                        "summary"_a = s.summary, "reference"_a = s.reference,
                        "least_squares_only"_a = s.least_squares_only, "uses_hessian"_a = s.uses_hessian,
                        "options"_a = options));
  }
  return out;
}

py::list problem_list() {
  py::list out;
  for (const ProblemInfo& p : problem_catalog())
    out.append(py::dict("name"_a = p.name, "family"_a = p.family, "description"_a = p.description,
                        "reference"_a = p.reference, "default_dim"_a = p.default_dim, "min_dim"_a = p.min_dim,
                        "max_dim"_a = p.max_dim, "dim_multiple"_a = p.dim_multiple,
                        "least_squares"_a = p.least_squares, "has_hessian"_a = p.has_hessian));
  return out;
}

// Each iteration: Ctrl-C (a pending KeyboardInterrupt) ends the run by raising
// it, and the user's callback sees the iterate; StopIteration from it stops the run.
class PythonObserver final : public Observer {
 public:
  PythonObserver(py::object callback, bool intermediate_result)
      : callback_(std::move(callback)), intermediate_(intermediate_result) {}
  ObserverAction on_iteration(const IterationRecord& r, const Vector& x) override {
    if (PyErr_CheckSignals() != 0) throw py::error_already_set();
    if (callback_.is_none() || r.iteration == 0) return ObserverAction::Continue;
    try {
      if (intermediate_) {
        py::dict d("x"_a = copy_of(x), "fun"_a = r.f, "nit"_a = r.iteration, "optimality"_a = r.optimality,
                   "step"_a = r.step);
        callback_(py::module_::import("optiml._result").attr("OptimizeResult")(d));
      } else {
        callback_(copy_of(x));
      }
    } catch (py::error_already_set& e) {
      if (e.matches(PyExc_StopIteration)) return ObserverAction::Stop;
      throw;
    }
    return ObserverAction::Continue;
  }

 private:
  py::object callback_;
  bool intermediate_;
};

Settings to_settings(const py::dict& options) {
  Settings s;
  for (auto item : options) s.emplace_back(py::str(item.first), py::str(item.second));
  return s;
}

std::vector<std::shared_ptr<Observer>> observers(py::object callback, bool intermediate) {
  return {std::make_shared<PythonObserver>(std::move(callback), intermediate)};
}

// A built-in test problem, callable from Python and runnable at C++ speed.
struct Problem {
  TestProblem p;
  const Objective& f() const { return *p.objective; }
};

py::dict run_problem(const Problem& prob, py::handle x0, const std::string& method, const py::dict& options,
                     py::object callback, bool intermediate) {
  const Vector x = x0.is_none() ? prob.p.x0 : start_point(x0);
  const SolverInfo& s = solvers().find(method);
  Result r = s.run(prob.f(), x, to_settings(options), observers(std::move(callback), intermediate));
  py::dict d = result_to_dict(r);
  Vector g;
  prob.f().value_and_gradient(r.x, g);
  d["jac"] = copy_of(g);
  d["nfev"] = r.evaluations.f;
  d["njev"] = r.evaluations.gradient;
  d["nhev"] = r.evaluations.hessian + r.evaluations.hessian_vector;
  return d;
}

py::dict run_callables(py::object fun, py::handle x0, py::tuple args, const std::string& method, py::object jac,
                       py::object hess, py::object hessp, const py::dict& options, py::object callback,
                       bool intermediate) {
  const Vector x = start_point(x0);
  PyObjective f(x.size(), std::move(fun), std::move(jac), std::move(hess), std::move(hessp), std::move(args));
  const SolverInfo& s = solvers().find(method);
  Result r = s.run(f, x, to_settings(options), observers(std::move(callback), intermediate));
  py::dict d = result_to_dict(r);
  d["finite_difference_gradient"] = f.finite_difference_gradient();
  if (f.finite_difference_gradient())
    d["message"] = r.message + " (gradient by central finite differences)";
  const CallCounts before = f.counts();
  Vector g;
  f.value_and_gradient(r.x, g);  // the gradient at the solution, as scipy reports it (not counted)
  d["jac"] = copy_of(g);
  d["nfev"] = before.fun;
  d["njev"] = before.jac;
  d["nhev"] = before.hess;
  return d;
}

py::dict run_least_squares(py::object fun, py::handle x0, py::tuple args, const std::string& method,
                           py::object jac, const py::dict& options, py::object callback, bool intermediate) {
  const Vector x = start_point(x0);
  PyLeastSquares ls(x, std::move(fun), std::move(jac), std::move(args));
  const SolverInfo& s = solvers().find(method);
  Result r = s.run(ls, x, to_settings(options), observers(std::move(callback), intermediate));
  py::dict d = result_to_dict(r);
  const CallCounts before = ls.counts();
  Vector res;
  Matrix J;
  ls.residuals_and_jacobian(r.x, res, J);
  d["cost"] = 0.5 * res.squaredNorm();
  d["fun"] = copy_of(res);
  d["jac"] = copy_of(J);
  Vector grad = J.transpose() * res;
  d["grad"] = copy_of(grad);
  d["nfev"] = before.fun;
  d["njev"] = before.jac;
  d["finite_difference_jacobian"] = !ls.has_jacobian();
  return d;
}

}  // namespace
}  // namespace optiml::python

PYBIND11_MODULE(_optiml, m) {
  using namespace optiml::python;
  m.doc() = "Compiled core of optiml; use the functions of the optiml package instead.";
  m.attr("__version__") = OPTIML_VERSION;
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const optiml::InvalidArgument& e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    } catch (const optiml::ParseError& e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    }
  });
  register_ml(m);
  m.def("solvers", &solver_list);
  m.def("problems", &problem_list);
  m.def("canonical_solver", [](const std::string& name) { return optiml::solvers().find(name).name; });

  py::class_<Problem>(m, "Problem")
      .def(py::init([](const std::string& name, optiml::Index dim) { return Problem{optiml::make_problem(name, dim)}; }),
           "name"_a, "dim"_a = 0)
      .def_property_readonly("name", [](const Problem& p) { return p.p.name; })
      .def_property_readonly("dim", [](const Problem& p) { return p.p.x0.size(); })
      .def_property_readonly("x0", [](const Problem& p) { return copy_of(p.p.x0); })
      .def_property_readonly("f_star", [](const Problem& p) { return p.p.f_star; })
      .def_property_readonly("published_f", [](const Problem& p) { return p.p.published_f; })
      .def_property_readonly("x_star",
                             [](const Problem& p) -> py::object {
                               if (p.p.x_star.size() == 0) return py::none();
                               return copy_of(p.p.x_star);
                             })
      .def_property_readonly("least_squares", [](const Problem& p) { return p.p.least_squares; })
      .def_property_readonly("has_hessian", [](const Problem& p) { return p.f().has_hessian(); })
      .def("fun", [](const Problem& p, py::handle x) { return p.f().value(start_point(x)); }, "x"_a)
      .def("jac",
           [](const Problem& p, py::handle x) {
             optiml::Vector g;
             p.f().value_and_gradient(start_point(x), g);
             return copy_of(g);
           },
           "x"_a)
      .def("fun_and_jac",
           [](const Problem& p, py::handle x) {
             optiml::Vector g;
             const double f = p.f().value_and_gradient(start_point(x), g);
             return py::make_tuple(f, copy_of(g));
           },
           "x"_a)
      .def("hess",
           [](const Problem& p, py::handle x) {
             optiml::Matrix H;
             const optiml::Vector y = start_point(x);
             if (p.f().has_hessian())
               p.f().hessian(y, H);
             else
               optiml::finite_difference_hessian(p.f(), y, H);
             return copy_of(H);
           },
           "x"_a)
      .def("hessp",
           [](const Problem& p, py::handle x, py::handle v) {
             optiml::Vector Hv;
             p.f().hessian_vector(start_point(x), start_point(v), Hv);
             return copy_of(Hv);
           },
           "x"_a, "v"_a)
      .def("residuals",
           [](const Problem& p, py::handle x) {
             const auto* ls = p.p.as_least_squares();
             if (!ls) throw optiml::InvalidArgument("problem '" + p.p.name + "' is not a least-squares problem");
             optiml::Vector r;
             ls->residuals(start_point(x), r);
             return copy_of(r);
           },
           "x"_a);

  m.def("minimize_problem", &run_problem, "problem"_a, "x0"_a, "method"_a, "options"_a, "callback"_a,
        "intermediate"_a);
  m.def("minimize_callables", &run_callables, "fun"_a, "x0"_a, "args"_a, "method"_a, "jac"_a, "hess"_a,
        "hessp"_a, "options"_a, "callback"_a, "intermediate"_a);
  m.def("least_squares_callables", &run_least_squares, "fun"_a, "x0"_a, "args"_a, "method"_a, "jac"_a,
        "options"_a, "callback"_a, "intermediate"_a);
}
