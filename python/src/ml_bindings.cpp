// The linear models of ml/ for Python: one fit entry that takes a NumPy array
// or a scipy.sparse CSR matrix and returns the fitted coefficients; prediction
// is NumPy code in python/optiml/_linear_model.py.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <string>

#include "optiml/core/error.hpp"
#include "optiml/ml/chebyshev.hpp"
#include "optiml/ml/lad.hpp"
#include "optiml/ml/linear_models.hpp"
#include "py_convert.hpp"
#include "py_result.hpp"

namespace py = pybind11;
using namespace pybind11::literals;

namespace optiml::python {

namespace {

// X as dense row-major or CSR (scipy.sparse: its csr form, copied into Eigen).
struct Design {
  std::shared_ptr<const RowMatrix> dense;
  std::shared_ptr<const SparseMatrix> sparse;
};

Design to_design(py::handle X) {
  Design d;
  if (py::hasattr(X, "tocsr") && py::hasattr(X, "nnz")) {
    py::object csr = X.attr("tocsr")();
    const auto shape = csr.attr("shape").cast<std::pair<Index, Index>>();
    auto data = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(csr.attr("data"));
    auto indices = py::array_t<long long, py::array::c_style | py::array::forcecast>::ensure(csr.attr("indices"));
    auto indptr = py::array_t<long long, py::array::c_style | py::array::forcecast>::ensure(csr.attr("indptr"));
    if (!data || !indices || !indptr) throw InvalidArgument("X: a sparse matrix of real numbers is expected");
    auto m = std::make_shared<SparseMatrix>(shape.first, shape.second);
    std::vector<Eigen::Triplet<double>> t;
    t.reserve(static_cast<std::size_t>(data.size()));
    for (Index i = 0; i < shape.first; ++i)
      for (long long k = indptr.at(i); k < indptr.at(i + 1); ++k)
        t.emplace_back(i, static_cast<Index>(indices.at(k)), data.at(k));
    m->setFromTriplets(t.begin(), t.end());
    d.sparse = std::move(m);
    return d;
  }
  auto a = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(X);
  if (!a || PyUnicode_Check(X.ptr())) throw InvalidArgument("X must be a 2-D array of real numbers");
  if (a.ndim() != 2) throw InvalidArgument("X must be 2-D (n_samples, n_features), got shape " + shape_of(a));
  d.dense = std::make_shared<RowMatrix>(Eigen::Map<const RowMatrix>(a.data(), a.shape(0), a.shape(1)));
  return d;
}

Vector to_labels(py::handle y, Index n) {
  auto a = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(y);
  if (!a || a.ndim() != 1) throw InvalidArgument("y must be a 1-D array of numbers");
  if (a.shape(0) != n)
    throw InvalidArgument("y has " + std::to_string(a.shape(0)) + " entries, X has " + std::to_string(n) + " rows");
  return Eigen::Map<const Vector>(a.data(), n);
}

template <class T>
T get(const py::dict& p, const char* key, T fallback) {
  return p.contains(key) && !p[key].is_none() ? p[key].cast<T>() : fallback;
}

template <class Model>
py::dict fitted(const Model& m) {
  py::dict d;
  d["coef"] = copy_of(m.coef());
  d["intercept"] = copy_of(m.intercept());
  d["result"] = result_to_dict(m.result());
  return d;
}

// A regression solved exactly (LAD, Chebyshev): coefficients from w, and its Result.
py::dict exact_fit(const Vector& w, Index d, bool intercept, Result res) {
  py::dict out;
  out["coef"] = copy_of(Matrix(w.head(d).transpose()));
  out["intercept"] = copy_of(Vector(Vector::Constant(1, intercept ? w[d] : 0.0)));
  res.x = w;
  out["result"] = result_to_dict(res);
  return out;
}

py::dict fit_linear(const std::string& model, py::handle X, py::handle y, const py::dict& p) {
  const Design D = to_design(X);
  const Index n = D.dense ? D.dense->rows() : D.sparse->rows();
  const Vector labels = to_labels(y, n);
  if (model == "logistic") {
    LogisticRegression::Options o;
    o.C = get(p, "C", o.C);
    o.fit_intercept = get(p, "fit_intercept", o.fit_intercept);
    o.solver = get(p, "solver", o.solver);
    o.tol = get(p, "tol", o.tol);
    o.max_iter = get(p, "max_iter", o.max_iter);
    LogisticRegression m(o);
    if (D.dense)
      m.fit(D.dense, labels);
    else
      m.fit(D.sparse, labels);
    py::dict d = fitted(m);
    d["classes"] = m.classes();
    return d;
  }
  if (model == "ridge") {
    Ridge::Options o;
    o.alpha = get(p, "alpha", o.alpha);
    o.fit_intercept = get(p, "fit_intercept", o.fit_intercept);
    Ridge m(o);
    if (D.dense)
      m.fit(*D.dense, labels);
    else
      m.fit(D.sparse, labels);
    return fitted(m);
  }
  const RowMatrix Xd = D.dense ? *D.dense : RowMatrix(Matrix(*D.sparse));
  if (model == "chebyshev") {
    const bool intercept = get(p, "fit_intercept", true);
    const ChebyshevResult r = chebyshev_regression(Xd, labels, intercept);
    Result res;
    res.solver = "chebyshev-reference";
    res.value = r.max_residual;
    res.optimality = r.min_lambda;
    res.status = r.certified ? Status::ConvergedGradient : Status::SolvedInaccurately;
    res.message = r.certified ? "optimality certificate: dual weights >= 0 on the reference"
                              : "no optimality certificate";
    return exact_fit(r.w, Xd.cols(), intercept, res);
  }
  if (model == "lad") {
    const bool intercept = get(p, "fit_intercept", true);
    const LadResult r = lad_regression(Xd, labels, intercept);
    Result res;
    res.solver = "lad-simplex";
    res.value = r.objective;
    res.optimality = r.certificate;
    res.iterations = r.exchanges;
    res.status = r.certified ? Status::ConvergedGradient : Status::SolvedInaccurately;
    res.message = r.certified ? "optimality certificate |u|_inf <= 1" : "no optimality certificate";
    return exact_fit(r.w, Xd.cols(), intercept, res);
  }
  if (model == "linear-svc") {
    LinearSVC::Options o;
    o.C = get(p, "C", o.C);
    const std::string loss = get<std::string>(p, "loss", "squared_hinge");
    if (loss != "hinge" && loss != "squared_hinge")
      throw InvalidArgument("loss must be 'hinge' or 'squared_hinge', got '" + loss + "'");
    o.loss = loss == "hinge" ? LossKind::Hinge : LossKind::SquaredHinge;
    o.fit_intercept = get(p, "fit_intercept", o.fit_intercept);
    o.intercept_scaling = get(p, "intercept_scaling", o.intercept_scaling);
    o.tol = get(p, "tol", o.tol);
    o.max_iter = get(p, "max_iter", o.max_iter);
    o.seed = get<std::uint64_t>(p, "random_state", o.seed);
    o.solver = get<std::string>(p, "solver", o.solver);
    LinearSVC m(o);
    m.fit(Xd, labels);
    py::dict d = fitted(m);
    d["classes"] = m.classes();
    return d;
  }
  if (model == "perceptron") {
    Perceptron::Options o;
    o.fit_intercept = get(p, "fit_intercept", o.fit_intercept);
    o.max_iter = get(p, "max_iter", o.max_iter);
    o.seed = get<std::uint64_t>(p, "random_state", o.seed);
    Perceptron m(o);
    m.fit(Xd, labels);
    py::dict d = fitted(m);
    d["classes"] = m.classes();
    return d;
  }
  throw InvalidArgument("unknown model '" + model + "'");
}

}  // namespace

void register_ml(py::module_& m) { m.def("fit_linear", &fit_linear, "model"_a, "X"_a, "y"_a, "params"_a); }

}  // namespace optiml::python
