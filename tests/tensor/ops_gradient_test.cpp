// Every op's gradient against central finite differences in double.
#include <gtest/gtest.h>

#include "gradient_check.hpp"

namespace optiml::tensor {
namespace {

using testing::gradient_error;
using testing::random_tensor;
constexpr double kTolerance = 1e-6;

std::vector<Tensor<double>> random_leaves(std::initializer_list<Shape> shapes, double low = -1, double high = 1,
                                          unsigned seed = 7) {
  std::mt19937_64 rng(seed);
  std::vector<Tensor<double>> leaves;
  for (const Shape& s : shapes) leaves.push_back(random_tensor(s, rng, low, high));
  return leaves;
}

using V = Var<double>;
using G = Graph<double>;
using Leaves = const std::vector<V>&;

TEST(OpsGradient, BinaryOpsWithAndWithoutBroadcasting) {
  const std::vector<std::pair<Shape, Shape>> pairs = {
      {Shape{3, 4}, Shape{3, 4}}, {Shape{3, 4}, Shape{4}},       {Shape{3, 1}, Shape{1, 4}},
      {Shape{}, Shape{2, 3}},     {Shape{2, 1, 3}, Shape{4, 1}}, {Shape{2, 3, 1, 2}, Shape{1, 1, 4, 2}}};
  for (const auto& [sa, sb] : pairs) {
    SCOPED_TRACE(sa.to_string() + " " + sb.to_string());
    auto leaves = random_leaves({sa, sb});
    leaves[1].array() += 2.0;  // keep divisors away from 0
    EXPECT_LT(gradient_error(leaves, [](G&, Leaves v) { return v[0] + v[1]; }), kTolerance);
    EXPECT_LT(gradient_error(leaves, [](G&, Leaves v) { return v[0] - v[1]; }), kTolerance);
    EXPECT_LT(gradient_error(leaves, [](G&, Leaves v) { return v[0] * v[1]; }), kTolerance);
    EXPECT_LT(gradient_error(leaves, [](G&, Leaves v) { return v[0] / v[1]; }), kTolerance);
    EXPECT_LT(gradient_error(leaves, [](G&, Leaves v) { return v[1] / v[0]; }), 1e-5);
  }
}

TEST(OpsGradient, UnaryOps) {
  const auto any = random_leaves({Shape{3, 4}});
  const auto positive = random_leaves({Shape{3, 4}}, 0.5, 2.0);
  EXPECT_LT(gradient_error(any, [](G&, Leaves v) { return -v[0]; }), kTolerance);
  EXPECT_LT(gradient_error(any, [](G&, Leaves v) { return exp(v[0]); }), kTolerance);
  EXPECT_LT(gradient_error(positive, [](G&, Leaves v) { return log(v[0]); }), kTolerance);
  EXPECT_LT(gradient_error(any, [](G&, Leaves v) { return tanh(v[0]); }), kTolerance);
  EXPECT_LT(gradient_error(any, [](G&, Leaves v) { return sigmoid(v[0]); }), kTolerance);
  EXPECT_LT(gradient_error(any, [](G&, Leaves v) { return relu(v[0]); }), kTolerance);
  EXPECT_LT(gradient_error(positive, [](G&, Leaves v) { return sqrt(v[0]); }), kTolerance);
  EXPECT_LT(gradient_error(any, [](G&, Leaves v) { return square(v[0]); }), kTolerance);
  EXPECT_LT(gradient_error(positive, [](G&, Leaves v) { return pow(v[0], 2.5); }), kTolerance);
  EXPECT_LT(gradient_error(positive, [](G&, Leaves v) { return pow(v[0], -1.5); }), kTolerance);
  EXPECT_LT(gradient_error(any, [](G&, Leaves v) { return 3.0 * v[0] + 1.5; }), kTolerance);
  EXPECT_LT(gradient_error(any, [](G&, Leaves v) { return 2.0 - v[0] / 4.0; }), kTolerance);
}

TEST(OpsGradient, Matmul) {
  EXPECT_LT(gradient_error(random_leaves({Shape{3, 4}, Shape{4, 5}}), [](G&, Leaves v) { return matmul(v[0], v[1]); }),
            kTolerance);
  EXPECT_LT(gradient_error(random_leaves({Shape{1, 4}, Shape{4, 1}}), [](G&, Leaves v) { return matmul(v[0], v[1]); }),
            kTolerance);
  // Large enough for Eigen's blocked kernels.
  EXPECT_LT(gradient_error(random_leaves({Shape{9, 40}, Shape{40, 7}}), [](G&, Leaves v) { return matmul(v[0], v[1]); }),
            kTolerance);
}

TEST(OpsGradient, Reductions) {
  for (const Shape& s : {Shape{5}, Shape{3, 4}, Shape{2, 3, 4}}) {
    SCOPED_TRACE(s.to_string());
    const auto x = random_leaves({s});
    EXPECT_LT(gradient_error(x, [](G&, Leaves v) { return sum(v[0]); }), kTolerance);
    EXPECT_LT(gradient_error(x, [](G&, Leaves v) { return mean(v[0]); }), kTolerance);
    EXPECT_LT(gradient_error(x, [](G&, Leaves v) { return max(v[0]); }), kTolerance);
    for (int axis = 0; axis < s.rank(); ++axis)
      for (bool keep : {false, true}) {
        EXPECT_LT(gradient_error(x, [&](G&, Leaves v) { return sum(v[0], axis, keep); }), kTolerance);
        EXPECT_LT(gradient_error(x, [&](G&, Leaves v) { return mean(v[0], axis, keep); }), kTolerance);
        EXPECT_LT(gradient_error(x, [&](G&, Leaves v) { return max(v[0], axis, keep); }), kTolerance);
      }
  }
}

TEST(OpsGradient, ShapeOps) {
  const auto x = random_leaves({Shape{4, 3}, Shape{2, 3}, Shape{4, 5}});
  EXPECT_LT(gradient_error(x, [](G&, Leaves v) { return reshape(v[0], Shape{2, 6}); }), kTolerance);
  EXPECT_LT(gradient_error(x, [](G&, Leaves v) { return reshape(v[0], Shape{12}); }), kTolerance);
  EXPECT_LT(gradient_error(x, [](G&, Leaves v) { return transpose(v[0]); }), kTolerance);
  EXPECT_LT(gradient_error(x, [](G&, Leaves v) { return slice_rows(v[0], 1, 3); }), kTolerance);
  EXPECT_LT(gradient_error(x, [](G&, Leaves v) { return concat({v[0], v[1], v[0]}, 0); }), kTolerance);
  EXPECT_LT(gradient_error(x, [](G&, Leaves v) { return concat({v[0], v[2]}, 1); }), kTolerance);
  EXPECT_LT(gradient_error(x, [](G&, Leaves v) { return concat({v[2], v[0]}, -1); }), kTolerance);
}

TEST(OpsGradient, SoftmaxFamily) {
  const auto x = random_leaves({Shape{3, 5}}, -3, 3);
  EXPECT_LT(gradient_error(x, [](G&, Leaves v) { return logsumexp(v[0]); }), kTolerance);
  EXPECT_LT(gradient_error(x, [](G&, Leaves v) { return logsumexp(v[0], true); }), kTolerance);
  EXPECT_LT(gradient_error(x, [](G&, Leaves v) { return softmax(v[0]); }), kTolerance);
  const std::vector<Index> labels = {4, 0, 2};
  EXPECT_LT(gradient_error(x, [&](G&, Leaves v) { return softmax_cross_entropy(v[0], labels); }), kTolerance);
  const auto x3 = random_leaves({Shape{2, 2, 4}}, -3, 3);
  EXPECT_LT(gradient_error(x3, [](G&, Leaves v) { return softmax(v[0]); }), kTolerance);
  EXPECT_LT(gradient_error(x3, [](G&, Leaves v) { return logsumexp(v[0]); }), kTolerance);
}

}  // namespace
}  // namespace optiml::tensor
