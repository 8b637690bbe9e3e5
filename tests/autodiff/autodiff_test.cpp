#include "optiml/autodiff/ad.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <thread>

#include "optiml/core/check_gradient.hpp"
#include "optiml/core/error.hpp"
#include "optiml/core/finite_difference.hpp"
#include "optiml/problems/rosenbrock.hpp"
#include "optiml/problems/test_problem.hpp"
#include "optiml/solvers.hpp"
#include "random_program.hpp"

namespace {

using optiml::Index;
using optiml::Matrix;
using optiml::Vector;
namespace ad = optiml::ad;

// Chained Rosenbrock written once, generically.
struct Rosen {
  template <class T>
  T operator()(const ad::VectorT<T>& x) const {
    T f(0.0);
    for (Index i = 0; i + 1 < x.size(); ++i) {
      const T t = x[i + 1] - x[i] * x[i];
      const T u = 1.0 - x[i];
      f += 100.0 * t * t + u * u;
    }
    return f;
  }
};

Vector random_vector(Index n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> d;
  Vector v(n);
  for (Index i = 0; i < n; ++i) v[i] = d(rng);
  return v;
}

double rel_err(const Vector& a, const Vector& b) { return (a - b).norm() / std::max(1.0, b.norm()); }

TEST(ForwardMode, DerivativesOfElementaryFunctions) {
  struct Case {
    double x, expect;
    double (*d)(double);
  };
  using D = ad::Dual<double>;
  const double x = 0.3;
  EXPECT_NEAR(ad::derivative([](D t) { return exp(t); }, x), std::exp(x), 1e-15);
  EXPECT_NEAR(ad::derivative([](D t) { return log(t); }, x), 1 / x, 1e-14);
  EXPECT_NEAR(ad::derivative([](D t) { return sqrt(t); }, x), 0.5 / std::sqrt(x), 1e-14);
  EXPECT_NEAR(ad::derivative([](D t) { return sin(t) * cos(t); }, x), std::cos(2 * x), 1e-15);
  EXPECT_NEAR(ad::derivative([](D t) { return tan(t); }, x), 1 + std::pow(std::tan(x), 2), 1e-14);
  EXPECT_NEAR(ad::derivative([](D t) { return tanh(t); }, x), 1 - std::pow(std::tanh(x), 2), 1e-15);
  EXPECT_NEAR(ad::derivative([](D t) { return atan(t); }, x), 1 / (1 + x * x), 1e-15);
  EXPECT_NEAR(ad::derivative([](D t) { return asin(t); }, x), 1 / std::sqrt(1 - x * x), 1e-14);
  EXPECT_NEAR(ad::derivative([](D t) { return acos(t); }, x), -1 / std::sqrt(1 - x * x), 1e-14);
  EXPECT_NEAR(ad::derivative([](D t) { return pow(t, 2.5); }, x), 2.5 * std::pow(x, 1.5), 1e-14);
  EXPECT_NEAR(ad::derivative([](D t) { return pow(2.0, t); }, x), std::log(2.0) * std::pow(2.0, x), 1e-14);
  EXPECT_NEAR(ad::derivative([](D t) { return pow(t, t); }, x), std::pow(x, x) * (std::log(x) + 1), 1e-14);
  EXPECT_NEAR(ad::derivative([](D t) { return 1.0 / (1.0 + t); }, x), -1 / std::pow(1 + x, 2), 1e-14);
  EXPECT_NEAR(ad::derivative([](D t) { return log1p(t) + expm1(t); }, x), 1 / (1 + x) + std::exp(x), 1e-14);
  EXPECT_NEAR(ad::derivative([](D t) { return sinh(t) + cosh(t); }, x), std::exp(x), 1e-14);
  EXPECT_NEAR(ad::derivative([](D t) { return abs(t - 1.0); }, x), -1.0, 0.0);
}

TEST(ForwardMode, NestedDualsGiveSecondDerivatives) {
  using D2 = ad::Dual<ad::Dual<double>>;
  const double x = 0.7;
  // f = exp(x) sin(x): f'' = 2 exp(x) cos(x).
  D2 t(ad::Dual<double>(x, 1.0), ad::Dual<double>(1.0, 0.0));
  const D2 y = exp(t) * sin(t);
  EXPECT_NEAR(y.v.v, std::exp(x) * std::sin(x), 1e-15);
  EXPECT_NEAR(y.v.d, std::exp(x) * (std::sin(x) + std::cos(x)), 1e-14);
  EXPECT_NEAR(y.d.d, 2 * std::exp(x) * std::cos(x), 1e-14);
}

TEST(ForwardMode, JacobianOfEigenCodeMatchesFiniteDifferences) {
  auto F = [](const auto& x) {
    using T = typename std::decay_t<decltype(x)>::Scalar;
    ad::VectorT<T> y(3);
    y[0] = x.squaredNorm();
    y[1] = x.prod() + sin(x[0]);
    y[2] = (x.array() * x.array().exp()).sum();
    return y;
  };
  const Vector x = random_vector(4, 3);
  Vector fx;
  const Matrix J = ad::jacobian(F, x, &fx);
  Matrix Jfd;
  optiml::finite_difference_jacobian([&](const Vector& z, Vector& r) { r = F(z); }, x, Jfd);
  EXPECT_EQ(J.rows(), 3);
  EXPECT_LT((J - Jfd).norm() / J.norm(), 1e-6);
  EXPECT_NEAR(fx[0], x.squaredNorm(), 1e-14);
}

TEST(ReverseMode, RosenbrockGradientAndHessianMatchTheAnalyticOnes) {
  auto problem = optiml::make_problem("chained-rosenbrock", 50);
  const Vector x = random_vector(50, 7);
  Vector g_ad, g;
  const double f_ad = ad::gradient(Rosen{}, x, g_ad);
  const double f = problem.objective->value_and_gradient(x, g);
  EXPECT_NEAR(f_ad, f, 1e-12 * std::abs(f));
  EXPECT_LT(rel_err(g_ad, g), 1e-14);
  Matrix H;
  problem.objective->hessian(x, H);
  EXPECT_LT((ad::hessian(Rosen{}, x) - H).norm() / H.norm(), 1e-14);
  const Vector v = random_vector(50, 8);
  EXPECT_LT(rel_err(ad::hessian_vector(Rosen{}, x, v), H * v), 1e-14);
}

TEST(ReverseMode, EigenExpressionsOnVars) {
  auto f = [](const auto& x) { return (x.array().square() * x.array().sin()).sum() + x.norm() * x.prod(); };
  const Vector x = random_vector(5, 11);
  auto obj = ad::make_objective(5, f);
  const auto c = optiml::check_gradient(*obj, x);
  EXPECT_TRUE(c.ok) << c.report();
}

TEST(ReverseMode, HundredsOfRandomGraphsAgreeWithFiniteDifferences) {
  int checked = 0;
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    const Index n = 1 + static_cast<Index>(seed % 6);
    ad::testing::RandomProgram p(n, seed, 10 + static_cast<int>(seed % 40));
    const Vector x = 0.8 * random_vector(n, seed + 1000);
    Vector g;
    const double f = ad::gradient(p, x, g);
    ASSERT_NEAR(f, p(x), 1e-12 * std::max(1.0, std::abs(f))) << "seed " << seed;
    Vector g_fd;
    optiml::finite_difference_gradient([&](const Vector& z) { return p(z); }, x, g_fd);
    ASSERT_LT(rel_err(g, g_fd), 1e-6) << "seed " << seed;
    // Forward mode: the directional derivative equals g.v.
    const Vector v = random_vector(n, seed + 2000);
    using D = ad::Dual<double>;
    ad::VectorT<D> xd(n);
    for (Index i = 0; i < n; ++i) xd[i] = D(x[i], v[i]);
    ASSERT_NEAR(p(xd).d, g.dot(v), 1e-10 * std::max(1.0, std::abs(g.dot(v)))) << "seed " << seed;
    // Forward over reverse: H v against differences of the reverse gradient.
    Vector g_from_hv;
    const Vector Hv = ad::hessian_vector(p, x, v, nullptr, &g_from_hv);
    const double h = 1e-6;
    Vector gp, gm;
    ad::gradient(p, x + h * v, gp);
    ad::gradient(p, x - h * v, gm);
    ASSERT_LT(rel_err(Hv, (gp - gm) / (2 * h)), 1e-5) << "seed " << seed;
    ASSERT_LT(rel_err(g_from_hv, g), 1e-12) << "seed " << seed;
    ++checked;
  }
  EXPECT_EQ(checked, 300);
}

