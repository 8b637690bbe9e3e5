#pragma once
// Losses of empirical risk minimization, as functions of the prediction z and
// the target y: value, derivative d/dz and second derivative where it exists
// (Shalev-Shwartz & Ben-David, "Understanding Machine Learning", ch. 12;
// Hastie, Tibshirani & Friedman, "Elements of Statistical Learning", 10.6).
// Classification losses take y in {-1, +1} and depend on the margin y z.
#include <cmath>
#include <string_view>

#include "optiml/core/enum_names.hpp"

namespace optiml {

enum class LossKind {
  Squared,       // 1/2 (z - y)^2
  Absolute,      // |z - y|            (not differentiable at z = y: subgradient 0 there)
  Huber,         // 1/2 r^2 for |r| <= delta, delta (|r| - delta/2) beyond
  Logistic,      // log(1 + exp(-y z))
  Hinge,         // max(0, 1 - y z)    (subgradient -y on the kink's left)
  SquaredHinge,  // max(0, 1 - y z)^2
};

template <>
struct EnumNames<LossKind> {
  static constexpr std::pair<LossKind, const char*> table[] = {
      {LossKind::Squared, "squared"},   {LossKind::Absolute, "absolute"},
      {LossKind::Huber, "huber"},       {LossKind::Logistic, "logistic"},
      {LossKind::Hinge, "hinge"},       {LossKind::SquaredHinge, "squared-hinge"},
  };
};

// True when the loss has a continuous first derivative (the smooth solvers apply).
constexpr bool is_smooth(LossKind k) { return k != LossKind::Absolute && k != LossKind::Hinge; }
// True when the loss has a second derivative almost everywhere that Newton-type methods can use.
constexpr bool has_second_derivative(LossKind k) {
  return k == LossKind::Squared || k == LossKind::Huber || k == LossKind::Logistic || k == LossKind::SquaredHinge;
}
// True for margin losses (targets in {-1, +1}).
constexpr bool is_classification(LossKind k) {
  return k == LossKind::Logistic || k == LossKind::Hinge || k == LossKind::SquaredHinge;
}

// log(1 + exp(t)) without overflow or cancellation.
inline double log1pexp(double t) { return t > 0 ? t + std::log1p(std::exp(-t)) : std::log1p(std::exp(t)); }
// 1 / (1 + exp(-t)), stable for both signs.
inline double sigmoid(double t) {
  if (t >= 0) return 1.0 / (1.0 + std::exp(-t));
  const double e = std::exp(t);
  return e / (1.0 + e);
}

struct LossValue {
  double value, d1, d2;  // l, dl/dz, d2l/dz2 (0 where it does not exist)
};

// Value and derivatives at (z, y); `delta` is Huber's threshold.
template <LossKind K>
inline LossValue loss_eval(double z, double y, double delta = 1.0) {
  if constexpr (K == LossKind::Squared) {
    const double r = z - y;
    return {0.5 * r * r, r, 1.0};
  } else if constexpr (K == LossKind::Absolute) {
    const double r = z - y;
    return {std::abs(r), r > 0 ? 1.0 : (r < 0 ? -1.0 : 0.0), 0.0};
  } else if constexpr (K == LossKind::Huber) {
    const double r = z - y, a = std::abs(r);
    if (a <= delta) return {0.5 * r * r, r, 1.0};
    return {delta * (a - 0.5 * delta), r > 0 ? delta : -delta, 0.0};
  } else if constexpr (K == LossKind::Logistic) {
    const double m = y * z;
    const double s = sigmoid(-m);  // = 1 - sigmoid(m)
    return {log1pexp(-m), -y * s, s * (1.0 - s)};
  } else if constexpr (K == LossKind::Hinge) {
    const double m = y * z;
    return m < 1.0 ? LossValue{1.0 - m, -y, 0.0} : LossValue{0.0, 0.0, 0.0};
  } else {  // SquaredHinge
    const double m = y * z;
    if (m >= 1.0) return {0.0, 0.0, 0.0};
    const double r = 1.0 - m;
    return {r * r, -2.0 * y * r, 2.0};  // y^2 = 1
  }
}

// The same, dispatched at run time (tests, one-off evaluations).
LossValue loss_eval(LossKind kind, double z, double y, double delta = 1.0);

}  // namespace optiml
