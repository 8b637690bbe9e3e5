#include "optiml/data/npy.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string_view>
#include <type_traits>

#include "file_io.hpp"
#include "optiml/core/error.hpp"

namespace optiml {

static_assert(std::endian::native == std::endian::little, "the .npy reader assumes a little-endian host");

namespace {

struct DtypeInfo {
  NpyDtype dtype;
  const char* descr;
  std::size_t size;
};

constexpr DtypeInfo dtypes[] = {
    {NpyDtype::Float64, "<f8", 8}, {NpyDtype::Float32, "<f4", 4}, {NpyDtype::Int64, "<i8", 8},
    {NpyDtype::Int32, "<i4", 4},   {NpyDtype::Int16, "<i2", 2},   {NpyDtype::Int8, "|i1", 1},
    {NpyDtype::UInt8, "|u1", 1},   {NpyDtype::UInt16, "<u2", 2},  {NpyDtype::UInt32, "<u4", 4},
    {NpyDtype::UInt64, "<u8", 8},  {NpyDtype::Bool, "|b1", 1},
};

const DtypeInfo& info(NpyDtype dtype) {
  for (const DtypeInfo& d : dtypes)
    if (d.dtype == dtype) return d;
  throw InvalidArgument("unknown NpyDtype");
}

struct ParsedNpy {
  NpyHeader header;
  std::size_t data_offset = 0;
  std::size_t count = 0;
};

// A recursive-descent reader for the header's Python dict literal.
class HeaderParser {
 public:
  HeaderParser(const std::string& path, std::string_view bytes, std::size_t begin, std::size_t end)
      : path_(path), bytes_(bytes), pos_(begin), end_(end) {}

  [[noreturn]] void fail(const std::string& what) const {
    throw ParseError(path_, 1, "column " + std::to_string(pos_ + 1) + ": " + what);
  }

  void skip_spaces() {
    while (pos_ < end_ && (bytes_[pos_] == ' ' || bytes_[pos_] == '\t' || bytes_[pos_] == '\n' || bytes_[pos_] == '\r'))
      ++pos_;
  }
  bool at(char c) {
    skip_spaces();
    return pos_ < end_ && bytes_[pos_] == c;
  }
  void expect(char c, const char* what) {
    if (!at(c)) fail(std::string("expected ") + what + " in the header, got " + rest());
    ++pos_;
  }
  std::string rest() const {
    if (pos_ >= end_) return "the end of the header";
    return data_detail::quoted(bytes_.substr(pos_, std::min<std::size_t>(20, end_ - pos_)));
  }
  std::string string_literal() {
    skip_spaces();
    if (pos_ >= end_ || (bytes_[pos_] != '\'' && bytes_[pos_] != '"'))
      fail("expected a quoted string in the header, got " + rest());
    const char quote = bytes_[pos_];
    const std::size_t close = bytes_.find(quote, pos_ + 1);
    if (close == std::string_view::npos || close >= end_) fail("unterminated string in the header");
    std::string s(bytes_.substr(pos_ + 1, close - pos_ - 1));
    pos_ = close + 1;
    return s;
  }
  bool boolean() {
    skip_spaces();
    if (bytes_.substr(pos_, 4) == "True") {
      pos_ += 4;
      return true;
    }
    if (bytes_.substr(pos_, 5) == "False") {
      pos_ += 5;
      return false;
    }
    fail("expected True or False in the header, got " + rest());
  }
  std::vector<Index> shape() {
    std::vector<Index> dims;
    expect('(', "'(' opening the shape");
    while (!at(')')) {
      std::size_t start = pos_;
      while (pos_ < end_ && bytes_[pos_] >= '0' && bytes_[pos_] <= '9') ++pos_;
      if (pos_ == start) fail("expected a dimension size in the shape, got " + rest());
      if (pos_ - start > 15) {
        pos_ = start;
        fail("dimension size too large");
      }
      dims.push_back(std::stoll(std::string(bytes_.substr(start, pos_ - start))));
      if (at(',')) {
        ++pos_;
      } else if (!at(')')) {
        fail("expected ',' or ')' in the shape, got " + rest());
      }
    }
    ++pos_;
    return dims;
  }

