#include "optiml/core/trace.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <sstream>

#include "optiml/core/error.hpp"
#include "optiml/core/json.hpp"
#include "optiml/core/result.hpp"

namespace {

optiml::Trace sample() {
  optiml::Trace t;
  const std::size_t acc = t.extra_column("test_accuracy");
  for (long k = 0; k < 5; ++k) {
    optiml::IterationRecord r;
    r.iteration = k;
    r.time = 0.001 * k + 1e-7;
    r.f = 1.0 / (k + 3.0);
    r.optimality = std::pow(0.1, k);
    r.step = k == 0 ? optiml::kNotApplicable : 0.5;
    r.ls_trials = k;
    r.accepted_by = k == 0 ? optiml::StepAcceptance::None : optiml::StepAcceptance::StrongWolfe;
    r.tr_radius = 2.0 * k;
    r.f_evals = 2 * k + 1;
    r.g_evals = k + 1;
    r.extra.resize(acc + 1);
    r.extra[acc] = 0.9 + 0.01 * k;
    t.records.push_back(r);
  }
  return t;
}

void expect_same(const optiml::Trace& a, const optiml::Trace& b) {
  ASSERT_EQ(a.size(), b.size());
  ASSERT_EQ(a.extra_names, b.extra_names);
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto &x = a.records[i], &y = b.records[i];
    EXPECT_EQ(x.iteration, y.iteration);
    EXPECT_EQ(x.time, y.time);
    EXPECT_EQ(x.f, y.f);
    EXPECT_EQ(x.optimality, y.optimality);
    EXPECT_TRUE(x.step == y.step || (std::isnan(x.step) && std::isnan(y.step)));
    EXPECT_TRUE(std::isnan(y.tr_ratio));
    EXPECT_EQ(x.ls_trials, y.ls_trials);
    EXPECT_EQ(x.accepted_by, y.accepted_by);
    EXPECT_EQ(x.f_evals, y.f_evals);
    EXPECT_EQ(x.extra, y.extra);
  }
}

TEST(Trace, CsvRoundTrip) {
  auto t = sample();
  std::stringstream ss;
  t.write_csv(ss);
  EXPECT_EQ(ss.str().substr(0, 9), "iteration");
  expect_same(t, optiml::Trace::read_csv(ss));
}

TEST(Trace, JsonRoundTrip) {
  auto t = sample();
  expect_same(t, optiml::Trace::from_json(t.to_json()));
}

TEST(Trace, SaveAndLoadByExtension) {
  namespace fs = std::filesystem;
  auto dir = fs::temp_directory_path() / "optiml_trace_test";
  fs::create_directories(dir);
  auto t = sample();
  for (const char* name : {"t.csv", "t.json"}) {
    const std::string p = (dir / name).string();
    t.save(p);
    expect_same(t, optiml::Trace::load(p));
  }
  EXPECT_THROW(t.save((dir / "t.txt").string()), optiml::InvalidArgument);
  fs::remove_all(dir);
}

TEST(Trace, CsvErrorsNameFileAndLine) {
  std::stringstream ss;
  sample().write_csv(ss);
  std::string text = ss.str();
  text.replace(text.find("strong-wolfe"), 12, "sideways");
  std::stringstream bad(text);
  try {
    optiml::Trace::read_csv(bad, "run.csv");
    FAIL();
  } catch (const optiml::ParseError& e) {
    EXPECT_EQ(e.line(), 3);
    EXPECT_NE(std::string(e.what()).find("run.csv:3:"), std::string::npos);
  }
  std::stringstream short_row("iteration,time\n1,2\n");
  EXPECT_THROW(optiml::Trace::read_csv(short_row, "x.csv"), optiml::ParseError);
}

TEST(Result, JsonAndSummary) {
  optiml::Result r;
  r.solver = "lbfgs";
  r.x = optiml::Vector::Constant(3, 1.0 / 3.0);
  r.value = 1e-12;
  r.status = optiml::Status::ConvergedGradient;
  r.iterations = 12;
  r.evaluations.f = 15;
  auto j = optiml::Json::parse(r.to_json(true));
  EXPECT_EQ(j.at("status").string(), "converged-gradient");
  EXPECT_TRUE(j.at("success").boolean());
  EXPECT_EQ(j.at("x").array()[1].number(), 1.0 / 3.0);
  EXPECT_EQ(j.at("evaluations").at("f").number(), 15);
  EXPECT_NE(r.summary().find("converged-gradient"), std::string::npos);
}

}  // namespace
