// Shape errors name the op and the shapes.
#include <gtest/gtest.h>

#include <string>

#include "optiml/tensor/ops.hpp"

namespace optiml::tensor {
namespace {

template <class F>
std::string message_of(F&& f) {
  try {
    f();
  } catch (const InvalidArgument& e) {
    return e.what();
  }
  return "no exception";
}

TEST(Errors, NameTheOpAndBothShapes) {
  Graph<double> g;
  const Var<double> a = g.variable(Tensor<double>(Shape{3, 4})), b = g.variable(Tensor<double>(Shape{5, 2}));
  EXPECT_EQ(message_of([&] { matmul(a, b); }), "matmul: shapes (3, 4) and (5, 2) do not align");
  EXPECT_EQ(message_of([&] { matmul(a, sum(b)); }), "matmul: shapes (3, 4) and () are not both 2-D");
  EXPECT_EQ(message_of([&] { a + b; }), "add: shapes (3, 4) and (5, 2) do not broadcast");
  EXPECT_EQ(message_of([&] { a / b; }), "div: shapes (3, 4) and (5, 2) do not broadcast");
  EXPECT_EQ(message_of([&] { reshape(a, Shape{5}); }), "reshape: cannot reshape (3, 4) into (5,)");
  EXPECT_EQ(message_of([&] { transpose(sum(a, 0)); }), "transpose: shape (4,) is not 2-D");
  EXPECT_EQ(message_of([&] { slice_rows(a, 2, 4); }), "slice_rows: range [2, 4) is out of bounds for shape (3, 4)");
  EXPECT_EQ(message_of([&] { concat({a, b}, 0); }), "concat: shapes (3, 4) and (5, 2) differ outside axis 0");
  EXPECT_EQ(message_of([&] { sum(a, 2); }), "sum: axis 2 is out of range for rank 2");
  EXPECT_EQ(message_of([&] { g.backward(a); }), "backward: loss of shape (3, 4) is not a single value");
  const std::vector<Index> labels = {0, 1};
  EXPECT_EQ(message_of([&] { softmax_cross_entropy(a, labels); }),
            "softmax_cross_entropy: logits of shape (3, 4) need 3 labels, got 2");
  const std::vector<Index> bad = {0, 4, 1};
  EXPECT_EQ(message_of([&] { softmax_cross_entropy(a, bad); }),
            "softmax_cross_entropy: label 4 at 1 is out of range for 4 classes");
}

TEST(Errors, AFailedOpLeavesTheGraphUsable) {
  Graph<double> g;
  const Var<double> a = g.variable(Tensor<double>(Shape{2, 2}, {1, 2, 3, 4}));
  const Index nodes = g.num_nodes();
  EXPECT_THROW(matmul(a, g.input(Tensor<double>(Shape{3, 1}))), InvalidArgument);
  EXPECT_EQ(g.num_nodes(), nodes + 1);  // the input leaf only
  const Var<double> loss = sum(matmul(a, a));
  g.backward(loss);
  EXPECT_DOUBLE_EQ(loss.item(), 7 + 10 + 15 + 22);
}

}  // namespace
}  // namespace optiml::tensor
