#include "optiml/ml/loss.hpp"

namespace optiml {

LossValue loss_eval(LossKind kind, double z, double y, double delta) {
  switch (kind) {
    case LossKind::Squared: return loss_eval<LossKind::Squared>(z, y, delta);
    case LossKind::Absolute: return loss_eval<LossKind::Absolute>(z, y, delta);
    case LossKind::Huber: return loss_eval<LossKind::Huber>(z, y, delta);
    case LossKind::Logistic: return loss_eval<LossKind::Logistic>(z, y, delta);
    case LossKind::Hinge: return loss_eval<LossKind::Hinge>(z, y, delta);
    case LossKind::SquaredHinge: return loss_eval<LossKind::SquaredHinge>(z, y, delta);
  }
  return {0.0, 0.0, 0.0};
}

}  // namespace optiml