TEST(ReverseMode, SharedSubexpressionsAccumulate) {
  auto f = [](const auto& x) {
    auto s = x[0] * x[1];  // used three times
    return s * s + sin(s) + s;
  };
  const Vector x = Vector::Map(std::vector<double>{0.4, -1.3}.data(), 2);
  const Vector g = ad::gradient(f, x);
  const double s = x[0] * x[1];
  const double ds = 2 * s + std::cos(s) + 1;
  EXPECT_NEAR(g[0], ds * x[1], 1e-14);
  EXPECT_NEAR(g[1], ds * x[0], 1e-14);
}

TEST(ReverseMode, ConstantFunctionHasZeroGradient) {
  auto f = [](const auto& x) { return x[0] * 0.0 + 3.0; };
  const Vector g = ad::gradient([](const auto&) { return ad::Var(2.0); }, Vector::Ones(3));
  EXPECT_EQ(g, Vector::Zero(3));
  EXPECT_NEAR(ad::gradient(f, Vector::Ones(2))[0], 0.0, 0.0);
}

TEST(ReverseMode, RecordOnceReplayManyTimes) {
  const Vector x0 = random_vector(20, 5);
  ad::RecordedFunction rec(Rosen{}, x0);
  EXPECT_GT(rec.tape_size(), 20u);
  for (std::uint64_t s = 0; s < 10; ++s) {
    const Vector x = random_vector(20, 100 + s);
    Vector g_replay, g_fresh;
    const double f_replay = rec.gradient(x, g_replay);
    const double f_fresh = ad::gradient(Rosen{}, x, g_fresh);
    EXPECT_EQ(f_replay, f_fresh);
    EXPECT_EQ(g_replay, g_fresh);  // same operations in the same order: the same bits
  }
  Vector g;
  EXPECT_THROW(rec.gradient(Vector::Zero(3), g), optiml::InvalidArgument);
}

