#pragma once
// Penalties Omega(w) of regularized risk: L2 (lambda/2 |w|^2), L1 (lambda |w|_1)
// and elastic net (lambda (rho |w|_1 + (1 - rho)/2 |w|^2), scikit-learn's
// l1_ratio = rho). Value, gradient where it exists, and the minimum-norm
// subgradient otherwise (0 on w_i = 0); their proximal operators come with the
// proximal module.
#include "optiml/core/types.hpp"

namespace optiml {

enum class PenaltyKind { L2, L1, ElasticNet };

struct Regularizer {
  PenaltyKind kind = PenaltyKind::L2;
  double lambda = 0.0;
  double l1_ratio = 0.5;  // elastic net only

  double value(const Vector& w) const;
  // The gradient (L2), or the subgradient of minimum norm (L1, elastic net).
  void subgradient(const Vector& w, Vector& g) const;
  bool smooth() const { return kind == PenaltyKind::L2 || lambda == 0.0; }
  // Throws InvalidArgument for lambda < 0 or l1_ratio outside [0, 1].
  void validate() const;
};

}  // namespace optiml
