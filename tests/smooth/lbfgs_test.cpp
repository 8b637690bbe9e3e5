#include "optiml/smooth/lbfgs.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <deque>

#include "optiml/core/error.hpp"
#include "optiml/core/solver_run.hpp"
#include "optiml/linesearch/more_thuente.hpp"

namespace {

using optiml::Vector;

std::shared_ptr<optiml::Objective> rosenbrock2() {
  return optiml::make_objective(2, [](const Vector& x, Vector& g) {
    const double a = 1 - x[0], b = x[1] - x[0] * x[0];
    g[0] = -2 * a - 400 * x[0] * b;
    g[1] = 200 * b;
    return a * a + 100 * b * b;
  });
}

// A smooth, strongly convex, non-quadratic function in n dimensions:
// f = sum_i w_i (x_i - 1)^2 + log(1 + exp(a . x)).
std::shared_ptr<optiml::Objective> convex_nd(int n) {
  Vector w(n), a(n);
  for (int i = 0; i < n; ++i) {
    w[i] = 1.0 + 10.0 * i / n;
    a[i] = std::sin(1.0 + i);
  }
  return optiml::make_objective(n, [w, a](const Vector& x, Vector& g) {
    const double t = a.dot(x);
    const double sig = 1.0 / (1.0 + std::exp(-t));
    g = 2 * w.cwiseProduct(x - Vector::Ones(x.size())) + sig * a;
    return w.dot((x - Vector::Ones(x.size())).cwiseAbs2()) + std::log1p(std::exp(t));
  });
}

// Textbook two-loop recursion (N&W Algorithm 7.4) with the same line search and
// first step, as a reference for the fused implementation.
std::vector<Vector> reference_iterates(const optiml::Objective& f, Vector x, int m, int iterations) {
  optiml::SolverOptions so;
  optiml::SolverRun run("reference", f, x, so);
  const auto n = x.size();
  Vector g(n), xt(n), gt(n), d(n);
  double fx = run.value_and_gradient(x, g);
  std::deque<std::pair<Vector, Vector>> pairs;
  std::vector<Vector> xs{x};
  for (int k = 0; k < iterations; ++k) {
    Vector q = g;
    std::vector<double> alpha(pairs.size());
    for (int i = static_cast<int>(pairs.size()) - 1; i >= 0; --i) {
      alpha[i] = pairs[i].first.dot(q) / pairs[i].first.dot(pairs[i].second);
      q -= alpha[i] * pairs[i].second;
    }
    double alpha0 = 1.0;
    if (!pairs.empty()) {
      const auto& [s, y] = pairs.back();
      q *= s.dot(y) / y.dot(y);
    } else {
      alpha0 = 1.0 / g.norm();
    }
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      const double beta = pairs[i].second.dot(q) / pairs[i].first.dot(pairs[i].second);
      q += (alpha[i] - beta) * pairs[i].first;
    }
    d = -q;
    optiml::LineFunction phi(run, x, d, xt, gt);
    auto ls = optiml::more_thuente(phi, fx, g.dot(d), alpha0);
    if (!ls.success) break;
    pairs.emplace_back(xt - x, gt - g);
    if (static_cast<int>(pairs.size()) > m) pairs.pop_front();
    x = xt;
    g = gt;
    fx = ls.f;
    xs.push_back(x);
  }
  return xs;
}

TEST(LBFGS, MatchesTheTextbookTwoLoopRecursion) {
  auto f = convex_nd(50);
  Vector x0 = Vector::Zero(50);
  const int m = 5, iterations = 25;
  auto ref = reference_iterates(*f, x0, m, iterations);
  ASSERT_EQ(static_cast<int>(ref.size()), iterations + 1);
  optiml::LBFGS::Options o;
  o.memory = m;
  o.tolerances.gtol = 0;
  o.tolerances.ftol = 0;
  o.tolerances.max_iterations = iterations;
  std::vector<Vector> ours;
  o.observers.push_back(optiml::make_observer([&](const optiml::IterationRecord&, const Vector& x) {
    ours.push_back(x);
    return optiml::ObserverAction::Continue;
  }));
  auto r = optiml::LBFGS(o).minimize(*f, x0);
  ASSERT_EQ(ours.size(), ref.size());
  for (std::size_t k = 0; k < ref.size(); ++k)
    EXPECT_LT((ours[k] - ref[k]).norm(), 1e-9 * (1 + ref[k].norm())) << "iteration " << k;
  EXPECT_EQ(r.iterations, iterations);
}

