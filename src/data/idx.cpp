#include "optiml/data/idx.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdint>
#include <cstring>

#include "file_io.hpp"
#include "optiml/core/error.hpp"

namespace optiml {

namespace {

struct IdxHeader {
  IdxType type = IdxType::UInt8;
  std::vector<Index> shape;
  std::size_t data_offset = 0;
  std::size_t count = 0;  // elements
};

std::size_t element_size(IdxType t) {
  switch (t) {
    case IdxType::UInt8:
    case IdxType::Int8: return 1;
    case IdxType::Int16: return 2;
    case IdxType::Int32:
    case IdxType::Float32: return 4;
    case IdxType::Float64: return 8;
  }
  return 0;
}

std::uint64_t big_endian(const unsigned char* p, std::size_t n) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < n; ++i) v = (v << 8) | p[i];
  return v;
}

[[noreturn]] void fail(const std::string& path, std::size_t byte, const std::string& what) {
  throw ParseError(path, 0, "byte " + std::to_string(byte) + ": " + what);
}

std::string hex32(std::uint64_t v) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "0x%08llx", static_cast<unsigned long long>(v));
  return buffer;
}

IdxHeader parse_header(const std::string& bytes, const std::string& path) {
  const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
  if (bytes.size() < 4) fail(path, bytes.size(), "file ends inside the 4-byte magic number (truncated or not IDX)");
  const std::uint64_t magic = big_endian(b, 4);
  if (b[0] != 0 || b[1] != 0)
    fail(path, 0, "wrong magic number " + hex32(magic) + " (expected 0x0000TTDD; not an IDX file)");
  IdxHeader h;
  const unsigned code = b[2];
  if (code != 0x08 && code != 0x09 && code != 0x0B && code != 0x0C && code != 0x0D && code != 0x0E)
    fail(path, 2, "unknown element type 0x" + hex32(code).substr(8) + " in magic number " + hex32(magic) +
                      " (expected 08, 09, 0b, 0c, 0d or 0e)");
  h.type = static_cast<IdxType>(code);
  const std::size_t dims = b[3];
  if (dims == 0) fail(path, 3, "zero dimensions in magic number " + hex32(magic));
  if (bytes.size() < 4 + 4 * dims)
    fail(path, bytes.size(), "file ends inside the dimension sizes (expected " + std::to_string(dims) + ")");
  h.count = 1;
  for (std::size_t k = 0; k < dims; ++k) {
    const std::uint64_t size = big_endian(b + 4 + 4 * k, 4);
    h.shape.push_back(static_cast<Index>(size));
    if (size != 0 && h.count > (std::uint64_t{1} << 40) / size)
      fail(path, 4 + 4 * k, "dimension sizes give more than 2^40 elements");
    h.count *= static_cast<std::size_t>(size);
  }
  h.data_offset = 4 + 4 * dims;
  const std::size_t expected = h.count * element_size(h.type);
  const std::size_t available = bytes.size() - h.data_offset;
  if (available < expected)
    fail(path, bytes.size(), "file ends after " + std::to_string(available) + " of " + std::to_string(expected) +
                                 " data bytes (truncated file)");
  if (available > expected)
    fail(path, h.data_offset + expected, std::to_string(available - expected) + " unexpected bytes after the data");
  return h;
}

// Converts element k of a big-endian array to double.
double element(const unsigned char* data, IdxType type, std::size_t k) {
  switch (type) {
    case IdxType::UInt8: return data[k];
    case IdxType::Int8: return static_cast<signed char>(data[k]);
    case IdxType::Int16: return static_cast<std::int16_t>(big_endian(data + 2 * k, 2));
    case IdxType::Int32: return static_cast<std::int32_t>(big_endian(data + 4 * k, 4));
    case IdxType::Float32: {
      const auto bits = static_cast<std::uint32_t>(big_endian(data + 4 * k, 4));
      float f;
      std::memcpy(&f, &bits, 4);
      return f;
    }
    case IdxType::Float64: {
      const std::uint64_t bits = big_endian(data + 8 * k, 8);
      double d;
      std::memcpy(&d, &bits, 8);
      return d;
    }
  }
  return 0;
}

}  // namespace

IdxArray read_idx(const std::string& path) {
  const std::string bytes = data_detail::read_file(path);
  const IdxHeader h = parse_header(bytes, path);
  IdxArray a;
  a.type = h.type;
  a.shape = h.shape;
  a.values.resize(h.count);
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data()) + h.data_offset;
  for (std::size_t k = 0; k < h.count; ++k) a.values[k] = element(data, h.type, k);
  return a;
}

Matrix read_idx_images(const std::string& path, bool scale_to_unit) {
  const std::string bytes = data_detail::read_file(path);
  const IdxHeader h = parse_header(bytes, path);
  if (h.shape.size() < 2)
    fail(path, 3, "expected an image file with at least 2 dimensions (n x rows x cols), got " +
                      std::to_string(h.shape.size()));
  const Index n = h.shape[0];
  const Index d = n == 0 ? 0 : static_cast<Index>(h.count) / n;
  Matrix x(n, d);
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data()) + h.data_offset;
  const double unit = scale_to_unit ? 1.0 / 255.0 : 1.0;
  if (h.type == IdxType::UInt8) {
    std::array<double, 256> table;
    for (int v = 0; v < 256; ++v) table[static_cast<std::size_t>(v)] = v * unit;
    // Blocks of rows keep both the byte rows and the column-major writes in cache.
    constexpr Index block = 16;
    for (Index i0 = 0; i0 < n; i0 += block) {
      const Index i1 = std::min(n, i0 + block);
      for (Index j = 0; j < d; ++j) {
        double* column = x.data() + j * n;
        for (Index i = i0; i < i1; ++i) column[i] = table[data[i * d + j]];
      }
    }
  } else {
    for (Index i = 0; i < n; ++i)
      for (Index j = 0; j < d; ++j)
        x(i, j) = element(data, h.type, static_cast<std::size_t>(i * d + j));
  }
  return x;
}

Vector read_idx_labels(const std::string& path) {
  const std::string bytes = data_detail::read_file(path);
  const IdxHeader h = parse_header(bytes, path);
  if (h.shape.size() != 1)
    fail(path, 3, "expected a 1-D label file, got " + std::to_string(h.shape.size()) + " dimensions");
  Vector y(h.shape[0]);
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data()) + h.data_offset;
  for (Index i = 0; i < y.size(); ++i) y[i] = element(data, h.type, static_cast<std::size_t>(i));
  return y;
}

}  // namespace optiml
