// Every catalog problem: analytic derivatives against finite differences, the recorded
// optimum against the function, and the catalog's lookup and dimension errors.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <random>
#include <set>
#include <string>

#include "optiml/core/error.hpp"
#include "optiml/core/finite_difference.hpp"
#include "optiml/problems/test_problem.hpp"

namespace optiml {
namespace {

double inf_norm(const Vector& v) { return v.size() ? v.lpNorm<Eigen::Infinity>() : 0.0; }
double max_abs(const Matrix& M) { return M.size() ? M.cwiseAbs().maxCoeff() : 0.0; }

// A random point near x0: each coordinate moved by up to 10% of (1 + |x0_i|).
Vector near(const Vector& x0, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  Vector x = x0;
  for (Index i = 0; i < x.size(); ++i) x[i] += 0.1 * (1 + std::abs(x0[i])) * u(rng);
  return x;
}

// Sizes to test each problem at: its default when small, else small valid sizes, plus the
// smallest allowed one (where formulas' boundary terms differ).
std::vector<Index> small_dims(const ProblemInfo& p) {
  std::set<Index> dims;
  if (p.min_dim == p.max_dim) return {p.min_dim};
  if (p.default_dim <= 12) dims.insert(p.default_dim);
  dims.insert(p.min_dim);
  for (Index d = 6; d <= 12; ++d)
    if (d >= p.min_dim && d <= p.max_dim && d % p.dim_multiple == 0) {
      dims.insert(d);
      break;
    }
  return {dims.begin(), dims.end()};
}

// Finite differences use one step per coordinate (core's rule, e.g. cbrt(eps) max(1, |x_j|)),
// which is too small for MGH's badly scaled residuals (Brown badly scaled: r ~ 1e6) and too
// large for sharply curved ones (Osborne 1: t up to 320 in exponents). So each check is
// done on f(x + s (z - x)) around z = x for step multipliers s, and each entry keeps its
// best agreement: a wrong analytic derivative matches at no step.
constexpr double kStepScales[] = {1.0, 1e-2, 1e2, 1e4};

// The objective z -> f(x + s (z - x)) (gradient s grad f, Hessian s^2 H).
std::shared_ptr<Objective> scaled(const Objective& f, const Vector& x, double s) {
  return make_objective(f.dim(), [&f, x, s](const Vector& z, Vector& g) {
    const double v = f.value_and_gradient(x + s * (z - x), g);
    g *= s;
    return v;
  });
}

template <class M>
M entrywise_best(const M& exact, const std::vector<M>& estimates) {
  M best = (exact - estimates[0]).cwiseAbs();
  for (const M& e : estimates) best = best.cwiseMin((exact - e).cwiseAbs());
  return best;
}

// Checks gradient, Jacobian, Hessian and Hessian-vector product at x: the error relative
// to the largest entry (or a floor tied to |f| near stationary points) is below 1e-6.
void check_derivatives(const TestProblem& tp, const Vector& x, const std::string& where) {
  const Objective& f = *tp.objective;
  SCOPED_TRACE(tp.name + " (n = " + std::to_string(f.dim()) + ") at " + where);
  Vector g;
  const double fx = f.value_and_gradient(x, g);
  ASSERT_TRUE(std::isfinite(fx));
  EXPECT_NEAR(f.value(x), fx, 1e-14 * std::max(1.0, std::abs(fx))) << "value() != value_and_gradient()";
  ASSERT_EQ(g.size(), f.dim());
  std::vector<Vector> g_fd;
  for (double s : kStepScales) {
    const auto phi = scaled(f, x, s);
    Vector e;
    finite_difference_gradient([&phi](const Vector& z) { return phi->value(z); }, x, e);
    g_fd.push_back(e / s);
  }
  const double gscale = std::max(inf_norm(g), 1e-6 * std::max(1.0, std::abs(fx)));
  EXPECT_LT(inf_norm(entrywise_best(g, g_fd)) / gscale, 1e-6) << "gradient\n"
                                                              << g.transpose() << "\nfd\n"
                                                              << g_fd[0].transpose();

  if (const LeastSquares* ls = tp.as_least_squares()) {
    EXPECT_TRUE(ls->has_jacobian());
    Vector r;
    Matrix J;
    ls->residuals_and_jacobian(x, r, J);
    ASSERT_EQ(r.size(), ls->num_residuals());
    ASSERT_EQ(J.rows(), ls->num_residuals());
    ASSERT_EQ(J.cols(), f.dim());
    EXPECT_NEAR(0.5 * r.squaredNorm(), fx, 1e-13 * std::max(1.0, fx));
    Matrix J_only;
    ls->jacobian(x, J_only);
    EXPECT_EQ(max_abs(J - J_only), 0.0);
    std::vector<Matrix> J_fd;
    for (double s : kStepScales)
      for (double sign : {1.0, -1.0}) {  // forward and backward differences
        const double t = sign * s;
        Matrix e;
        finite_difference_jacobian(
            [ls, &x, t](const Vector& z, Vector& rz) { ls->residuals(x + t * (z - x), rz); }, x, e);
        J_fd.push_back(e / t);
      }
    const double jscale = std::max(max_abs(J), 1e-6);
    EXPECT_LT(max_abs(entrywise_best(J, J_fd)) / jscale, 1e-6) << "Jacobian\n" << J << "\nfd\n" << J_fd[0];
  }

  if (f.has_hessian()) {
    Matrix H;
    f.hessian(x, H);
    std::vector<Matrix> H_fd;
    for (double s : kStepScales) {
      Matrix e;
      finite_difference_hessian(*scaled(f, x, s), x, e);
      H_fd.push_back(e / (s * s));
    }
    const double hscale = std::max(max_abs(H), 1e-6);
    EXPECT_LT(max_abs(entrywise_best(H, H_fd)) / hscale, 1e-6) << "Hessian\n" << H << "\nfd\n" << H_fd[0];
    EXPECT_EQ(max_abs(H - H.transpose()), 0.0) << "Hessian not symmetric";
  }
  if (f.has_hessian_vector()) {
    const Vector v = near(Vector::Zero(f.dim()), 7);
    Vector Hv;
    f.hessian_vector(x, v, Hv);
    std::vector<Vector> Hv_fd;
    for (double s : kStepScales) {
      const auto phi = scaled(f, x, s);
      Vector gphi, e;
      phi->value_and_gradient(x, gphi);
      finite_difference_hessian_vector(*phi, x, gphi, v, e);
      Hv_fd.push_back(e / (s * s));
    }
    const double hvscale = std::max(inf_norm(Hv), 1e-6);
    EXPECT_LT(inf_norm(entrywise_best(Hv, Hv_fd)) / hvscale, 1e-6) << "Hessian-vector\n"
                                                                   << Hv.transpose() << "\nfd\n"
                                                                   << Hv_fd[0].transpose();
    if (f.has_hessian()) {
      Matrix H;
      f.hessian(x, H);
      EXPECT_LT(inf_norm(H * v - Hv), 1e-12 * std::max(1.0, max_abs(H)) * double(v.size()));
    }
  }
}

// |f(x) - f_ref| <= 1e-8 |f_ref| (absolute 1e-15 at f_ref = 0), and x is stationary.
void check_minimum(const TestProblem& tp, const Vector& x, double f_ref, const std::string& what) {
  SCOPED_TRACE(tp.name + " (n = " + std::to_string(tp.objective->dim()) + "): " + what);
  ASSERT_EQ(x.size(), tp.objective->dim());
  Vector g;
  const double fx = tp.objective->value_and_gradient(x, g);
  EXPECT_LE(std::abs(fx - f_ref), 1e-8 * std::abs(f_ref) + 1e-15) << "f = " << fx << ", expected " << f_ref;
  // The recorded points have a gradient at rounding level relative to the problem's scale.
  Vector g0;
  const double f0 = tp.objective->value_and_gradient(tp.x0, g0);
  EXPECT_LE(inf_norm(g), 1e-6 * std::max({1.0, inf_norm(g0), std::abs(f0)})) << "gradient " << g.transpose();
}

TEST(ProblemCatalog, NamesAreUniqueAndInfoIsConsistent) {
  std::set<std::string> names;
  for (const ProblemInfo& p : problem_catalog()) {
    EXPECT_TRUE(names.insert(p.name).second) << "duplicate " << p.name;
    EXPECT_FALSE(p.description.empty()) << p.name;
    EXPECT_FALSE(p.reference.empty()) << p.name;
    EXPECT_LE(p.min_dim, p.default_dim) << p.name;
    EXPECT_LE(p.default_dim, p.max_dim) << p.name;
    EXPECT_EQ(p.default_dim % p.dim_multiple, 0) << p.name;
    EXPECT_EQ(&find_problem(p.name), &p);
  }
  EXPECT_GE(names.size(), 6u + 4u + 35u);
  for (const char* required : {"rosenbrock", "himmelblau", "beale", "booth", "matyas", "three-hump-camel",
                               "extended-rosenbrock", "chained-rosenbrock", "quadratic", "mgh-watson"})
    EXPECT_TRUE(names.count(required)) << required;
}

TEST(ProblemCatalog, EveryProblemAtItsDefaultSizeMatchesItsInfo) {
  for (const ProblemInfo& info : problem_catalog()) {
    if (info.default_dim > 2000) continue;  // the scalable Rosenbrocks: checked below at n = 1000 anyway
    const TestProblem tp = make_problem(info.name);
    SCOPED_TRACE(info.name);
    EXPECT_EQ(tp.name, info.name);
    ASSERT_TRUE(tp.objective);
    EXPECT_EQ(tp.objective->dim(), info.default_dim);
    EXPECT_EQ(tp.x0.size(), info.default_dim);
    EXPECT_EQ(tp.least_squares, info.least_squares);
    EXPECT_EQ(tp.as_least_squares() != nullptr, info.least_squares);
    EXPECT_EQ(tp.objective->has_hessian(), info.has_hessian);
    EXPECT_TRUE(std::isfinite(tp.objective->value(tp.x0)));
    // Every catalog problem knows its optimal value at its default size.
    EXPECT_TRUE(std::isfinite(tp.f_star));
  }
  EXPECT_EQ(make_problem("extended-rosenbrock").objective->dim(), 1000);
}

TEST(ProblemCatalog, DerivativesAgreeWithFiniteDifferences) {
  for (const ProblemInfo& info : problem_catalog())
    for (Index n : small_dims(info)) {
      const TestProblem tp = make_problem(info.name, n);
      check_derivatives(tp, tp.x0, "x0");
      check_derivatives(tp, near(tp.x0, 11 + unsigned(n)), "a point near x0");
    }
}

TEST(ProblemCatalog, RecordedMinimaHaveTheRecordedValues) {
  int with_x_star = 0;
  for (const ProblemInfo& info : problem_catalog())
    for (Index n : small_dims(info)) {
      const TestProblem tp = make_problem(info.name, n);
      if (tp.x_star.size()) {
        ASSERT_TRUE(std::isfinite(tp.f_star)) << tp.name;
        check_minimum(tp, tp.x_star, tp.f_star, "x_star");
        ++with_x_star;
      }
      for (const auto& [x, fx] : tp.other_minima) check_minimum(tp, x, fx, "other minimum");
      // f_star is the least value known.
      for (const auto& [x, fx] : tp.other_minima) EXPECT_GE(fx, tp.f_star - 1e-15) << tp.name;
    }
  EXPECT_GE(with_x_star, 45);
}

TEST(ProblemCatalog, UnknownNameIsRejectedWithTheValidNames) {
  try {
    find_problem("foo");
    FAIL() << "no exception";
  } catch (const InvalidArgument& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("unknown problem 'foo'; valid problems: rosenbrock, himmelblau"), std::string::npos)
        << what;
    EXPECT_NE(what.find("mgh-chebyquad"), std::string::npos) << what;
  }
  EXPECT_THROW(make_problem("Rosenbrock"), InvalidArgument);
  EXPECT_THROW(make_problem(""), InvalidArgument);
}

std::string error_of(std::string_view name, Index dim) {
  try {
    make_problem(name, dim);
  } catch (const InvalidArgument& e) {
    return e.what();
  }
  return "(no exception)";
}

TEST(ProblemCatalog, BadDimensionsAreRejectedWithTheRule) {
  EXPECT_EQ(error_of("extended-rosenbrock", 3),
            "problem 'extended-rosenbrock': dim 3 must be an even number in [2, 100000000]");
  EXPECT_EQ(error_of("extended-rosenbrock", -2),
            "problem 'extended-rosenbrock': dim -2 must be an even number in [2, 100000000]");
  EXPECT_EQ(error_of("extended-rosenbrock", 200000000),
            "problem 'extended-rosenbrock': dim 200000000 must be an even number in [2, 100000000]");
  EXPECT_EQ(error_of("beale", 3), "problem 'beale' has fixed dimension 2");
  EXPECT_EQ(error_of("mgh-helical-valley", 2), "problem 'mgh-helical-valley' has fixed dimension 3");
  EXPECT_EQ(error_of("chained-rosenbrock", 1),
            "problem 'chained-rosenbrock': dim 1 must be an integer in [2, 100000000]");
  EXPECT_EQ(error_of("mgh-extended-powell", 6),
            "problem 'mgh-extended-powell': dim 6 must be a multiple of 4 in [4, 1000]");
  EXPECT_EQ(error_of("mgh-watson", 32), "problem 'mgh-watson': dim 32 must be an integer in [2, 31]");
  EXPECT_EQ(error_of("quadratic", 0), "(no exception)");  // 0 = default
  EXPECT_EQ(make_problem("beale", 2).objective->dim(), 2);
  EXPECT_EQ(make_problem("chained-rosenbrock", 7).objective->dim(), 7);
}

}  // namespace
}  // namespace optiml
