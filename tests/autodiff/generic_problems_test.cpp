// Every solver of the foundation minimizes extended Rosenbrock and several
// More-Garbow-Hillstrom problems given only generic residual code (no
// hand-written derivative): ad::make_objective for the smooth solvers,
// ad::make_least_squares for Gauss-Newton and Levenberg-Marquardt. The
// reference values come from the catalog (its own hand-coded problems).
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <string>

#include "optiml/autodiff/ad.hpp"
#include "optiml/problems/test_problem.hpp"
#include "optiml/solvers.hpp"

namespace {

using optiml::Index;
using optiml::Vector;
namespace ad = optiml::ad;

struct ExtendedRosenbrock {
  template <class T>
  ad::VectorT<T> operator()(const ad::VectorT<T>& x) const {
    ad::VectorT<T> r(x.size());
    for (Index i = 0; i < x.size(); i += 2) {
      r[i] = 10.0 * (x[i + 1] - x[i] * x[i]);
      r[i + 1] = 1.0 - x[i];
    }
    return r;
  }
};

struct PowellSingular {
  template <class T>
  ad::VectorT<T> operator()(const ad::VectorT<T>& x) const {
    ad::VectorT<T> r(4);
    r[0] = x[0] + 10.0 * x[1];
    r[1] = std::sqrt(5.0) * (x[2] - x[3]);
    r[2] = (x[1] - 2.0 * x[2]) * (x[1] - 2.0 * x[2]);
    r[3] = std::sqrt(10.0) * (x[0] - x[3]) * (x[0] - x[3]);
    return r;
  }
};

struct Wood {
  template <class T>
  ad::VectorT<T> operator()(const ad::VectorT<T>& x) const {
    ad::VectorT<T> r(6);
    r[0] = 10.0 * (x[1] - x[0] * x[0]);
    r[1] = 1.0 - x[0];
    r[2] = std::sqrt(90.0) * (x[3] - x[2] * x[2]);
    r[3] = 1.0 - x[2];
    r[4] = std::sqrt(10.0) * (x[1] + x[3] - 2.0);
    r[5] = (x[1] - x[3]) / std::sqrt(10.0);
    return r;
  }
};

struct Beale {
  template <class T>
  ad::VectorT<T> operator()(const ad::VectorT<T>& x) const {
    ad::VectorT<T> r(3);
    r[0] = 1.5 - x[0] * (1.0 - x[1]);
    r[1] = 2.25 - x[0] * (1.0 - x[1] * x[1]);
    r[2] = 2.625 - x[0] * (1.0 - x[1] * x[1] * x[1]);
    return r;
  }
};

struct HelicalValley {
  template <class T>
  ad::VectorT<T> operator()(const ad::VectorT<T>& x) const {
    using std::atan;
    using std::sqrt;
    const double pi = std::acos(-1.0);
    T theta = atan(x[1] / x[0]) / (2.0 * pi);
    if (x[0] < 0.0) theta = theta + 0.5;
    ad::VectorT<T> r(3);
    r[0] = 10.0 * (x[2] - 10.0 * theta);
    r[1] = 10.0 * (sqrt(x[0] * x[0] + x[1] * x[1]) - 1.0);
    r[2] = x[2];
    return r;
  }
};

struct Case {
  std::string catalog_name;
  Index n, m;
  std::function<std::shared_ptr<optiml::LeastSquares>()> make;
};

template <class R>
Case make_case(std::string name, Index n, Index m) {
  return {std::move(name), n, m, [n, m] { return ad::make_least_squares(n, m, R{}); }};
}

std::vector<Case> cases() {
  return {make_case<ExtendedRosenbrock>("mgh-extended-rosenbrock", 10, 10),
          make_case<PowellSingular>("mgh-powell-singular", 4, 4), make_case<Wood>("mgh-wood", 4, 6),
          make_case<Beale>("mgh-beale", 2, 3), make_case<HelicalValley>("mgh-helical-valley", 3, 3)};
}

TEST(GenericProblems, EverySolverReachesTheCatalogMinimum) {
  for (const Case& c : cases()) {
    const optiml::TestProblem ref = optiml::make_problem(c.catalog_name, c.n);
    const auto ls = c.make();
    // The generic residuals reproduce the catalog's objective at its start.
    ASSERT_NEAR(ls->value(ref.x0), ref.objective->value(ref.x0), 1e-12 * std::max(1.0, ref.objective->value(ref.x0)))
        << c.catalog_name;
    for (const auto& s : optiml::solvers().all()) {
      const bool first_order = s.name == "gradient-descent" || s.name == "heavy-ball" || s.name == "nesterov" ||
                               s.name == "trust-cauchy";
      const optiml::Settings settings = {{"gtol", "1e-9"}, {"max_iterations", first_order ? "100000" : "5000"}};
      const optiml::Result r = s.run(*ls, ref.x0, settings, {});
      const double tol = 1e-6 * std::max(1.0, std::abs(ref.f_star));
      const bool reached = std::abs(r.value - ref.f_star) <= (ref.f_star == 0.0 ? 1e-10 : tol);
      // First-order methods and the Cauchy point are slow on the badly conditioned
      // Powell singular and Wood problems; they must at least descend a long way.
      if (first_order && (c.catalog_name == "mgh-powell-singular" || c.catalog_name == "mgh-wood" ||
                          c.catalog_name == "mgh-helical-valley")) {
        EXPECT_LT(r.value, 1e-3 * ref.objective->value(ref.x0)) << s.name << " on " << c.catalog_name;
        continue;
      }
      EXPECT_TRUE(reached) << s.name << " on " << c.catalog_name << ": f = " << r.value << ", f* = " << ref.f_star
                           << " (" << r.message << ")";
    }
  }
}

TEST(GenericProblems, ExactHessiansFromGenericCode) {
  // f = 1/2 |r|^2 written generically: Newton and trust-dogleg use AD Hessians.
  auto f = [](const auto& x) {
    const auto r = Wood{}(x);
    return 0.5 * r.squaredNorm();
  };
  auto obj = ad::make_objective(4, f);
  const optiml::TestProblem ref = optiml::make_problem("mgh-wood");
  for (const char* name : {"newton", "trust-dogleg", "trust-steihaug", "newton-cg"}) {
    const optiml::Result r = optiml::solvers().find(name).run(*obj, ref.x0, {{"gtol", "1e-10"}}, {});
    EXPECT_TRUE(r.success()) << name << ": " << r.message;
    EXPECT_LT(r.value, 1e-18) << name;
    EXPECT_EQ(r.evaluations.hessian == 0 && r.evaluations.hessian_vector == 0, false) << name;
  }
}

TEST(GenericProblems, ResidualCountIsChecked) {
  auto ls = ad::make_least_squares(2, 5, Beale{});  // Beale has 3 residuals
  Vector r;
  EXPECT_THROW(ls->residuals(Vector::Ones(2), r), optiml::InvalidArgument);
  EXPECT_THROW(ad::make_least_squares(0, 3, Beale{}), optiml::InvalidArgument);
}

}  // namespace
