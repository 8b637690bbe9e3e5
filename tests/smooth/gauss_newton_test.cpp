#include "optiml/smooth/gauss_newton.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "optiml/core/error.hpp"
#include "optiml/problems/mgh.hpp"
#include "optiml/solvers.hpp"
#include "second_order_objectives.hpp"

namespace {

using optiml::GaussNewton;
using optiml::MghFunction;
using optiml::Status;
using optiml::Vector;
namespace sot = optiml::second_order_testing;

GaussNewton::Options tight(double gtol) {
  GaussNewton::Options o;
  o.tolerances.gtol = gtol;
  return o;
}

// On a zero-residual problem with J of full rank, Gauss-Newton is asymptotically Newton:
// |e_{k+1}| <= C |e_k|^2 (N&W 10.3). Helical valley: r = 0 at (1, 0, 0).
TEST(GaussNewton, ConvergesQuadraticallyOnZeroResidualProblem) {
  const auto p = optiml::mgh_problem(MghFunction::HelicalValley);
  std::vector<double> e;
  auto o = tight(1e-14);
  o.observers.push_back(sot::error_recorder(p.x_star, e));
  const auto r = GaussNewton(o).minimize(*p.as_least_squares(), p.x0);
  ASSERT_TRUE(r.success()) << r.message;
  EXPECT_LT((r.x - p.x_star).norm(), 1e-12);
  int checked = 0;
  for (std::size_t k = 0; k + 1 < e.size(); ++k) {
    if (e[k] > 1e-1 || e[k + 1] < 1e-14) continue;
    EXPECT_LT(e[k + 1], 10.0 * e[k] * e[k]) << "iteration " << k;
    ++checked;
  }
  EXPECT_GE(checked, 2);
}

// Linear residuals: one Gauss-Newton step is the least-squares solution (MGH 32:
// F* = m - n, so f* = (m - n) / 2).
TEST(GaussNewton, SolvesLinearLeastSquaresInOneStep) {
  const auto p = optiml::mgh_problem(MghFunction::LinearFullRank);
  for (auto solver : {optiml::GaussNewtonSolver::QR, optiml::GaussNewtonSolver::NormalEquations}) {
    auto o = tight(1e-9);
    o.linear_solver = solver;
    const auto r = GaussNewton(o).minimize(*p.as_least_squares(), p.x0);
    EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
    EXPECT_EQ(r.iterations, 1);
    EXPECT_NEAR(r.value, p.f_star, 1e-12);
  }
}

// A rank-one Jacobian (MGH 33): pivoted QR still gives a descent step to the minimum value.
TEST(GaussNewton, HandlesRankDeficientJacobian) {
  const auto p = optiml::mgh_problem(MghFunction::LinearRank1);
  for (auto solver : {optiml::GaussNewtonSolver::QR, optiml::GaussNewtonSolver::NormalEquations}) {
    auto o = tight(1e-9);
    o.linear_solver = solver;
    const auto r = GaussNewton(o).minimize(*p.as_least_squares(), p.x0);
    EXPECT_TRUE(r.success()) << r.message;
    EXPECT_NEAR(r.value, p.f_star, 1e-9 * p.f_star);
  }
}

TEST(GaussNewton, SolvesSmallResidualMghProblems) {
  for (auto fn : {MghFunction::Rosenbrock, MghFunction::PowellBadlyScaled, MghFunction::Bard, MghFunction::Box3d,
                  MghFunction::Osborne1, MghFunction::BrownAlmostLinear}) {
    const auto p = optiml::mgh_problem(fn);
    const auto r = GaussNewton(tight(1e-10)).minimize(*p.as_least_squares(), p.x0);
    SCOPED_TRACE(p.name);
    EXPECT_TRUE(r.success()) << r.message;
    EXPECT_NEAR(r.value, p.f_star, 1e-8 * std::max(1.0, p.f_star) + 1e-12);
  }
}

// Forward-difference Jacobian: the same minimum, and the optimality is |J^T r|_inf.
TEST(GaussNewton, WorksWithFiniteDifferenceJacobian) {
  sot::LambdaLeastSquares ls(2, 3, [](const Vector& x, Vector& r) {
    r[0] = x[0] - 1;
    r[1] = 10 * (x[1] - x[0] * x[0]);
    r[2] = std::exp(x[0] - 1) - 1;
  });
  const auto r = GaussNewton(tight(1e-8)).minimize(ls, Vector{{-1.0, 2.0}});
  EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
  EXPECT_LT((r.x - Vector{{1.0, 1.0}}).norm(), 1e-8);
  EXPECT_LE(r.optimality, 1e-8);
}

TEST(GaussNewton, NonFiniteResidualsEndAtFiniteBestPoint) {
  // r = x - 3, but NaN beyond |x| > 2.
  sot::LambdaLeastSquares ls(2, 2, [](const Vector& x, Vector& r) {
    if (x.cwiseAbs().maxCoeff() > 2) r.setConstant(std::nan(""));
    else r = (x.array() - 3).matrix();
  }, [](const Vector& x, optiml::Matrix& J) { J.setIdentity(2, 2); });
  const auto r = GaussNewton(tight(1e-8)).minimize(ls, Vector::Zero(2));
  EXPECT_NE(r.status, Status::Running);
  EXPECT_TRUE(r.x.allFinite());
  EXPECT_TRUE(std::isfinite(r.value));
  EXPECT_LT(r.value, 9.0);
}

TEST(GaussNewton, RegistryNeedsLeastSquaresAndRejectsBadOptions) {
  const auto& info = optiml::solvers().find("gn");
  EXPECT_EQ(info.name, "gauss-newton");
  EXPECT_TRUE(info.least_squares_only);
  EXPECT_EQ(info.family, "least-squares");
  const auto plain = sot::saddle();
  EXPECT_THROW(info.run(*plain, Vector{{1.0, 1.0}}, {}, {}), optiml::InvalidArgument);
  const auto p = optiml::mgh_problem(MghFunction::Rosenbrock);
  EXPECT_THROW(info.run(*p.objective, p.x0, {{"linear_solver", "svd"}}, {}), optiml::InvalidArgument);
  EXPECT_THROW(info.run(*p.objective, p.x0, {{"c1", "0"}}, {}), optiml::InvalidArgument);
  const auto r = info.run(*p.objective, p.x0, {{"linear_solver", "normal-equations"}, {"gtol", "1e-10"}}, {});
  EXPECT_TRUE(r.success()) << r.message;
}

}  // namespace