  std::size_t pos() const { return pos_; }
  void set_pos(std::size_t p) { pos_ = p; }

 private:
  const std::string& path_;
  std::string_view bytes_;
  std::size_t pos_;
  std::size_t end_;
};

std::uint32_t little_endian(const unsigned char* p, std::size_t n) {
  std::uint32_t v = 0;
  for (std::size_t i = n; i-- > 0;) v = (v << 8) | p[i];
  return v;
}

ParsedNpy parse_npy(const std::string& bytes, const std::string& path) {
  const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
  if (bytes.size() < 8 || std::memcmp(b, "\x93NUMPY", 6) != 0)
    throw ParseError(path, 1, "column 1: missing the magic string \\x93NUMPY (not a .npy file)");
  ParsedNpy r;
  r.header.major_version = b[6];
  if (b[6] < 1 || b[6] > 3)
    throw ParseError(path, 1, "column 7: unsupported format version " + std::to_string(b[6]) + "." +
                                  std::to_string(b[7]) + " (expected 1.0, 2.0 or 3.0)");
  const std::size_t length_bytes = b[6] == 1 ? 2 : 4;
  if (bytes.size() < 8 + length_bytes) throw ParseError(path, 1, "column 9: file ends inside the header length");
  const std::size_t header_length = little_endian(b + 8, length_bytes);
  const std::size_t begin = 8 + length_bytes;
  if (bytes.size() < begin + header_length)
    throw ParseError(path, 1, "column " + std::to_string(bytes.size() + 1) + ": file ends inside the " +
                                  std::to_string(header_length) + "-byte header");
  const std::size_t end = begin + header_length;

  HeaderParser p(path, bytes, begin, end);
  bool have_descr = false, have_order = false, have_shape = false;
  p.expect('{', "'{' opening the header dict");
  while (!p.at('}')) {
    const std::size_t key_pos = p.pos();
    const std::string key = p.string_literal();
    p.expect(':', "':' after a key");
    if (key == "descr") {
      p.skip_spaces();
      const std::size_t value_pos = p.pos();
      const std::string descr = p.string_literal();
      bool known = false;
      for (const DtypeInfo& d : dtypes)
        if (descr == d.descr || (d.size == 1 && descr.size() == 3 && descr[0] == '<' && descr.substr(1) == d.descr + 1)) {
          r.header.dtype = d.dtype;
          known = true;
        }
      if (!known) {
        p.set_pos(value_pos);
        p.fail("unsupported dtype '" + descr +
               "' (expected little-endian <f8, <f4, <i8, <i4, <i2, |i1, |u1, <u2, <u4, <u8 or |b1)");
      }
      have_descr = true;
    } else if (key == "fortran_order") {
      r.header.fortran_order = p.boolean();
      have_order = true;
    } else if (key == "shape") {
      p.skip_spaces();
      const std::size_t value_pos = p.pos();
      r.header.shape = p.shape();
      if (r.header.shape.empty() || r.header.shape.size() > 2) {
        p.set_pos(value_pos);
        p.fail("shape with " + std::to_string(r.header.shape.size()) +
               " dimensions is not supported (expected 1-D or 2-D)");
      }
      have_shape = true;
    } else {
      p.set_pos(key_pos);
      p.fail("unknown header key '" + key + "' (expected 'descr', 'fortran_order' and 'shape')");
    }
    if (p.at(',')) {
      p.set_pos(p.pos() + 1);
    } else if (!p.at('}')) {
      p.fail("expected ',' or '}' in the header, got " + p.rest());
    }
  }
  if (!have_descr || !have_order || !have_shape)
    p.fail(std::string("header lacks the key '") + (!have_descr ? "descr" : !have_order ? "fortran_order" : "shape") +
           "'");

  r.data_offset = end;
  r.count = 1;
  for (Index s : r.header.shape) r.count *= static_cast<std::size_t>(s);
  const std::size_t expected = r.count * info(r.header.dtype).size;
  const std::size_t available = bytes.size() - end;
  if (available != expected)
    throw ParseError(path, 0, "byte " + std::to_string(std::min(available, expected) + end) + ": " +
                                  (available < expected ? "file ends after " : "file has ") + std::to_string(available) +
                                  " data bytes, expected " + std::to_string(expected) +
                                  (available < expected ? " (truncated file)" : ""));
  return r;
}

template <class T>
double load(const unsigned char* data, std::size_t k) {
  T v;
  std::memcpy(&v, data + k * sizeof(T), sizeof(T));
  return static_cast<double>(v);
}

// File order (C order: row-major) into a column-major rows x cols array `out`;
// blocks of rows keep the reads and the strided writes in cache.
template <class T>
void convert(const unsigned char* data, Index rows, Index cols, bool transpose, double* out) {
  if (!transpose || cols == 1 || rows == 1) {
    const auto count = static_cast<std::size_t>(rows * cols);
    if constexpr (std::is_same_v<T, double>) {
      std::memcpy(out, data, count * sizeof(double));
    } else {
      for (std::size_t k = 0; k < count; ++k) out[k] = load<T>(data, k);
    }
    return;
  }
  constexpr Index block = 16;
  for (Index i0 = 0; i0 < rows; i0 += block) {
    const Index i1 = std::min(rows, i0 + block);
    for (Index j = 0; j < cols; ++j)
      for (Index i = i0; i < i1; ++i) out[j * rows + i] = load<T>(data, static_cast<std::size_t>(i * cols + j));
  }
}

// The elements as doubles, column-major for a rows x cols result (a copy of the
// file order when `transpose` is false).
void to_doubles(const ParsedNpy& r, const std::string& bytes, Index rows, Index cols, bool transpose, double* out) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data()) + r.data_offset;
  switch (r.header.dtype) {
    case NpyDtype::Float64: convert<double>(data, rows, cols, transpose, out); break;
    case NpyDtype::Float32: convert<float>(data, rows, cols, transpose, out); break;
    case NpyDtype::Int64: convert<std::int64_t>(data, rows, cols, transpose, out); break;
    case NpyDtype::Int32: convert<std::int32_t>(data, rows, cols, transpose, out); break;
    case NpyDtype::Int16: convert<std::int16_t>(data, rows, cols, transpose, out); break;
    case NpyDtype::Int8: convert<std::int8_t>(data, rows, cols, transpose, out); break;
    case NpyDtype::UInt8: convert<std::uint8_t>(data, rows, cols, transpose, out); break;
    case NpyDtype::UInt16: convert<std::uint16_t>(data, rows, cols, transpose, out); break;
    case NpyDtype::UInt32: convert<std::uint32_t>(data, rows, cols, transpose, out); break;
    case NpyDtype::UInt64: convert<std::uint64_t>(data, rows, cols, transpose, out); break;
    case NpyDtype::Bool: convert<std::uint8_t>(data, rows, cols, transpose, out); break;
  }
}

