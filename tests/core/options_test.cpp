#include "optiml/core/options.hpp"

#include <gtest/gtest.h>

#include "optiml/core/solver_options.hpp"
#include "optiml/core/status.hpp"

namespace {

enum class Color { Red, Green };
}  // namespace

template <>
struct optiml::EnumNames<Color> {
  static constexpr std::pair<Color, const char*> table[] = {{Color::Red, "red"}, {Color::Green, "green"}};
};

namespace {

struct Opts : optiml::SolverOptions {
  double rate = 0.5;
  long memory = 10;
  bool flag = false;
  Color color = Color::Red;
};

const optiml::OptionTable<Opts>& table() {
  static const optiml::OptionTable<Opts> t = [] {
    optiml::OptionTable<Opts> t("demo");
    optiml::add_common_options(t);
    t.add("rate", [](Opts& o) -> double& { return o.rate; }, "a rate", 0.0, 1.0);
    t.add<long>("memory", [](Opts& o) -> long& { return o.memory; }, "pairs", 1, 100);
    t.add("flag", [](Opts& o) -> bool& { return o.flag; }, "a flag");
    t.add<Color>("color", [](Opts& o) -> Color& { return o.color; }, "a color");
    return t;
  }();
  return t;
}

TEST(Options, AppliesSettingsByName) {
  Opts o;
  table().apply(o, {{"rate", "0.25"}, {"memory", "20"}, {"flag", "true"}, {"color", "green"},
                    {"gtol", "1e-9"}, {"max_iterations", "1e3"}});
  EXPECT_EQ(o.rate, 0.25);
  EXPECT_EQ(o.memory, 20);
  EXPECT_TRUE(o.flag);
  EXPECT_EQ(o.color, Color::Green);
  EXPECT_EQ(o.tolerances.gtol, 1e-9);
  EXPECT_EQ(o.tolerances.max_iterations, 1000);
  table().validate(o);
}

TEST(Options, ErrorsNameTheCulprit) {
  Opts o;
  auto message = [&](const optiml::Settings& s) {
    try {
      table().apply(o, s);
      table().validate(o);
    } catch (const optiml::InvalidArgument& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message({{"nope", "1"}}).find("unknown option 'nope' for demo; valid options: gtol"), std::string::npos);
  EXPECT_NE(message({{"rate", "abc"}}).find("option 'rate' of demo: 'abc' is not a number"), std::string::npos);
  EXPECT_NE(message({{"memory", "2.5"}}).find("is not an integer"), std::string::npos);
  EXPECT_NE(message({{"color", "blue"}}).find("'blue' is not one of: red, green"), std::string::npos);
  EXPECT_NE(message({{"rate", "2"}}).find("option 'rate' of demo = 2 is outside [0, 1]"), std::string::npos);
  EXPECT_NE(message({{"flag", "maybe"}}).find("not a boolean"), std::string::npos);
  EXPECT_THROW(optiml::split_setting("memory"), optiml::InvalidArgument);
  EXPECT_EQ(optiml::split_setting("a=b=c").second, "b=c");
}

TEST(Options, DescribeAndValuesRoundTrip) {
  auto info = table().describe();
  ASSERT_FALSE(info.empty());
  bool found = false;
  for (const auto& i : info)
    if (i.name == "rate") {
      found = true;
      EXPECT_EQ(i.default_value, "0.5");
      EXPECT_EQ(i.range, "[0, 1]");
    }
  EXPECT_TRUE(found);
  Opts o;
  o.rate = 0.1 + 0.2;  // not exactly representable as a short decimal
  auto values = table().values(o);
  Opts back;
  table().apply(back, values);
  EXPECT_EQ(back.rate, o.rate);
  EXPECT_EQ(back.tolerances.max_seconds, o.tolerances.max_seconds);  // "inf" round-trips
}

TEST(Options, EnumNamesConvertBothWays) {
  for (const auto& [s, name] : optiml::EnumNames<optiml::Status>::table)
    EXPECT_EQ(optiml::enum_from_string<optiml::Status>(name), s);
  EXPECT_THROW(optiml::enum_from_string<optiml::Status>("bogus"), optiml::InvalidArgument);
}

TEST(Options, ParsesNumbers) {
  EXPECT_EQ(optiml::parse_double("+1.5", "x"), 1.5);
  EXPECT_TRUE(std::isinf(optiml::parse_double("inf", "x")));
  EXPECT_THROW(optiml::parse_double("1.5x", "x"), optiml::InvalidArgument);
  EXPECT_THROW(optiml::parse_double("", "x"), optiml::InvalidArgument);
  EXPECT_EQ(optiml::parse_long("-42", "x"), -42);
  EXPECT_EQ(optiml::format_double(0.1), "0.1");
}

}  // namespace