TEST(LBFGS, SolvesRosenbrockSuperlinearly) {
  auto f = rosenbrock2();
  Vector x0(2);
  x0 << -1.2, 1.0;
  optiml::LBFGS::Options o;
  o.tolerances.gtol = 1e-10;
  std::vector<double> err;
  o.observers.push_back(optiml::make_observer([&](const optiml::IterationRecord&, const Vector& x) {
    err.push_back((x - Vector::Ones(2)).norm());
    return optiml::ObserverAction::Continue;
  }));
  auto r = optiml::LBFGS(o).minimize(*f, x0);
  EXPECT_TRUE(r.success()) << r.message;
  EXPECT_EQ(r.status, optiml::Status::ConvergedGradient);
  EXPECT_LT((r.x - Vector::Ones(2)).norm(), 1e-9);
  EXPECT_LT(r.iterations, 60);
  // Superlinear: the error ratio e_{k+1}/e_k tends to 0 (well below any linear rate at the end).
  ASSERT_GE(err.size(), 4u);
  double best_ratio = 1.0;
  for (std::size_t k = err.size() - 4; k + 1 < err.size(); ++k)
    if (err[k] > 1e-14) best_ratio = std::min(best_ratio, err[k + 1] / err[k]);
  EXPECT_LT(best_ratio, 0.05);
  EXPECT_EQ(r.trace.size(), static_cast<std::size_t>(r.iterations + 1));
  EXPECT_EQ(r.trace.records.back().accepted_by, optiml::StepAcceptance::StrongWolfe);
}

TEST(LBFGS, SurvivesNonFiniteRegions) {
  // Rosenbrock that returns NaN outside the disc of radius 2: the first trial steps land there.
  auto base = rosenbrock2();
  auto f = optiml::make_objective(2, [base](const Vector& x, Vector& g) {
    if (x.norm() > 2.0) {
      g.setConstant(std::nan(""));
      return std::nan("");
    }
    return base->value_and_gradient(x, g);
  });
  Vector x0(2);
  x0 << -1.2, 1.0;
  auto r = optiml::LBFGS().minimize(*f, x0);
  EXPECT_TRUE(std::isfinite(r.value));
  EXPECT_TRUE(r.x.allFinite());
  EXPECT_LT(r.value, 24.2);  // never worse than the start
}

TEST(LBFGS, RejectsBadOptions) {
  auto f = rosenbrock2();
  optiml::LBFGS::Options o;
  o.memory = 0;
  EXPECT_THROW(optiml::LBFGS(o).minimize(*f, Vector::Zero(2)), optiml::InvalidArgument);
  o.memory = 5;
  o.c1 = 0.95;
  EXPECT_THROW(optiml::LBFGS(o).minimize(*f, Vector::Zero(2)), optiml::InvalidArgument);
  EXPECT_THROW(optiml::LBFGS().minimize(*f, Vector::Zero(3)), optiml::InvalidArgument);
}

TEST(LBFGS, MemoryOfOneStillConverges) {
  auto f = convex_nd(20);
  optiml::LBFGS::Options o;
  o.memory = 1;
  o.tolerances.gtol = 1e-7;
  auto r = optiml::LBFGS(o).minimize(*f, Vector::Zero(20));
  EXPECT_EQ(r.status, optiml::Status::ConvergedGradient) << r.message;
  EXPECT_LT(r.optimality, 1e-7);
}

}  // namespace