TEST(ReverseMode, TapesArePerThread) {
  const Vector x = random_vector(30, 9);
  const Vector expected = ad::gradient(Rosen{}, x);
  std::vector<Vector> got(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int k = 0; k < 200; ++k) got[t] = ad::gradient(Rosen{}, x);
    });
  for (auto& th : threads) th.join();
  for (const auto& g : got) EXPECT_EQ(g, expected);
}

TEST(MakeObjective, EverySolverFamilyUsesIt) {
  auto f = ad::make_objective(2, Rosen{});
  const Vector x0 = Vector::Map(std::vector<double>{-1.2, 1.0}.data(), 2);
  for (const char* name : {"lbfgs", "bfgs", "newton", "newton-cg", "trust-dogleg", "trust-steihaug"}) {
    const auto& s = optiml::solvers().find(name);
    const optiml::Result r = s.run(*f, x0, {{"gtol", "1e-10"}}, {});
    EXPECT_TRUE(r.success()) << name << ": " << r.message;
    EXPECT_LT((r.x - Vector::Ones(2)).norm(), 1e-8) << name;
    if (std::string(name) == "newton" || std::string(name) == "trust-dogleg") {
      EXPECT_GT(r.evaluations.hessian, 0) << name;
    }
  }
  EXPECT_THROW(ad::make_objective(0, Rosen{}), optiml::InvalidArgument);
}

TEST(CheckGradient, FindsAWrongGradientAndNamesTheComponent) {
  auto good = optiml::make_objective(3, [](const Vector& x, Vector& g) {
    g = 2 * x;
    return x.squaredNorm();
  });
  auto bad = optiml::make_objective(3, [](const Vector& x, Vector& g) {
    g = 2 * x;
    g[2] += 1e-3;
    return x.squaredNorm();
  });
  const Vector x = random_vector(3, 1);
  EXPECT_TRUE(optiml::check_gradient(*good, x).ok);
  const auto c = optiml::check_gradient(*bad, x);
  EXPECT_FALSE(c.ok);
  EXPECT_EQ(c.worst, 2);
  EXPECT_NE(c.report().find("FAILED"), std::string::npos);
  EXPECT_NE(c.report().find("worst component 2"), std::string::npos);
  EXPECT_THROW(optiml::check_gradient(*good, Vector::Zero(2)), optiml::InvalidArgument);
}

