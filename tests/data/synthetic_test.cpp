#include "optiml/data/synthetic.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "optiml/core/error.hpp"

namespace optiml {
namespace {

double correlation(const Vector& a, const Vector& b) {
  const Vector ca = a.array() - a.mean(), cb = b.array() - b.mean();
  return ca.dot(cb) / (ca.norm() * cb.norm());
}

TEST(Synthetic, SameSeedSameBitsOtherSeedOtherData) {
  RegressionOptions o;
  o.n_samples = 50;
  o.n_features = 8;
  o.correlation = 0.3;
  o.seed = 42;
  const SyntheticProblem a = make_regression(o), b = make_regression(o);
  EXPECT_EQ(a.dataset.dense(), b.dataset.dense());
  EXPECT_EQ(a.dataset.labels(), b.dataset.labels());
  EXPECT_EQ(a.coefficients, b.coefficients);
  o.seed = 43;
  EXPECT_NE(make_regression(o).dataset.dense(), a.dataset.dense());

  ClassificationOptions c;
  c.n_classes = 4;
  c.label_flip = 0.2;
  c.density = 0.3;
  c.seed = 7;
  const SyntheticProblem x = make_classification(c), y = make_classification(c);
  EXPECT_EQ(Matrix(x.dataset.sparse()), Matrix(y.dataset.sparse()));
  EXPECT_EQ(x.dataset.labels(), y.dataset.labels());
}

// Pins the generator's first numbers, so an accidental change of the stream is noticed.
TEST(Synthetic, StreamIsPinned) {
  RegressionOptions o;
  o.n_samples = 2;
  o.n_features = 2;
  o.seed = 1;
  const SyntheticProblem p = make_regression(o);
  EXPECT_EQ(p.coefficients(0, 0), 0x1.16007c53e018dp+0);
  EXPECT_EQ(p.coefficients(1, 0), 0x1.2782e8e62deb2p-3);
  EXPECT_EQ(p.dataset.dense()(1, 1), 0x1.045b5f9ab1f98p-1);
}

TEST(Synthetic, RegressionHasKNonzerosAndTheRequestedNoise) {
  RegressionOptions o;
  o.n_samples = 20000;
  o.n_features = 30;
  o.n_informative = 5;
  o.noise_std = 0.5;
  o.intercept = 2.0;
  o.seed = 3;
  const SyntheticProblem p = make_regression(o);
  ASSERT_EQ(p.coefficients.rows(), 30);
  ASSERT_EQ(p.coefficients.cols(), 1);
  EXPECT_EQ((p.coefficients.array() != 0.0).count(), 5);
  const Vector& x_w = p.clean_labels;
  EXPECT_LT((x_w - (p.dataset.dense() * p.coefficients.col(0)).array().matrix() - Vector::Constant(20000, 2.0)).norm(),
            1e-9);
  const Vector noise = p.dataset.labels() - p.clean_labels;
  EXPECT_NEAR(noise.mean(), 0.0, 0.02);
  EXPECT_NEAR(std::sqrt(noise.squaredNorm() / 20000.0), 0.5, 0.02);
}

TEST(Synthetic, ToeplitzCorrelationIsCloseToRhoPowers) {
  RegressionOptions o;
  o.n_samples = 20000;
  o.n_features = 6;
  o.correlation = 0.7;
  o.seed = 11;
  const Matrix x = make_regression(o).dataset.dense();
  for (Index j = 0; j < 6; ++j) EXPECT_NEAR(std::sqrt(x.col(j).squaredNorm() / 20000.0), 1.0, 0.03);
  EXPECT_NEAR(correlation(x.col(0), x.col(1)), 0.7, 0.02);
  EXPECT_NEAR(correlation(x.col(3), x.col(4)), 0.7, 0.02);
  EXPECT_NEAR(correlation(x.col(1), x.col(3)), 0.49, 0.02);
  EXPECT_NEAR(correlation(x.col(0), x.col(5)), std::pow(0.7, 5), 0.02);
  o.correlation = -0.5;
  const Matrix z = make_regression(o).dataset.dense();
  EXPECT_NEAR(correlation(z.col(2), z.col(3)), -0.5, 0.02);
}

TEST(Synthetic, BinaryLabelsFollowTheSignAndFlipAtTheRequestedRate) {
  ClassificationOptions o;
  o.n_samples = 20000;
  o.n_features = 10;
  o.n_informative = 4;
  o.label_flip = 0.1;
  o.seed = 5;
  const SyntheticProblem p = make_classification(o);
  ASSERT_EQ(p.coefficients.cols(), 1);
  EXPECT_EQ((p.coefficients.array() != 0.0).count(), 4);
  const Vector scores = p.dataset.dense() * p.coefficients.col(0);
  Index flipped = 0;
  for (Index i = 0; i < o.n_samples; ++i) {
    EXPECT_EQ(p.clean_labels[i], scores[i] > 0 ? 1.0 : 0.0);
    const double y = p.dataset.labels()[i];
    ASSERT_TRUE(y == 0.0 || y == 1.0);
    flipped += y != p.clean_labels[i];
  }
  EXPECT_NEAR(static_cast<double>(flipped) / 20000.0, 0.1, 0.01);
  EXPECT_NEAR(p.clean_labels.mean(), 0.5, 0.03);  // a symmetric design splits the classes evenly
}

TEST(Synthetic, MulticlassLabelsAreArgmaxAndFlipToOtherClasses) {
  ClassificationOptions o;
  o.n_samples = 20000;
  o.n_features = 12;
  o.n_classes = 5;
  o.label_flip = 0.25;
  o.seed = 9;
  const SyntheticProblem p = make_classification(o);
  ASSERT_EQ(p.coefficients.cols(), 5);
  const Matrix scores = p.dataset.dense() * p.coefficients;
  Index flipped = 0;
  Eigen::VectorXi counts = Eigen::VectorXi::Zero(5);
  for (Index i = 0; i < o.n_samples; ++i) {
    Index best = 0;
    scores.row(i).maxCoeff(&best);
    EXPECT_EQ(p.clean_labels[i], static_cast<double>(best));
    const double y = p.dataset.labels()[i];
    ASSERT_TRUE(y >= 0 && y <= 4 && y == std::floor(y));
    flipped += y != p.clean_labels[i];
    ++counts[static_cast<Index>(y)];
  }
  EXPECT_NEAR(static_cast<double>(flipped) / 20000.0, 0.25, 0.015);
  EXPECT_GT(counts.minCoeff(), 0);
}

TEST(Synthetic, SparseDesignHasTheRequestedDensity) {
  RegressionOptions o;
  o.n_samples = 2000;
  o.n_features = 500;
  o.density = 0.02;
  o.n_informative = 10;
  o.seed = 2;
  const SyntheticProblem p = make_regression(o);
  ASSERT_TRUE(p.dataset.is_sparse());
  EXPECT_NEAR(static_cast<double>(p.dataset.sparse().nonZeros()) / (2000.0 * 500.0), 0.02, 0.001);
  EXPECT_LT((p.clean_labels - p.dataset.sparse() * p.coefficients.col(0)).norm(), 1e-9);
  // Every column is hit: the gaps are not biased to the front of the row.
  const Vector column_counts = Matrix(p.dataset.sparse()).cwiseAbs().colwise().sum().transpose();
  EXPECT_GT((column_counts.array() > 0).count(), 490);
}

TEST(Synthetic, InvalidOptionsNameTheField) {
  RegressionOptions o;
  o.n_informative = 11;
  EXPECT_THROW(make_regression(o), InvalidArgument);
  o = {};
  o.correlation = 1.0;
  EXPECT_THROW(make_regression(o), InvalidArgument);
  o = {};
  o.density = 0.5;
  o.correlation = 0.5;
  EXPECT_THROW(make_regression(o), InvalidArgument);
  ClassificationOptions c;
  c.n_classes = 1;
  EXPECT_THROW(make_classification(c), InvalidArgument);
  c = {};
  c.label_flip = 1.5;
  try {
    make_classification(c);
    FAIL();
  } catch (const InvalidArgument& e) {
    EXPECT_EQ(std::string(e.what()), "synthetic data: label_flip is 1.5, expected in [0, 1]");
  }
}

}  // namespace
}  // namespace optiml
