#include "arguments.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "optiml/core/error.hpp"

namespace {

using optiml::cli::Arguments;
using optiml::cli::parse_arguments;
using optiml::cli::UsageError;

TEST(Arguments, ParsesFlagsInBothSpellingsAndKeepsRepeatedOptionsInOrder) {
  const Arguments a = parse_arguments({"minimize", "--problem", "rosenbrock", "--solver=lbfgs", "--option",
                                       "memory=5", "--option=gtol=1e-9", "--x0", "-1.2,1", "--json"});
  EXPECT_EQ(a.command, "minimize");
  EXPECT_EQ(a.value("--problem"), "rosenbrock");
  EXPECT_EQ(a.value("--solver"), "lbfgs");
  EXPECT_EQ(a.values("--option"), (std::vector<std::string>{"memory=5", "gtol=1e-9"}));
  EXPECT_EQ(a.value("--x0"), "-1.2,1");  // a value may start with '-'
  EXPECT_TRUE(a.has("--json"));
  EXPECT_FALSE(a.has("--trace"));
  EXPECT_FALSE(a.value("--dim").has_value());
  EXPECT_FALSE(a.help);
}

TEST(Arguments, OperandsAndHelp) {
  const Arguments list = parse_arguments({"list", "solvers", "--json"});
  EXPECT_EQ(list.operands, std::vector<std::string>{"solvers"});
  // --help skips the required-flag checks.
  EXPECT_TRUE(parse_arguments({"minimize", "--help"}).help);
  EXPECT_EQ(parse_arguments({"--help"}).command, "help");
  EXPECT_EQ(parse_arguments({"--version"}).command, "version");
}

// Each malformed command line throws a UsageError whose message names the culprit.
TEST(Arguments, UsageErrorsNameTheCulprit) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{}, "missing command"},
      {{"frobnicate"}, "frobnicate"},
      {{"--problem", "x"}, "--problem"},
      {{"minimize", "--solver", "lbfgs"}, "--problem"},
      {{"minimize", "--problem", "rosenbrock"}, "--solver"},
      {{"minimize", "--problem", "rosenbrock", "--solver"}, "--solver"},
      {{"minimize", "--problem", "a", "--problem", "b", "--solver", "s"}, "--problem"},
      {{"minimize", "--problem", "a", "--solver", "s", "--bogus"}, "--bogus"},
      {{"minimize", "--problem", "a", "--solver", "s", "--json=1"}, "--json"},
      {{"minimize", "--problem", "a", "--solver", "s", "stray"}, "stray"},
      {{"list"}, "problems|solvers"},
      {{"list", "problems", "solvers"}, "solvers"},
      {{"replay"}, "FILE"},
  };
  for (const auto& [words, culprit] : cases) {
    try {
      parse_arguments(words);
      ADD_FAILURE() << "no error for culprit " << culprit;
    } catch (const UsageError& e) {
      EXPECT_NE(std::string(e.what()).find(culprit), std::string::npos) << e.what();
    }
  }
}

TEST(Arguments, SplitList) {
  EXPECT_EQ(optiml::cli::split_list("lbfgs, bfgs ,cg", "--solvers"),
            (std::vector<std::string>{"lbfgs", "bfgs", "cg"}));
  EXPECT_THROW(optiml::cli::split_list("lbfgs,,cg", "--solvers"), UsageError);
  EXPECT_THROW(optiml::cli::split_list("", "--solvers"), UsageError);
}

TEST(Arguments, ParseVectorReadsEveryDigitAndRejectsBadItems) {
  const optiml::Vector v = optiml::cli::parse_vector("-1.2, 1,0.1,1e-300", "--x0");
  ASSERT_EQ(v.size(), 4);
  EXPECT_EQ(v[0], -1.2);
  EXPECT_EQ(v[2], 0.1);
  EXPECT_EQ(v[3], 1e-300);
  for (const char* bad : {"1,abc", "1,nan", "inf,1", "1,", "1;2"}) {
    try {
      optiml::cli::parse_vector(bad, "--x0");
      ADD_FAILURE() << bad;
    } catch (const optiml::InvalidArgument& e) {
      EXPECT_NE(std::string(e.what()).find("--x0"), std::string::npos) << e.what();
    }
  }
}

TEST(Arguments, PositiveIndex) {
  EXPECT_EQ(optiml::cli::parse_positive_index("1000", "--dim"), 1000);
  EXPECT_THROW(optiml::cli::parse_positive_index("0", "--dim"), optiml::InvalidArgument);
  EXPECT_THROW(optiml::cli::parse_positive_index("-3", "--dim"), optiml::InvalidArgument);
  EXPECT_THROW(optiml::cli::parse_positive_index("ten", "--dim"), optiml::InvalidArgument);
}

TEST(Arguments, HelpTextListsEveryCommandAndFlag) {
  const std::string all = optiml::cli::usage_text();
  for (const auto& spec : optiml::cli::command_specs()) {
    EXPECT_NE(all.find(spec.name), std::string::npos) << spec.name;
    const std::string one = optiml::cli::command_usage_text(spec);
    for (const auto& f : spec.flags) EXPECT_NE(one.find(f.name), std::string::npos) << spec.name << f.name;
  }
}

}  // namespace
