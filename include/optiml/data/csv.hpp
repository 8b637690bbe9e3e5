#pragma once
// Delimited text (CSV, TSV, ...) with one sample per row, all fields numeric
// except an optional header row of column names. One column holds the label;
// the others are the features, read into a dense matrix.
//
// Fields may be surrounded by blanks and by double quotes ("" inside quotes is a
// quote). Blank lines are skipped, '\r\n' line ends accepted. Missing values
// (an empty field, NA, N/A, NaN, null, in any case) and infinities are rejected,
// as are rows with a different field count than the first: ParseError naming
// the file, the line and the field's column number (1-based), e.g.
//   "iris.csv:8: column 3 (petal_length): missing value 'NA'".
#include <string>
#include <string_view>

#include "optiml/data/dataset.hpp"

namespace optiml {

enum class CsvHeader {
  Auto,     // the first row is a header when any of its fields is not a number
  Present,
  Absent,
};

struct CsvReadOptions {
  char delimiter = ',';
  CsvHeader header = CsvHeader::Auto;
  // The label column, by header name (needs a header) when non-empty, else by
  // index: 0-based from the left, or negative from the right (-1 is the last).
  std::string label_name;
  long label_index = -1;
};

// Reads a delimited file (gzip-compressed or not). Throws InvalidArgument when
// the file cannot be opened or the label column does not exist, ParseError on
// malformed content or a file without data rows.
Dataset read_csv(const std::string& path, const CsvReadOptions& options = {});
// Parses text already in memory; `name` stands for the file in errors.
Dataset parse_csv(std::string_view text, const CsvReadOptions& options = {}, const std::string& name = "<text>");

struct CsvWriteOptions {
  char delimiter = ',';
  bool header = true;              // a first row with the feature names (x0, x1, ... when the data set has none)
  std::string label_name = "label";
  bool label_first = false;        // label as the first column instead of the last
};

// Writes the labels and dense or sparse features with shortest round-trip
// decimals, into a temporary file renamed onto `path` when complete.
void write_csv(const std::string& path, const Dataset& data, const CsvWriteOptions& options = {});

}  // namespace optiml
