// Every registered solver on every More-Garbow-Hillstrom problem: prints the
// table (problem, solver, f reached, f*) and fails when a solver stops
// solving a problem that tests/smooth/mgh_solved.txt records as solved.
// OPTIML_UPDATE_MGH=1 rewrites that file from the current results.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "conformance.hpp"
#include "optiml/problems/test_problem.hpp"
#include "optiml/solvers.hpp"

namespace {

const std::string kSolvedFile = std::string(OPTIML_SOURCE_DIR) + "/tests/smooth/mgh_solved.txt";

std::set<std::string> read_solved() {
  std::set<std::string> out;
  std::ifstream in(kSolvedFile);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty() && line[0] != '#') out.insert(line);
  return out;
}

TEST(MghTable, SolversKeepSolvingWhatTheySolved) {
  const auto solved_before = read_solved();
  std::set<std::string> solved_now;
  std::ostringstream table;
  table << "problem                          solver               status                 f reached        f* (1/2 sum r^2)\n";
  int problems = 0;
  for (const auto& info : optiml::problem_catalog()) {
    if (info.family != "mgh") continue;
    ++problems;
    const optiml::TestProblem p = info.make(0);
    for (const auto& s : optiml::solvers().all()) {
      if (s.least_squares_only && !p.least_squares) continue;
      const auto outcome = optiml::testing::run_on_problem(s, p);
      const std::string key = info.name + " " + s.name;
      if (outcome.global) solved_now.insert(key);
      char row[256];
      std::snprintf(row, sizeof row, "%-32s %-20s %-22s %-16.9e %-16.9e%s\n", info.name.c_str(), s.name.c_str(),
                    outcome.status.c_str(), outcome.f, p.f_star, outcome.global ? "" : outcome.solved ? "  (another local minimum)" : "  (not solved)");
      table << row;
    }
  }
  std::printf("%s", table.str().c_str());
  EXPECT_GE(problems, 25);
  if (std::getenv("OPTIML_UPDATE_MGH")) {
    std::ofstream out(kSolvedFile);
    out << "# (problem, solver) pairs that reach the published minimum; written by\n"
           "# OPTIML_UPDATE_MGH=1 build/bin/smooth_tests --gtest_filter=MghTable.*\n";
    for (const auto& k : solved_now) out << k << "\n";
    return;
  }
  for (const auto& k : solved_before)
    EXPECT_TRUE(solved_now.count(k)) << "regression: " << k << " no longer reaches the published minimum";
  EXPECT_FALSE(solved_before.empty()) << "tests/smooth/mgh_solved.txt is missing or empty";
}

}  // namespace
