#include "run_manifest.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "optiml/core/error.hpp"

namespace {

optiml::Result sample_result() {
  optiml::Result r;
  r.solver = "lbfgs";
  r.x.resize(5);
  // Values whose shortest decimal form is long, a denormal and a negative zero.
  r.x << 1.0 / 3.0, std::nextafter(1.0, 2.0), 4.9e-324, -0.0, 0.1 + 0.2;
  r.value = 1.0 / 7.0 * 1e-17;
  r.optimality = 3e-9;
  r.status = optiml::Status::ConvergedGradient;
  r.iterations = 36;
  r.evaluations.f = 45;
  r.evaluations.gradient = 45;
  r.evaluations.hessian_vector = 3;
  optiml::IterationRecord rec;
  rec.f = 24.2;
  r.trace.records.push_back(rec);
  return r;
}

optiml::cli::RunManifest round_trip(const optiml::Json& j) {
  return optiml::cli::parse_manifest(optiml::Json::parse(j.dump(2), "m.json"), "m.json");
}

TEST(RunManifest, RoundTripsEveryBitAndTheOptions) {
  const optiml::Result r = sample_result();
  optiml::Vector x0(5);
  x0 << -1.2, 1.0, 0.1, 1e300, 2.0 / 3.0;
  const optiml::Settings opts = {{"gtol", "1e-06"}, {"memory", "10"}, {"max_seconds", "inf"}};
  const auto m = round_trip(optiml::cli::manifest_json("rosenbrock", x0, "lbfgs", opts, r));
  EXPECT_EQ(m.problem, "rosenbrock");
  EXPECT_EQ(m.dim, 5);
  EXPECT_EQ(m.solver, "lbfgs");
  EXPECT_EQ(m.options, opts);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(m.x0[i], x0[i]);
  EXPECT_TRUE(std::signbit(m.x[3]));
  EXPECT_TRUE(optiml::cli::manifest_differences(m, r).empty());
}

TEST(RunManifest, ReportsEachDifference) {
  const optiml::Result r = sample_result();
  const auto m = round_trip(optiml::cli::manifest_json("rosenbrock", r.x, "lbfgs", {}, r));
  optiml::Result changed = r;
  changed.x[1] = 1.0;  // one ulp away
  changed.iterations = 37;
  changed.evaluations.gradient = 46;
  const auto diffs = optiml::cli::manifest_differences(m, changed);
  ASSERT_EQ(diffs.size(), 3u);
  EXPECT_NE(diffs[0].find("iterations: recorded 36, replayed 37"), std::string::npos) << diffs[0];
  EXPECT_NE(diffs[1].find("gradient"), std::string::npos) << diffs[1];
  EXPECT_NE(diffs[2].find("x[1]"), std::string::npos) << diffs[2];
  changed = r;
  changed.x[3] = 0.0;  // +0 and -0 compare equal but are different bits
  EXPECT_EQ(optiml::cli::manifest_differences(m, changed).size(), 1u);
}

TEST(RunManifest, RejectsWhatIsNotAManifestNamingTheField) {
  const optiml::Result r = sample_result();
  auto expect_error = [](const optiml::Json& j, const std::string& culprit) {
    try {
      optiml::cli::parse_manifest(j, "m.json");
      ADD_FAILURE() << "accepted; expected an error naming " << culprit;
    } catch (const optiml::InvalidArgument& e) {
      EXPECT_NE(std::string(e.what()).find(culprit), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("m.json"), std::string::npos) << e.what();
    }
  };
  expect_error(optiml::Json::parse("[1, 2]"), "not a run manifest");
  expect_error(optiml::Json::parse("{\"x\": 1}"), "not a run manifest");
  const optiml::Json good = optiml::cli::manifest_json("beale", r.x, "lbfgs", {}, r);
  optiml::Json j = good;
  j.object().erase(j.object().begin() + 5);  // "solver"
  expect_error(j, "solver");
  j = good;
  j["x0"] = optiml::Json::Array{optiml::Json(1.0), optiml::Json("one")};
  expect_error(j, "x0");
  j = good;
  j["result"]["evaluations"]["f"] = 1.5;
  expect_error(j, "result.evaluations.f");
  EXPECT_THROW(optiml::Json::parse("{\"format\": ", "m.json"), optiml::ParseError);
}

}  // namespace