TEST(CheckGradient, EveryBuiltInProblemGradientIsRight) {
  for (const auto& info : optiml::problem_catalog()) {
    // At the standard start; central differences err by about eps^(2/3) |f|, hence atol.
    const auto p = optiml::make_problem(info.name);
    const double atol = 1e-7 * std::max(1.0, std::abs(p.objective->value(p.x0)));
    const auto c = optiml::check_gradient(*p.objective, p.x0, 1e-5, atol);
    EXPECT_TRUE(c.ok) << info.name << ": " << c.report();
  }
}

}  // namespace

namespace {

TEST(RegisterProblem, AnAutodiffObjectiveIsReachableByName) {
  optiml::ProblemInfo info;
  info.name = "test-ad-quartic";
  info.family = "autodiff";
  info.description = "sum (x_i - 1)^4 + (x_i - 1)^2";
  info.default_dim = 3;
  info.min_dim = 1;
  info.max_dim = 10;
  info.has_hessian = true;
  info.make = [](optiml::Index n) {
    optiml::TestProblem p;
    p.name = "test-ad-quartic";
    p.objective = ad::make_objective(n, [](const auto& x) {
      return ((x.array() - 1.0).square().square() + (x.array() - 1.0).square()).sum();
    });
    p.x0 = Vector::Zero(n);
    p.x_star = Vector::Ones(n);
    return p;
  };
  optiml::register_problem(info);
  const auto p = optiml::make_problem("test-ad-quartic", 4);
  const auto r = optiml::solvers().find("newton").run(*p.objective, p.x0, {{"gtol", "1e-12"}}, {});
  EXPECT_TRUE(r.success()) << r.message;
  EXPECT_LT((r.x - p.x_star).norm(), 1e-6);
  EXPECT_THROW(optiml::register_problem(info), optiml::InvalidArgument);  // the name is taken
  info.name = "test-bad-dims";
  info.max_dim = 0;
  EXPECT_THROW(optiml::register_problem(info), optiml::InvalidArgument);
}

}  // namespace

namespace {

// Forward (Dual<float>) and reverse (a float tape) mode in single precision
// agree with double on the random programs, to float accuracy.
TEST(BothPrecisions, FloatForwardAndReverseAgreeWithDouble) {
  using F = float;
  int checked = 0;
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    const Index n = 1 + static_cast<Index>(seed % 5);
    ad::testing::RandomProgram p(n, seed, 8 + static_cast<int>(seed % 20));
    const Vector x = 0.8 * random_vector(n, seed + 1000), v = random_vector(n, seed + 3000);
    Vector g;
    const double f = ad::gradient(p, x, g);
    // Forward mode in float.
    ad::VectorT<ad::Dual<F>> xd(n);
    for (Index i = 0; i < n; ++i) xd[i] = ad::Dual<F>(static_cast<F>(x[i]), static_cast<F>(v[i]));
    const ad::Dual<F> yd = p(xd);
    const double scale = std::max(1.0, g.norm() * v.norm());
    ASSERT_NEAR(yd.v, f, 1e-4 * std::max(1.0, std::abs(f))) << "seed " << seed;
    ASSERT_NEAR(yd.d, g.dot(v), 1e-4 * scale) << "seed " << seed;
    // Reverse mode on a float tape.
    ad::Tape<F> tape;
    ad::TapeScope<F> scope(tape);
    ad::VectorT<ad::BasicVar<F>> xv(n);
    for (Index i = 0; i < n; ++i) xv[i] = ad::BasicVar<F>(static_cast<F>(x[i]), tape.input(static_cast<F>(x[i])));
    const ad::BasicVar<F> y = p(xv);
    tape.backward(y.is_constant() ? -1 : y.node());
    Vector gf(n);
    for (Index i = 0; i < n; ++i) gf[i] = tape.adjoint(static_cast<std::int32_t>(i));
    ASSERT_LT(rel_err(gf, g), 1e-4) << "seed " << seed;
    ++checked;
  }
  EXPECT_EQ(checked, 200);
}

}  // namespace
