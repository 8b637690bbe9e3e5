#include "optiml/data/csv.hpp"

#include <gtest/gtest.h>

#include "optiml/core/error.hpp"
#include "temp_files.hpp"

namespace optiml {
namespace {

using test::error_of;

std::string parse_error(const std::string& text, const CsvReadOptions& options = {}) {
  return error_of<ParseError>([&] { parse_csv(text, options, "data.csv"); });
}

TEST(Csv, ParsesHeaderQuotesBlanksAndWindowsLineEnds) {
  const std::string text =
      "\"sepal length\", width ,label\r\n"
      "1.5, 2 ,0\r\n"
      "\r\n"
      "\"-3\",4e1,  1  \r\n"
      "+5,6,2";
  const Dataset d = parse_csv(text);
  ASSERT_EQ(d.n_samples(), 3);
  ASSERT_EQ(d.n_features(), 2);
  EXPECT_FALSE(d.is_sparse());
  EXPECT_EQ(d.feature_names(), (std::vector<std::string>{"sepal length", "width"}));
  EXPECT_EQ(d.dense(), (Matrix(3, 2) << 1.5, 2, -3, 40, 5, 6).finished());
  EXPECT_EQ(d.labels(), (Vector(3) << 0, 1, 2).finished());
}

TEST(Csv, LabelColumnByNameOrIndexAndOtherDelimiters) {
  const std::string text = "y;a;b\n1;2;3\n4;5;6\n";
  CsvReadOptions by_name;
  by_name.delimiter = ';';
  by_name.label_name = "y";
  const Dataset d = parse_csv(text, by_name);
  EXPECT_EQ(d.labels(), (Vector(2) << 1, 4).finished());
  EXPECT_EQ(d.dense(), (Matrix(2, 2) << 2, 3, 5, 6).finished());
  EXPECT_EQ(d.feature_names(), (std::vector<std::string>{"a", "b"}));

  CsvReadOptions by_index;
  by_index.delimiter = '\t';
  by_index.label_index = 1;
  const Dataset t = parse_csv("1\t2\t3\n4\t5\t6\n", by_index);
  EXPECT_EQ(t.labels(), (Vector(2) << 2, 5).finished());
  EXPECT_EQ(t.dense(), (Matrix(2, 2) << 1, 3, 4, 6).finished());
  EXPECT_TRUE(t.feature_names().empty());

  CsvReadOptions absent;
  absent.header = CsvHeader::Absent;
  EXPECT_EQ(parse_csv("1,2\n", absent).n_samples(), 1);
  CsvReadOptions present;
  present.header = CsvHeader::Present;
  EXPECT_EQ(parse_csv("1,2\n3,4\n", present).feature_names(), (std::vector<std::string>{"1"}));
}

TEST(Csv, BadLabelColumnIsInvalidArgument) {
  CsvReadOptions o;
  o.label_name = "target";
  EXPECT_EQ(error_of<InvalidArgument>([&] { parse_csv("a,b\n1,2\n", o, "data.csv"); }),
            "CSV label column 'target' is not in the header of 'data.csv' (columns: a, b)");
  EXPECT_THROW(parse_csv("1,2\n", o), InvalidArgument);
  CsvReadOptions i;
  i.label_index = 5;
  EXPECT_THROW(parse_csv("1,2\n", i), InvalidArgument);
}

TEST(Csv, MalformedInputNamesFileLineAndColumn) {
  EXPECT_EQ(parse_error("a,b,c\n1,2,3\n4,5\n"), "data.csv:3: row has 2 fields, expected 3 (as on line 1)");
  EXPECT_EQ(parse_error("1,2,3\n4,5,6,7\n"), "data.csv:2: row has 4 fields, expected 3 (as on line 1)");
  EXPECT_EQ(parse_error("a,b,c\n1,,3\n"), "data.csv:2: column 2 (b): missing value '' (missing values are not supported)");
  EXPECT_EQ(parse_error("1,2,3\n1,NA,3\n"), "data.csv:2: column 2: missing value 'NA' (missing values are not supported)");
  EXPECT_EQ(parse_error("a,b\n\n1,NaN\n"), "data.csv:3: column 2 (b): missing value 'NaN' (missing values are not supported)");
  EXPECT_EQ(parse_error("a,b\n1,2\n1x,2\n"), "data.csv:3: column 1 (a): expected a number, got '1x'");
  EXPECT_EQ(parse_error("a,b\n1,inf\n"), "data.csv:2: column 2 (b): value 'inf' is not finite");
  EXPECT_EQ(parse_error("a,b\n1,\"2\n"), "data.csv:2: column 2: unterminated quote (quoted fields cannot span lines)");
  EXPECT_EQ(parse_error(""), "data.csv:1: no data rows (the file is empty or holds only a header)");
  EXPECT_EQ(parse_error("a,b\n"), "data.csv:1: no data rows (the file is empty or holds only a header)");
}

TEST(Csv, RoundTripIsBitExactWithAndWithoutHeader) {
  Matrix x(4, 3);
  x << 0.1, -2.5e-300, 3, 1.0 / 3.0, 1e300, -0.0, 7, 8, 9, 1e-5, 2, 3;
  const Dataset d(x, (Vector(4) << 0, 1, 1, 2).finished(), {"alpha", "beta,gamma", "say \"hi\""});
  for (bool label_first : {false, true})
    for (bool header : {true, false}) {
      const std::string path = test::temp_path("rt.csv");
      CsvWriteOptions w;
      w.header = header;
      w.label_first = label_first;
      write_csv(path, d, w);
      CsvReadOptions r;
      r.header = header ? CsvHeader::Present : CsvHeader::Absent;
      r.label_index = label_first ? 0 : -1;
      const Dataset back = read_csv(path, r);
      EXPECT_EQ(back.dense(), x);
      EXPECT_EQ(back.labels(), d.labels());
      if (header) {
        EXPECT_EQ(back.feature_names(), d.feature_names());
      }
      std::remove(path.c_str());
    }
}

TEST(Csv, WritesSparseDataAsDenseRows) {
  SparseMatrix s(2, 3);
  s.insert(0, 2) = 1.5;
  const Dataset d(s, Vector::Ones(2));
  const std::string path = test::temp_path("sparse.csv");
  CsvWriteOptions w;
  w.delimiter = '\t';
  write_csv(path, d, w);
  CsvReadOptions r;
  r.delimiter = '\t';
  const Dataset back = read_csv(path, r);
  EXPECT_EQ(back.dense(), Matrix(s));
  EXPECT_EQ(back.feature_names(), (std::vector<std::string>{"x0", "x1", "x2"}));
  std::remove(path.c_str());
}

}  // namespace
}  // namespace optiml
