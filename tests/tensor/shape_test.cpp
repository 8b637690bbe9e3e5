// Shapes and NumPy broadcasting rules.
#include "optiml/tensor/shape.hpp"

#include <gtest/gtest.h>

#include "optiml/core/error.hpp"

namespace optiml::tensor {
namespace {

TEST(Shape, PrintsLikeNumPy) {
  EXPECT_EQ(Shape{}.to_string(), "()");
  EXPECT_EQ(Shape{5}.to_string(), "(5,)");
  EXPECT_EQ((Shape{3, 4}).to_string(), "(3, 4)");
  EXPECT_EQ((Shape{2, 3, 4}).size(), 24);
  EXPECT_EQ(Shape{}.size(), 1);
}

TEST(Shape, RejectsRankAboveFourAndNegativeExtents) {
  EXPECT_THROW((Shape{1, 2, 3, 4, 5}), InvalidArgument);
  EXPECT_THROW((Shape{2, -1}), InvalidArgument);
}

TEST(Broadcast, FollowsNumPyRules) {
  EXPECT_EQ(broadcast_shapes("add", Shape{3, 4}, Shape{4}), (Shape{3, 4}));
  EXPECT_EQ(broadcast_shapes("add", Shape{3, 1}, Shape{1, 4}), (Shape{3, 4}));
  EXPECT_EQ(broadcast_shapes("add", Shape{}, Shape{2, 3}), (Shape{2, 3}));
  EXPECT_EQ(broadcast_shapes("add", Shape{2, 1, 5}, Shape{3, 1}), (Shape{2, 3, 5}));
  EXPECT_EQ(broadcast_shapes("add", Shape{6, 1, 1, 2}, Shape{4, 1}), (Shape{6, 1, 4, 2}));
  EXPECT_EQ(broadcast_shapes("add", Shape{0, 1}, Shape{1, 3}), (Shape{0, 3}));
}

TEST(Broadcast, IncompatibleShapesNameTheOpAndBothShapes) {
  try {
    broadcast_shapes("mul", Shape{2, 3}, Shape{4});
    FAIL() << "no exception";
  } catch (const InvalidArgument& e) {
    EXPECT_STREQ(e.what(), "mul: shapes (2, 3) and (4,) do not broadcast");
  }
}

TEST(Axis, NegativeAxesCountFromTheEnd) {
  EXPECT_EQ(normalize_axis("sum", -1, 2), 1);
  EXPECT_EQ(normalize_axis("sum", 0, 2), 0);
  EXPECT_THROW(normalize_axis("sum", 2, 2), InvalidArgument);
  EXPECT_THROW(normalize_axis("sum", -3, 2), InvalidArgument);
}

}  // namespace
}  // namespace optiml::tensor
