#pragma once
// Reverse-mode automatic differentiation on dense arrays: a tape of nodes that
// evaluates each op eagerly and replays the tape backwards in backward()
// (Griewank & Walther, "Evaluating Derivatives", 2nd ed., chapter 3).
//
// Memory: every node slot keeps its buffers (value, gradient, op workspace)
// across reset(), so building the same graph again allocates nothing; the
// count of buffer growths is allocations().
#include <array>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "optiml/core/error.hpp"
#include "optiml/tensor/tensor.hpp"

namespace optiml::tensor {

template <class T>
class Graph;
template <class T>
class OpContext;

// Per-node parameters of an op (axis, range, exponent...), kept in the node so
// that op objects stay immutable and can be shared by every node that uses them.
struct Attributes {
  std::array<Index, 8> ints{};
  std::array<double, 4> reals{};
  // Integer data read during forward only (class labels, gather indices);
  // copy what backward needs into OpContext::index_buffer().
  std::span<const Index> indices{};
};

// An operation: the extension point for new ops (convolution, pooling, ...).
// A node holds a pointer to its op, so the op must outlive the graph's use of it
// (a function-local static or a member of a long-lived layer).
template <class T>
class Op {
 public:
  virtual ~Op() = default;
  // Used in error messages: "name: shapes (3, 4) and (5, 2) do not align".
  virtual std::string_view name() const = 0;
  // The output shape from ctx.input_shape(i) and ctx.attributes(); throws
  // InvalidArgument naming the op and the offending shapes.
  virtual Shape output_shape(const OpContext<T>& ctx) const = 0;
  // Writes ctx.output() from the inputs; may keep data for backward in ctx.buffer().
  virtual void forward(OpContext<T>& ctx) const = 0;
  // Adds (+=) the vector-Jacobian product of ctx.output_grad() into every
  // ctx.input_grad(i) that is present (ctx.needs_grad(i)).
  virtual void backward(OpContext<T>& ctx) const = 0;
};

// A handle to a node of a Graph; cheap to copy, invalid after graph.reset().
template <class T>
class Var {
 public:
  Var() = default;

  Graph<T>* graph() const { return graph_; }
  int id() const { return id_; }
  Shape shape() const;
  ConstTensorView<T> value() const;
  // The gradient of the last backward()'s loss with respect to this node.
  ConstTensorView<T> grad() const;
  // The value of a one-element array.
  T item() const;
  bool requires_grad() const;

 private:
  friend class Graph<T>;
  Var(Graph<T>* graph, int id, std::uint32_t generation) : graph_(graph), id_(id), generation_(generation) {}

  Graph<T>* graph_ = nullptr;
  int id_ = -1;
  std::uint32_t generation_ = 0;
};

// What an op sees of its node while it runs forward or backward.
template <class T>
class OpContext {
 public:
  int num_inputs() const;
  ConstTensorView<T> input(int i) const;
  const Shape& input_shape(int i) const;
  // Whether input i takes a gradient (only meaningful in backward).
  bool needs_grad(int i) const;
  // Gradient accumulator of input i, or a null view when it needs none.
  TensorView<T> input_grad(int i) const;
  TensorView<T> output() const;
  ConstTensorView<T> output_grad() const;
  const Attributes& attributes() const;
  // Workspace slot 0..kBuffers-1 of n elements owned by the node; it keeps its
  // contents from forward to backward and its memory across graph.reset().
  static constexpr int kBuffers = 3;
  std::span<T> buffer(int slot, Index n) const;
  std::span<Index> index_buffer(Index n) const;

 private:
  friend class Graph<T>;
  OpContext(Graph<T>& graph, int node) : graph_(&graph), node_(node) {}
  Graph<T>* graph_;
  int node_;
};

template <class T>
class Graph {
 public:
  Graph() = default;
  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;

  // Leaves. input() and variable() copy `value` into the graph; parameter()
  // reads it in place (no copy), so it must stay alive and unchanged until reset().
  Var<T> input(ConstTensorView<T> value);
  Var<T> variable(ConstTensorView<T> value);
  Var<T> parameter(ConstTensorView<T> value);
  Var<T> scalar(T value);

  // Records a node for `op` on `inputs` and evaluates it.
  Var<T> apply(const Op<T>& op, std::span<const Var<T>> inputs, const Attributes& attributes = {});
  Var<T> apply(const Op<T>& op, std::initializer_list<Var<T>> inputs, const Attributes& attributes = {}) {
    return apply(op, std::span<const Var<T>>(inputs.begin(), inputs.size()), attributes);
  }

  // Reverse mode from a one-element `loss`: zeroes every gradient, seeds
  // d loss / d loss = 1 and accumulates into every node that requires grad.
  void backward(const Var<T>& loss);

  // Forgets every node (handles become invalid) but keeps all buffers.
  void reset();

  bool grad_enabled() const { return grad_enabled_; }
  void set_grad_enabled(bool enabled) { grad_enabled_ = enabled; }

  // Statistics: live nodes, nodes recorded for backward, buffer growths so far.
  Index num_nodes() const { return size_; }
  Index num_recorded() const { return recorded_; }
  Index allocations() const { return allocations_; }

  Shape shape(const Var<T>& v) const { return node(v, "shape").shape; }
  ConstTensorView<T> value(const Var<T>& v) const;
  ConstTensorView<T> grad(const Var<T>& v) const;
  bool requires_grad(const Var<T>& v) const { return node(v, "requires_grad").requires_grad; }

