#include "optiml/data/libsvm.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <random>

#include "optiml/core/error.hpp"
#include "temp_files.hpp"

namespace optiml {
namespace {

using test::error_of;

std::string parse_error(const std::string& text, const LibsvmReadOptions& options = {}) {
  return error_of<ParseError>([&] { parse_libsvm(text, options, "data.svm"); });
}

TEST(Libsvm, ParsesExactValuesWithCommentsQidAndWindowsLineEnds) {
  const std::string text =
      "# a comment line\r\n"
      "+1 qid:3 1:0.5 3:-2e-1   \r\n"
      "\r\n"
      "   \n"
      "-1 2:7 # trailing comment 9:9\n"
      "2.5\n"
      "0 1:1 4:4";  // no final newline
  const Dataset d = parse_libsvm(text);
  ASSERT_TRUE(d.is_sparse());
  ASSERT_EQ(d.n_samples(), 4);
  ASSERT_EQ(d.n_features(), 4);
  EXPECT_EQ(d.labels(), (Vector(4) << 1, -1, 2.5, 0).finished());
  Matrix expected = Matrix::Zero(4, 4);
  expected(0, 0) = 0.5;
  expected(0, 2) = -0.2;
  expected(1, 1) = 7;
  expected(3, 0) = 1;
  expected(3, 3) = 4;
  EXPECT_EQ(d.to_dense(), expected);
  EXPECT_EQ(d.sparse().nonZeros(), 5);
}

TEST(Libsvm, DetectsZeroBasedIndicesAndHonoursAnExplicitBase) {
  const std::string text = "1 0:1.5 2:3\n0 1:2\n";
  const Dataset automatic = parse_libsvm(text);
  EXPECT_EQ(automatic.n_features(), 3);
  EXPECT_EQ(automatic.to_dense()(0, 0), 1.5);
  EXPECT_EQ(automatic.to_dense()(1, 1), 2.0);

  const Dataset zero = parse_libsvm("1 1:1\n", {IndexBase::ZeroBased});
  EXPECT_EQ(zero.n_features(), 2);
  EXPECT_EQ(zero.to_dense()(0, 1), 1.0);
  const Dataset one = parse_libsvm("1 1:1\n", {IndexBase::OneBased});
  EXPECT_EQ(one.n_features(), 1);
  EXPECT_EQ(parse_error(text, {IndexBase::OneBased}), "data.svm:1: column 3: index 0 in a file read with 1-based indices");
}

TEST(Libsvm, NFeaturesOptionWidensAndChecks) {
  EXPECT_EQ(parse_libsvm("1 2:1\n", {IndexBase::Auto, 10}).n_features(), 10);
  EXPECT_EQ(parse_error("1 2:1\n-1 1:1 5:2\n", {IndexBase::Auto, 4}),
            "data.svm:2: column 8: index 5 is beyond n_features = 4");
}

TEST(Libsvm, MalformedInputNamesFileLineAndColumn) {
  EXPECT_EQ(parse_error("1 1:1\n1 1:2 abc\n"), "data.svm:2: column 7: expected index:value, got 'abc'");
  EXPECT_EQ(parse_error("1 x:2\n"), "data.svm:1: column 3: expected index:value, got 'x:2'");
  EXPECT_EQ(parse_error("1 2:y\n"), "data.svm:1: column 5: expected a numeric value, got 'y'");
  EXPECT_EQ(parse_error("1 2:nan\n"), "data.svm:1: column 5: value 'nan' is not finite");
  EXPECT_EQ(parse_error("yes 2:1\n"), "data.svm:1: column 1: expected a numeric label, got 'yes'");
  EXPECT_EQ(parse_error("\n\n1 3:1 2:1\n"),
            "data.svm:3: column 7: index 2 does not increase (previous index 3); indices must increase within a line");
  EXPECT_EQ(parse_error("1 3:1 3:1\n").substr(0, 30), "data.svm:1: column 7: index 3 ");
  EXPECT_EQ(parse_error("1 -3:1\n"), "data.svm:1: column 3: index -3 is negative");
  EXPECT_EQ(parse_error("1 :1\n"), "data.svm:1: column 3: expected index:value, got ':1'");
  EXPECT_EQ(parse_error(""), "data.svm:1: no samples (the file is empty)");
  EXPECT_EQ(parse_error("# only\n\n"), "data.svm:2: no samples (the file is empty)");
}

TEST(Libsvm, ReadErrorsCarryTheFilePath) {
  const std::string path = test::temp_path("bad.svm");
  test::write_bytes(path, "1 1:1\n0 2:zz\n");
  const std::string m = error_of<ParseError>([&] { read_libsvm(path); });
  EXPECT_EQ(m, path + ":2: column 5: expected a numeric value, got 'zz'");
  EXPECT_NE(error_of<InvalidArgument>([] { read_libsvm("/nonexistent/file.svm"); }).find("cannot open"),
            std::string::npos);
  std::remove(path.c_str());
}

Dataset random_sparse(Index n, Index d, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(-1e3, 1e3);
  std::bernoulli_distribution keep(0.3);
  Matrix x = Matrix::Zero(n, d);
  for (Index i = 0; i < n; ++i)
    for (Index j = 0; j < d; ++j)
      if (keep(rng)) x(i, j) = u(rng) * std::pow(10.0, static_cast<double>(static_cast<int>(j % 7) - 3));
  x(0, d - 1) = 1.0;  // fixes the inferred feature count
  Vector y(n);
  for (Index i = 0; i < n; ++i) y[i] = static_cast<double>(i % 3) - 1.0;
  return Dataset(SparseMatrix(x.sparseView()), y);
}

TEST(Libsvm, RoundTripIsBitExactForSparseAndDense) {
  const Dataset d = random_sparse(50, 12, 7);
  for (bool zero_based : {false, true}) {
    const std::string path = test::temp_path(zero_based ? "rt0.svm" : "rt1.svm");
    write_libsvm(path, d, {zero_based});
    const Dataset back =
        read_libsvm(path, {zero_based ? IndexBase::ZeroBased : IndexBase::OneBased});
    EXPECT_EQ(back.n_features(), d.n_features());
    EXPECT_EQ(back.labels(), d.labels());
    EXPECT_EQ(back.to_dense(), d.to_dense());
    std::remove(path.c_str());
  }
  const Dataset dense(d.to_dense(), d.labels());
  const std::string path = test::temp_path("dense.svm");
  write_libsvm(path, dense);
  EXPECT_EQ(read_libsvm(path).to_dense(), dense.dense());
  std::remove(path.c_str());
}

TEST(Libsvm, ReadsGzipCompressedFiles) {
  const std::string path = test::temp_path("data.svm.gz");
  gzFile f = gzopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  const std::string text = "1 1:2 3:4\n-1 2:5\n";
  gzwrite(f, text.data(), static_cast<unsigned>(text.size()));
  gzclose(f);
  const Dataset d = read_libsvm(path);
  EXPECT_EQ(d.n_samples(), 2);
  EXPECT_EQ(d.to_dense()(1, 1), 5.0);
  std::remove(path.c_str());
}

TEST(Libsvm, WriteLeavesNoTemporaryFileBehind) {
  const std::string path = test::temp_path("atomic.svm");
  const Dataset d = random_sparse(5, 3, 1);
  write_libsvm(path, d);
  write_libsvm(path, d);  // overwriting goes through a rename too
  const auto dir = std::filesystem::path(path).parent_path();
  const std::string stem = std::filesystem::path(path).filename().string();
  int matches = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().filename().string().rfind(stem, 0) == 0) ++matches;
  EXPECT_EQ(matches, 1);
  EXPECT_THROW(write_libsvm("/nonexistent-dir/out.svm", d), InvalidArgument);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace optiml
