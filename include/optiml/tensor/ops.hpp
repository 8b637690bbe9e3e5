#pragma once
// The built-in differentiable operations, instantiated for float and double.
// Each records one node on the graph of its first argument; shape errors throw
// InvalidArgument naming the op and the shapes.
#include <initializer_list>
#include <span>
#include <type_traits>

#include "optiml/tensor/graph.hpp"

namespace optiml::tensor {

// Elementwise with NumPy broadcasting; backward sums over the broadcast axes.
template <class T> Var<T> add(const Var<T>& a, const Var<T>& b);
template <class T> Var<T> sub(const Var<T>& a, const Var<T>& b);
template <class T> Var<T> mul(const Var<T>& a, const Var<T>& b);
template <class T> Var<T> div(const Var<T>& a, const Var<T>& b);

// Elementwise functions.
template <class T> Var<T> neg(const Var<T>& a);
template <class T> Var<T> exp(const Var<T>& a);
template <class T> Var<T> log(const Var<T>& a);
template <class T> Var<T> tanh(const Var<T>& a);
template <class T> Var<T> sigmoid(const Var<T>& a);  // 1 / (1 + exp(-a))
template <class T> Var<T> relu(const Var<T>& a);     // max(a, 0); derivative 0 at 0
template <class T> Var<T> sqrt(const Var<T>& a);
template <class T> Var<T> square(const Var<T>& a);
template <class T> Var<T> pow(const Var<T>& a, double exponent);
template <class T> Var<T> scale(const Var<T>& a, double factor);  // factor * a
template <class T> Var<T> shift(const Var<T>& a, double offset);  // a + offset

// Product of (m, k) and (k, n) arrays with Eigen's blocked GEMM.
template <class T> Var<T> matmul(const Var<T>& a, const Var<T>& b);

// Reductions over all elements (a scalar of shape ()) or along `axis`
// (negative counts from the end; keepdims leaves it with extent 1).
// max sends the gradient to the first maximal element.
template <class T> Var<T> sum(const Var<T>& a);
template <class T> Var<T> sum(const Var<T>& a, int axis, bool keepdims = false);
template <class T> Var<T> mean(const Var<T>& a);
template <class T> Var<T> mean(const Var<T>& a, int axis, bool keepdims = false);
template <class T> Var<T> max(const Var<T>& a);
template <class T> Var<T> max(const Var<T>& a, int axis, bool keepdims = false);

// Shape manipulation (each copies into the new node).
template <class T> Var<T> reshape(const Var<T>& a, const Shape& shape);
template <class T> Var<T> transpose(const Var<T>& a);  // rank 2
template <class T> Var<T> slice_rows(const Var<T>& a, Index begin, Index end);  // [begin, end) along axis 0
template <class T> Var<T> concat(std::span<const Var<T>> parts, int axis);
template <class T>
Var<T> concat(std::initializer_list<Var<T>> parts, int axis) {
  return concat(std::span<const Var<T>>(parts.begin(), parts.size()), axis);
}

// Along the last axis, stable by subtracting the maximum:
// logsumexp(x) = m + log(sum(exp(x - m))), softmax(x) = exp(x - logsumexp(x)).
template <class T> Var<T> logsumexp(const Var<T>& a, bool keepdims = false);
template <class T> Var<T> softmax(const Var<T>& a);

// Mean over the batch of -log softmax(logits)[b, labels[b]] for logits of shape
// (batch, classes); gradient (softmax - onehot(labels)) / batch.
template <class T> Var<T> softmax_cross_entropy(const Var<T>& logits, std::span<const Index> labels);

// Operators; a plain number is converted to T.
template <class T> Var<T> operator+(const Var<T>& a, const Var<T>& b) { return add(a, b); }
template <class T> Var<T> operator-(const Var<T>& a, const Var<T>& b) { return sub(a, b); }
template <class T> Var<T> operator*(const Var<T>& a, const Var<T>& b) { return mul(a, b); }
template <class T> Var<T> operator/(const Var<T>& a, const Var<T>& b) { return div(a, b); }
template <class T> Var<T> operator-(const Var<T>& a) { return neg(a); }
template <class T> Var<T> operator+(const Var<T>& a, std::type_identity_t<T> c) { return shift(a, c); }
template <class T> Var<T> operator+(std::type_identity_t<T> c, const Var<T>& a) { return shift(a, c); }
template <class T> Var<T> operator-(const Var<T>& a, std::type_identity_t<T> c) { return shift(a, -c); }
template <class T> Var<T> operator-(std::type_identity_t<T> c, const Var<T>& a) { return shift(neg(a), c); }
template <class T> Var<T> operator*(const Var<T>& a, std::type_identity_t<T> c) { return scale(a, c); }
template <class T> Var<T> operator*(std::type_identity_t<T> c, const Var<T>& a) { return scale(a, c); }
template <class T> Var<T> operator/(const Var<T>& a, std::type_identity_t<T> c) { return scale(a, 1.0 / c); }

}  // namespace optiml::tensor
