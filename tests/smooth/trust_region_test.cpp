#include "optiml/smooth/trust_region.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "optiml/core/error.hpp"
#include "optiml/problems/functions_2d.hpp"
#include "optiml/problems/quadratic.hpp"
#include "optiml/problems/rosenbrock.hpp"
#include "optiml/solvers.hpp"
#include "second_order_objectives.hpp"

namespace {

using optiml::Result;
using optiml::Settings;
using optiml::StepAcceptance;
using optiml::Status;
using optiml::Vector;
namespace sot = optiml::second_order_testing;

const char* const kSolvers[] = {"trust-dogleg", "trust-steihaug", "trust-cauchy"};

Result run(const std::string& name, const optiml::Objective& f, const Vector& x0, Settings s = {}) {
  return optiml::solvers().find(name).run(f, x0, s, {});
}

TEST(TrustRegion, DoglegAndSteihaugReachRosenbrockMinimum) {
  const auto p = optiml::rosenbrock_problem();
  for (const char* name : {"trust-dogleg", "trust-steihaug"}) {
    const auto r = run(name, *p.objective, p.x0, {{"gtol", "1e-9"}});
    SCOPED_TRACE(name);
    EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
    EXPECT_LT((r.x - p.x_star).lpNorm<Eigen::Infinity>(), 1e-8);
    EXPECT_LT(r.iterations, 40);  // dogleg 25, steihaug 30 (rejected steps included)
  }
}

// The Cauchy point is steepest descent with a model step: linear convergence, so a
// loose tolerance on Rosenbrock and a well-conditioned quadratic.
TEST(TrustRegion, CauchyPointConvergesLinearly) {
  const auto p = optiml::rosenbrock_problem();
  const auto r = run("trust-cauchy", *p.objective, p.x0,
                     {{"gtol", "1e-5"}, {"trace_every", "0"}, {"max_iterations", "100000"}});
  EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
  EXPECT_LT((r.x - p.x_star).lpNorm<Eigen::Infinity>(), 1e-4);
  const auto q = optiml::quadratic_problem(10, 10.0, 2);
  const auto rq = run("trust-cauchy", *q.objective, q.x0, {{"gtol", "1e-9"}, {"ftol", "0"}});
  EXPECT_EQ(rq.status, Status::ConvergedGradient) << rq.message;
  EXPECT_LT((rq.x - q.x_star).norm(), 1e-8 * q.x_star.norm());
  EXPECT_EQ(rq.evaluations.hessian_vector, rq.iterations);  // one product B g per iterate
}

TEST(TrustRegion, SolveStronglyConvexQuadratic) {
  const auto p = optiml::quadratic_problem(40, 1e3, 4);
  for (const char* name : {"trust-dogleg", "trust-steihaug"}) {
    const auto r = run(name, *p.objective, p.x0, {{"gtol", "1e-7"}});
    SCOPED_TRACE(name);
    EXPECT_TRUE(r.success()) << r.message;
    EXPECT_LT((r.x - p.x_star).norm(), 1e-7 * p.x_star.norm());
  }
}

// The ratio test and radius update of N&W Algorithm 4.1, checked on every record.
TEST(TrustRegion, RatioAndRadiusRules) {
  const auto p = optiml::rosenbrock_problem();
  for (const char* name : kSolvers) {
    SCOPED_TRACE(name);
    // A large first radius forces rejections; a small max_radius caps the expansions.
    const auto r = run(name, *p.objective, p.x0,
                       {{"initial_radius", "10"}, {"max_radius", "20"}, {"gtol", "1e-6"}, {"max_iterations", "300"}});
    int rejected = 0, expanded = 0;
    double radius = 10.0;
    for (std::size_t k = 1; k < r.trace.size(); ++k) {
      const auto& rec = r.trace.records[k];
      const auto& prev = r.trace.records[k - 1];
      ASSERT_FALSE(std::isnan(rec.tr_radius));
      ASSERT_FALSE(std::isnan(rec.tr_ratio));
      EXPECT_LE(rec.tr_radius, 20.0);
      EXPECT_LE(rec.step, radius * (1 + 1e-12));  // the step stays in the region
      if (rec.accepted_by == StepAcceptance::TrustRegionRejected) {
        ++rejected;
        EXPECT_LE(rec.tr_ratio, 1e-4);
        EXPECT_LE(rec.tr_radius, 0.25 * radius * (1 + 1e-12));  // shrunk to 1/4 min(radius, |p|)
        EXPECT_EQ(rec.f, prev.f);
      } else {
        ASSERT_EQ(rec.accepted_by, StepAcceptance::TrustRegionAccepted);
        EXPECT_GT(rec.tr_ratio, 1e-4);
        EXPECT_LE(rec.f, prev.f + 1e-14 * std::abs(prev.f));  // rounding-level steps may not decrease f
        if (rec.tr_ratio < 0.25) {
          EXPECT_LT(rec.tr_radius, radius);
        }
        if (rec.tr_radius > radius) {
          ++expanded;
          EXPECT_GT(rec.tr_ratio, 0.75);
          EXPECT_EQ(rec.tr_radius, std::min(2 * radius, 20.0));
        }
      }
      radius = rec.tr_radius;
    }
    EXPECT_GE(rejected, 1);
    if (std::string(name) != "trust-cauchy") {
      EXPECT_GE(expanded, 1);
    }
  }
}

// Himmelblau's Hessian at (0, 0) is negative definite: dogleg runs on the shifted
// Hessian, Steihaug follows negative curvature to the boundary; both must reach a minimum.
TEST(TrustRegion, IndefiniteHessianStillConverges) {
  const auto p = optiml::himmelblau_problem();
  for (const char* name : kSolvers) {
    const auto r = run(name, *p.objective, p.x0, {{"gtol", "1e-9"}});
    SCOPED_TRACE(name);
    EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
    EXPECT_LT(r.value, 1e-15);
  }
  for (const char* name : {"trust-dogleg", "trust-steihaug"}) {
    const auto r = run(name, *sot::saddle(), Vector{{0.5, 0.01}}, {{"gtol", "1e-10"}});
    SCOPED_TRACE(name);
    EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
    EXPECT_NEAR(r.value, -1.0, 1e-12);
  }
}

// Dogleg ends with full Newton steps: quadratic convergence (N&W Theorem 4.9).
TEST(TrustRegion, DoglegConvergesQuadratically) {
  const auto p = optiml::rosenbrock_problem();
  std::vector<double> e;
  std::vector<std::shared_ptr<optiml::Observer>> obs{sot::error_recorder(p.x_star, e)};
  const auto r = optiml::solvers().find("trust-dogleg").run(*p.objective, p.x0, {{"gtol", "1e-13"}}, obs);
  ASSERT_TRUE(r.success()) << r.message;
  int checked = 0;
  for (std::size_t k = 0; k + 1 < e.size(); ++k) {
    if (e[k] > 5e-2 || e[k + 1] < 1e-13 || e[k + 1] == e[k]) continue;
    EXPECT_LT(e[k + 1], 50.0 * e[k] * e[k]) << "iteration " << k;
    ++checked;
  }
  EXPECT_GE(checked, 3);
}

TEST(TrustRegion, SteihaugUsesOnlyHessianVectorProducts) {
  const auto p = optiml::extended_rosenbrock_problem(1000);
  const auto r = run("trust-steihaug", *p.objective, p.x0, {{"gtol", "1e-8"}});
  EXPECT_EQ(r.status, Status::ConvergedGradient) << r.message;
  EXPECT_LT((r.x - p.x_star).lpNorm<Eigen::Infinity>(), 1e-7);
  EXPECT_EQ(r.evaluations.hessian, 0);
  EXPECT_GT(r.evaluations.hessian_vector, 0);
  // Without products from the objective: finite differences of gradients.
  const auto f = sot::convex_softplus(10, false);
  const auto rf = run("trust-steihaug", *f, Vector::Zero(10), {{"gtol", "1e-9"}});
  EXPECT_EQ(rf.status, Status::ConvergedGradient) << rf.message;
  EXPECT_EQ(rf.evaluations.gradient, rf.evaluations.f + rf.evaluations.hessian_vector);
}

// f(x + p) = NaN counts as rho = -inf: the step is rejected and the radius shrinks.
TEST(TrustRegion, NonFiniteValuesShrinkTheRadius) {
  const auto f = sot::nan_beyond_two(3);
  for (const char* name : kSolvers) {
    SCOPED_TRACE(name);
    const auto r = run(name, *f, Vector::Zero(3), {{"initial_radius", "100"}, {"max_radius", "1000"}, {"gtol", "1e-8"}});
    EXPECT_NE(r.status, Status::Running);
    EXPECT_TRUE(r.x.allFinite());
    EXPECT_TRUE(std::isfinite(r.value));
    EXPECT_LT(r.value, 27.0);
    ASSERT_GE(r.trace.size(), 2u);
    EXPECT_EQ(r.trace.records[1].accepted_by, StepAcceptance::TrustRegionRejected);
    EXPECT_EQ(r.trace.records[1].tr_ratio, -std::numeric_limits<double>::infinity());
  }
}

TEST(TrustRegion, RegisteredNamesAndBadOptions) {
  EXPECT_EQ(optiml::solvers().find("dogleg").name, "trust-dogleg");
  EXPECT_EQ(optiml::solvers().find("trust-ncg").name, "trust-steihaug");
  EXPECT_EQ(optiml::solvers().find("steihaug").name, "trust-steihaug");
  EXPECT_EQ(optiml::solvers().find("cauchy-point").name, "trust-cauchy");
  const auto f = sot::saddle();
  for (const char* name : kSolvers) {
    SCOPED_TRACE(name);
    EXPECT_TRUE(optiml::solvers().find(name).uses_hessian);
    EXPECT_THROW(run(name, *f, Vector{{1.0, 1.0}}, {{"initial_radius", "0"}}), optiml::InvalidArgument);
    EXPECT_THROW(run(name, *f, Vector{{1.0, 1.0}}, {{"initial_radius", "5"}, {"max_radius", "1"}}),
                 optiml::InvalidArgument);
    EXPECT_THROW(run(name, *f, Vector{{1.0, 1.0}}, {{"eta", "0.5"}}), optiml::InvalidArgument);
    EXPECT_THROW(run(name, *f, Vector{{1.0, 1.0, 1.0}}), optiml::InvalidArgument);
  }
  EXPECT_THROW(run("trust-cauchy", *f, Vector{{1.0, 1.0}}, {{"max_cg_iterations", "3"}}), optiml::InvalidArgument);
  optiml::TrustRegionDogleg::Options o;
  o.beta = 0;
  EXPECT_THROW(optiml::TrustRegionDogleg(o).minimize(*f, Vector{{1.0, 1.0}}), optiml::InvalidArgument);
}

}  // namespace