template <class T>
void append_as(std::string& out, const double* values, std::size_t count, const std::string& path) {
  const std::size_t start = out.size();
  out.resize(start + count * sizeof(T));
  for (std::size_t k = 0; k < count; ++k) {
    const double v = values[k];
    if constexpr (std::is_integral_v<T>) {
      if (v != std::floor(v) || v < static_cast<double>(std::numeric_limits<T>::min()) ||
          v > static_cast<double>(std::numeric_limits<T>::max()) ||
          (sizeof(T) == 8 && v >= 0x1p63 * (std::is_signed_v<T> ? 1.0 : 2.0)))
      {
        std::string value;
        data_detail::append_double(value, v);
        throw InvalidArgument("write_npy('" + path + "'): element " + std::to_string(k) + " (C order) is " + value +
                              ", not an integer in the range of the dtype");
      }
    }
    const T t = static_cast<T>(v);
    std::memcpy(out.data() + start + k * sizeof(T), &t, sizeof(T));
  }
}

void write_array(const std::string& path, const std::vector<double>& c_order, const std::vector<Index>& shape,
                 NpyDtype dtype) {
  if (dtype == NpyDtype::Bool) throw InvalidArgument("write_npy: the dtype Bool is read-only; use UInt8");
  std::string dict = std::string("{'descr': '") + info(dtype).descr + "', 'fortran_order': False, 'shape': (";
  for (std::size_t k = 0; k < shape.size(); ++k) dict += std::to_string(shape[k]) + (k + 1 < shape.size() ? ", " : "");
  dict += shape.size() == 1 ? ",), }" : "), }";
  // Pad with spaces so the data starts on a 64-byte boundary, as NumPy does.
  std::size_t total = 10 + dict.size() + 1;
  dict.append((64 - total % 64) % 64, ' ');
  dict.push_back('\n');
  std::string out("\x93NUMPY\x01\x00", 8);
  out.push_back(static_cast<char>(dict.size() & 0xff));
  out.push_back(static_cast<char>(dict.size() >> 8));
  out += dict;
  const double* v = c_order.data();
  const std::size_t n = c_order.size();
  switch (dtype) {
    case NpyDtype::Float64: append_as<double>(out, v, n, path); break;
    case NpyDtype::Float32: append_as<float>(out, v, n, path); break;
    case NpyDtype::Int64: append_as<std::int64_t>(out, v, n, path); break;
    case NpyDtype::Int32: append_as<std::int32_t>(out, v, n, path); break;
    case NpyDtype::Int16: append_as<std::int16_t>(out, v, n, path); break;
    case NpyDtype::Int8: append_as<std::int8_t>(out, v, n, path); break;
    case NpyDtype::UInt8: append_as<std::uint8_t>(out, v, n, path); break;
    case NpyDtype::UInt16: append_as<std::uint16_t>(out, v, n, path); break;
    case NpyDtype::UInt32: append_as<std::uint32_t>(out, v, n, path); break;
    case NpyDtype::UInt64: append_as<std::uint64_t>(out, v, n, path); break;
    case NpyDtype::Bool: break;
  }
  data_detail::AtomicFileWriter file(path);
  file.write(out);
  file.commit();
}

}  // namespace

