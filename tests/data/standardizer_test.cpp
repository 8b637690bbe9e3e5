#include "optiml/data/standardizer.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "optiml/core/error.hpp"
#include "optiml/data/synthetic.hpp"

namespace optiml {
namespace {

TEST(Standardizer, DenseTrainDataGetsMeanZeroAndStdOne) {
  RegressionOptions o;
  o.n_samples = 500;
  o.n_features = 4;
  o.correlation = 0.5;
  o.seed = 4;
  Matrix x = make_regression(o).dataset.dense();
  x.col(1) = x.col(1) * 30.0 + Vector::Constant(500, 7.0);
  x.col(3).setConstant(2.5);  // constant feature
  const Dataset train(x, Vector::Zero(500), {"a", "b", "c", "d"});
  Standardizer s;
  const Dataset z = s.fit_transform(train);
  EXPECT_TRUE(s.centers());
  EXPECT_EQ(z.feature_names(), train.feature_names());
  for (Index j = 0; j < 3; ++j) {
    EXPECT_NEAR(z.dense().col(j).mean(), 0.0, 1e-12);
    EXPECT_NEAR(std::sqrt(z.dense().col(j).squaredNorm() / 500.0), 1.0, 1e-12);
  }
  EXPECT_EQ(s.scale()[3], 1.0);
  EXPECT_NEAR(z.dense().col(3).cwiseAbs().maxCoeff(), 0.0, 1e-12);
  EXPECT_NEAR(s.mean()[1], x.col(1).mean(), 1e-12);
  EXPECT_LT((s.inverse_transform(z.dense()) - x).cwiseAbs().maxCoeff(), 1e-12);
}

TEST(Standardizer, TestDataUsesTheTrainingStatistics) {
  Matrix train(2, 1), test(1, 1);
  train << 1, 3;  // mean 2, std 1
  test << 5;
  Standardizer s;
  s.fit(Dataset(train, Vector::Zero(2)));
  EXPECT_EQ(s.transform(test)(0, 0), 3.0);
  EXPECT_THROW(s.transform(Matrix::Zero(1, 2)), InvalidArgument);
  EXPECT_THROW(Standardizer().transform(test), InvalidArgument);
}

TEST(Standardizer, SparseDataIsScaledButNotCentered) {
  Matrix x(4, 3);
  x << 1, 0, 0, 0, 2, 0, 3, 0, 0, 0, 4, 0;
  const Dataset d(SparseMatrix(x.sparseView()), Vector::Zero(4));
  Standardizer s;
  const Dataset z = s.fit_transform(d);
  EXPECT_FALSE(s.centers());
  ASSERT_TRUE(z.is_sparse());
  EXPECT_EQ(z.sparse().nonZeros(), 4);
  // Column 0: values 1, 0, 3, 0 -> mean 1, population std sqrt(1.5); the zeros stay zeros.
  EXPECT_DOUBLE_EQ(s.mean()[0], 1.0);
  EXPECT_DOUBLE_EQ(s.scale()[0], std::sqrt(1.5));
  EXPECT_DOUBLE_EQ(z.to_dense()(2, 0), 3.0 / std::sqrt(1.5));
  EXPECT_EQ(z.to_dense()(1, 0), 0.0);
  EXPECT_EQ(s.scale()[2], 1.0);  // all-zero column
  // The same statistics as the dense computation.
  Standardizer dense;
  dense.fit(Dataset(x, Vector::Zero(4)));
  EXPECT_LT((dense.scale() - s.scale()).cwiseAbs().maxCoeff(), 1e-15);
  EXPECT_THROW(Standardizer().fit(Dataset()), InvalidArgument);
}

}  // namespace
}  // namespace optiml
