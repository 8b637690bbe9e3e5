#include "optiml/data/dataset.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "optiml/core/error.hpp"
#include "temp_files.hpp"

namespace optiml {
namespace {

using test::error_of;

TEST(Dataset, DenseShapesAndAccessors) {
  Matrix x(3, 2);
  x << 1, 2, 3, 4, 5, 6;
  Dataset d(x, Vector::LinSpaced(3, 0, 2), {"a", "b"});
  EXPECT_EQ(d.n_samples(), 3);
  EXPECT_EQ(d.n_features(), 2);
  EXPECT_FALSE(d.is_sparse());
  EXPECT_EQ(d.dense(), x);
  EXPECT_EQ(d.feature_names()[1], "b");
  EXPECT_THROW(d.sparse(), InvalidArgument);
  EXPECT_EQ(Matrix(d.to_sparse()), x);
}

TEST(Dataset, SparseShapesAndConversion) {
  SparseMatrix s(2, 4);
  s.insert(0, 1) = 2.0;
  s.insert(1, 3) = -1.0;
  Dataset d(s, Vector::Ones(2));
  EXPECT_TRUE(d.is_sparse());
  EXPECT_EQ(d.n_features(), 4);
  EXPECT_EQ(d.sparse().nonZeros(), 2);
  EXPECT_EQ(d.to_dense()(1, 3), -1.0);
  EXPECT_THROW(d.dense(), InvalidArgument);
}

TEST(Dataset, RejectsLabelCountMismatch) {
  const std::string m = error_of<InvalidArgument>([] { Dataset(Matrix::Zero(3, 2), Vector::Zero(2)); });
  EXPECT_EQ(m, "Dataset: 2 labels for 3 feature rows (expected one label per row)");
}

TEST(Dataset, RejectsNonFiniteFeaturesNamingRowAndColumn) {
  Matrix x = Matrix::Zero(3, 2);
  x(2, 1) = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(error_of<InvalidArgument>([&] { Dataset(x, Vector::Zero(3)); }),
            "Dataset: feature at row 2, column 1 is NaN (features must be finite)");
  SparseMatrix s(2, 3);
  s.insert(1, 2) = std::numeric_limits<double>::infinity();
  EXPECT_EQ(error_of<InvalidArgument>([&] { Dataset(s, Vector::Zero(2)); }),
            "Dataset: feature at row 1, column 2 is infinite (features must be finite)");
  Vector y = Vector::Zero(3);
  y[1] = std::numeric_limits<double>::quiet_NaN();
  EXPECT_NE(error_of<InvalidArgument>([&] { Dataset(Matrix::Zero(3, 2), y); }).find("label at row 1 is NaN"),
            std::string::npos);
}

TEST(Dataset, RejectsWrongFeatureNameCount) {
  EXPECT_THROW(Dataset(Matrix::Zero(2, 2), Vector::Zero(2), {"only one"}), InvalidArgument);
  Dataset d(Matrix::Zero(2, 2), Vector::Zero(2));
  EXPECT_THROW(d.set_feature_names({"a"}), InvalidArgument);
  EXPECT_TRUE(d.feature_names().empty());
  d.set_feature_names({"a", "b"});
  EXPECT_EQ(d.feature_names().size(), 2u);
}

TEST(Dataset, SubsetKeepsRowsInOrderForBothLayouts) {
  Matrix x(4, 3);
  x << 1, 0, 0, 0, 2, 0, 0, 0, 3, 4, 0, 5;
  const Vector y = Vector::LinSpaced(4, 10, 13);
  const std::vector<Index> rows{3, 1, 3};
  for (bool sparse : {false, true}) {
    Dataset d = sparse ? Dataset(SparseMatrix(x.sparseView()), y) : Dataset(x, y);
    Dataset s = d.subset(rows);
    ASSERT_EQ(s.n_samples(), 3);
    EXPECT_EQ(s.is_sparse(), sparse);
    for (Index k = 0; k < 3; ++k) {
      EXPECT_EQ(s.labels()[k], y[rows[static_cast<std::size_t>(k)]]);
      EXPECT_EQ(Vector(s.to_dense().row(k).transpose()), Vector(x.row(rows[static_cast<std::size_t>(k)]).transpose()));
    }
    EXPECT_THROW(d.subset({4}), InvalidArgument);
  }
}

}  // namespace
}  // namespace optiml
