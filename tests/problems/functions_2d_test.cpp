#include "optiml/problems/functions_2d.hpp"

#include <gtest/gtest.h>

#include <Eigen/Eigenvalues>

namespace optiml {
namespace {

Vector pt(double x, double y) { return (Vector(2) << x, y).finished(); }

TEST(Functions2d, KnownValues) {
  // Values by hand at the start points.
  EXPECT_NEAR(rosenbrock_problem().objective->value(pt(-1.2, 1)), 24.2, 1e-12);
  EXPECT_EQ(himmelblau_problem().objective->value(pt(0, 0)), 170.0);  // 121 + 49
  EXPECT_NEAR(beale_problem().objective->value(pt(1, 1)), 1.5 * 1.5 + 2.25 * 2.25 + 2.625 * 2.625, 1e-12);
  EXPECT_EQ(booth_problem().objective->value(pt(0, 0)), 74.0);  // 49 + 25
  EXPECT_NEAR(matyas_problem().objective->value(pt(10, 5)), 0.26 * 125 - 0.48 * 50, 1e-12);
  EXPECT_NEAR(three_hump_camel_problem().objective->value(pt(1, 1)), 2 - 1.05 + 1.0 / 6 + 1 + 1, 1e-12);
}

TEST(Functions2d, HimmelblauHasFourMinimaAllZero) {
  const TestProblem p = himmelblau_problem();
  ASSERT_EQ(p.other_minima.size(), 4u);
  for (const auto& [x, f] : p.other_minima) {
    EXPECT_EQ(f, 0.0);
    EXPECT_LT(p.objective->value(x), 1e-24);
    Matrix H;
    p.objective->hessian(x, H);
    EXPECT_GT(Eigen::SelfAdjointEigenSolver<Matrix>(H).eigenvalues().minCoeff(), 0.0);  // strict minima
  }
}

TEST(Functions2d, CamelLocalMinimaAreMinima) {
  const TestProblem p = three_hump_camel_problem();
  ASSERT_EQ(p.other_minima.size(), 2u);
  for (const auto& [x, f] : p.other_minima) {
    Matrix H;
    p.objective->hessian(x, H);
    EXPECT_GT(Eigen::SelfAdjointEigenSolver<Matrix>(H).eigenvalues().minCoeff(), 0.0);
    EXPECT_GT(f, p.f_star);
  }
}

TEST(Functions2d, QuadraticsReportTheirCurvature) {
  for (const TestProblem& p : {booth_problem(), matyas_problem()}) {
    Matrix H;
    p.objective->hessian(p.x0, H);
    const Vector ev = Eigen::SelfAdjointEigenSolver<Matrix>(H).eigenvalues();
    EXPECT_NEAR(p.objective->lipschitz_constant(), ev[1], 1e-12) << p.name;
    EXPECT_NEAR(p.objective->strong_convexity(), ev[0], 1e-12) << p.name;
  }
}

}  // namespace
}  // namespace optiml
