// End-to-end tests of the optiml tool: each runs the built binary through popen.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "optiml/core/json.hpp"
#include "optiml/core/trace.hpp"
#include "optiml/problems/test_problem.hpp"
#include "optiml/solvers.hpp"

namespace {

namespace fs = std::filesystem;

struct ToolRun {
  int status = -1;
  std::string out, err;
};

class Tool : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("optiml_cli_" + std::to_string(::getpid()) + "_" + info->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  ToolRun run(const std::string& args) const {
    const std::string err_path = path("stderr.txt");
    const std::string cmd = std::string(OPTIML_TOOL) + " " + args + " 2>" + err_path;
    ToolRun r;
    FILE* pipe = ::popen(cmd.c_str(), "r");
    if (!pipe) return r;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
    const int raw = ::pclose(pipe);
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.err = optiml::read_file(err_path);
    return r;
  }

  fs::path dir_;
};

// A solver that any build has (the lead registers L-BFGS first).
constexpr const char* kSolver = "lbfgs";

TEST_F(Tool, MinimizeJsonOnRosenbrockIsOneConvergedObject) {
  const ToolRun r =
      run(std::string("minimize --problem rosenbrock --solver ") + kSolver + " --option gtol=1e-9 --json");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const optiml::Json j = optiml::Json::parse(r.out);  // the whole stdout is the object
  ASSERT_TRUE(j.is_object());
  EXPECT_EQ(j.at("status").string().rfind("converged-", 0), 0u) << r.out;
  EXPECT_LT(j.at("value").number(), 1e-10);
  ASSERT_EQ(j.at("x").array().size(), 2u);
  EXPECT_NEAR(j.at("x").array()[0].number(), 1.0, 1e-5);
  EXPECT_NEAR(j.at("x").array()[1].number(), 1.0, 1e-5);
}

TEST_F(Tool, MinimizePrintsTheSummary) {
  const ToolRun r = run(std::string("minimize --problem rosenbrock --solver ") + kSolver);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("problem rosenbrock (n = 2"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("iterations"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("converged-"), std::string::npos) << r.out;
}

// A start where f overflows ends the run with a status, not an error.
TEST_F(Tool, NumericalFailureIsAResultNotAnError) {
  const ToolRun r =
      run(std::string("minimize --problem rosenbrock --solver ") + kSolver + " --x0 1e200,1e200 --json");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(optiml::Json::parse(r.out).at("status").string(), "numerical-error") << r.out;
}

// Every error class: a non-zero exit, nothing on stdout and one stderr line naming the culprit.
TEST_F(Tool, BadInputGivesOneErrorLineNamingTheCulprit) {
  const std::string base = std::string("minimize --problem rosenbrock --solver ") + kSolver;
  std::ofstream(path("broken.json")) << "{\"format\": \"optiml-run\",\n  \"x0\": [1, 2,\n";
  std::ofstream(path("other.json")) << "{\"hello\": 1}\n";
  struct Case {
    std::string args;
    int status;
    std::string culprit;
  };
  const std::vector<Case> cases = {
      {"", 2, "missing command"},
      {"frobnicate", 2, "frobnicate"},
      {"minimize --problem rosenbrock", 2, "--solver"},
      {base + " --bogus", 2, "--bogus"},
      {"list things", 2, "things"},
      {"minimize --problem no-such-problem --solver " + std::string(kSolver), 1, "no-such-problem"},
      {"minimize --problem rosenbrock --solver no-such-solver", 1, "no-such-solver"},
      {base + " --option bogus_option=1", 1, "bogus_option"},
      {base + " --option max_iterations=many", 1, "max_iterations"},
      {base + " --option gtol=-1", 1, "gtol"},
      {base + " --option gtol", 1, "gtol"},
      {base + " --dim 0", 1, "--dim"},
      {base + " --dim 7", 1, "7"},
      {"minimize --problem extended-rosenbrock --dim 7 --solver " + std::string(kSolver), 1, "7"},
      {base + " --x0 1,2,3", 1, "--x0"},
      {base + " --x0 1,nan", 1, "--x0"},
      {base + " --x0 1,abc", 1, "abc"},
      {base + " --trace " + path("trace.txt"), 1, "trace.txt"},
      {"compare --problem rosenbrock --solvers " + std::string(kSolver) + " --option bogus_option=2", 1,
       "bogus_option"},
      {"compare --problem rosenbrock --solvers " + std::string(kSolver) + ",no-such-solver", 1,
       "no-such-solver"},
      {"replay " + path("missing.json"), 1, "missing.json"},
      {"replay " + path("broken.json"), 1, "broken.json:"},
      {"replay " + path("other.json"), 1, "not a run manifest"},
  };
  for (const auto& c : cases) {
    const ToolRun r = run(c.args);
    EXPECT_EQ(r.status, c.status) << c.args << "\n" << r.err;
    EXPECT_EQ(r.out, "") << c.args;
    EXPECT_EQ(r.err.rfind("optiml: error: ", 0), 0u) << c.args << "\n" << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << c.args << "\n" << r.err;
    EXPECT_NE(r.err.find(c.culprit), std::string::npos) << c.args << "\n" << r.err;
  }
}

TEST_F(Tool, HelpAndVersion) {
  const ToolRun help = run("help");
  EXPECT_EQ(help.status, 0);
  for (const char* cmd : {"minimize", "compare", "list", "replay", "tour"})
    EXPECT_NE(help.out.find(cmd), std::string::npos) << cmd;
  const ToolRun minimize_help = run("minimize --help");
  EXPECT_EQ(minimize_help.status, 0);
  EXPECT_NE(minimize_help.out.find("--save-run"), std::string::npos);
  EXPECT_EQ(run("--version").out, std::string("optiml ") + OPTIML_VERSION + "\n");
}

TEST_F(Tool, ListSolversShowsEveryOptionWithTypeDefaultRangeAndDoc) {
  const ToolRun text = run("list solvers");
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_NE(text.out.find(kSolver), std::string::npos);
  EXPECT_NE(text.out.find("max_iterations"), std::string::npos);
  const ToolRun json = run("list solvers --json");
  ASSERT_EQ(json.status, 0) << json.err;
  const optiml::Json j = optiml::Json::parse(json.out);
  ASSERT_EQ(j.array().size(), optiml::solvers().all().size());
  for (const auto& s : j.array()) {
    const auto& info = optiml::solvers().find(s.at("name").string());
    ASSERT_EQ(s.at("options").array().size(), info.options.size());
    for (const auto& o : s.at("options").array())
      for (const char* key : {"name", "type", "default", "range", "doc"})
        EXPECT_FALSE(o.at(key).string().empty()) << s.at("name").string() << " " << key;
  }
}

TEST_F(Tool, ListProblemsShowsTheCatalog) {
  const ToolRun text = run("list problems");
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_NE(text.out.find("rosenbrock"), std::string::npos);
  const ToolRun json = run("list problems --json");
  ASSERT_EQ(json.status, 0) << json.err;
  const optiml::Json j = optiml::Json::parse(json.out);
  ASSERT_EQ(j.array().size(), optiml::problem_catalog().size());
  EXPECT_EQ(j.array()[0].at("name").string(), optiml::problem_catalog()[0].name);
}

TEST_F(Tool, TraceFilesReadBackWithOneRowPerIteration) {
  for (const char* name : {"trace.csv", "trace.json"}) {
    const ToolRun r =
        run(std::string("minimize --problem beale --solver ") + kSolver + " --json --trace " + path(name));
    ASSERT_EQ(r.status, 0) << r.err;
    const long iterations = static_cast<long>(optiml::Json::parse(r.out).at("iterations").number());
    const optiml::Trace t = optiml::Trace::load(path(name));
    ASSERT_EQ(static_cast<long>(t.size()), iterations + 1) << name;  // iteration 0 and every iteration
    EXPECT_EQ(t.records.front().iteration, 0);
    EXPECT_EQ(t.records.back().iteration, iterations);
  }
}

TEST_F(Tool, SavedRunReplaysBitIdentically) {
  const std::string manifest = path("run.json");
  std::string x0;  // a non-standard start, recorded in the manifest
  for (int i = 0; i < 30; ++i) {
    if (i) x0 += ',';
    x0 += i % 2 ? "1.1" : "-0.3";
  }
  const ToolRun r = run("minimize --problem extended-rosenbrock --dim 30 --solver " + std::string(kSolver) +
                        " --x0 " + x0 + " --save-run " + manifest);
  ASSERT_EQ(r.status, 0) << r.err;
  const ToolRun replay = run("replay " + manifest);
  EXPECT_EQ(replay.status, 0) << replay.out << replay.err;
  EXPECT_NE(replay.out.find("bit-identical"), std::string::npos) << replay.out;

  // The manifest records every option, defaults included, and every digit of x.
  optiml::Json j = optiml::Json::parse(optiml::read_file(manifest));
  EXPECT_EQ(j.at("options").object().size(), optiml::solvers().find(kSolver).options.size());
  EXPECT_EQ(j.at("result").at("x").array().size(), 30u);
  // A recording that differs in the last bit of one component is reported.
  auto& x = j["result"]["x"].array();
  x[7] = optiml::Json(std::nextafter(x[7].number(), 10.0));
  optiml::write_file_atomically(path("tampered.json"), j.dump(2));
  const ToolRun differs = run("replay " + path("tampered.json"));
  EXPECT_EQ(differs.status, 1);
  EXPECT_NE(differs.out.find("x[7]"), std::string::npos) << differs.out;
}

TEST_F(Tool, CompareHasARowPerSolverAndNotApplicableRows) {
  std::vector<std::string> names;
  std::string ls_only;
  for (const auto& s : optiml::solvers().all()) {
    if (s.least_squares_only) {
      if (ls_only.empty()) ls_only = s.name;
    } else if (names.size() < 4) {
      names.push_back(s.name);
    }
  }
  if (!ls_only.empty()) names.push_back(ls_only);
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ",") + n;
  // A problem without residuals, so that least-squares-only solvers do not apply.
  std::string problem;
  for (const auto& p : optiml::problem_catalog())
    if (!p.least_squares && problem.empty()) problem = p.name;
  ASSERT_FALSE(problem.empty());
  const std::string trace_dir = path("traces");
  const ToolRun r = run("compare --problem " + problem + " --solvers " + list +
                        " --option max_iterations=500 --trace-dir " + trace_dir);
  ASSERT_EQ(r.status, 0) << r.err;
  for (const auto& n : names) {
    const std::size_t at = r.out.find("\n" + n + " ");
    ASSERT_NE(at, std::string::npos) << n << "\n" << r.out;
    const std::string row = r.out.substr(at + 1, r.out.find('\n', at + 1) - at - 1);
    if (n == ls_only) {
      EXPECT_NE(row.find("not applicable"), std::string::npos) << row;
    } else {
      EXPECT_TRUE(fs::exists(trace_dir + "/" + n + ".csv")) << n;
    }
  }
  const ToolRun json = run("compare --problem " + problem + " --solvers " + list + " --json");
  ASSERT_EQ(json.status, 0) << json.err;
  const optiml::Json j = optiml::Json::parse(json.out);
  ASSERT_EQ(j.array().size(), names.size());
  for (std::size_t i = 0; i < names.size(); ++i) EXPECT_EQ(j.array()[i].at("solver").string(), names[i]);
}

}  // namespace