 private:
  friend class OpContext<T>;

  struct Node {
    const Op<T>* op = nullptr;  // null for leaves
    Shape shape;
    const T* value = nullptr;  // into value_buffer, or a parameter's storage
    std::vector<T> value_buffer;
    std::vector<T> grad;
    std::array<std::vector<T>, OpContext<T>::kBuffers> buffers;
    std::vector<Index> indices;
    std::vector<int> inputs;
    Attributes attributes;
    bool requires_grad = false;
    bool has_grad = false;  // grad holds the last backward's result
    bool reached = false;   // on a path to the loss during backward
  };

  Var<T> leaf(ConstTensorView<T> value, bool requires_grad, bool copy);
  int next_slot();
  const Node& node(const Var<T>& v, std::string_view op) const;
  // Resizes `buffer` to n elements, counting a growth of its capacity.
  template <class U>
  U* ensure(std::vector<U>& buffer, Index n);

  std::vector<Node> nodes_;
  int size_ = 0;
  std::uint32_t generation_ = 1;
  bool grad_enabled_ = true;
  Index recorded_ = 0;
  Index allocations_ = 0;
};

// Disables recording on `graph` for its lifetime: ops evaluate, nothing is taped.
template <class T>
class NoGradGuard {
 public:
  explicit NoGradGuard(Graph<T>& graph) : graph_(graph), previous_(graph.grad_enabled()) {
    graph.set_grad_enabled(false);
  }
  ~NoGradGuard() { graph_.set_grad_enabled(previous_); }
  NoGradGuard(const NoGradGuard&) = delete;
  NoGradGuard& operator=(const NoGradGuard&) = delete;

 private:
  Graph<T>& graph_;
  bool previous_;
};

// The graph of `v`; throws "op: empty variable" for a default-constructed handle.
template <class T>
Graph<T>& graph_of(std::string_view op, const Var<T>& v) {
  if (v.graph() == nullptr) throw InvalidArgument(std::string(op) + ": empty variable");
  return *v.graph();
}

// ---- inline definitions ----

template <class T>
Shape Var<T>::shape() const {
  if (!graph_) throw InvalidArgument("shape: empty variable");
  return graph_->shape(*this);
}
template <class T>
ConstTensorView<T> Var<T>::value() const {
  if (!graph_) throw InvalidArgument("value: empty variable");
  return graph_->value(*this);
}
template <class T>
ConstTensorView<T> Var<T>::grad() const {
  if (!graph_) throw InvalidArgument("grad: empty variable");
  return graph_->grad(*this);
}
template <class T>
T Var<T>::item() const {
  const ConstTensorView<T> v = value();
  if (v.size() != 1) throw InvalidArgument("item: shape " + v.shape.to_string() + " has more than one element");
  return v[0];
}
template <class T>
bool Var<T>::requires_grad() const {
  if (!graph_) throw InvalidArgument("requires_grad: empty variable");
  return graph_->requires_grad(*this);
}

template <class T>
int OpContext<T>::num_inputs() const {
  return static_cast<int>(graph_->nodes_[node_].inputs.size());
}
template <class T>
ConstTensorView<T> OpContext<T>::input(int i) const {
  const auto& in = graph_->nodes_[graph_->nodes_[node_].inputs[i]];
  return {in.value, in.shape};
}
template <class T>
const Shape& OpContext<T>::input_shape(int i) const {
  return graph_->nodes_[graph_->nodes_[node_].inputs[i]].shape;
}
template <class T>
bool OpContext<T>::needs_grad(int i) const {
  return graph_->nodes_[graph_->nodes_[node_].inputs[i]].has_grad;
}
template <class T>
TensorView<T> OpContext<T>::input_grad(int i) const {
  auto& in = graph_->nodes_[graph_->nodes_[node_].inputs[i]];
  if (!in.has_grad) return {nullptr, in.shape};
  return {in.grad.data(), in.shape};
}
template <class T>
TensorView<T> OpContext<T>::output() const {
  auto& n = graph_->nodes_[node_];
  return {n.value_buffer.data(), n.shape};
}
template <class T>
ConstTensorView<T> OpContext<T>::output_grad() const {
  const auto& n = graph_->nodes_[node_];
  return {n.grad.data(), n.shape};
}
template <class T>
const Attributes& OpContext<T>::attributes() const {
  return graph_->nodes_[node_].attributes;
}
template <class T>
std::span<T> OpContext<T>::buffer(int slot, Index n) const {
  T* p = graph_->ensure(graph_->nodes_[node_].buffers.at(static_cast<std::size_t>(slot)), n);
  return {p, static_cast<std::size_t>(n)};
}
template <class T>
std::span<Index> OpContext<T>::index_buffer(Index n) const {
  Index* p = graph_->ensure(graph_->nodes_[node_].indices, n);
  return {p, static_cast<std::size_t>(n)};
}

template <class T>
template <class U>
U* Graph<T>::ensure(std::vector<U>& buffer, Index n) {
  if (buffer.capacity() < static_cast<std::size_t>(n)) ++allocations_;
  buffer.resize(static_cast<std::size_t>(n));
  return buffer.data();
}

extern template class Graph<float>;
extern template class Graph<double>;

}  // namespace optiml::tensor
