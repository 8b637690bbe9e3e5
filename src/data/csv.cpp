#include "optiml/data/csv.hpp"

#include <cctype>
#include <cmath>
#include <cstring>
#include <deque>
#include <vector>

#include "file_io.hpp"
#include "optiml/core/error.hpp"

namespace optiml {

namespace {

using data_detail::quoted;

struct Field {
  std::string_view text;  // unquoted and trimmed
};

inline bool is_trimmed(char c, char delimiter) { return (c == ' ' || c == '\t') && c != delimiter; }

// Splits one line (without its line end) into fields; quoted fields may hold
// the delimiter and "" for a quote, but no line break.
void split_fields(const char* begin, const char* end, char delimiter, std::vector<Field>& fields,
                  std::deque<std::string>& unescaped, const std::string& name, long line_no) {
  fields.clear();
  unescaped.clear();
  const char* p = begin;
  for (;;) {
    while (p < end && is_trimmed(*p, delimiter)) ++p;
    std::string_view text;
    if (p < end && *p == '"') {
      const char* const open = p++;
      bool escaped = false;
      for (;;) {
        const char* q = static_cast<const char*>(std::memchr(p, '"', static_cast<std::size_t>(end - p)));
        if (q == nullptr)
          throw ParseError(name, line_no,
                           "column " + std::to_string(fields.size() + 1) + ": unterminated quote (quoted fields cannot span lines)");
        if (q + 1 < end && q[1] == '"') {
          escaped = true;
          p = q + 2;
          continue;
        }
        text = std::string_view(open + 1, static_cast<std::size_t>(q - open - 1));
        p = q + 1;
        break;
      }
      if (escaped) {
        std::string s;
        for (std::size_t i = 0; i < text.size(); ++i) {
          s.push_back(text[i]);
          if (text[i] == '"') ++i;
        }
        unescaped.push_back(std::move(s));
        text = unescaped.back();
      }
      while (p < end && is_trimmed(*p, delimiter)) ++p;
      if (p < end && *p != delimiter)
        throw ParseError(name, line_no,
                         "column " + std::to_string(fields.size() + 1) + ": unexpected text after a closing quote");
    } else {
      const char* d = static_cast<const char*>(std::memchr(p, delimiter, static_cast<std::size_t>(end - p)));
      const char* field_end = d ? d : end;
      const char* e = field_end;
      while (e > p && is_trimmed(e[-1], delimiter)) --e;
      text = std::string_view(p, static_cast<std::size_t>(e - p));
      p = field_end;
    }
    fields.push_back({text});
    if (p >= end) break;
    ++p;  // the delimiter; a trailing one leaves an empty last field
  }
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

bool is_missing(std::string_view s) {
  if (s.empty()) return true;
  for (std::string_view marker : {"na", "n/a", "nan", "null", "none", "-nan", "+nan"})
    if (equals_ignoring_case(s, marker)) return true;
  return false;
}

}  // namespace

Dataset parse_csv(std::string_view text, const CsvReadOptions& options, const std::string& name) {
  if (options.delimiter == '"' || options.delimiter == '\n' || options.delimiter == '\r')
    throw InvalidArgument("CsvReadOptions::delimiter cannot be a quote or a line break");
  std::vector<Field> fields;
  std::deque<std::string> unescaped;
  std::vector<std::string> header;
  std::vector<double> features;  // row-major while reading
  std::vector<double> labels;
  Index n_columns = -1;
  Index label_column = -1;
  long first_line = 0;
  long line_no = 0;

  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    ++line_no;
    const char* newline = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    const char* const line_start = p;
    const char* line_end = newline ? newline : end;
    p = newline ? newline + 1 : end;
    if (line_end > line_start && line_end[-1] == '\r') --line_end;
    const char* q = line_start;
    while (q < line_end && (*q == ' ' || *q == '\t' || *q == '\r')) ++q;
    if (q == line_end) continue;  // blank line
    split_fields(line_start, line_end, options.delimiter, fields, unescaped, name, line_no);

    if (n_columns < 0) {
      // The first row fixes the column count, the header and the label column.
      n_columns = static_cast<Index>(fields.size());
      first_line = line_no;
      bool is_header = options.header == CsvHeader::Present;
      if (options.header == CsvHeader::Auto) {
        for (const Field& f : fields) {
          double v = 0;
          if (!is_missing(f.text) && !data_detail::parse_double(f.text.data(), f.text.data() + f.text.size(), v))
            is_header = true;
        }
      }
      if (is_header)
        for (const Field& f : fields) header.emplace_back(f.text);
      if (!options.label_name.empty()) {
        if (header.empty())
          throw InvalidArgument("CSV label column '" + options.label_name + "' given by name, but '" + name +
                                "' has no header row");
        for (std::size_t k = 0; k < header.size(); ++k)
          if (header[k] == options.label_name) label_column = static_cast<Index>(k);
        if (label_column < 0) {
          std::string names;
          for (const std::string& h : header) names += (names.empty() ? "" : ", ") + h;
          throw InvalidArgument("CSV label column '" + options.label_name + "' is not in the header of '" + name +
                                "' (columns: " + names + ")");
        }
      } else {
        label_column = options.label_index < 0 ? n_columns + options.label_index : options.label_index;
        if (label_column < 0 || label_column >= n_columns)
          throw InvalidArgument("CsvReadOptions::label_index is " + std::to_string(options.label_index) + " but '" +
                                name + "' has " + std::to_string(n_columns) + " columns");
      }
      if (is_header) continue;
    }

    if (static_cast<Index>(fields.size()) != n_columns)
      throw ParseError(name, line_no,
                       "row has " + std::to_string(fields.size()) + " fields, expected " + std::to_string(n_columns) +
                           " (as on line " + std::to_string(first_line) + ")");
    for (Index k = 0; k < n_columns; ++k) {
      const std::string_view s = fields[static_cast<std::size_t>(k)].text;
      double v = 0;
      const bool parsed = data_detail::parse_double(s.data(), s.data() + s.size(), v);
      if (!parsed || !std::isfinite(v)) {
        std::string where = "column " + std::to_string(k + 1);
        if (!header.empty()) where += " (" + header[static_cast<std::size_t>(k)] + ")";
        if (is_missing(s) || (parsed && std::isnan(v)))
          throw ParseError(name, line_no, where + ": missing value " + quoted(s) + " (missing values are not supported)");
        if (parsed) throw ParseError(name, line_no, where + ": value " + quoted(s) + " is not finite");
        throw ParseError(name, line_no, where + ": expected a number, got " + quoted(s));
      }
      if (k == label_column)
        labels.push_back(v);
      else
        features.push_back(v);
    }
  }
  if (labels.empty())
    throw ParseError(name, line_no == 0 ? 1 : line_no, "no data rows (the file is empty or holds only a header)");