namespace {

// A separable two-class LIBSVM file: label 1 when x1 > x2.
void write_classes(const std::string& file, int n, int offset) {
  std::ofstream out(file);
  for (int i = 0; i < n; ++i) {
    const double a = std::sin(1.3 * (i + offset)), b = std::cos(0.7 * (i + offset));
    out << (a > b ? 1 : 0) << " 1:" << a << " 2:" << b << "\n";
  }
}

TEST_F(Tool, TrainFitsEveryModelAndReportsTestMetrics) {
  write_classes(path("train.svm"), 200, 0);
  write_classes(path("test.svm"), 80, 1000);
  for (const char* model : {"logreg", "linsvc", "perceptron"}) {
    const ToolRun r = run(std::string("train --model ") + model + " --data " + path("train.svm") + " --test " +
                          path("test.svm") + " --json");
    ASSERT_EQ(r.status, 0) << model << ": " << r.err;
    const optiml::Json j = optiml::Json::parse(r.out);
    EXPECT_EQ(j.at("n_train").number(), 200) << model;
    EXPECT_GT(j.at("test_accuracy").number(), 0.9) << model;
  }
  {
    std::ofstream csv(path("reg.csv"));
    for (int i = 0; i < 50; ++i) csv << i * 0.1 << "," << std::sin(i) << "," << 2.0 * i * 0.1 - std::sin(i) + 1 << "\n";
  }
  const ToolRun r = run("train --model linreg --data " + path("reg.csv") + " --trace " + path("t.csv"));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("train R^2       1.0000"), std::string::npos) << r.out;
}

