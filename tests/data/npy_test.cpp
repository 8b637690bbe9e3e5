#include "optiml/data/npy.hpp"

#include <gtest/gtest.h>

#include <cstdint>

#include "optiml/core/error.hpp"
#include "temp_files.hpp"

namespace optiml {
namespace {

using test::error_of;

std::string fixture(const std::string& name) { return std::string(OPTIML_SOURCE_DIR) + "/tests/data/fixtures/" + name; }

const Matrix& base() {
  static const Matrix m = (Matrix(2, 3) << 1.5, -2.0, 3.25, 4.0, 0.0, -6.5).finished();
  return m;
}

// Files written by NumPy 1.24 (tests/data/fixtures/make_npy_fixtures.py).
TEST(Npy, ReadsNumpyWrittenFiles) {
  EXPECT_EQ(read_npy_matrix(fixture("f8_2x3.npy")), base());
  EXPECT_EQ(read_npy_matrix(fixture("f8_v2.npy")), base());
  EXPECT_EQ(read_npy_header(fixture("f8_v2.npy")).major_version, 2);
  const NpyHeader f4 = read_npy_header(fixture("f4_fortran_3x2.npy"));
  EXPECT_EQ(f4.dtype, NpyDtype::Float32);
  EXPECT_TRUE(f4.fortran_order);
  EXPECT_EQ(f4.shape, (std::vector<Index>{3, 2}));
  EXPECT_EQ(read_npy_matrix(fixture("f4_fortran_3x2.npy")), Matrix(base().transpose()));
  EXPECT_EQ(read_npy_vector(fixture("i8_1d.npy")), (Vector(4) << -3, 0, 7, 1099511627776.0).finished());
  EXPECT_EQ(read_npy_matrix(fixture("i8_1d.npy")).cols(), 1);
  EXPECT_EQ(read_npy_header(fixture("i4_2x3.npy")).dtype, NpyDtype::Int32);
  EXPECT_EQ(read_npy_matrix(fixture("i4_2x3.npy")), (Matrix(2, 3) << 1, -2, 3, 4, 0, -6).finished());
  EXPECT_EQ(read_npy_matrix(fixture("u1_2x2.npy")), (Matrix(2, 2) << 0, 255, 128, 1).finished());
}

TEST(Npy, RoundTripsEveryWritableDtype) {
  const Matrix ints = (Matrix(2, 3) << 0, 1, 2, 100, 127, 3).finished();
  const std::string path = test::temp_path("rt.npy");
  for (NpyDtype t : {NpyDtype::Float64, NpyDtype::Float32, NpyDtype::Int64, NpyDtype::Int32, NpyDtype::Int16,
                     NpyDtype::Int8, NpyDtype::UInt8, NpyDtype::UInt16, NpyDtype::UInt32, NpyDtype::UInt64}) {
    write_npy_matrix(path, ints, t);
    const NpyHeader h = read_npy_header(path);
    EXPECT_EQ(h.dtype, t) << npy_descr(t);
    EXPECT_EQ(h.shape, (std::vector<Index>{2, 3}));
    EXPECT_FALSE(h.fortran_order);
    EXPECT_EQ(read_npy_matrix(path), ints) << npy_descr(t);
  }
  // Doubles survive bit for bit; float32 rounds to the nearest float.
  Matrix m = Matrix::Random(7, 5);
  write_npy_matrix(path, m);
  EXPECT_EQ(read_npy_matrix(path), m);
  write_npy_matrix(path, m, NpyDtype::Float32);
  EXPECT_EQ(read_npy_matrix(path), m.cast<float>().cast<double>());
  const Vector v = Vector::LinSpaced(9, -4, 4);
  write_npy_vector(path, v, NpyDtype::Int32);
  EXPECT_EQ(read_npy_header(path).shape, (std::vector<Index>{9}));
  EXPECT_EQ(read_npy_vector(path), v);
  std::remove(path.c_str());
}

TEST(Npy, WriterMatchesNumpyByteForByte) {
  const std::string path = test::temp_path("same.npy");
  write_npy_matrix(path, base());
  std::string ours, numpy;
  for (auto [file, out] : {std::pair{path, &ours}, std::pair{fixture("f8_2x3.npy"), &numpy}}) {
    std::FILE* f = std::fopen(file.c_str(), "rb");
    ASSERT_NE(f, nullptr);
    char buffer[512];
    std::size_t got;
    while ((got = std::fread(buffer, 1, sizeof buffer, f)) > 0) out->append(buffer, got);
    std::fclose(f);
  }
  EXPECT_EQ(ours, numpy);
  std::remove(path.c_str());
}

TEST(Npy, WriterRejectsValuesOutsideTheDtype) {
  const std::string path = test::temp_path("bad.npy");
  EXPECT_EQ(error_of<InvalidArgument>([&] { write_npy_vector(path, Vector::Constant(2, 0.5), NpyDtype::Int32); }),
            "write_npy('" + path + "'): element 0 (C order) is 0.5, not an integer in the range of the dtype");
  EXPECT_THROW(write_npy_vector(path, Vector::Constant(1, 256.0), NpyDtype::UInt8), InvalidArgument);
  EXPECT_THROW(write_npy_vector(path, Vector::Constant(1, -1.0), NpyDtype::UInt32), InvalidArgument);
  EXPECT_THROW(write_npy_vector(path, Vector::Constant(1, 0x1p63), NpyDtype::Int64), InvalidArgument);
  EXPECT_FALSE(std::ifstream(path).good());  // nothing written
}

std::string npy_with_header(const std::string& dict, std::size_t data_bytes = 0) {
  std::string s("\x93NUMPY\x01\x00", 8);
  s.push_back(static_cast<char>(dict.size()));
  s.push_back('\0');
  return s + dict + std::string(data_bytes, '\0');
}

TEST(Npy, BadHeadersNameFileLineAndColumn) {
  const std::string path = test::temp_path("bad.npy");
  auto error = [&](const std::string& bytes) {
    test::write_bytes(path, bytes);
    return error_of<ParseError>([&] { read_npy_matrix(path); });
  };
  EXPECT_EQ(error("PK\x03\x04 not npy"), path + ":1: column 1: missing the magic string \\x93NUMPY (not a .npy file)");
  EXPECT_EQ(error(npy_with_header("{'descr': '>f8', 'fortran_order': False, 'shape': (1,), }\n", 8)),
            path + ":1: column 21: unsupported dtype '>f8' (expected little-endian <f8, <f4, <i8, <i4, <i2, |i1, "
                   "|u1, <u2, <u4, <u8 or |b1)");
  EXPECT_EQ(error(npy_with_header("{'descr': '<f8', 'fortran_order': False}\n", 8)),
            path + ":1: column 50: header lacks the key 'shape'");
  EXPECT_EQ(error(npy_with_header("{'descr': '<f8', 'fortran_order': Nope, 'shape': (1,)}\n")),
            path + ":1: column 45: expected True or False in the header, got 'Nope, 'shape': (1,)}'");
  EXPECT_EQ(error(npy_with_header("{'descr': '<f8', 'fortran_order': False, 'shape': (2, x)}\n")),
            path + ":1: column 65: expected a dimension size in the shape, got 'x)}\n'");
  EXPECT_EQ(error(npy_with_header("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 2, 3), }\n", 48)),
            path + ":1: column 61: shape with 3 dimensions is not supported (expected 1-D or 2-D)");
  EXPECT_EQ(error(npy_with_header("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }\n", 20)),
            path + ":0: byte 90: file ends after 20 data bytes, expected 32 (truncated file)");
  EXPECT_EQ(error(npy_with_header("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }\n").substr(0, 30)),
            path + ":1: column 31: file ends inside the 60-byte header");
  EXPECT_THROW(read_npy_vector(fixture("f8_2x3.npy")), InvalidArgument);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace optiml
