#include "optiml/data/idx.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <cstring>

#include "optiml/core/error.hpp"
#include "temp_files.hpp"

namespace optiml {
namespace {

using test::error_of;

std::string be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}

std::string idx_header(unsigned char type, const std::vector<std::uint32_t>& dims) {
  std::string s{'\0', '\0', static_cast<char>(type), static_cast<char>(dims.size())};
  for (std::uint32_t d : dims) s += be32(d);
  return s;
}

void write_gzip(const std::string& path, const std::string& bytes) {
  gzFile f = gzopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size()));
  gzclose(f);
}

// Two 2 x 3 images with pixels 0, 51, ..., 255 (then reversed).
std::string small_images() {
  std::string s = idx_header(0x08, {2, 2, 3});
  for (unsigned char v : {0, 51, 102, 153, 204, 255, 255, 204, 153, 102, 51, 0}) s.push_back(static_cast<char>(v));
  return s;
}

TEST(Idx, ReadsImagesPlainAndGzipScaledOrRaw) {
  const std::string plain = test::temp_path("images.idx");
  const std::string gz = test::temp_path("images.idx.gz");
  test::write_bytes(plain, small_images());
  write_gzip(gz, small_images());
  for (const std::string& path : {plain, gz}) {
    const Matrix x = read_idx_images(path);
    ASSERT_EQ(x.rows(), 2);
    ASSERT_EQ(x.cols(), 6);
    EXPECT_DOUBLE_EQ(x(0, 1), 0.2);
    EXPECT_EQ(x(0, 5), 1.0);
    EXPECT_EQ(x(1, 0), 1.0);
    EXPECT_EQ(x(1, 5), 0.0);
    const Matrix raw = read_idx_images(path, false);
    EXPECT_EQ(raw(0, 4), 204.0);
    EXPECT_EQ(raw(1, 1), 204.0);
  }
  std::remove(plain.c_str());
  std::remove(gz.c_str());
}

TEST(Idx, ReadsLabelsAndOtherElementTypes) {
  const std::string path = test::temp_path("labels.idx");
  std::string labels = idx_header(0x08, {4});
  labels += std::string{0, 9, 3, 7};
  test::write_bytes(path, labels);
  EXPECT_EQ(read_idx_labels(path), (Vector(4) << 0, 9, 3, 7).finished());

  std::string ints = idx_header(0x0B, {2});  // big-endian int16
  ints += std::string{'\xff', '\xfe', '\x01', '\x00'};
  test::write_bytes(path, ints);
  const IdxArray a = read_idx(path);
  EXPECT_EQ(a.type, IdxType::Int16);
  EXPECT_EQ(a.values, (std::vector<double>{-2, 256}));

  std::string floats = idx_header(0x0D, {1, 1});  // big-endian float32 1.5
  floats += be32(0x3FC00000u);
  test::write_bytes(path, floats);
  EXPECT_EQ(read_idx_images(path)(0, 0), 1.5);
  std::remove(path.c_str());
}

TEST(Idx, MalformedFilesNameFileAndByte) {
  const std::string path = test::temp_path("bad.idx");
  auto error = [&](const std::string& bytes) {
    test::write_bytes(path, bytes);
    return error_of<ParseError>([&] { read_idx_images(path); });
  };
  EXPECT_EQ(error("\x08\x03\x00\x00" + std::string(100, '\0')),
            path + ":0: byte 0: wrong magic number 0x08030000 (expected 0x0000TTDD; not an IDX file)");
  EXPECT_EQ(error(idx_header(0x07, {1, 1, 1}) + "x"),
            path + ":0: byte 2: unknown element type 0x07 in magic number 0x00000703 (expected 08, 09, 0b, 0c, 0d or 0e)");
  EXPECT_EQ(error(small_images().substr(0, 20)),
            path + ":0: byte 20: file ends after 4 of 12 data bytes (truncated file)");
  EXPECT_EQ(error(small_images().substr(0, 9)),
            path + ":0: byte 9: file ends inside the dimension sizes (expected 3)");
  EXPECT_EQ(error(small_images() + "zz"), path + ":0: byte 28: 2 unexpected bytes after the data");
  test::write_bytes(path, small_images());
  EXPECT_EQ(error_of<ParseError>([&] { read_idx_labels(path); }),
            path + ":0: byte 3: expected a 1-D label file, got 3 dimensions");
  // A gzip stream cut short is reported too, not read as a short file.
  const std::string gz = test::temp_path("cut.idx.gz");
  write_gzip(gz, small_images() + std::string(5000, '\7'));
  std::string compressed;
  {
    std::FILE* f = std::fopen(gz.c_str(), "rb");
    char buffer[4096];
    std::size_t got;
    while ((got = std::fread(buffer, 1, sizeof buffer, f)) > 0) compressed.append(buffer, got);
    std::fclose(f);
  }
  test::write_bytes(gz, compressed.substr(0, compressed.size() / 2));
  EXPECT_NE(error_of<ParseError>([&] { read_idx_images(gz); }).find(gz + ":0: "), std::string::npos);
  EXPECT_NE(error_of<InvalidArgument>([] { read_idx_images("/nonexistent.idx"); }).find("cannot open"),
            std::string::npos);
  std::remove(path.c_str());
  std::remove(gz.c_str());
}

}  // namespace
}  // namespace optiml
