#pragma once
// Forward-mode automatic differentiation: dual numbers v + d eps with eps^2 = 0
// (Griewank & Walther, "Evaluating Derivatives", 2nd ed., ch. 3). Nestable:
// Dual<Dual<double>> carries second derivatives. Works inside Eigen expressions.
#include <Eigen/Core>

#include <cmath>
#include <ostream>
#include <type_traits>

namespace optiml::ad {

template <class T>
struct Dual {
  T v{};  // value
  T d{};  // tangent (directional derivative)

  Dual() = default;
  Dual(double value) : v(value), d(0) {}  // NOLINT: constants convert implicitly
  template <class U, class = std::enable_if_t<std::is_same_v<U, T> && !std::is_same_v<T, double>>>
  Dual(const U& value) : v(value), d(0) {}  // NOLINT
  Dual(const T& value, const T& tangent) : v(value), d(tangent) {}

  Dual& operator+=(const Dual& o) { return *this = *this + o; }
  Dual& operator-=(const Dual& o) { return *this = *this - o; }
  Dual& operator*=(const Dual& o) { return *this = *this * o; }
  Dual& operator/=(const Dual& o) { return *this = *this / o; }
};

template <class T> struct is_dual : std::false_type {};
template <class T> struct is_dual<Dual<T>> : std::true_type {};

// The plain value at the bottom of a (possibly nested) dual.
inline double value_of(double x) { return x; }
template <class T> double value_of(const Dual<T>& x) { return value_of(x.v); }

template <class T> Dual<T> operator+(const Dual<T>& a, const Dual<T>& b) { return {a.v + b.v, a.d + b.d}; }
template <class T> Dual<T> operator-(const Dual<T>& a, const Dual<T>& b) { return {a.v - b.v, a.d - b.d}; }
template <class T> Dual<T> operator*(const Dual<T>& a, const Dual<T>& b) { return {a.v * b.v, a.d * b.v + a.v * b.d}; }
template <class T> Dual<T> operator/(const Dual<T>& a, const Dual<T>& b) {
  const T q = a.v / b.v;
  return {q, (a.d - q * b.d) / b.v};
}
template <class T> Dual<T> operator-(const Dual<T>& a) { return {-a.v, -a.d}; }
template <class T> Dual<T> operator+(const Dual<T>& a) { return a; }

// Mixed operations with plain numbers (and with the inner type of a nested dual).
#define OPTIML_DUAL_MIXED(OP)                                                                              \
  template <class T> Dual<T> operator OP(const Dual<T>& a, double b) { return a OP Dual<T>(T(b), T(0)); }  \
  template <class T> Dual<T> operator OP(double a, const Dual<T>& b) { return Dual<T>(T(a), T(0)) OP b; }
OPTIML_DUAL_MIXED(+)
OPTIML_DUAL_MIXED(-)
OPTIML_DUAL_MIXED(*)
OPTIML_DUAL_MIXED(/)
#undef OPTIML_DUAL_MIXED

#define OPTIML_DUAL_COMPARE(OP)                                                                   \
  template <class T> bool operator OP(const Dual<T>& a, const Dual<T>& b) { return a.v OP b.v; } \
  template <class T> bool operator OP(const Dual<T>& a, double b) { return value_of(a) OP b; }   \
  template <class T> bool operator OP(double a, const Dual<T>& b) { return a OP value_of(b); }
OPTIML_DUAL_COMPARE(<)
OPTIML_DUAL_COMPARE(<=)
OPTIML_DUAL_COMPARE(>)
OPTIML_DUAL_COMPARE(>=)
OPTIML_DUAL_COMPARE(==)
OPTIML_DUAL_COMPARE(!=)
#undef OPTIML_DUAL_COMPARE

// Elementary functions: value f(v), tangent f'(v) d. `using std::` lets the same
// code serve double and nested duals.
template <class T> Dual<T> exp(const Dual<T>& a) {
  using std::exp;
  const T e = exp(a.v);
  return {e, e * a.d};
}
template <class T> Dual<T> log(const Dual<T>& a) {
  using std::log;
  return {log(a.v), a.d / a.v};
}
template <class T> Dual<T> sqrt(const Dual<T>& a) {
  using std::sqrt;
  const T s = sqrt(a.v);
  return {s, a.d / (T(2) * s)};
}
template <class T> Dual<T> sin(const Dual<T>& a) {
  using std::cos;
  using std::sin;
  return {sin(a.v), cos(a.v) * a.d};
}
template <class T> Dual<T> cos(const Dual<T>& a) {
  using std::cos;
  using std::sin;
  return {cos(a.v), -sin(a.v) * a.d};
}
template <class T> Dual<T> tan(const Dual<T>& a) {
  using std::tan;
  const T t = tan(a.v);
  return {t, (T(1) + t * t) * a.d};
}
template <class T> Dual<T> tanh(const Dual<T>& a) {
  using std::tanh;
  const T t = tanh(a.v);
  return {t, (T(1) - t * t) * a.d};
}
template <class T> Dual<T> sinh(const Dual<T>& a) {
  using std::cosh;
  using std::sinh;
  return {sinh(a.v), cosh(a.v) * a.d};
}
template <class T> Dual<T> cosh(const Dual<T>& a) {
  using std::cosh;
  using std::sinh;
  return {cosh(a.v), sinh(a.v) * a.d};
}
template <class T> Dual<T> atan(const Dual<T>& a) {
  using std::atan;
  return {atan(a.v), a.d / (T(1) + a.v * a.v)};
}
template <class T> Dual<T> asin(const Dual<T>& a) {
  using std::asin;
  using std::sqrt;
  return {asin(a.v), a.d / sqrt(T(1) - a.v * a.v)};
}
template <class T> Dual<T> acos(const Dual<T>& a) {
  using std::acos;
  using std::sqrt;
  return {acos(a.v), -a.d / sqrt(T(1) - a.v * a.v)};
}
template <class T> Dual<T> log1p(const Dual<T>& a) {
  using std::log1p;
  return {log1p(a.v), a.d / (T(1) + a.v)};
}
template <class T> Dual<T> expm1(const Dual<T>& a) {
  using std::exp;
  using std::expm1;
  return {expm1(a.v), exp(a.v) * a.d};
}
template <class T> Dual<T> abs(const Dual<T>& a) { return a.v < 0 ? -a : a; }  // derivative +1 at 0
template <class T> Dual<T> fabs(const Dual<T>& a) { return abs(a); }
template <class T> Dual<T> abs2(const Dual<T>& a) { return a * a; }
template <class T> Dual<T> pow(const Dual<T>& a, double p) {
  using std::pow;
  return {pow(a.v, T(p)), T(p) * pow(a.v, T(p - 1.0)) * a.d};
}
template <class T> Dual<T> pow(const Dual<T>& a, const Dual<T>& b) { return exp(b * log(a)); }
template <class T> Dual<T> pow(double a, const Dual<T>& b) {
  using std::log;
  return exp(b * T(log(a)));
}
template <class T> Dual<T> max(const Dual<T>& a, const Dual<T>& b) { return a < b ? b : a; }
template <class T> Dual<T> min(const Dual<T>& a, const Dual<T>& b) { return b < a ? b : a; }
template <class T> bool isfinite(const Dual<T>& a) {
  using std::isfinite;
  return isfinite(a.v) && isfinite(a.d);
}
template <class T> bool isnan(const Dual<T>& a) {
  using std::isnan;
  return isnan(a.v) || isnan(a.d);
}

template <class T> std::ostream& operator<<(std::ostream& os, const Dual<T>& a) {
  return os << a.v << " + " << a.d << " eps";
}

}  // namespace optiml::ad

namespace Eigen {
// Lets Eigen matrices hold duals (Eigen docs, "Using custom scalar types").
template <class T>
struct NumTraits<optiml::ad::Dual<T>> : NumTraits<double> {
  using Real = optiml::ad::Dual<T>;
  using NonInteger = optiml::ad::Dual<T>;
  using Nested = optiml::ad::Dual<T>;
  using Literal = optiml::ad::Dual<T>;
  enum { IsComplex = 0, IsInteger = 0, IsSigned = 1, RequireInitialization = 1, ReadCost = 2, AddCost = 2, MulCost = 4 };
};
template <class T, typename BinaryOp>
struct ScalarBinaryOpTraits<optiml::ad::Dual<T>, double, BinaryOp> {
  using ReturnType = optiml::ad::Dual<T>;
};
template <class T, typename BinaryOp>
struct ScalarBinaryOpTraits<double, optiml::ad::Dual<T>, BinaryOp> {
  using ReturnType = optiml::ad::Dual<T>;
};
}  // namespace Eigen
