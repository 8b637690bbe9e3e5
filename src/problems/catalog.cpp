// The catalog of built-in test problems: name -> ProblemInfo (sizes, description,
// reference, factory), in a stable order: 2-D illustrations, scalable Rosenbrocks,
// quadratics, then the 35 More-Garbow-Hillstrom problems in the paper's order.
#include <string>

#include "optiml/core/error.hpp"
#include "optiml/problems/functions_2d.hpp"
#include "optiml/problems/mgh.hpp"
#include "optiml/problems/quadratic.hpp"
#include "optiml/problems/rosenbrock.hpp"
#include "optiml/problems/test_problem.hpp"

namespace optiml {

namespace {

constexpr Index kHuge = 100000000;          // 10^8 doubles: 800 MB per vector
constexpr Index kMaxDenseQuadratic = 2000;  // QR of an n x n Gaussian matrix at construction

const char* const kSurjanovic =
    "Surjanovic & Bingham, Virtual Library of Simulation Experiments (sfu.ca/~ssurjano); "
    "Jamil & Yang, IJMMNO 4(2), 2013";
const char* const kMgh = "More, Garbow & Hillstrom, ACM TOMS 7(1):17-41, 1981";

ProblemInfo fixed_2d(const char* name, const char* description, const char* reference,
                     TestProblem (*make)()) {
  ProblemInfo p;
  p.name = name;
  p.family = "2d";
  p.description = description;
  p.reference = reference;
  p.default_dim = p.min_dim = p.max_dim = 2;
  p.has_hessian = true;
  p.make = [make](Index) { return make(); };
  return p;
}

ProblemInfo scalable(const char* name, const char* family, const char* description, const char* reference,
                     Index default_dim, Index min_dim, Index max_dim, Index multiple,
                     std::function<TestProblem(Index)> make) {
  ProblemInfo p;
  p.name = name;
  p.family = family;
  p.description = description;
  p.reference = reference;
  p.default_dim = default_dim;
  p.min_dim = min_dim;
  p.max_dim = max_dim;
  p.dim_multiple = multiple;
  p.has_hessian = true;
  p.make = std::move(make);
  return p;
}

ProblemInfo mgh_info(const MghSpec& s) {
  ProblemInfo p;
  p.name = s.name;
  p.family = "mgh";
  const bool fixed = s.min_n == s.max_n;
  p.description =
      "MGH problem " + std::to_string(static_cast<int>(s.function)) + ", " + s.title +
      (fixed ? " (n = " + std::to_string(s.n) + ", m = " + std::to_string(s.m) + ")"
             : " (variable n, standard " + std::to_string(s.n) + ", m = " + std::to_string(s.m) + " there)");
  p.reference = kMgh;
  p.default_dim = s.n;
  p.min_dim = s.min_n;
  p.max_dim = s.max_n;
  p.dim_multiple = s.n_multiple;
  p.least_squares = true;
  p.has_hessian = false;
  const MghFunction f = s.function;
  p.make = [f](Index n) { return mgh_problem(f, n); };
  return p;
}

std::vector<ProblemInfo> build_catalog() {
  std::vector<ProblemInfo> c;
  c.push_back(fixed_2d("rosenbrock", "100 (y - x^2)^2 + (1 - x)^2, x0 = (-1.2, 1), min (1, 1)",
                       "Rosenbrock, Computer J. 3(3):175-184, 1960", rosenbrock_problem));
  c.push_back(fixed_2d("himmelblau",
                       "(x^2 + y - 11)^2 + (x + y^2 - 7)^2, x0 = (0, 0), four minima with f = 0",
                       "Himmelblau, Applied Nonlinear Programming, 1972", himmelblau_problem));
  c.push_back(fixed_2d("beale",
                       "sum_k (c_k - x + x y^k)^2, c = (1.5, 2.25, 2.625), x0 = (1, 1), min (3, 0.5)",
                       kSurjanovic, beale_problem));
  c.push_back(fixed_2d("booth", "(x + 2y - 7)^2 + (2x + y - 5)^2, x0 = (0, 0), min (1, 3)", kSurjanovic,
                       booth_problem));
  c.push_back(fixed_2d("matyas", "0.26 (x^2 + y^2) - 0.48 x y, x0 = (10, 5), min (0, 0)", kSurjanovic,
                       matyas_problem));
  c.push_back(fixed_2d("three-hump-camel", "2x^2 - 1.05x^4 + x^6/6 + x y + y^2, x0 = (-1, -1.5), min (0, 0)",
                       kSurjanovic, three_hump_camel_problem));
  c.push_back(scalable("extended-rosenbrock", "scalable",
                       "sum_{i<=n/2} 100 (x_{2i} - x_{2i-1}^2)^2 + (1 - x_{2i-1})^2, x0 = (-1.2, 1, ...)",
                       "More, Garbow & Hillstrom 1981, problem 21", 1000, 2, kHuge, 2,
                       extended_rosenbrock_problem));
  c.push_back(
      scalable("chained-rosenbrock", "scalable",
               "sum_{i<n} 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2 (scipy.optimize.rosen), x0 = (-1.2, 1, ...)",
               "scipy.optimize.rosen", 1000, 2, kHuge, 1, chained_rosenbrock_problem));
  c.push_back(scalable("quadratic", "quadratic",
                       "1/2 x'Ax - b'x, A = Q diag(lambda) Q', lambda log-spaced in [1, 100], Q random "
                       "orthogonal (seed 0), x0 = 0",
                       "Nesterov, Lectures on Convex Optimization, 2nd ed., 2.1.4", 10, 1, kMaxDenseQuadratic,
                       1, [](Index n) { return quadratic_problem(n); }));
  c.push_back(scalable("quadratic-diagonal", "quadratic",
                       "1/2 x'Ax - b'x, A = diag(lambda), lambda log-spaced in [1, 100] (seed 0), x0 = 0",
                       "Nesterov, Lectures on Convex Optimization, 2nd ed., 2.1.4", 10, 1, kHuge, 1,
                       [](Index n) { return diagonal_quadratic_problem(n); }));
  for (const MghSpec& s : mgh_specs()) c.push_back(mgh_info(s));
  return c;
}

std::string dimension_rule(const ProblemInfo& p) {
  std::string rule;
  if (p.dim_multiple == 2)
    rule = "an even number";
  else if (p.dim_multiple > 2)
    rule = "a multiple of " + std::to_string(p.dim_multiple);
  else
    rule = "an integer";
  return rule + " in [" + std::to_string(p.min_dim) + ", " + std::to_string(p.max_dim) + "]";
}

}  // namespace

namespace {
std::vector<ProblemInfo>& mutable_catalog() {
  static std::vector<ProblemInfo> catalog = build_catalog();
  return catalog;
}
}  // namespace

const std::vector<ProblemInfo>& problem_catalog() { return mutable_catalog(); }

void register_problem(ProblemInfo info) {
  if (info.name.empty()) throw InvalidArgument("register_problem: the problem needs a name");
  if (!info.make) throw InvalidArgument("register_problem: problem '" + info.name + "' has no make function");
  if (info.min_dim < 1 || info.max_dim < info.min_dim || info.default_dim < info.min_dim ||
      info.default_dim > info.max_dim || info.dim_multiple < 1)
    throw InvalidArgument("register_problem: problem '" + info.name + "' needs 1 <= min_dim <= default_dim <= max_dim");
  auto& catalog = mutable_catalog();
  for (const ProblemInfo& p : catalog)
    if (p.name == info.name) throw InvalidArgument("register_problem: the name '" + info.name + "' is taken");
  catalog.push_back(std::move(info));
}

const ProblemInfo& find_problem(std::string_view name) {
  const auto& catalog = problem_catalog();
  for (const ProblemInfo& p : catalog)
    if (p.name == name) return p;
  std::string valid;
  for (const ProblemInfo& p : catalog) valid += (valid.empty() ? "" : ", ") + p.name;
  throw InvalidArgument("unknown problem '" + std::string(name) + "'; valid problems: " + valid);
}

TestProblem make_problem(std::string_view name, Index dim) {
  const ProblemInfo& p = find_problem(name);
  if (dim == 0) dim = p.default_dim;
  if (p.min_dim == p.max_dim) {
    if (dim != p.min_dim)
      throw InvalidArgument("problem '" + p.name + "' has fixed dimension " + std::to_string(p.min_dim));
  } else if (dim < p.min_dim || dim > p.max_dim || dim % p.dim_multiple != 0) {
    throw InvalidArgument("problem '" + p.name + "': dim " + std::to_string(dim) + " must be " +
                          dimension_rule(p));
  }
  return p.make(dim);
}

}  // namespace optiml
