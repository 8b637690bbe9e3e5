#include "optiml/data/synthetic.hpp"

#include <charconv>
#include <cmath>
#include <numbers>
#include <random>
#include <vector>

#include "optiml/core/error.hpp"

namespace optiml {

namespace {

// mt19937_64 with explicit transforms, so a seed means the same numbers everywhere.
class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}
  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(engine_() >> 11) * 0x1p-53; }
  // Uniform in {0, ..., n-1} (multiply-high, Lemire 2019, without the rejection step).
  std::uint64_t index(std::uint64_t n) {
    return static_cast<std::uint64_t>((static_cast<unsigned __int128>(engine_()) * n) >> 64);
  }
  // Standard normal by the Box-Muller transform, both variates used.
  double normal() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    const double u1 = 1.0 - uniform();  // in (0, 1]
    const double u2 = uniform();
    const double r = std::sqrt(-2.0 * std::log(u1));
    spare_ = r * std::sin(2.0 * std::numbers::pi * u2);
    has_spare_ = true;
    return r * std::cos(2.0 * std::numbers::pi * u2);
  }

 private:
  std::mt19937_64 engine_;
  bool has_spare_ = false;
  double spare_ = 0.0;
};

std::string number(double v) {
  char buffer[32];
  return std::string(buffer, std::to_chars(buffer, buffer + sizeof buffer, v).ptr);
}

void check_design(const SyntheticDesign& o) {
  auto bad = [](const std::string& field, const std::string& value, const std::string& expected) {
    throw InvalidArgument("synthetic data: " + field + " is " + value + ", expected " + expected);
  };
  if (o.n_samples < 1) bad("n_samples", std::to_string(o.n_samples), ">= 1");
  if (o.n_features < 1) bad("n_features", std::to_string(o.n_features), ">= 1");
  if (o.n_informative < -1 || o.n_informative > o.n_features)
    bad("n_informative", std::to_string(o.n_informative), "-1 (all) or in [0, n_features = " +
                                                               std::to_string(o.n_features) + "]");
  if (!(std::abs(o.correlation) < 1.0)) bad("correlation", number(o.correlation), "in (-1, 1)");
  if (!(o.density > 0.0 && o.density <= 1.0)) bad("density", number(o.density), "in (0, 1]");
  if (o.density < 1.0 && o.correlation != 0.0)
    bad("correlation", number(o.correlation), "0 when density < 1 (sparse designs have independent features)");
}

// Coefficients with n_informative nonzero rows at uniformly chosen features.
Matrix draw_coefficients(const SyntheticDesign& o, Index outputs, Random& rng) {
  const Index d = o.n_features;
  const Index k = o.n_informative < 0 ? d : o.n_informative;
  // A partial Fisher-Yates shuffle picks the support.
  std::vector<Index> order(static_cast<std::size_t>(d));
  for (Index j = 0; j < d; ++j) order[static_cast<std::size_t>(j)] = j;
  for (Index j = 0; j < k; ++j) {
    const Index pick = j + static_cast<Index>(rng.index(static_cast<std::uint64_t>(d - j)));
    std::swap(order[static_cast<std::size_t>(j)], order[static_cast<std::size_t>(pick)]);
  }
  Matrix w = Matrix::Zero(d, outputs);
  for (Index j = 0; j < k; ++j)
    for (Index c = 0; c < outputs; ++c) w(order[static_cast<std::size_t>(j)], c) = rng.normal();
  return w;
}

struct Design {
  Matrix dense;
  SparseMatrix sparse;
  bool is_sparse = false;

  Dataset with_labels(Vector labels) {
    if (is_sparse) return Dataset(std::move(sparse), std::move(labels));
    return Dataset(std::move(dense), std::move(labels));
  }
};

