// The tape: forward values, gradient accumulation, no-grad mode, buffer reuse, user-defined ops.
#include "optiml/tensor/graph.hpp"

#include <gtest/gtest.h>

#include "gradient_check.hpp"

namespace optiml::tensor {
namespace {

TEST(Graph, ForwardValuesMatchEigen) {
  Graph<double> g;
  std::mt19937_64 rng(1);
  const Tensor<double> a = testing::random_tensor(Shape{3, 4}, rng), b = testing::random_tensor(Shape{4, 2}, rng);
  const Tensor<double> bias = testing::random_tensor(Shape{2}, rng);
  const Var<double> y = matmul(g.input(a), g.input(b)) + g.input(bias);
  const Eigen::MatrixXd expected = (a.matrix() * b.matrix()).rowwise() + bias.array().matrix().transpose();
  EXPECT_EQ(y.shape(), (Shape{3, 2}));
  EXPECT_LT((y.value().matrix() - expected).cwiseAbs().maxCoeff(), 1e-14);
  const Var<double> m = max(g.input(a), 1);
  for (Index i = 0; i < 3; ++i) EXPECT_EQ(m.value()[i], a.matrix().row(i).maxCoeff());
  EXPECT_NEAR(sum(g.input(a)).item(), a.array().sum(), 1e-14);  // summation order may differ
}

TEST(Graph, GradientsAddOverSharedSubexpressions) {
  // y = x*x + x is used twice in z = y*y: dz/dx = 2 y (2x + 1).
  Graph<double> g;
  const Tensor<double> x0(Shape{3}, {0.5, -1.0, 2.0});
  const Var<double> x = g.variable(x0);
  const Var<double> y = x * x + x;
  g.backward(sum(y * y));
  for (Index i = 0; i < 3; ++i) {
    const double xi = x0[i], yi = xi * xi + xi;
    EXPECT_DOUBLE_EQ(x.grad()[i], 2 * yi * (2 * xi + 1));
  }
  // A leaf used by several ops and broadcast into a larger shape.
  g.reset();
  const Var<double> s = g.variable(Tensor<double>(Shape{}, {3.0}));
  const Var<double> m = g.input(Tensor<double>(Shape{2, 2}, {1, 2, 3, 4}));
  g.backward(sum(s * m + s));
  EXPECT_DOUBLE_EQ(s.grad()[0], 10.0 + 4.0);
}

TEST(Graph, BackwardStartsFromZeroEachTime) {
  Graph<double> g;
  const Var<double> x = g.variable(Tensor<double>(Shape{2}, {1.0, 2.0}));
  const Var<double> loss = sum(square(x));
  g.backward(loss);
  g.backward(loss);
  EXPECT_DOUBLE_EQ(x.grad()[1], 4.0);
}

TEST(Graph, NoGradRecordsNothing) {
  Graph<float> g;
  const Var<float> w = g.variable(Tensor<float>(Shape{2, 2}, {1, 2, 3, 4}));
  const Index before = g.num_recorded();
  {
    NoGradGuard guard(g);
    const Var<float> y = tanh(matmul(w, w)) * 2.0f;
    EXPECT_FALSE(y.requires_grad());
    EXPECT_FLOAT_EQ(y.value()[0], 2 * std::tanh(7.0f));
    EXPECT_EQ(g.num_recorded(), before);
    EXPECT_THROW(g.backward(sum(y)), InvalidArgument);
  }
  EXPECT_TRUE(g.grad_enabled());
  const Var<float> z = sum(w * w);
  EXPECT_TRUE(z.requires_grad());
  EXPECT_EQ(g.num_recorded(), before + 2);
}

TEST(Graph, InputsTakeNoGradient) {
  Graph<double> g;
  const Var<double> c = g.input(Tensor<double>(Shape{2}, {1, 2}));
  const Var<double> x = g.variable(Tensor<double>(Shape{2}, {3, 4}));
  const Var<double> unused = g.variable(Tensor<double>(Shape{2}, {5, 6}));
  g.backward(sum(c * x));
  EXPECT_FALSE(c.requires_grad());
  EXPECT_THROW(c.grad(), InvalidArgument);
  EXPECT_DOUBLE_EQ(x.grad()[1], 2.0);
  EXPECT_DOUBLE_EQ(unused.grad()[0], 0.0);  // not on a path to the loss
}

TEST(Graph, ParametersAreReadInPlace) {
  Tensor<double> w(Shape{2}, {1.0, 2.0});
  Graph<double> g;
  const Var<double> p = g.parameter(w);
  EXPECT_EQ(p.value().data, w.data());
  g.backward(sum(square(p)));
  EXPECT_DOUBLE_EQ(p.grad()[1], 4.0);
}

TEST(Graph, HandlesFromBeforeResetOrAnotherGraphAreRejected) {
  Graph<double> g, other;
  const Var<double> x = g.variable(Tensor<double>(Shape{2}));
  const Var<double> y = other.variable(Tensor<double>(Shape{2}));
  EXPECT_THROW(x + y, InvalidArgument);
  g.reset();
  EXPECT_THROW(exp(x), InvalidArgument);
  EXPECT_THROW(exp(Var<double>()), InvalidArgument);
}

// One training step of a small MLP: softmax_cross_entropy(relu(x W1 + b1) W2 + b2).
template <class T>
T mlp_step(Graph<T>& g, const Tensor<T>& x, std::span<const Index> labels, std::vector<Tensor<T>>& params) {
  g.reset();
  const Var<T> w1 = g.parameter(params[0]), b1 = g.parameter(params[1]);
  const Var<T> w2 = g.parameter(params[2]), b2 = g.parameter(params[3]);
  const Var<T> hidden = relu(matmul(g.input(x), w1) + b1);
  const Var<T> loss = softmax_cross_entropy(matmul(hidden, w2) + b2, labels);
  g.backward(loss);
  const Var<T> ws[] = {w1, b1, w2, b2};
  for (int k = 0; k < 4; ++k) params[static_cast<std::size_t>(k)].array() -= T(0.5) * ws[k].grad().array();
  return loss.item();
}

TEST(Graph, RepeatedStepsAllocateNothingAfterTheFirst) {
  std::mt19937_64 rng(3);
  const Index batch = 16, features = 5, hidden = 8, classes = 3;
  Tensor<float> x = testing::cast<float>(testing::random_tensor(Shape{batch, features}, rng));
  std::vector<Index> labels(static_cast<std::size_t>(batch));
  for (Index b = 0; b < batch; ++b) labels[static_cast<std::size_t>(b)] = x(b, 0) > 0 ? (x(b, 1) > 0 ? 2 : 1) : 0;
  std::vector<Tensor<float>> params = {
      testing::cast<float>(testing::random_tensor(Shape{features, hidden}, rng)), Tensor<float>(Shape{hidden}),
      testing::cast<float>(testing::random_tensor(Shape{hidden, classes}, rng)), Tensor<float>(Shape{classes})};
  Graph<float> g;
  const float first = mlp_step(g, x, labels, params);
  const Index after_first = g.allocations();
  EXPECT_GT(after_first, 0);
  float last = first;
  for (int step = 0; step < 50; ++step) last = mlp_step(g, x, labels, params);
  EXPECT_EQ(g.allocations(), after_first);
  EXPECT_LT(last, 0.7f * first);  // and it learns
}

// A user-defined op, as in docs/tensor.md: y = x^3 elementwise.
template <class T>
class Cube final : public Op<T> {
 public:
  explicit Cube(T backward_factor = 3) : factor_(backward_factor) {}
  std::string_view name() const override { return "cube"; }
  Shape output_shape(const OpContext<T>& ctx) const override { return ctx.input_shape(0); }
  void forward(OpContext<T>& ctx) const override { ctx.output().array() = ctx.input(0).array().cube(); }
  void backward(OpContext<T>& ctx) const override {
    ctx.input_grad(0).array() += factor_ * ctx.output_grad().array() * ctx.input(0).array().square();
  }

 private:
  T factor_;  // 3 is right; anything else is a deliberate bug for the checker to catch
};

TEST(Graph, UserDefinedOpsPlugIn) {
  static const Cube<double> cube;
  static const Cube<double> wrong_cube(2.9);
  std::mt19937_64 rng(5);
  const std::vector<Tensor<double>> leaves = {testing::random_tensor(Shape{3, 2}, rng)};
  EXPECT_LT(testing::gradient_error(leaves,
                                    [](Graph<double>& g, const std::vector<Var<double>>& v) {
                                      return g.apply(cube, {tanh(v[0])}) * v[0];
                                    }),
            1e-6);
  // The checker notices a wrong derivative.
  EXPECT_GT(testing::gradient_error(leaves,
                                    [](Graph<double>& g, const std::vector<Var<double>>& v) {
                                      return g.apply(wrong_cube, {v[0]});
                                    }),
            1e-2);
}

}  // namespace
}  // namespace optiml::tensor
