// The tape: node slots reused across reset(), eager forward, reverse sweep in backward().
#include "optiml/tensor/graph.hpp"

#include <algorithm>
#include <string>

namespace optiml::tensor {

template <class T>
int Graph<T>::next_slot() {
  if (static_cast<std::size_t>(size_) == nodes_.size()) {
    if (nodes_.capacity() == nodes_.size()) ++allocations_;
    nodes_.emplace_back();
  }
  return size_;
}

template <class T>
const typename Graph<T>::Node& Graph<T>::node(const Var<T>& v, std::string_view op) const {
  if (v.graph_ != this) throw InvalidArgument(std::string(op) + ": variable belongs to another graph (or is empty)");
  if (v.generation_ != generation_ || v.id_ < 0 || v.id_ >= size_)
    throw InvalidArgument(std::string(op) + ": variable was created before the last reset()");
  return nodes_[static_cast<std::size_t>(v.id_)];
}

template <class T>
Var<T> Graph<T>::leaf(ConstTensorView<T> value, bool requires_grad, bool copy) {
  const int id = next_slot();
  Node& n = nodes_[static_cast<std::size_t>(id)];
  n.op = nullptr;
  n.shape = value.shape;
  n.inputs.clear();
  n.requires_grad = requires_grad;
  n.has_grad = false;
  if (copy) {
    T* p = ensure(n.value_buffer, value.size());
    std::copy(value.data, value.data + value.size(), p);
    n.value = p;
  } else {
    n.value = value.data;
  }
  ++size_;
  return Var<T>(this, id, generation_);
}

template <class T>
Var<T> Graph<T>::input(ConstTensorView<T> value) {
  return leaf(value, false, true);
}
template <class T>
Var<T> Graph<T>::variable(ConstTensorView<T> value) {
  return leaf(value, true, true);
}
template <class T>
Var<T> Graph<T>::parameter(ConstTensorView<T> value) {
  return leaf(value, true, false);
}
template <class T>
Var<T> Graph<T>::scalar(T value) {
  return leaf(ConstTensorView<T>{&value, Shape{}}, false, true);
}

template <class T>
Var<T> Graph<T>::apply(const Op<T>& op, std::span<const Var<T>> inputs, const Attributes& attributes) {
  bool any_grad = false;
  for (const Var<T>& in : inputs) any_grad = node(in, op.name()).requires_grad || any_grad;
  const int id = next_slot();
  Node& n = nodes_[static_cast<std::size_t>(id)];
  n.op = &op;
  n.attributes = attributes;
  ensure(n.inputs, static_cast<Index>(inputs.size()));
  for (std::size_t i = 0; i < inputs.size(); ++i) n.inputs[i] = inputs[i].id_;
  n.requires_grad = false;
  n.has_grad = false;
  OpContext<T> ctx(*this, id);
  n.shape = op.output_shape(ctx);  // may throw: the slot is simply not taken
  n.value = ensure(n.value_buffer, n.shape.size());
  op.forward(ctx);
  n.requires_grad = grad_enabled_ && any_grad;
  if (n.requires_grad) ++recorded_;
  ++size_;
  return Var<T>(this, id, generation_);
}

template <class T>
void Graph<T>::backward(const Var<T>& loss) {
  const Node& root = node(loss, "backward");
  if (root.shape.size() != 1)
    throw InvalidArgument("backward: loss of shape " + root.shape.to_string() + " is not a single value");
  if (!root.requires_grad) throw InvalidArgument("backward: loss does not depend on any variable that requires grad");
  for (int i = 0; i < size_; ++i) {
    Node& n = nodes_[static_cast<std::size_t>(i)];
    n.reached = false;
    n.has_grad = n.requires_grad;
    if (n.has_grad) std::fill_n(ensure(n.grad, n.shape.size()), n.shape.size(), T(0));
  }
  Node& r = nodes_[static_cast<std::size_t>(loss.id_)];
  r.grad[0] = T(1);
  r.reached = true;
  // Reverse creation order is a reverse topological order of the tape.
  for (int i = loss.id_; i >= 0; --i) {
    Node& n = nodes_[static_cast<std::size_t>(i)];
    if (!n.reached || n.op == nullptr || !n.requires_grad) continue;
    OpContext<T> ctx(*this, i);
    n.op->backward(ctx);
    for (int in : n.inputs) {
      Node& m = nodes_[static_cast<std::size_t>(in)];
      if (m.requires_grad) m.reached = true;
    }
  }
}

template <class T>
void Graph<T>::reset() {
  size_ = 0;
  recorded_ = 0;
  ++generation_;
}

template <class T>
ConstTensorView<T> Graph<T>::value(const Var<T>& v) const {
  const Node& n = node(v, "value");
  return {n.value, n.shape};
}

template <class T>
ConstTensorView<T> Graph<T>::grad(const Var<T>& v) const {
  const Node& n = node(v, "grad");
  if (!n.has_grad)
    throw InvalidArgument("grad: variable of shape " + n.shape.to_string() +
                          " has no gradient (it does not require grad, or backward() has not run)");
  return {n.grad.data(), n.shape};
}

template class Graph<float>;
template class Graph<double>;

}  // namespace optiml::tensor
