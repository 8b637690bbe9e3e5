#include "optiml/data/split.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "optiml/core/error.hpp"

namespace optiml {
namespace {

Dataset numbered(Index n, bool sparse) {
  Matrix x(n, 2);
  for (Index i = 0; i < n; ++i) x.row(i) << static_cast<double>(i), static_cast<double>(i % 2);
  const Vector y = Vector::LinSpaced(n, 0, static_cast<double>(n - 1));
  return sparse ? Dataset(SparseMatrix(x.sparseView()), y) : Dataset(x, y);
}

TEST(TrainTestSplit, SizesDisjointnessAndRowsFollowTheirLabels) {
  for (bool sparse : {false, true}) {
    const Dataset d = numbered(100, sparse);
    const TrainTestSplit s = train_test_split(d, 0.2, 1);
    ASSERT_EQ(s.test.n_samples(), 20);
    ASSERT_EQ(s.train.n_samples(), 80);
    EXPECT_EQ(s.train.is_sparse(), sparse);
    std::vector<Index> all = s.train_indices;
    all.insert(all.end(), s.test_indices.begin(), s.test_indices.end());
    std::sort(all.begin(), all.end());
    for (Index i = 0; i < 100; ++i) EXPECT_EQ(all[static_cast<std::size_t>(i)], i);  // a partition: disjoint and complete
    const Matrix test_x = s.test.to_dense();
    for (Index k = 0; k < 20; ++k) {
      EXPECT_EQ(s.test.labels()[k], static_cast<double>(s.test_indices[static_cast<std::size_t>(k)]));
      EXPECT_EQ(test_x(k, 0), s.test.labels()[k]);  // features moved with their label
    }
    // Shuffled: the test rows are not simply the last ones.
    EXPECT_LT(*std::min_element(s.test_indices.begin(), s.test_indices.end()), 80);
  }
}

TEST(TrainTestSplit, SeedReproducesAndWithoutShuffleTakesTheLastRows) {
  const Dataset d = numbered(50, false);
  EXPECT_EQ(train_test_split(d, 0.3, 9).test_indices, train_test_split(d, 0.3, 9).test_indices);
  EXPECT_NE(train_test_split(d, 0.3, 9).test_indices, train_test_split(d, 0.3, 10).test_indices);
  const TrainTestSplit s = train_test_split(d, 0.3, 0, false);
  ASSERT_EQ(s.test_indices.size(), 15u);
  EXPECT_EQ(s.test_indices.front(), 35);
  EXPECT_EQ(s.train_indices.back(), 34);
  EXPECT_EQ(train_test_split(d, 0.01, 0).test.n_samples(), 1);  // ceil, as scikit-learn
}

TEST(TrainTestSplit, RejectsFractionsThatLeaveAnEmptyPart) {
  const Dataset d = numbered(10, false);
  EXPECT_THROW(train_test_split(d, 0.0, 0), InvalidArgument);
  EXPECT_THROW(train_test_split(d, 1.0, 0), InvalidArgument);
  EXPECT_THROW(train_test_split(d, 0.95, 0), InvalidArgument);
  EXPECT_THROW(train_test_split(numbered(1, false), 0.5, 0), InvalidArgument);
}

}  // namespace
}  // namespace optiml
