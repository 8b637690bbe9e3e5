#include "optiml/data/split.hpp"

#include <cmath>
#include <numeric>
#include <random>

#include "optiml/core/error.hpp"

namespace optiml {

TrainTestSplit train_test_split(const Dataset& data, double test_fraction, std::uint64_t seed, bool shuffle) {
  if (!(test_fraction > 0.0 && test_fraction < 1.0))
    throw InvalidArgument("train_test_split: test_fraction is " + std::to_string(test_fraction) +
                          ", expected in (0, 1)");
  const Index n = data.n_samples();
  const Index n_test = static_cast<Index>(std::ceil(test_fraction * static_cast<double>(n) - 1e-9));
  if (n_test < 1 || n_test >= n)
    throw InvalidArgument("train_test_split: test_fraction " + std::to_string(test_fraction) + " of " +
                          std::to_string(n) + " samples leaves " + std::to_string(n_test) + " test and " +
                          std::to_string(n - n_test) + " training samples (both must be at least 1)");
  std::vector<Index> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), Index{0});
  if (shuffle) {
    // Fisher-Yates with a multiply-high index draw (std::shuffle is implementation-defined).
    std::mt19937_64 engine(seed);
    for (Index i = n - 1; i > 0; --i) {
      const auto j = static_cast<Index>((static_cast<unsigned __int128>(engine()) * static_cast<std::uint64_t>(i + 1)) >> 64);
      std::swap(order[static_cast<std::size_t>(i)], order[static_cast<std::size_t>(j)]);
    }
  }
  TrainTestSplit s;
  s.train_indices.assign(order.begin(), order.end() - n_test);
  s.test_indices.assign(order.end() - n_test, order.end());
  s.train = data.subset(s.train_indices);
  s.test = data.subset(s.test_indices);
  return s;
}

}  // namespace optiml
