// Softmax, log-sum-exp and softmax cross-entropy: values, stability, gradients.
#include <gtest/gtest.h>

#include <cmath>

#include "gradient_check.hpp"

namespace optiml::tensor {
namespace {

TEST(SoftmaxCrossEntropy, MatchesTheDirectFormulaAndItsGradient) {
  std::mt19937_64 rng(11);
  const Tensor<double> logits = testing::random_tensor(Shape{4, 3}, rng, -2, 2);
  const std::vector<Index> labels = {2, 0, 1, 2};
  Graph<double> g;
  const Var<double> x = g.variable(logits);
  const Var<double> loss = softmax_cross_entropy(x, labels);
  g.backward(loss);
  double expected = 0;
  for (Index b = 0; b < 4; ++b) {
    double z = 0;
    for (Index c = 0; c < 3; ++c) z += std::exp(logits(b, c));
    expected -= std::log(std::exp(logits(b, labels[static_cast<std::size_t>(b)])) / z);
    for (Index c = 0; c < 3; ++c) {
      const double p = std::exp(logits(b, c)) / z;
      const double onehot = c == labels[static_cast<std::size_t>(b)] ? 1 : 0;
      EXPECT_NEAR(x.grad()[b * 3 + c], (p - onehot) / 4, 1e-15);
    }
  }
  EXPECT_NEAR(loss.item(), expected / 4, 1e-14);
}

TEST(SoftmaxCrossEntropy, StableForLargeLogits) {
  Graph<float> g;
  const Var<float> x = g.variable(Tensor<float>(Shape{2, 3}, {1000, 0, -1000, -500, -1000, 2000}));
  const std::vector<Index> labels = {0, 1};
  const Var<float> loss = softmax_cross_entropy(x, labels);
  g.backward(loss);
  EXPECT_FLOAT_EQ(loss.item(), (0.0f + 3000.0f) / 2);
  EXPECT_FLOAT_EQ(x.grad()[4], -0.5f);
  EXPECT_FLOAT_EQ(x.grad()[5], 0.5f);
  for (Index i = 0; i < 6; ++i) EXPECT_TRUE(std::isfinite(x.grad()[i]));
}

TEST(LogSumExp, StableForMagnitudeThousand) {
  Graph<double> g;
  const Var<double> x = g.variable(Tensor<double>(Shape{3, 2}, {1000, 1000, -1000, -1000, 1000, -1000}));
  const Var<double> y = logsumexp(x);
  EXPECT_EQ(y.shape(), Shape{3});
  EXPECT_DOUBLE_EQ(y.value()[0], 1000 + std::log(2.0));
  EXPECT_DOUBLE_EQ(y.value()[1], -1000 + std::log(2.0));
  EXPECT_DOUBLE_EQ(y.value()[2], 1000);
  g.backward(sum(y));
  EXPECT_NEAR(x.grad()[0], 0.5, 1e-12);
  EXPECT_NEAR(x.grad()[4], 1.0, 1e-12);
  EXPECT_EQ(x.grad()[5], 0.0);
  Graph<float> gf;
  const Var<float> yf = logsumexp(gf.input(Tensor<float>(Shape{2}, {1000, 1000})));
  EXPECT_FLOAT_EQ(yf.item(), 1000 + std::log(2.0f));
}

TEST(Softmax, RowsSumToOneAndStayFinite) {
  Graph<float> g;
  const Var<float> y = softmax(g.input(Tensor<float>(Shape{2, 3}, {1000, 999, -1000, 0, 0, 0})));
  EXPECT_NEAR(y.value()[0], 1 / (1 + std::exp(-1.0f)), 1e-6f);
  EXPECT_NEAR(y.value()[2], 0.0f, 1e-30f);
  EXPECT_NEAR(y.value()[3], 1.0f / 3, 1e-7f);
  const Var<float> rows = sum(y, 1);
  EXPECT_NEAR(rows.value()[0], 1.0f, 1e-6f);
  EXPECT_NEAR(rows.value()[1], 1.0f, 1e-6f);
}

TEST(Softmax, LogSoftmaxEqualsXMinusLogSumExp) {
  std::mt19937_64 rng(2);
  Graph<double> g;
  const Var<double> x = g.input(testing::random_tensor(Shape{3, 4}, rng, -5, 5));
  const Var<double> a = log(softmax(x)), b = x - logsumexp(x, true);
  EXPECT_LT((a.value().array() - b.value().array()).abs().maxCoeff(), 1e-14);
}

}  // namespace
}  // namespace optiml::tensor