// Dense AR(1) rows (Corr = rho^|i-j|, unit variance) or sparse rows; scores = X w.
Design draw_design(const SyntheticDesign& o, const Matrix& w, Matrix& scores, Random& rng) {
  const Index n = o.n_samples, d = o.n_features;
  Design design;
  if (o.density >= 1.0) {
    Matrix x(n, d);
    const double rho = o.correlation;
    const double innovation = std::sqrt(1.0 - rho * rho);
    for (Index i = 0; i < n; ++i) {
      double previous = rng.normal();
      x(i, 0) = previous;
      for (Index j = 1; j < d; ++j) {
        previous = rho * previous + innovation * rng.normal();
        x(i, j) = previous;
      }
    }
    scores = x * w;
    design.dense = std::move(x);
    return design;
  }
  // Geometric gaps between present entries: log(u) / log(1 - density).
  std::vector<int> outer{0};
  std::vector<int> inner;
  std::vector<double> values;
  const double log_miss = std::log1p(-o.density);
  for (Index i = 0; i < n; ++i) {
    Index j = -1;
    for (;;) {
      const double gap = std::floor(std::log(1.0 - rng.uniform()) / log_miss);
      if (gap >= static_cast<double>(d - j - 1)) break;
      j += 1 + static_cast<Index>(gap);
      inner.push_back(static_cast<int>(j));
      values.push_back(rng.normal());
    }
    outer.push_back(static_cast<int>(inner.size()));
  }
  design.sparse = Eigen::Map<const SparseMatrix>(n, d, static_cast<Index>(inner.size()), outer.data(), inner.data(),
                                                 values.data());
  design.is_sparse = true;
  scores = design.sparse * w;
  return design;
}

}  // namespace

SyntheticProblem make_regression(const RegressionOptions& options) {
  check_design(options);
  if (!(options.noise_std >= 0.0 && std::isfinite(options.noise_std)))
    throw InvalidArgument("synthetic data: noise_std is " + number(options.noise_std) + ", expected >= 0");
  if (!std::isfinite(options.intercept)) throw InvalidArgument("synthetic data: intercept must be finite");
  Random rng(options.seed);
  SyntheticProblem p;
  p.coefficients = draw_coefficients(options, 1, rng);
  Matrix scores;
  Design design = draw_design(options, p.coefficients, scores, rng);
  p.clean_labels = scores.col(0).array() + options.intercept;
  Vector y = p.clean_labels;
  for (Index i = 0; i < y.size(); ++i) y[i] += options.noise_std * rng.normal();
  p.dataset = design.with_labels(std::move(y));
  return p;
}

SyntheticProblem make_classification(const ClassificationOptions& options) {
  check_design(options);
  if (options.n_classes < 2)
    throw InvalidArgument("synthetic data: n_classes is " + std::to_string(options.n_classes) + ", expected >= 2");
  if (!(options.label_flip >= 0.0 && options.label_flip <= 1.0))
    throw InvalidArgument("synthetic data: label_flip is " + number(options.label_flip) +
                          ", expected in [0, 1]");
  Random rng(options.seed);
  SyntheticProblem p;
  const Index k = options.n_classes;
  p.coefficients = draw_coefficients(options, k == 2 ? 1 : k, rng);
  Matrix scores;
  Design design = draw_design(options, p.coefficients, scores, rng);
  const Index n = options.n_samples;
  p.clean_labels.resize(n);
  for (Index i = 0; i < n; ++i) {
    if (k == 2) {
      p.clean_labels[i] = scores(i, 0) > 0.0 ? 1.0 : 0.0;
    } else {
      Index best = 0;
      scores.row(i).maxCoeff(&best);
      p.clean_labels[i] = static_cast<double>(best);
    }
  }
  Vector y = p.clean_labels;
  for (Index i = 0; i < n; ++i)
    if (rng.uniform() < options.label_flip) {
      const auto shift = 1 + rng.index(static_cast<std::uint64_t>(k - 1));
      y[i] = static_cast<double>((static_cast<std::uint64_t>(y[i]) + shift) % static_cast<std::uint64_t>(k));
    }
  p.dataset = design.with_labels(std::move(y));
  return p;
}

}  // namespace optiml
