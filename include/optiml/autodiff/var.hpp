#pragma once
// The reverse-mode scalar: a value and its node on the thread's active tape
// (node -1: a constant, recorded nowhere). Generic user code written for a
// scalar type T runs unchanged with T = Var (or BasicVar<Dual<double>>), also
// inside Eigen expressions.
#include <cmath>
#include <cstdint>
#include <ostream>
#include <type_traits>

#include "optiml/autodiff/tape.hpp"

namespace optiml::ad {

template <class S>
class BasicVar {
 public:
  BasicVar() : v_(0.0) {}
  // A constant (node -1) or a recorded value; constants convert implicitly.
  BasicVar(const S& value, std::int32_t node = -1) : v_(value), node_(node) {}  // NOLINT
  template <class U = S, class = std::enable_if_t<!std::is_same_v<U, double>>>
  BasicVar(double c) : v_(c) {}  // NOLINT

  const S& value() const { return v_; }
  std::int32_t node() const { return node_; }
  bool is_constant() const { return node_ < 0; }

  BasicVar& operator+=(const BasicVar& o) { return *this = *this + o; }
  BasicVar& operator-=(const BasicVar& o) { return *this = *this - o; }
  BasicVar& operator*=(const BasicVar& o) { return *this = *this * o; }
  BasicVar& operator/=(const BasicVar& o) { return *this = *this / o; }