  const Index n = static_cast<Index>(labels.size());
  const Index d = n_columns - 1;
  using RowMajorMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  Matrix x = Eigen::Map<const RowMajorMatrix>(features.data(), n, d);
  Vector y = Eigen::Map<const Vector>(labels.data(), n);
  std::vector<std::string> names;
  for (std::size_t k = 0; k < header.size(); ++k)
    if (static_cast<Index>(k) != label_column) names.push_back(header[k]);
  return Dataset(std::move(x), std::move(y), std::move(names));
}

Dataset read_csv(const std::string& path, const CsvReadOptions& options) {
  const std::string text = data_detail::read_file(path);
  return parse_csv(text, options, path);
}

namespace {

void append_name(std::string& out, const std::string& name, char delimiter) {
  const bool needs_quotes = name.find_first_of(std::string("\"\n\r ") + delimiter) != std::string::npos ||
                            name.empty();
  if (!needs_quotes) {
    out += name;
    return;
  }
  out.push_back('"');
  for (char c : name) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

}  // namespace

void write_csv(const std::string& path, const Dataset& data, const CsvWriteOptions& options) {
  if (options.delimiter == '"' || options.delimiter == '\n' || options.delimiter == '\r' ||
      options.delimiter == '.' || options.delimiter == '-' || options.delimiter == '+' ||
      (options.delimiter >= '0' && options.delimiter <= '9') || options.delimiter == 'e')
    throw InvalidArgument(std::string("CsvWriteOptions::delimiter '") + options.delimiter +
                          "' would be ambiguous with numbers or quotes");
  data_detail::AtomicFileWriter file(path);
  const char sep = options.delimiter;
  const Index d = data.n_features();
  std::string out;
  if (options.header) {
    if (options.label_first) {
      append_name(out, options.label_name, sep);
      if (d > 0) out.push_back(sep);
    }
    for (Index j = 0; j < d; ++j) {
      if (j > 0) out.push_back(sep);
      append_name(out, data.feature_names().empty() ? "x" + std::to_string(j)
                                                    : data.feature_names()[static_cast<std::size_t>(j)], sep);
    }
    if (!options.label_first) {
      if (d > 0) out.push_back(sep);
      append_name(out, options.label_name, sep);
    }
    out.push_back('\n');
  }
  Vector row(d);
  for (Index i = 0; i < data.n_samples(); ++i) {
    if (data.is_sparse()) {
      row.setZero();
      for (SparseMatrix::InnerIterator it(data.sparse(), i); it; ++it) row[it.col()] = it.value();
    } else {
      row = data.dense().row(i).transpose();
    }
    if (options.label_first) {
      data_detail::append_double(out, data.labels()[i]);
      if (d > 0) out.push_back(sep);
    }
    for (Index j = 0; j < d; ++j) {
      if (j > 0) out.push_back(sep);
      data_detail::append_double(out, row[j]);
    }
    if (!options.label_first) {
      if (d > 0) out.push_back(sep);
      data_detail::append_double(out, data.labels()[i]);
    }
    out.push_back('\n');
    file.flush_if_large(out);
  }
  file.write(out);
  file.commit();
}

}  // namespace optiml
