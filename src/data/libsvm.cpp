#include "optiml/data/libsvm.hpp"

#include <charconv>
#include <climits>
#include <cmath>
#include <cstring>
#include <vector>

#include "file_io.hpp"
#include "optiml/core/error.hpp"

namespace optiml {

namespace {

using data_detail::column_of;
using data_detail::quoted;

inline bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

inline const char* skip_blanks(const char* p, const char* end) {
  while (p < end && is_blank(*p)) ++p;
  return p;
}

inline const char* token_end(const char* p, const char* end) {
  while (p < end && !is_blank(*p)) ++p;
  return p;
}

}  // namespace

Dataset parse_libsvm(std::string_view text, const LibsvmReadOptions& options, const std::string& name) {
  if (options.n_features < 0)
    throw InvalidArgument("LibsvmReadOptions::n_features is " + std::to_string(options.n_features) +
                          ", expected >= 0 (0 infers it)");
  std::vector<int> outer{0};
  std::vector<int> inner;
  std::vector<double> values;
  std::vector<double> labels;
  // Rough preallocation: about 8 bytes per stored entry.
  inner.reserve(text.size() / 8);
  values.reserve(text.size() / 8);

  long long max_index = -1;
  long max_line = 0, max_column = 0;
  long line_no = 0;
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    ++line_no;
    const char* newline = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    const char* const line_start = p;
    const char* const line_end = newline ? newline : end;
    p = newline ? newline + 1 : end;
    const char* hash = static_cast<const char*>(std::memchr(line_start, '#', static_cast<std::size_t>(line_end - line_start)));
    const char* const stop = hash ? hash : line_end;

    auto fail = [&](const char* at, const std::string& what) -> void {
      throw ParseError(name, line_no, "column " + std::to_string(column_of(line_start, at)) + ": " + what);
    };

    const char* q = skip_blanks(line_start, stop);
    if (q == stop) continue;  // blank or comment-only line
    const char* t = token_end(q, stop);
    double label = 0;
    if (!data_detail::parse_double(q, t, label))
      fail(q, "expected a numeric label, got " + quoted({q, static_cast<std::size_t>(t - q)}));
    if (!std::isfinite(label)) fail(q, "label " + quoted({q, static_cast<std::size_t>(t - q)}) + " is not finite");

    long long previous = -1;
    for (q = skip_blanks(t, stop); q < stop; q = skip_blanks(t, stop)) {
      t = token_end(q, stop);
      const std::string_view token(q, static_cast<std::size_t>(t - q));
      const char* colon = static_cast<const char*>(std::memchr(q, ':', token.size()));
      if (colon == nullptr) fail(q, "expected index:value, got " + quoted(token));
      if (colon - q == 3 && std::memcmp(q, "qid", 3) == 0) continue;  // query ids (ranking) carry no feature
      long long index = 0;
      const auto parsed = std::from_chars(q, colon, index);
      if (parsed.ec != std::errc() || parsed.ptr != colon || colon == q)
        fail(q, "expected index:value, got " + quoted(token));
      if (index < 0) fail(q, "index " + std::to_string(index) + " is negative");
      if (index >= INT_MAX) fail(q, "index " + std::to_string(index) + " is too large");
      if (index == 0 && options.index_base == IndexBase::OneBased)
        fail(q, "index 0 in a file read with 1-based indices");
      if (index <= previous)
        fail(q, "index " + std::to_string(index) + " does not increase (previous index " + std::to_string(previous) +
                    "); indices must increase within a line");
      double value = 0;
      if (!data_detail::parse_double(colon + 1, t, value))
        fail(colon + 1, "expected a numeric value, got " + quoted({colon + 1, static_cast<std::size_t>(t - colon - 1)}));
      if (!std::isfinite(value))
        fail(colon + 1, "value " + quoted({colon + 1, static_cast<std::size_t>(t - colon - 1)}) + " is not finite");
      previous = index;
      if (index > max_index) {
        max_index = index;
        max_line = line_no;
        max_column = column_of(line_start, q);
      }
      inner.push_back(static_cast<int>(index));
      values.push_back(value);
    }
    if (inner.size() >= static_cast<std::size_t>(INT_MAX)) fail(line_start, "too many entries for one sparse matrix");
    labels.push_back(label);
    outer.push_back(static_cast<int>(inner.size()));
  }
  if (labels.empty()) throw ParseError(name, line_no == 0 ? 1 : line_no, "no samples (the file is empty)");

  // Auto: 1-based unless an index 0 was seen (then the minimum index is 0).
  bool one_based = options.index_base == IndexBase::OneBased;
  if (options.index_base == IndexBase::Auto) {
    one_based = true;
    for (int i : inner)
      if (i == 0) {
        one_based = false;
        break;
      }
  }
  if (one_based)
    for (int& i : inner) --i;
  const Index inferred = max_index < 0 ? 0 : static_cast<Index>(max_index) + (one_based ? 0 : 1);
  Index n_features = inferred;
  if (options.n_features > 0) {
    if (inferred > options.n_features)
      throw ParseError(name, max_line,
                       "column " + std::to_string(max_column) + ": index " + std::to_string(max_index) +
                           " is beyond n_features = " + std::to_string(options.n_features));
    n_features = options.n_features;
  }
  const Index n = static_cast<Index>(labels.size());
  SparseMatrix x = Eigen::Map<const SparseMatrix>(n, n_features, static_cast<Index>(inner.size()), outer.data(),
                                                  inner.data(), values.data());
  Vector y = Eigen::Map<const Vector>(labels.data(), n);
  return Dataset(std::move(x), std::move(y));
}

Dataset read_libsvm(const std::string& path, const LibsvmReadOptions& options) {
  const std::string text = data_detail::read_file(path);
  return parse_libsvm(text, options, path);
}

void write_libsvm(const std::string& path, const Dataset& data, const LibsvmWriteOptions& options) {
  data_detail::AtomicFileWriter file(path);
  const Index base = options.zero_based ? 0 : 1;
  std::string out;
  auto entry = [&](Index j, double v) {
    if (v == 0.0 && !options.write_zeros) return;
    out.push_back(' ');
    char buffer[24];
    out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(j + base)).ptr);
    out.push_back(':');
    data_detail::append_double(out, v);
  };
  for (Index i = 0; i < data.n_samples(); ++i) {
    data_detail::append_double(out, data.labels()[i]);
    if (data.is_sparse()) {
      for (SparseMatrix::InnerIterator it(data.sparse(), i); it; ++it) entry(it.col(), it.value());
    } else {
      const Matrix& x = data.dense();
      for (Index j = 0; j < x.cols(); ++j) entry(j, x(i, j));
    }
    out.push_back('\n');
    file.flush_if_large(out);
  }
  file.write(out);
  file.commit();
}

}  // namespace optiml
