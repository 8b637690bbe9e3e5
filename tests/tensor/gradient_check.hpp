#pragma once
// Central finite differences against reverse mode, for the tensor tests.
#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "optiml/tensor/ops.hpp"

namespace optiml::tensor::testing {

// Deterministic, position-dependent weights so that sum(weights * y) has a
// non-trivial gradient even where sum(y) does not (softmax rows sum to 1).
template <class T>
Tensor<T> weights_for(const Shape& shape) {
  Tensor<T> w(shape);
  for (Index i = 0; i < w.size(); ++i) w[i] = static_cast<T>(std::sin(1.3 * static_cast<double>(i) + 0.7));
  return w;
}

// Scalar loss from any output: sum(weights * y).
template <class T>
Var<T> weighted_sum(Graph<T>& g, const Var<T>& y) {
  return sum(y * g.input(weights_for<T>(y.shape())));
}

template <class T>
Tensor<T> cast(const Tensor<double>& t) {
  Tensor<T> out(t.shape());
  for (Index i = 0; i < t.size(); ++i) out[i] = static_cast<T>(t[i]);
  return out;
}

template <class T>
struct Evaluation {
  double loss = 0;
  std::vector<std::vector<double>> grads;  // one per leaf
};

// Builds `build(graph, leaves)` (an output of any shape), reduces it with
// weighted_sum and returns the loss and, when asked, the leaves' gradients.
template <class T, class Build>
Evaluation<T> evaluate(Graph<T>& g, const std::vector<Tensor<double>>& leaves, Build&& build, bool gradients) {
  g.reset();
  std::vector<Var<T>> vars;
  std::vector<Tensor<T>> values;
  values.reserve(leaves.size());
  for (const Tensor<double>& t : leaves) {
    values.push_back(cast<T>(t));
    vars.push_back(g.variable(values.back()));
  }
  const Var<T> loss = weighted_sum(g, build(g, vars));
  Evaluation<T> e;
  e.loss = static_cast<double>(loss.item());
  if (gradients) {
    g.backward(loss);
    for (const Var<T>& v : vars) {
      const ConstTensorView<T> gv = v.grad();
      e.grads.emplace_back(gv.data, gv.data + gv.size());
    }
  }
  return e;
}

// max over leaves of ||ad - fd||_inf / max(||ad||_inf, ||fd||_inf, floor).
template <class Build>
double gradient_error(const std::vector<Tensor<double>>& leaves, Build&& build, double floor = 1e-2) {
  Graph<double> g;
  const Evaluation<double> ad = evaluate(g, leaves, build, true);
  double worst = 0;
  std::vector<Tensor<double>> x = leaves;
  for (std::size_t k = 0; k < leaves.size(); ++k) {
    double diff = 0, scale = floor;
    for (Index i = 0; i < leaves[k].size(); ++i) {
      const double x0 = leaves[k][i], h = 1e-5 * std::max(1.0, std::abs(x0));
      x[k][i] = x0 + h;
      const double fp = evaluate(g, x, build, false).loss;
      x[k][i] = x0 - h;
      const double fm = evaluate(g, x, build, false).loss;
      x[k][i] = x0;
      const double fd = (fp - fm) / (2 * h), a = ad.grads[k][static_cast<std::size_t>(i)];
      diff = std::max(diff, std::abs(a - fd));
      scale = std::max({scale, std::abs(a), std::abs(fd)});
    }
    worst = std::max(worst, diff / scale);
  }
  return worst;
}

inline Tensor<double> random_tensor(const Shape& shape, std::mt19937_64& rng, double low = -1, double high = 1) {
  std::uniform_real_distribution<double> u(low, high);
  Tensor<double> t(shape);
  for (Index i = 0; i < t.size(); ++i) t[i] = u(rng);
  return t;
}

}  // namespace optiml::tensor::testing
