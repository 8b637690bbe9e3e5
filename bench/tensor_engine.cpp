// The array engine (include/optiml/tensor) on the cases of bench/tensor_engine.py,
// which runs torch.autograd on the same ones in the same invocation:
//  - extended Rosenbrock, n = 10^6, double: value (no-grad) and value + gradient,
//    the cheap-gradient ratio (Griewank & Walther 4.6: target <= 4);
//  - a 3-layer MLP (784-512-256-10, relu, softmax cross-entropy), batch 256,
//    float: loss + gradient of every parameter per step.
// Prints one JSON line per case; medians over repeats.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include "optiml/tensor/ops.hpp"

namespace {

using namespace optiml::tensor;
using optiml::Index;

template <class F>
double median_seconds(F&& body, int repeats) {
  std::vector<double> t;
  for (int r = 0; r < repeats; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    body();
    t.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::nth_element(t.begin(), t.begin() + static_cast<long>(t.size() / 2), t.end());
  return t[t.size() / 2];
}

// f = sum 100 (x_{2i} - x_{2i-1}^2)^2 + (1 - x_{2i-1})^2 on x viewed as (n/2, 2).
template <class T>
Var<T> rosenbrock(Graph<T>& g, const Var<T>& x, Index n) {
  const Var<T> pairs = transpose(reshape(x, Shape{n / 2, 2}));  // (2, n/2): odd then even entries
  const Var<T> xo = slice_rows(pairs, 0, 1), xe = slice_rows(pairs, 1, 2);
  const Var<T> t = xe - square(xo);
  const Var<T> u = g.scalar(T(1)) - xo;
  return sum(square(t)) * T(100) + sum(square(u));
}

void bench_rosenbrock(Index n, int repeats) {
  Tensor<double> x0(Shape{n});
  for (Index i = 0; i < n; ++i) x0.data()[i] = i % 2 ? 1.0 : -1.2;
  Graph<double> g;
  double f = 0.0;
  auto value = [&] {
    g.reset();
    NoGradGuard guard(g);
    f = rosenbrock(g, g.input(x0), n).item();
  };
  double gnorm = 0.0;
  auto gradient = [&] {
    g.reset();
    const Var<double> x = g.parameter(x0);
    const Var<double> y = rosenbrock(g, x, n);
    g.backward(y);
    f = y.item();
    gnorm = x.grad().array().abs().maxCoeff();
  };
  value();
  gradient();
  const double tv = median_seconds(value, repeats);
  const double tg = median_seconds(gradient, repeats);
  std::printf("{\"case\": \"rosenbrock\", \"n\": %ld, \"value_s\": %.6f, \"value_and_gradient_s\": %.6f, \"f\": %.17g, "
              "\"gnorm_inf\": %.17g}\n",
              static_cast<long>(n), tv, tg, f, gnorm);
}

void bench_mlp(Index batch, int repeats) {
  std::mt19937_64 rng(0);
  std::normal_distribution<float> normal(0.0f, 1.0f);
  auto init = [&](Shape s, float scale) {
    Tensor<float> t(s);
    for (Index i = 0; i < t.size(); ++i) t.data()[i] = scale * normal(rng);
    return t;
  };
  Tensor<float> x = init(Shape{batch, 784}, 1.0f);
  Tensor<float> w1 = init(Shape{784, 512}, 0.05f), b1 = init(Shape{512}, 0.0f);
  Tensor<float> w2 = init(Shape{512, 256}, 0.06f), b2 = init(Shape{256}, 0.0f);
  Tensor<float> w3 = init(Shape{256, 10}, 0.09f), b3 = init(Shape{10}, 0.0f);
  std::vector<Index> labels(static_cast<std::size_t>(batch));
  for (Index i = 0; i < batch; ++i) labels[static_cast<std::size_t>(i)] = i % 10;
  Graph<float> g;
  float loss = 0.0f;
  auto step = [&] {
    g.reset();
    const Var<float> W1 = g.parameter(w1), B1 = g.parameter(b1), W2 = g.parameter(w2), B2 = g.parameter(b2),
                     W3 = g.parameter(w3), B3 = g.parameter(b3);
    const Var<float> h1 = relu(matmul(g.input(x), W1) + B1);
    const Var<float> h2 = relu(matmul(h1, W2) + B2);
    const Var<float> l = softmax_cross_entropy(matmul(h2, W3) + B3, std::span<const Index>(labels));
    g.backward(l);
    loss = l.item();
  };
  step();
  const long allocations = static_cast<long>(g.allocations());
  const double t = median_seconds(step, repeats);
  std::printf("{\"case\": \"mlp\", \"batch\": %ld, \"step_s\": %.6f, \"loss\": %.9g, \"allocations_after_first\": %ld}\n",
              static_cast<long>(batch), t, static_cast<double>(loss), static_cast<long>(g.allocations()) - allocations);
}

}  // namespace

int main(int argc, char** argv) {
  const int repeats = argc > 1 ? std::atoi(argv[1]) : 11;
  bench_rosenbrock(1000000, repeats);
  bench_mlp(256, repeats * 5);
  return 0;
}
