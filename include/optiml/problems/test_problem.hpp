#pragma once
// Built-in test problems that know their start point, minimizer and optimal
// value, so that one line tests any solver on them (in the spirit of ensmallen).
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "optiml/core/least_squares.hpp"
#include "optiml/core/objective.hpp"

namespace optiml {

struct TestProblem {
  std::string name;
  std::shared_ptr<const Objective> objective;  // a LeastSquares when least_squares is true
  Vector x0;                                   // standard starting point
  double f_star = 0.0;                         // optimal value in optiml's convention (LS: 1/2 |r|^2)
                                               // (NaN when unknown, e.g. an MGH problem at a size
                                               // the paper gives no value for)
  Vector x_star;                               // a minimizer when known (empty otherwise)
  bool least_squares = false;
  // Other local minimizers a solver may legitimately reach (e.g. Himmelblau's four),
  // each with its value; empty when the problem has one.
  std::vector<std::pair<Vector, double>> other_minima;
  // The optimal value as the source publishes it, in the source's convention (MGH:
  // sum r_i^2 = 2 f_star, to the digits printed in the paper); NaN when there is none.
  double published_f = std::numeric_limits<double>::quiet_NaN();
  const LeastSquares* as_least_squares() const {
    return dynamic_cast<const LeastSquares*>(objective.get());
  }
};

struct ProblemInfo {
  std::string name;         // e.g. "rosenbrock", "mgh-helical-valley"
  std::string family;       // "2d", "scalable", "quadratic", "mgh"
  std::string description;  // one line with the formula or source
  std::string reference;
  Index default_dim = 2;
  Index min_dim = 2;        // for scalable problems
  Index max_dim = 2;        // == min_dim for fixed-dimension problems
  Index dim_multiple = 1;   // dim must be a multiple of this (extended Rosenbrock: 2)
  bool least_squares = false;
  bool has_hessian = false;  // analytic Hessian
  std::function<TestProblem(Index dim)> make;
};

// Every built-in problem, in a stable order, then the registered ones.
const std::vector<ProblemInfo>& problem_catalog();

// Adds a problem to the catalog, so that the CLI, Python's optiml.problems.get
// and the tests reach it by name (e.g. an ad::make_objective). Register before
// any thread reads the catalog: at static initialization (ProblemRegistrar) or
// at the start of main. Throws InvalidArgument for a taken name or bad dimensions.
void register_problem(ProblemInfo info);

// `static optiml::ProblemRegistrar r{info};` registers at load time (in a file
// compiled into the program or the Python module, not a static library, whose
// unreferenced objects the linker drops).
struct ProblemRegistrar {
  explicit ProblemRegistrar(ProblemInfo info) { register_problem(std::move(info)); }
};
// By name; dim = 0 takes the default. Throws InvalidArgument naming the bad
// name (listing valid ones) or the bad dimension (stating what is allowed).
TestProblem make_problem(std::string_view name, Index dim = 0);
const ProblemInfo& find_problem(std::string_view name);

}  // namespace optiml
