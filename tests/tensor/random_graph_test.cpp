// Seeded random expression graphs (random ops, broadcastable shapes, shared
// subexpressions) against finite differences in double, and float against double.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "gradient_check.hpp"

namespace optiml::tensor {
namespace {

constexpr int kGraphs = 500;

// Every array in a graph broadcasts to (rows, cols), so any two combine.
struct Family {
  Index rows = 1, cols = 1;
  std::vector<Shape> leaves;  // the last one is a (cols, cols) weight for matmul
};

Family family_for(std::uint64_t seed) {
  std::mt19937_64 rng(seed * 7919 + 13);
  Family f;
  f.rows = 1 + static_cast<Index>(rng() % 4);
  f.cols = 1 + static_cast<Index>(rng() % 4);
  const Index r = f.rows, c = f.cols;
  const Shape candidates[] = {Shape{r, c}, Shape{1, c}, Shape{r, 1}, Shape{c}, Shape{}, Shape{1, 1}, Shape{r, c}};
  f.leaves = {Shape{r, c}, candidates[rng() % 7], candidates[rng() % 7], Shape{c, c}};
  return f;
}

bool fits(const Shape& s, const Family& f) {
  const Shape target{f.rows, f.cols};
  try {
    return broadcast_shapes("fits", s, target) == target;
  } catch (const InvalidArgument&) {
    return false;
  }
}

// Choices depend on the seed and on shapes only, so float and double build the same graph.
template <class T>
Var<T> random_graph(Graph<T>&, const std::vector<Var<T>>& leaves, std::uint64_t seed, const Family& f) {
  std::mt19937_64 rng(seed);
  std::vector<Var<T>> pool(leaves.begin(), leaves.end() - 1);
  const Var<T> w = leaves.back();
  auto pick = [&] { return pool[rng() % pool.size()]; };
  const int steps = 6 + static_cast<int>(rng() % 9);
  for (int step = 0; step < steps; ++step) {
    const Var<T> x = pick(), y = pick();
    const Shape sx = x.shape(), sy = y.shape();
    Var<T> r;
    switch (rng() % 20) {
      case 0: r = x + y; break;
      case 1: r = x - y; break;
      case 2: r = x * y; break;
      case 3: r = x / (square(y) + T(1)); break;
      case 4: r = -x; break;
      case 5: r = tanh(x); break;
      case 6: r = sigmoid(x) * T(2); break;
      case 7: r = exp(tanh(x)); break;
      case 8: r = log(square(x) + T(0.5)); break;
      case 9: r = sqrt(square(x) + T(0.5)); break;
      case 10: {
        const double exponents[] = {-1.5, 0.5, 3.0};
        r = pow(square(x) + T(0.5), exponents[rng() % 3]);
        break;
      }
      case 11: r = relu(x) + T(0.25) * x; break;
      case 12: r = T(0.5) * square(x) - T(1); break;
      case 13: {
        const auto which = rng() % 3;
        const bool all = sx.rank() == 0 || rng() % 4 == 0;
        const int axis = sx.rank() == 0 ? 0 : static_cast<int>(rng() % static_cast<unsigned>(sx.rank()));
        if (which == 0) r = all ? sum(x) : sum(x, axis, true);
        if (which == 1) r = all ? mean(x) : mean(x, axis, true);
        if (which == 2) r = all ? max(x) : max(x, axis, true);
        break;
      }
      case 14:
        if (sx.rank() >= 1) r = softmax(x) * T(3);
        break;
      case 15:
        if (sx.rank() >= 1) r = logsumexp(x, true);
        break;
      case 16:
        if (sx.rank() == 2 && sx[1] == f.cols)
          r = matmul(x, w);
        else if (sx.rank() == 2 && sy.rank() == 2 && sx[1] == sy[0])
          r = matmul(x, y);
        break;
      case 17: r = reshape(reshape(x, Shape{sx.size()}), sx); break;
      case 18:
        if (sx.rank() == 2) {
          const Var<T> z = concat({x, sy == sx ? y : x}, 0);
          const Index k = static_cast<Index>(rng() % static_cast<std::uint64_t>(sx[0] + 1));
          r = slice_rows(z, k, k + sx[0]);
        }
        break;
      case 19:
        if (sx.rank() == 2) {
          const Var<T> z = transpose(concat({sy == sx ? y : x, x}, 1));
          const Index k = static_cast<Index>(rng() % static_cast<std::uint64_t>(sx[1] + 1));
          r = transpose(slice_rows(z, k, k + sx[1]));
        }
        break;
    }
    if (r.graph() != nullptr && fits(r.shape(), f)) pool.push_back(r);
  }
  const std::size_t n = pool.size();
  return pool[n - 1] + pool[n - 2] * pool[n - 3];
}

std::vector<Tensor<double>> leaves_for(std::uint64_t seed, const Family& f) {
  std::mt19937_64 rng(seed + 100003);
  std::vector<Tensor<double>> leaves;
  for (const Shape& s : f.leaves) leaves.push_back(testing::random_tensor(s, rng));
  return leaves;
}

std::string format(double x) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3g", x);
  return text;
}

TEST(RandomGraphs, GradientsMatchFiniteDifferences) {
  double worst = 0;
  Index nodes = 0;
  for (std::uint64_t seed = 1; seed <= kGraphs; ++seed) {
    const Family f = family_for(seed);
    Graph<double> g;
    testing::evaluate(g, leaves_for(seed, f), [&](auto& gg, const auto& v) { return random_graph(gg, v, seed, f); },
                      false);
    nodes += g.num_nodes();
    const double error = testing::gradient_error(
        leaves_for(seed, f), [&](auto& g, const auto& v) { return random_graph(g, v, seed, f); });
    EXPECT_LT(error, 1e-6) << "seed " << seed;
    worst = std::max(worst, error);
  }
  RecordProperty("worst_relative_error", format(worst));
  RecordProperty("mean_nodes", format(static_cast<double>(nodes) / kGraphs));
}

TEST(RandomGraphs, FloatAgreesWithDouble) {
  double worst = 0;
  for (std::uint64_t seed = 1; seed <= kGraphs; ++seed) {
    const Family f = family_for(seed);
    const auto leaves = leaves_for(seed, f);
    auto build = [&](auto& g, const auto& v) { return random_graph(g, v, seed, f); };
    Graph<double> gd;
    Graph<float> gf;
    const auto d = testing::evaluate(gd, leaves, build, true);
    const auto s = testing::evaluate(gf, leaves, build, true);
    double error = std::abs(s.loss - d.loss) / std::max(std::abs(d.loss), 1e-2);
    for (std::size_t k = 0; k < leaves.size(); ++k) {
      double diff = 0, scale = 1e-2;
      for (std::size_t i = 0; i < d.grads[k].size(); ++i) {
        diff = std::max(diff, std::abs(s.grads[k][i] - d.grads[k][i]));
        scale = std::max(scale, std::abs(d.grads[k][i]));
      }
      error = std::max(error, diff / scale);
    }
    EXPECT_LT(error, 1e-4) << "seed " << seed;
    worst = std::max(worst, error);
  }
  RecordProperty("worst_relative_error", format(worst));
}

}  // namespace
}  // namespace optiml::tensor