 private:
  S v_;
  std::int32_t node_ = -1;
};

using Var = BasicVar<double>;

namespace detail {
// One operation on a (and b): recorded on the active tape when an argument is
// on it, else folded to a constant with the same evaluate().
template <Op op, class S>
inline BasicVar<S> record(const BasicVar<S>& a, const S& c = S(0.0)) {
  if (a.is_constant()) {
    S v, da, db;
    evaluate<op>(a.value(), c, c, v, da, db);
    return BasicVar<S>(v);
  }
  Tape<S>& t = *active_tape<S>();
  const std::int32_t node = t.template record<op>(a.node(), c);
  return BasicVar<S>(t.value(node), node);
}
template <Op op, class S>
inline BasicVar<S> record2(const BasicVar<S>& a, const BasicVar<S>& b) {
  Tape<S>& t = *active_tape<S>();
  const std::int32_t node = t.template record<op>(a.node(), b.node());
  return BasicVar<S>(t.value(node), node);
}
}  // namespace detail

// Binary operations: var-var records one node; with a constant side, the
// constant is stored in the node (so replay keeps it).
template <class S> BasicVar<S> operator+(const BasicVar<S>& a, const BasicVar<S>& b) {
  if (a.is_constant()) return detail::record<Op::AddC>(b, a.value());
  if (b.is_constant()) return detail::record<Op::AddC>(a, b.value());
  return detail::record2<Op::Add>(a, b);
}
template <class S> BasicVar<S> operator-(const BasicVar<S>& a, const BasicVar<S>& b) {
  if (a.is_constant()) return detail::record<Op::CSub>(b, a.value());
  if (b.is_constant()) return detail::record<Op::SubC>(a, b.value());
  return detail::record2<Op::Sub>(a, b);
}
template <class S> BasicVar<S> operator*(const BasicVar<S>& a, const BasicVar<S>& b) {
  if (a.is_constant()) return detail::record<Op::MulC>(b, a.value());
  if (b.is_constant()) return detail::record<Op::MulC>(a, b.value());
  return detail::record2<Op::Mul>(a, b);
}
template <class S> BasicVar<S> operator/(const BasicVar<S>& a, const BasicVar<S>& b) {
  if (a.is_constant()) return detail::record<Op::CDiv>(b, a.value());
  if (b.is_constant()) return detail::record<Op::DivC>(a, b.value());
  return detail::record2<Op::Div>(a, b);
}
template <class S> BasicVar<S> operator-(const BasicVar<S>& a) { return detail::record<Op::Neg>(a); }
template <class S> BasicVar<S> operator+(const BasicVar<S>& a) { return a; }

#define OPTIML_VAR_MIXED(OP)                                                                                   \
  template <class S> BasicVar<S> operator OP(const BasicVar<S>& a, double b) { return a OP BasicVar<S>(b); } \
  template <class S> BasicVar<S> operator OP(double a, const BasicVar<S>& b) { return BasicVar<S>(a) OP b; }
OPTIML_VAR_MIXED(+)
OPTIML_VAR_MIXED(-)
OPTIML_VAR_MIXED(*)
OPTIML_VAR_MIXED(/)
#undef OPTIML_VAR_MIXED

// Comparisons look at values: a branch is taken at record time (replay keeps it).
#define OPTIML_VAR_COMPARE(OP)                                                                                  \
  template <class S> bool operator OP(const BasicVar<S>& a, const BasicVar<S>& b) { return a.value() OP b.value(); } \
  template <class S> bool operator OP(const BasicVar<S>& a, double b) { return a.value() OP b; }                  \
  template <class S> bool operator OP(double a, const BasicVar<S>& b) { return a OP b.value(); }
OPTIML_VAR_COMPARE(<)
OPTIML_VAR_COMPARE(<=)
OPTIML_VAR_COMPARE(>)
OPTIML_VAR_COMPARE(>=)
OPTIML_VAR_COMPARE(==)
OPTIML_VAR_COMPARE(!=)
#undef OPTIML_VAR_COMPARE

#define OPTIML_VAR_UNARY(NAME, OP) \
  template <class S> BasicVar<S> NAME(const BasicVar<S>& a) { return detail::record<Op::OP>(a); }
OPTIML_VAR_UNARY(exp, Exp)
OPTIML_VAR_UNARY(log, Log)
OPTIML_VAR_UNARY(sqrt, Sqrt)
OPTIML_VAR_UNARY(sin, Sin)
OPTIML_VAR_UNARY(cos, Cos)
OPTIML_VAR_UNARY(tan, Tan)
OPTIML_VAR_UNARY(tanh, Tanh)
OPTIML_VAR_UNARY(sinh, Sinh)
OPTIML_VAR_UNARY(cosh, Cosh)
OPTIML_VAR_UNARY(atan, Atan)
OPTIML_VAR_UNARY(asin, Asin)
OPTIML_VAR_UNARY(acos, Acos)
OPTIML_VAR_UNARY(log1p, Log1p)
OPTIML_VAR_UNARY(expm1, Expm1)
OPTIML_VAR_UNARY(abs, Abs)
#undef OPTIML_VAR_UNARY

template <class S> BasicVar<S> fabs(const BasicVar<S>& a) { return abs(a); }
template <class S> BasicVar<S> abs2(const BasicVar<S>& a) { return a * a; }
template <class S> BasicVar<S> pow(const BasicVar<S>& a, double p) { return detail::record<Op::PowC>(a, S(p)); }
template <class S> BasicVar<S> pow(double c, const BasicVar<S>& b) { return detail::record<Op::CPow>(b, S(c)); }
template <class S> BasicVar<S> pow(const BasicVar<S>& a, const BasicVar<S>& b) {
  if (b.is_constant()) return detail::record<Op::PowC>(a, b.value());
  if (a.is_constant()) return detail::record<Op::CPow>(b, a.value());
  return detail::record2<Op::Pow>(a, b);
}
template <class S> BasicVar<S> max(const BasicVar<S>& a, const BasicVar<S>& b) { return a < b ? b : a; }
template <class S> BasicVar<S> min(const BasicVar<S>& a, const BasicVar<S>& b) { return b < a ? b : a; }
template <class S> bool isfinite(const BasicVar<S>& a) {
  using std::isfinite;
  return isfinite(a.value());
}
template <class S> bool isnan(const BasicVar<S>& a) {
  using std::isnan;
  return isnan(a.value());
}
template <class S> std::ostream& operator<<(std::ostream& os, const BasicVar<S>& a) { return os << a.value(); }

}  // namespace optiml::ad

namespace Eigen {
template <class S>
struct NumTraits<optiml::ad::BasicVar<S>> : NumTraits<double> {
  using Real = optiml::ad::BasicVar<S>;
  using NonInteger = optiml::ad::BasicVar<S>;
  using Nested = optiml::ad::BasicVar<S>;
  using Literal = optiml::ad::BasicVar<S>;
  enum { IsComplex = 0, IsInteger = 0, IsSigned = 1, RequireInitialization = 1, ReadCost = 1, AddCost = 4, MulCost = 4 };
};
template <class S, typename BinaryOp>
struct ScalarBinaryOpTraits<optiml::ad::BasicVar<S>, double, BinaryOp> {
  using ReturnType = optiml::ad::BasicVar<S>;
};
template <class S, typename BinaryOp>
struct ScalarBinaryOpTraits<double, optiml::ad::BasicVar<S>, BinaryOp> {
  using ReturnType = optiml::ad::BasicVar<S>;
};
}  // namespace Eigen
