#include "optiml/core/json.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <random>

#include "optiml/core/error.hpp"

using optiml::Json;

TEST(Json, RoundTripsDoublesBitForBit) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(-1e6, 1e6);
  Json::Array a;
  std::vector<double> values;
  for (int i = 0; i < 1000; ++i) {
    double v = u(rng) * std::pow(10.0, static_cast<int>(rng() % 40) - 20);
    values.push_back(v);
    a.emplace_back(v);
  }
  Json back = Json::parse(Json(a).dump());
  ASSERT_EQ(back.array().size(), values.size());
  for (std::size_t i = 0; i < values.size(); ++i) EXPECT_EQ(back.array()[i].number(), values[i]);
}

TEST(Json, NonFiniteNumbersRoundTrip) {
  Json::Array a{Json(std::numeric_limits<double>::infinity()), Json(-std::numeric_limits<double>::infinity()),
                Json(std::numeric_limits<double>::quiet_NaN())};
  Json back = Json::parse(Json(a).dump());
  EXPECT_TRUE(std::isinf(back.array()[0].number()) && back.array()[0].number() > 0);
  EXPECT_TRUE(std::isinf(back.array()[1].number()) && back.array()[1].number() < 0);
  EXPECT_TRUE(std::isnan(back.array()[2].number()));
}

TEST(Json, ObjectsKeepOrderAndEscapes) {
  Json j = Json::Object{};
  j["b"] = "line\n\"quoted\"";
  j["a"] = true;
  j["n"] = nullptr;
  const std::string text = j.dump(2);
  Json back = Json::parse(text);
  EXPECT_EQ(back.object()[0].first, "b");
  EXPECT_EQ(back.at("b").string(), "line\n\"quoted\"");
  EXPECT_TRUE(back.at("a").boolean());
  EXPECT_TRUE(back.at("n").is_null());
  EXPECT_THROW(back.at("missing"), optiml::InvalidArgument);
  EXPECT_THROW(back.at("a").number(), optiml::InvalidArgument);
}

TEST(Json, ParseErrorsNameTheLine) {
  try {
    Json::parse("{\n  \"a\": 1,\n  \"b\": [1, 2,,]\n}", "doc.json");
    FAIL() << "expected a ParseError";
  } catch (const optiml::ParseError& e) {
    EXPECT_EQ(e.line(), 3);
    EXPECT_NE(std::string(e.what()).find("doc.json:3:"), std::string::npos);
  }
  EXPECT_THROW(Json::parse("[1, 2"), optiml::ParseError);
  EXPECT_THROW(Json::parse("{\"a\" 1}"), optiml::ParseError);
  EXPECT_THROW(Json::parse("1 2"), optiml::ParseError);
  EXPECT_THROW(Json::parse("\"abc"), optiml::ParseError);
}

TEST(Json, AtomicWriteLeavesNoTemporary) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "optiml_json_test";
  fs::remove_all(dir);
  const std::string path = (dir / "sub" / "out.json").string();
  optiml::write_file_atomically(path, "{}\n");
  EXPECT_EQ(optiml::read_file(path), "{}\n");
  int files = 0;
  for (auto& e : fs::directory_iterator(dir / "sub")) (void)e, ++files;
  EXPECT_EQ(files, 1);
  EXPECT_THROW(optiml::write_file_atomically("/proc/no/such/dir/x.json", "{}"), optiml::InvalidArgument);
  EXPECT_THROW(optiml::read_file((dir / "missing.json").string()), optiml::InvalidArgument);
  fs::remove_all(dir);
}
