#pragma once
// Aligned plain-text tables for the CLI's reports, and the number formats they use.
#include <string>
#include <vector>

namespace optiml::cli {

class TextTable {
 public:
  // right_aligned[i] aligns column i to the right (numbers); missing entries mean left.
  explicit TextTable(std::vector<std::string> header, std::vector<bool> right_aligned = {});
  // Rows shorter than the header are padded with empty cells.
  void add_row(std::vector<std::string> cells);
  std::size_t rows() const { return rows_.size(); }
  // Header, a rule of dashes, then the rows; columns separated by two spaces, no trailing blanks.
  std::string str() const;

 private:
  std::vector<std::string> header_;
  std::vector<bool> right_;
  std::vector<std::vector<std::string>> rows_;
};

// printf-style formatting of one double ("%.3e").
std::string format_number(const char* format, double v);
// Wall time as "812 us", "3.41 ms" or "1.250 s".
std::string format_seconds(double seconds);

}  // namespace optiml::cli
