#pragma once
// Hold-out splits of a data set into training and test parts.
#include <cstdint>
#include <vector>

#include "optiml/data/dataset.hpp"

namespace optiml {

struct TrainTestSplit {
  Dataset train;
  Dataset test;
  std::vector<Index> train_indices;  // rows of the original data set, in the order taken
  std::vector<Index> test_indices;
};

// ceil(test_fraction * n) rows go to the test set (as scikit-learn), the rest
// to the training set; both must be non-empty. With `shuffle` the rows are
// permuted by a Fisher-Yates shuffle driven by std::mt19937_64(seed) (same seed,
// same split); without it the last rows form the test set. Throws
// InvalidArgument for test_fraction outside (0, 1) or a split with an empty part.
TrainTestSplit train_test_split(const Dataset& data, double test_fraction, std::uint64_t seed = 0,
                                bool shuffle = true);

}  // namespace optiml
