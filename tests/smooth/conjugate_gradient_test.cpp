#include "optiml/smooth/conjugate_gradient.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "first_order_objectives.hpp"
#include "optiml/core/error.hpp"
#include "optiml/solvers.hpp"

namespace optiml {
namespace {

using testing::make_quadratic;

ConjugateGradient::Options tight(ConjugateGradientBeta beta) {
  ConjugateGradient::Options o;
  o.beta = beta;
  o.tolerances.gtol = 1e-10;
  o.tolerances.ftol = 0.0;
  return o;
}

class ConjugateGradientBetas : public ::testing::TestWithParam<ConjugateGradientBeta> {};

TEST_P(ConjugateGradientBetas, ReachesQuadraticMinimizer) {
  auto q = make_quadratic(20, 1.0, 100.0);
  Result r = ConjugateGradient(tight(GetParam())).minimize(*q.objective, Vector::Zero(20));
  EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
  EXPECT_LT((r.x - q.x_star).norm(), 1e-6);
  EXPECT_LT(r.iterations, 200);
  ASSERT_EQ(r.trace.size(), static_cast<std::size_t>(r.iterations + 1));
  for (std::size_t k = 1; k < r.trace.size(); ++k) {
    EXPECT_EQ(r.trace.records[k].accepted_by, StepAcceptance::StrongWolfe);
    EXPECT_LE(r.trace.records[k].f, r.trace.records[k - 1].f);
  }
}

// 2-D Rosenbrock from (-1.2, 1): (1, 1) within 1e-6, in about 35 iterations for each beta.
TEST_P(ConjugateGradientBetas, SolvesRosenbrock) {
  Vector x0(2);
  x0 << -1.2, 1.0;
  Result r = ConjugateGradient(tight(GetParam())).minimize(*testing::rosenbrock(), x0);
  EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
  EXPECT_LT((r.x - Vector::Ones(2)).norm(), 1e-6);
  EXPECT_LT(r.iterations, 100);
}

TEST_P(ConjugateGradientBetas, NaNBeyondRadiusEndsWithFiniteBestPoint) {
  Vector x0(2);
  x0 << -1.2, 1.0;
  Result r = ConjugateGradient(tight(GetParam())).minimize(*testing::rosenbrock_nan_beyond(1.6), x0);
  EXPECT_TRUE(std::isfinite(r.value));
  EXPECT_TRUE(r.x.allFinite());
  EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
}

INSTANTIATE_TEST_SUITE_P(AllBetas, ConjugateGradientBetas,
                         ::testing::Values(ConjugateGradientBeta::FletcherReeves,
                                           ConjugateGradientBeta::PolakRibierePlus,
                                           ConjugateGradientBeta::HagerZhang),
                         [](const auto& info) {
                           switch (info.param) {
                             case ConjugateGradientBeta::FletcherReeves:
                               return std::string("fr");
                             case ConjugateGradientBeta::PolakRibierePlus:
                               return std::string("pr_plus");
                             default:
                               return std::string("hz");
                           }
                         });

// With restart every iteration CG is steepest descent with a strong Wolfe search;
// conjugacy must beat it clearly on an ill-conditioned quadratic.
TEST(ConjugateGradient, ConjugacyBeatsSteepestDescent) {
  auto q = make_quadratic(50, 1.0, 1000.0);
  auto o = tight(ConjugateGradientBeta::PolakRibierePlus);
  o.tolerances.max_iterations = 20000;
  Result cg = ConjugateGradient(o).minimize(*q.objective, Vector::Zero(50));
  o.restart_every = 1;
  Result sd = ConjugateGradient(o).minimize(*q.objective, Vector::Zero(50));
  EXPECT_EQ(cg.status, Status::ConvergedGradient);
  EXPECT_LT(10 * cg.iterations, sd.iterations);
}

TEST(ConjugateGradient, InvalidOptionsNameTheOption) {
  const SolverInfo& cg = solvers().find("nonlinear-cg");
  EXPECT_EQ(cg.name, "cg");
  EXPECT_EQ(&solvers().find("conjugate-gradient"), &cg);
  auto f = testing::rosenbrock();
  for (auto [key, value] : {std::pair{"c2", "1e-5"}, {"beta", "dy"}, {"restart_every", "-1"}}) {
    try {
      cg.run(*f, Vector::Zero(2), {{key, value}}, {});
      FAIL() << "expected InvalidArgument for " << key;
    } catch (const InvalidArgument& e) {
      EXPECT_NE(std::string(e.what()).find(key), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace optiml
