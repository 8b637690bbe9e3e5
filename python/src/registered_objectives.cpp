// Objectives written in C++ with automatic differentiation and registered by
// name, which puts them in optiml.problems for Python (and in the catalog for
// C++). Add your own the same way in a file passed with
// -DOPTIML_PYTHON_USER_SOURCES=path/to/file.cpp (docs/python.md).
#include <cmath>
#include <limits>

#include "optiml/autodiff/ad.hpp"
#include "optiml/problems/test_problem.hpp"

namespace {

// Styblinski & Tang (1990): f = 1/2 sum x_i^4 - 16 x_i^2 + 5 x_i; the global
// minimizer has x_i = -2.903534027771178 (root of 4x^3 - 32x + 5 = 0).
optiml::ProblemInfo styblinski_tang() {
  optiml::ProblemInfo info;
  info.name = "ad-styblinski-tang";
  info.family = "autodiff";
  info.description =
      "1/2 sum x_i^4 - 16 x_i^2 + 5 x_i, gradient and Hessian by automatic differentiation, x0 = (-1, ...)";
  info.reference = "Styblinski & Tang 1990";
  info.default_dim = 10;
  info.min_dim = 1;
  info.max_dim = 100000;
  info.has_hessian = true;
  info.make = [](optiml::Index n) {
    optiml::TestProblem p;
    p.name = "ad-styblinski-tang";
    p.objective = optiml::ad::make_objective(n, [](const auto& x) {
      return 0.5 * (x.array().square().square() - 16.0 * x.array().square() + 5.0 * x.array()).sum();
    });
    p.x0 = optiml::Vector::Constant(n, -1.0);
    const double xs = -2.903534027771178;
    p.x_star = optiml::Vector::Constant(n, xs);
    p.f_star = 0.5 * static_cast<double>(n) * (std::pow(xs, 4) - 16 * xs * xs + 5 * xs);
    return p;
  };
  return info;
}

const optiml::ProblemRegistrar registered{styblinski_tang()};

}  // namespace
