#include "text_table.hpp"

#include <algorithm>
#include <cstdio>

namespace optiml::cli {

TextTable::TextTable(std::vector<std::string> header, std::vector<bool> right_aligned)
    : header_(std::move(header)), right_(std::move(right_aligned)) {
  right_.resize(header_.size(), false);
}

void TextTable::add_row(std::vector<std::string> cells) {
  cells.resize(std::max(cells.size(), header_.size()));
  rows_.push_back(std::move(cells));
}

std::string TextTable::str() const {
  std::size_t ncols = header_.size();
  for (const auto& r : rows_) ncols = std::max(ncols, r.size());
  std::vector<std::size_t> width(ncols, 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
  };
  measure(header_);
  for (const auto& r : rows_) measure(r);

  auto line = [&](const std::vector<std::string>& row) {
    std::string out;
    for (std::size_t c = 0; c < ncols; ++c) {
      const std::string cell = c < row.size() ? row[c] : "";
      const std::string pad(width[c] - cell.size(), ' ');
      const bool right = c < right_.size() && right_[c];
      if (c) out += "  ";
      out += right ? pad + cell : cell + pad;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = line(header_);
  std::vector<std::string> rule(ncols);
  for (std::size_t c = 0; c < ncols; ++c) rule[c] = std::string(width[c], '-');
  out += line(rule);
  for (const auto& r : rows_) out += line(r);
  return out;
}

std::string format_number(const char* format, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

std::string format_seconds(double seconds) {
  if (!(seconds >= 0)) return "-";
  if (seconds < 1e-3) return format_number("%.0f us", seconds * 1e6);
  if (seconds < 1.0) return format_number("%.2f ms", seconds * 1e3);
  return format_number("%.3f s", seconds);
}

}  // namespace optiml::cli
