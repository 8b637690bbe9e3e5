#pragma once
// Broadcasting kernels shared by the elementwise ops (private to src/tensor).
#include <array>

#include "optiml/tensor/tensor.hpp"

namespace optiml::tensor::detail {

// `s` padded on the left with ones to rank 4.
inline std::array<Index, 4> padded_dims(const Shape& s) {
  std::array<Index, 4> d{1, 1, 1, 1};
  for (int k = 0; k < s.rank(); ++k) d[static_cast<std::size_t>(4 - s.rank() + k)] = s[k];
  return d;
}

// Element strides of row-major `s` in the padded coordinates of `out`, 0 along broadcast axes.
inline std::array<Index, 4> broadcast_strides(const Shape& s, const Shape& out) {
  const std::array<Index, 4> ds = padded_dims(s), dout = padded_dims(out);
  std::array<Index, 4> st{};
  Index stride = 1;
  for (int k = 3; k >= 0; --k) {
    const auto u = static_cast<std::size_t>(k);
    st[u] = (ds[u] == 1 && dout[u] != 1) ? 0 : stride;
    stride *= ds[u];
  }
  return st;
}

// out = f(a, b) elementwise, a and b broadcast to `so`; out may alias a or b when it has their shape.
template <class T, class F>
void broadcast_binary(const T* a, const Shape& sa, const T* b, const Shape& sb, T* out, const Shape& so, F f) {
  if (sa == so && sb == so) {
    const Index n = so.size();
    for (Index i = 0; i < n; ++i) out[i] = f(a[i], b[i]);
    return;
  }
  const std::array<Index, 4> d = padded_dims(so), ta = broadcast_strides(sa, so), tb = broadcast_strides(sb, so);
  const Index n = d[3];
  for (Index i0 = 0; i0 < d[0]; ++i0)
    for (Index i1 = 0; i1 < d[1]; ++i1)
      for (Index i2 = 0; i2 < d[2]; ++i2) {
        const T* pa = a + i0 * ta[0] + i1 * ta[1] + i2 * ta[2];
        const T* pb = b + i0 * tb[0] + i1 * tb[1] + i2 * tb[2];
        T* po = out + ((i0 * d[1] + i1) * d[2] + i2) * n;
        if (ta[3] != 0 && tb[3] != 0) {
          for (Index k = 0; k < n; ++k) po[k] = f(pa[k], pb[k]);
        } else if (ta[3] != 0) {
          const T vb = *pb;
          for (Index k = 0; k < n; ++k) po[k] = f(pa[k], vb);
        } else if (tb[3] != 0) {
          const T va = *pa;
          for (Index k = 0; k < n; ++k) po[k] = f(va, pb[k]);
        } else {
          const T v = f(*pa, *pb);
          for (Index k = 0; k < n; ++k) po[k] = v;
        }
      }
}

// dst (shape sd) += factor * full (shape so) summed over the axes along which sd broadcasts to so.
template <class T>
void reduce_add(const T* full, const Shape& so, T* dst, const Shape& sd, T factor = T(1)) {
  if (sd == so) {
    ArrayMap<T>(dst, sd.size()) += factor * ConstArrayMap<T>(full, so.size());
    return;
  }
  const std::array<Index, 4> d = padded_dims(so), t = broadcast_strides(sd, so);
  const Index n = d[3];
  for (Index i0 = 0; i0 < d[0]; ++i0)
    for (Index i1 = 0; i1 < d[1]; ++i1)
      for (Index i2 = 0; i2 < d[2]; ++i2) {
        const T* pf = full + ((i0 * d[1] + i1) * d[2] + i2) * n;
        T* pd = dst + i0 * t[0] + i1 * t[1] + i2 * t[2];
        if (t[3] != 0) {
          for (Index k = 0; k < n; ++k) pd[k] += factor * pf[k];
        } else {
          T s = T(0);
          for (Index k = 0; k < n; ++k) s += pf[k];
          *pd += factor * s;
        }
      }
}

}  // namespace optiml::tensor::detail
