#include "optiml/ml/regularizer.hpp"

#include <cmath>
#include <string>

#include "optiml/core/error.hpp"

namespace optiml {

void Regularizer::validate() const {
  if (!(lambda >= 0)) throw InvalidArgument("regularizer: lambda must be >= 0, got " + std::to_string(lambda));
  if (kind == PenaltyKind::ElasticNet && !(l1_ratio >= 0 && l1_ratio <= 1))
    throw InvalidArgument("regularizer: l1_ratio must be in [0, 1], got " + std::to_string(l1_ratio));
}

double Regularizer::value(const Vector& w) const {
  validate();
  switch (kind) {
    case PenaltyKind::L2: return 0.5 * lambda * w.squaredNorm();
    case PenaltyKind::L1: return lambda * w.lpNorm<1>();
    case PenaltyKind::ElasticNet:
      return lambda * (l1_ratio * w.lpNorm<1>() + 0.5 * (1.0 - l1_ratio) * w.squaredNorm());
  }
  return 0.0;
}

void Regularizer::subgradient(const Vector& w, Vector& g) const {
  validate();
  const Vector sign = w.unaryExpr([](double t) { return t > 0 ? 1.0 : (t < 0 ? -1.0 : 0.0); });
  switch (kind) {
    case PenaltyKind::L2: g = lambda * w; return;
    case PenaltyKind::L1: g = lambda * sign; return;
    case PenaltyKind::ElasticNet: g = lambda * (l1_ratio * sign + (1.0 - l1_ratio) * w); return;
  }
}

}  // namespace optiml
