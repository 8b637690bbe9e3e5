#include "optiml/core/solver_run.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "optiml/core/error.hpp"
#include "optiml/core/finite_difference.hpp"

namespace {

// f = 1/2 |x|^2 with its Hessian.
std::shared_ptr<optiml::Objective> sphere(int n) {
  return optiml::make_objective(
      n, [](const optiml::Vector& x, optiml::Vector& g) { g = x; return 0.5 * x.squaredNorm(); },
      [](const optiml::Vector& x, optiml::Matrix& H) { H.setIdentity(x.size(), x.size()); });
}

TEST(SolverRun, ValidatesStartPoint) {
  auto f = sphere(3);
  optiml::SolverOptions o;
  EXPECT_THROW(optiml::SolverRun("t", *f, optiml::Vector::Zero(2), o), optiml::InvalidArgument);
  optiml::Vector bad = optiml::Vector::Zero(3);
  bad[1] = std::nan("");
  try {
    optiml::SolverRun("t", *f, bad, o);
    FAIL();
  } catch (const optiml::InvalidArgument& e) {
    EXPECT_NE(std::string(e.what()).find("x0[1]"), std::string::npos);
  }
  o.tolerances.gtol = -1;
  EXPECT_THROW(optiml::SolverRun("t", *f, optiml::Vector::Zero(3), o), optiml::InvalidArgument);
}

TEST(SolverRun, AppliesTestsInOrderAndCounts) {
  auto f = sphere(2);
  optiml::SolverOptions o;
  o.tolerances.gtol = 1e-3;
  o.tolerances.max_iterations = 3;
  o.trace_every = 2;
  optiml::Vector x(2);
  x << 1, 1;
  optiml::SolverRun run("t", *f, x, o);
  optiml::Vector g;
  double fx = run.value_and_gradient(x, g);
  ASSERT_EQ(run.start(x, fx, g.lpNorm<Eigen::Infinity>()), optiml::Status::Running);
  optiml::Status s = optiml::Status::Running;
  int its = 0;
  while (s == optiml::Status::Running) {
    x *= 0.9;
    const double fp = fx;
    fx = run.value_and_gradient(x, g);
    optiml::IterationRecord r;
    r.f = fx;
    r.optimality = g.lpNorm<Eigen::Infinity>();
    s = run.end_iteration(r, x, fp, 0.1);
    ++its;
  }
  EXPECT_EQ(s, optiml::Status::MaxIterations);
  EXPECT_EQ(its, 3);
  auto res = run.finish(x, fx, g.lpNorm<Eigen::Infinity>(), s);
  EXPECT_EQ(res.iterations, 3);
  EXPECT_EQ(res.evaluations.f, 4);
  EXPECT_EQ(res.evaluations.gradient, 4);
  // trace_every = 2: iterations 0 and 2, plus the final iteration 3.
  ASSERT_EQ(res.trace.size(), 3u);
  EXPECT_EQ(res.trace.records.back().iteration, 3);
  EXPECT_EQ(res.trace.records.back().f_evals, 4);
  EXPECT_NE(res.message.find("max_iterations = 3"), std::string::npos);
}

TEST(SolverRun, ObserversStopAndAbort) {
  auto f = sphere(1);
  for (auto action : {optiml::ObserverAction::Stop, optiml::ObserverAction::Abort}) {
    optiml::SolverOptions o;
    int calls = 0;
    o.observers.push_back(optiml::make_observer([&](const optiml::IterationRecord& r, const optiml::Vector&) {
      ++calls;
      return r.iteration >= 2 ? action : optiml::ObserverAction::Continue;
    }));
    optiml::Vector x = optiml::Vector::Ones(1);
    optiml::SolverRun run("t", *f, x, o);
    ASSERT_EQ(run.start(x, 0.5, 1.0), optiml::Status::Running);
    optiml::Status s = optiml::Status::Running;
    while (s == optiml::Status::Running) {
      optiml::IterationRecord r;
      r.f = 0.5;
      r.optimality = 1.0;
      s = run.end_iteration(r, x, 1.0, 0.0);
    }
    EXPECT_EQ(s, action == optiml::ObserverAction::Stop ? optiml::Status::StoppedByObserver
                                                        : optiml::Status::AbortedByObserver);
    EXPECT_EQ(calls, 3);
  }
}

// The record that fires a stopping test still reaches the observers; their
// Stop then does not override the test's status.
TEST(SolverRun, ObserversSeeTheFinalRecord) {
  auto f = sphere(1);
  optiml::SolverOptions o;
  o.tolerances.gtol = 1e-3;
  std::vector<double> seen;
  o.observers.push_back(optiml::make_observer([&](const optiml::IterationRecord& r, const optiml::Vector&) {
    seen.push_back(r.optimality);
    return r.iteration == 0 ? optiml::ObserverAction::Continue : optiml::ObserverAction::Stop;
  }));
  optiml::Vector x = optiml::Vector::Ones(1);
  optiml::SolverRun run("t", *f, x, o);
  ASSERT_EQ(run.start(x, 0.5, 1.0), optiml::Status::Running);
  optiml::IterationRecord r;
  r.f = 0.0;
  r.optimality = 1e-4;
  EXPECT_EQ(run.end_iteration(r, x, 0.5, 1.0), optiml::Status::ConvergedGradient);
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen.back(), 1e-4);
}

TEST(SolverRun, NonFiniteEndsWithNumericalError) {
  auto f = sphere(1);
  optiml::SolverOptions o;
  optiml::Vector x = optiml::Vector::Ones(1);
  optiml::SolverRun run("t", *f, x, o);
  ASSERT_EQ(run.start(x, 0.5, 1.0), optiml::Status::Running);
  optiml::IterationRecord r;
  r.f = std::nan("");
  r.optimality = 1.0;
  EXPECT_EQ(run.end_iteration(r, x, 0.5, 0.0), optiml::Status::NumericalError);
}

TEST(SolverRun, FiniteDifferenceFallbacks) {
  // f = sum x_i^4: no analytic Hessian, so SolverRun differences the gradient.
  auto f = optiml::make_objective(3, [](const optiml::Vector& x, optiml::Vector& g) {
    g = 4 * x.array().cube().matrix();
    return x.array().pow(4).sum();
  });
  optiml::SolverOptions o;
  optiml::Vector x(3);
  x << 1, -2, 0.5;
  optiml::SolverRun run("t", *f, x, o);
  optiml::Matrix H;
  run.hessian(x, H);
  for (int i = 0; i < 3; ++i) EXPECT_NEAR(H(i, i), 12 * x[i] * x[i], 1e-5 * (1 + 12 * x[i] * x[i]));
  optiml::Vector g, v = optiml::Vector::Ones(3), Hv;
  f->value_and_gradient(x, g);
  run.hessian_vector(x, v, g, Hv);
  for (int i = 0; i < 3; ++i) EXPECT_NEAR(Hv[i], 12 * x[i] * x[i], 1e-5 * (1 + 12 * x[i] * x[i]) * 10);
  EXPECT_EQ(run.evaluations().hessian, 1);
  EXPECT_EQ(run.evaluations().hessian_vector, 1);
  optiml::Vector gfd;
  optiml::finite_difference_gradient([&](const optiml::Vector& z) { return f->value(z); }, x, gfd);
  EXPECT_LT((gfd - g).norm(), 1e-7 * g.norm());
}

}  // namespace
