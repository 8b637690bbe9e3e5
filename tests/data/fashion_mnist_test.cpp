#include "optiml/data/fashion_mnist.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "optiml/core/error.hpp"
#include "temp_files.hpp"

namespace optiml {
namespace {

bool installed() {
  struct stat st{};
  return stat((std::string(fashion_mnist_default_directory) + "/train-images-idx3-ubyte.gz").c_str(), &st) == 0;
}

// Shapes, labels and pixel range of one split; prints the read time (never asserted).
void check_split(const std::string& split, Index n, Index per_class) {
  const auto start = std::chrono::steady_clock::now();
  const Dataset d = load_fashion_mnist(split);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("Fashion-MNIST %s: %ld x %ld read in %.3f s\n", split.c_str(), static_cast<long>(d.n_samples()),
              static_cast<long>(d.n_features()), seconds);
  ASSERT_EQ(d.n_samples(), n);
  ASSERT_EQ(d.n_features(), 784);
  EXPECT_FALSE(d.is_sparse());
  std::array<Index, 10> counts{};
  for (Index i = 0; i < n; ++i) {
    const double y = d.labels()[i];
    ASSERT_TRUE(y >= 0 && y <= 9 && y == std::floor(y)) << "label " << y << " at row " << i;
    ++counts[static_cast<std::size_t>(y)];
  }
  for (Index c : counts) EXPECT_EQ(c, per_class);
  EXPECT_EQ(d.dense().minCoeff(), 0.0);
  EXPECT_EQ(d.dense().maxCoeff(), 1.0);
  // Pixels are multiples of 1/255.
  EXPECT_DOUBLE_EQ(std::round(d.dense()(0, 400) * 255.0) / 255.0, d.dense()(0, 400));
}

TEST(FashionMnist, TrainSplitShapesLabelsAndPixelRange) {
  if (!installed()) GTEST_SKIP() << "dataset-fashion-mnist is not installed";
  check_split("train", 60000, 6000);
}

TEST(FashionMnist, TestSplitShapesLabelsAndPixelRange) {
  if (!installed()) GTEST_SKIP() << "dataset-fashion-mnist is not installed";
  check_split("test", 10000, 1000);
  const Dataset raw = load_fashion_mnist("test", fashion_mnist_default_directory, false);
  EXPECT_EQ(raw.dense().maxCoeff(), 255.0);
  EXPECT_EQ(fashion_mnist_class_names().size(), 10u);
  EXPECT_EQ(fashion_mnist_class_names()[9], "Ankle boot");
}

TEST(FashionMnist, MissingFilesAndBadSplitAreClearErrors) {
  const std::string m = test::error_of<InvalidArgument>([] { load_fashion_mnist("train", "/nonexistent/dir"); });
  EXPECT_EQ(m, "Fashion-MNIST file '/nonexistent/dir/train-images-idx3-ubyte.gz' not found (nor "
               "'/nonexistent/dir/train-images-idx3-ubyte'); install the Debian package dataset-fashion-mnist or "
               "pass the directory that holds the files");
  EXPECT_THROW(load_fashion_mnist("validation"), InvalidArgument);
}

}  // namespace
}  // namespace optiml
