// The More-Garbow-Hillstrom set: our formulas and data reproduce the paper's published
// minimal values (the strongest check of a transcription), sizes follow the paper, and
// starting points are the paper's.
#include "optiml/problems/mgh.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "optiml/core/error.hpp"

namespace optiml {
namespace {

// The paper prints 6 significant digits, truncated ("8.21487... 10^-3").
void expect_matches_published(double sum_of_squares, double published, const std::string& what) {
  if (published == 0.0)
    EXPECT_LE(sum_of_squares, 1e-25) << what;
  else
    EXPECT_LE(std::abs(sum_of_squares - published), 1e-5 * std::abs(published))
        << what << ": sum r^2 = " << sum_of_squares << ", published " << published;
}

TEST(Mgh, AllThirtyFiveInThePapersOrder) {
  const auto& specs = mgh_specs();
  ASSERT_EQ(specs.size(), 35u);
  for (int k = 1; k <= 35; ++k) {
    EXPECT_EQ(static_cast<int>(specs[k - 1].function), k);
    EXPECT_EQ(&mgh_spec(static_cast<MghFunction>(k)), &specs[k - 1]);
    const MghProblem p(static_cast<MghFunction>(k));
    EXPECT_EQ(p.dim(), specs[k - 1].n) << specs[k - 1].name;
    EXPECT_EQ(p.num_residuals(), specs[k - 1].m) << specs[k - 1].name;
    EXPECT_GE(p.num_residuals(), p.dim()) << specs[k - 1].name;
  }
}

TEST(Mgh, RecordedMinimaReproduceThePublishedValues) {
  int compared = 0;
  for (const MghSpec& s : mgh_specs()) {
    const TestProblem tp = mgh_problem(s.function);
    SCOPED_TRACE(s.name);
    EXPECT_TRUE(tp.least_squares);
    ASSERT_TRUE(std::isfinite(tp.published_f));
    ASSERT_TRUE(std::isfinite(tp.f_star));
    EXPECT_EQ(tp.published_f, mgh_published_value(s.name));
    expect_matches_published(2 * tp.f_star, tp.published_f, "f_star");
    if (tp.x_star.size()) {
      Vector r;
      tp.as_least_squares()->residuals(tp.x_star, r);
      expect_matches_published(r.squaredNorm(), tp.published_f, "sum r^2 at x_star");
      ++compared;
    }
  }
  EXPECT_EQ(compared, 35);  // every standard size has a recorded minimizer
}

TEST(Mgh, PublishedValuesAtOtherSizes) {
  struct Case {
    MghFunction f;
    Index n;
    double published;
  };
  const Case cases[] = {
      {MghFunction::Watson, 9, 1.39976e-6},
      {MghFunction::Watson, 12, 4.72238e-10},
      {MghFunction::Penalty1, 4, 2.24997e-5},
      {MghFunction::Penalty2, 4, 9.37629e-6},
      {MghFunction::Chebyquad, 8, 3.51687e-3},
      {MghFunction::Chebyquad, 7, 0.0},
      {MghFunction::Chebyquad, 9, 0.0},
      {MghFunction::ExtendedRosenbrock, 2, 0.0},
      {MghFunction::LinearFullRank, 5, 5.0},
      {MghFunction::LinearRank1, 5, 10.0 * 9 / (2 * 21)},
      {MghFunction::LinearRank1ZeroColumns, 5, (100.0 + 30 - 6) / (2 * 17)},
  };
  for (const Case& c : cases) {
    const TestProblem tp = mgh_problem(c.f, c.n);
    SCOPED_TRACE(tp.name + " n = " + std::to_string(c.n));
    EXPECT_NEAR(tp.published_f, c.published, 1e-15 * std::max(1.0, c.published));
    EXPECT_EQ(mgh_published_value(tp.name, c.n), tp.published_f);
    expect_matches_published(2 * tp.f_star, c.published, "f_star");
    if (tp.x_star.size()) {
      Vector r;
      tp.as_least_squares()->residuals(tp.x_star, r);
      expect_matches_published(r.squaredNorm(), c.published, "sum r^2 at x_star");
    }
  }
  // Sizes the paper gives no value for.
  EXPECT_TRUE(std::isnan(mgh_published_value("mgh-watson", 7)));
  EXPECT_TRUE(std::isnan(mgh_problem(MghFunction::Watson, 7).f_star));
  EXPECT_TRUE(std::isnan(mgh_published_value("mgh-chebyquad", 11)));
  EXPECT_THROW(mgh_published_value("mgh-nonsense"), InvalidArgument);
  EXPECT_THROW(mgh_published_value("mgh-watson", 40), InvalidArgument);
}

TEST(Mgh, OtherMinimaMatchThePaper) {
  const TestProblem fr = mgh_problem(MghFunction::FreudensteinRoth);
  ASSERT_EQ(fr.other_minima.size(), 1u);
  expect_matches_published(2 * fr.other_minima[0].second, 48.9842, "Freudenstein-Roth local minimum");
  const TestProblem biggs = mgh_problem(MghFunction::BiggsExp6);
  ASSERT_EQ(biggs.other_minima.size(), 1u);
  expect_matches_published(2 * biggs.other_minima[0].second, 5.65565e-3, "Biggs EXP6 local minimum");
  // Brown almost-linear: F = 1 at (0, ..., 0, n + 1).
  const TestProblem bal = mgh_problem(MghFunction::BrownAlmostLinear);
  Vector corner = Vector::Zero(10);
  corner[9] = 11;
  EXPECT_EQ(bal.objective->value(corner), 0.5);
  // Box 3-D is zero on the whole line x1 = x2, x3 = 0.
  const TestProblem box = mgh_problem(MghFunction::Box3d);
  EXPECT_EQ(box.objective->value((Vector(3) << 2.5, 2.5, 0).finished()), 0.0);
}

TEST(Mgh, StandardStartsAreThePapers) {
  EXPECT_EQ(MghProblem(MghFunction::Meyer).standard_start(), (Vector(3) << 0.02, 4000, 250).finished());
  EXPECT_EQ(MghProblem(MghFunction::Wood).standard_start(), (Vector(4) << -3, -1, -3, -1).finished());
  const Vector dbv = MghProblem(MghFunction::DiscreteBoundaryValue, 4).standard_start();
  EXPECT_DOUBLE_EQ(dbv[0], 0.2 * (0.2 - 1));
  EXPECT_DOUBLE_EQ(dbv[3], 0.8 * (0.8 - 1));
  const Vector vd = MghProblem(MghFunction::VariablyDimensioned, 4).standard_start();
  EXPECT_EQ(vd, (Vector(4) << 0.75, 0.5, 0.25, 0).finished());
  const Vector p1 = MghProblem(MghFunction::Penalty1, 3).standard_start();
  EXPECT_EQ(p1, (Vector(3) << 1, 2, 3).finished());
  // Values at the standard start that the paper's tables imply: Rosenbrock F(x0) = 24.2.
  Vector r;
  MghProblem(MghFunction::Rosenbrock).residuals(MghProblem(MghFunction::Rosenbrock).standard_start(), r);
  EXPECT_NEAR(r.squaredNorm(), 24.2, 1e-13);
}

TEST(Mgh, SizesAreChecked) {
  EXPECT_THROW(MghProblem(MghFunction::Beale, 3), InvalidArgument);
  EXPECT_THROW(MghProblem(MghFunction::ExtendedRosenbrock, 5), InvalidArgument);
  EXPECT_THROW(MghProblem(MghFunction::Watson, 1), InvalidArgument);
  EXPECT_THROW(MghProblem(MghFunction::Gulf, 0, 101), InvalidArgument);       // m <= 100
  EXPECT_THROW(MghProblem(MghFunction::Meyer, 0, 20), InvalidArgument);       // m fixed
  EXPECT_THROW(MghProblem(MghFunction::BrownDennis, 0, 3), InvalidArgument);  // m >= n
  const MghProblem gulf(MghFunction::Gulf, 0, 50);
  EXPECT_EQ(gulf.num_residuals(), 50);
  const MghProblem lin(MghFunction::LinearFullRank, 4, 7);
  EXPECT_EQ(lin.num_residuals(), 7);
  Vector r;
  lin.residuals(Vector::Constant(4, -1.0), r);
  EXPECT_NEAR(r.squaredNorm(), 3.0, 1e-14);  // m - n
  EXPECT_THROW(lin.residuals(Vector::Zero(3), r), InvalidArgument);
  EXPECT_EQ(MghProblem(MghFunction::Penalty2, 5).num_residuals(), 10);
  EXPECT_EQ(MghProblem(MghFunction::VariablyDimensioned, 5).num_residuals(), 7);
  EXPECT_EQ(MghProblem(MghFunction::Watson, 4).num_residuals(), 31);
}

}  // namespace
}  // namespace optiml