std::string npy_descr(NpyDtype dtype) { return info(dtype).descr; }

NpyHeader read_npy_header(const std::string& path) {
  return parse_npy(data_detail::read_file(path), path).header;
}

Matrix read_npy_matrix(const std::string& path) {
  const std::string bytes = data_detail::read_file(path);
  const ParsedNpy r = parse_npy(bytes, path);
  const Index rows = r.header.shape[0];
  const Index cols = r.header.shape.size() == 2 ? r.header.shape[1] : 1;
  Matrix m(rows, cols);
  to_doubles(r, bytes, rows, cols, !r.header.fortran_order, m.data());
  return m;
}

Vector read_npy_vector(const std::string& path) {
  const std::string bytes = data_detail::read_file(path);
  const ParsedNpy r = parse_npy(bytes, path);
  const auto& s = r.header.shape;
  if (s.size() == 2 && s[0] != 1 && s[1] != 1)
    throw InvalidArgument("read_npy_vector('" + path + "'): the array is " + std::to_string(s[0]) + " x " +
                          std::to_string(s[1]) + ", expected 1-D or a single row or column");
  Vector v(static_cast<Index>(r.count));
  to_doubles(r, bytes, v.size(), 1, false, v.data());
  return v;
}

void write_npy_matrix(const std::string& path, const Matrix& array, NpyDtype dtype) {
  std::vector<double> c_order(static_cast<std::size_t>(array.size()));
  Eigen::Map<Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(c_order.data(), array.rows(),
                                                                                     array.cols()) = array;
  write_array(path, c_order, {array.rows(), array.cols()}, dtype);
}

void write_npy_vector(const std::string& path, const Vector& array, NpyDtype dtype) {
  write_array(path, std::vector<double>(array.data(), array.data() + array.size()), {array.size()}, dtype);
}

}  // namespace optiml