TEST_F(Tool, TrainRejectsBadInputWithOneLine) {
  write_classes(path("train.svm"), 20, 0);
  struct Case {
    std::string args, message;
  };
  for (const Case& c : {Case{"train --model tree --data " + path("train.svm"), "--model: 'tree' is not one of"},
                        Case{"train --model logreg", "give exactly one of --data and --dataset"},
                        Case{"train --model logreg --data " + path("missing.svm"), "cannot open"},
                        Case{"train --model logreg --data " + path("train.svm") + " --C -1", "--C: must be > 0"},
                        Case{"train --model logreg --data " + path("x.dat"), "cannot tell the format"},
                        Case{"train --model logreg --dataset iris", "--dataset: 'iris'"}}) {
    const ToolRun r = run(c.args);
    EXPECT_EQ(r.status, 1) << c.args;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << c.args << " -> " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
  {
    std::ofstream bad(path("bad.svm"));
    bad << "1 1:0.5\n0 1:abc\n";
  }
  const ToolRun r = run("train --model logreg --data " + path("bad.svm"));
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("bad.svm:2:"), std::string::npos) << r.err;
}

}  // namespace

namespace {

TEST_F(Tool, TrainReadsIdxImagesWithTheirLabels) {
  const std::string dir = "/usr/share/datasets/fashion-mnist/";
  if (!fs::exists(dir + "t10k-images-idx3-ubyte.gz")) GTEST_SKIP() << "dataset-fashion-mnist is not installed";
  const ToolRun r = run("train --model perceptron --max-iter 2 --data " + dir + "t10k-images-idx3-ubyte.gz --labels " +
                        dir + "t10k-labels-idx1-ubyte.gz --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const optiml::Json j = optiml::Json::parse(r.out);
  EXPECT_EQ(j.at("n_train").number(), 10000);
  EXPECT_EQ(j.at("n_features").number(), 784);
  const ToolRun missing = run("train --model logreg --data " + dir + "t10k-images-idx3-ubyte.gz");
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.err.find("--labels is required with idx features"), std::string::npos) << missing.err;
}

}  // namespace
