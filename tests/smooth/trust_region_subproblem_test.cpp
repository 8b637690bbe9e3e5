#include "optiml/smooth/trust_region_subproblem.hpp"

#include <gtest/gtest.h>

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <cmath>

namespace {

using optiml::Matrix;
using optiml::Vector;

double model(const Vector& g, const Matrix& B, const Vector& p) { return g.dot(p) + 0.5 * p.dot(B * p); }

// A fixed positive definite B (eigenvalues 1..100) and gradient in R^6.
struct PositiveDefinite {
  Matrix B;
  Vector g;
  PositiveDefinite() {
    Matrix Q = Eigen::HouseholderQR<Matrix>(Matrix::NullaryExpr(6, 6, [](Eigen::Index i, Eigen::Index j) {
                 return std::sin(1.0 + 3.0 * i + 7.0 * j);
               })).householderQ();
    Vector lambda(6);
    lambda << 1, 2, 5, 10, 50, 100;
    B = Q * lambda.asDiagonal() * Q.transpose();
    g = Vector::LinSpaced(6, -1.0, 2.0);
  }
  Vector newton() const { return -B.llt().solve(g); }
  double gBg() const { return g.dot(B * g); }
};

TEST(TrustRegionSubproblem, BoundaryStepSolvesTheQuadratic) {
  const Vector z = Vector{{0.3, -0.2}}, d = Vector{{1.0, 2.0}};
  const double tau = optiml::boundary_step(z, d, 1.5);
  EXPECT_GE(tau, 0.0);
  EXPECT_NEAR((z + tau * d).norm(), 1.5, 1e-14);
}

// N&W Algorithm 4.2: tau = min(|g|^3 / (radius g'Bg), 1); the point minimizes m along -g.
TEST(TrustRegionSubproblem, CauchyPointMinimizesAlongSteepestDescent) {
  PositiveDefinite pd;
  Vector p(6);
  for (double radius : {1e-3, 0.05, 10.0}) {
    const auto s = optiml::cauchy_point(pd.g, pd.gBg(), radius, p);
    const double t_star = pd.g.squaredNorm() / pd.gBg();  // unconstrained minimizer along -g
    const double t = std::min(t_star, radius / pd.g.norm());
    EXPECT_LT((p + t * pd.g).norm(), 1e-14 * p.norm() + 1e-300);
    EXPECT_EQ(s.on_boundary, t_star * pd.g.norm() >= radius);
  }
  // Negative curvature along g: to the boundary.
  const auto s = optiml::cauchy_point(pd.g, -1.0, 0.7, p);
  EXPECT_TRUE(s.on_boundary);
  EXPECT_NEAR(p.norm(), 0.7, 1e-14);
}

TEST(TrustRegionSubproblem, DoglegPath) {
  PositiveDefinite pd;
  const Vector pb = pd.newton();
  Vector p(6), pc(6);
  // Inside: the Newton step.
  auto s = optiml::dogleg_step(pd.g, pb, pd.gBg(), 2 * pb.norm(), p);
  EXPECT_FALSE(s.on_boundary);
  EXPECT_LT((p - pb).norm(), 1e-15 * pb.norm());
  // On the boundary: |p| = radius, and at least the Cauchy decrease (N&W Lemma 4.2 context).
  for (double frac : {0.01, 0.3, 0.9}) {
    const double radius = frac * pb.norm();
    s = optiml::dogleg_step(pd.g, pb, pd.gBg(), radius, p);
    EXPECT_TRUE(s.on_boundary);
    EXPECT_NEAR(p.norm(), radius, 1e-12 * radius);
    optiml::cauchy_point(pd.g, pd.gBg(), radius, pc);
    EXPECT_LE(model(pd.g, pd.B, p), model(pd.g, pd.B, pc) + 1e-14);
  }
}

TEST(TrustRegionSubproblem, SteihaugMatchesNewtonStepInsideAndStopsOnBoundary) {
  PositiveDefinite pd;
  optiml::SteihaugWorkspace w(6);
  Vector p(6), Bp(6);
  long products = 0;
  auto hv = [&](const Vector& v, Vector& out) {
    ++products;
    out = pd.B * v;
    return true;
  };
  const Vector pb = pd.newton();
  auto s = optiml::steihaug_cg(hv, pd.g, 1e3, 1e-12, 100, w, p, Bp);
  EXPECT_FALSE(s.on_boundary);
  EXPECT_LE(s.iterations, 10);  // CG: n = 6 steps in exact arithmetic, a few more in floating point
  EXPECT_LT((p - pb).norm(), 1e-10 * pb.norm());
  EXPECT_LT((Bp - pd.B * p).norm(), 1e-10 * Bp.norm());
  EXPECT_EQ(products, s.iterations);

  const double radius = 0.2 * pb.norm();
  s = optiml::steihaug_cg(hv, pd.g, radius, 1e-12, 100, w, p, Bp);
  EXPECT_TRUE(s.on_boundary);
  EXPECT_NEAR(p.norm(), radius, 1e-12 * radius);
  Vector pc(6);
  optiml::cauchy_point(pd.g, pd.gBg(), radius, pc);
  EXPECT_LE(model(pd.g, pd.B, p), model(pd.g, pd.B, pc) + 1e-14);  // first CG step is the Cauchy point
}

TEST(TrustRegionSubproblem, SteihaugFollowsNegativeCurvatureToTheBoundary) {
  const Matrix B = Vector{{1.0, -2.0}}.asDiagonal();
  const Vector g{{0.1, 0.3}};
  optiml::SteihaugWorkspace w(2);
  Vector p(2), Bp(2);
  auto hv = [&](const Vector& v, Vector& out) {
    out = B * v;
    return true;
  };
  const auto s = optiml::steihaug_cg(hv, g, 0.5, 1e-12, 10, w, p, Bp);
  EXPECT_TRUE(s.negative_curvature);
  EXPECT_TRUE(s.on_boundary);
  EXPECT_NEAR(p.norm(), 0.5, 1e-14);
  EXPECT_LT(model(g, B, p), 0.0);
  EXPECT_LT((Bp - B * p).norm(), 1e-14);
}

}  // namespace
