#include "optiml/core/objective.hpp"

#include "optiml/core/error.hpp"

namespace optiml {

double Objective::value(const Vector& x) const {
  Vector g(dim());
  return value_and_gradient(x, g);
}

void Objective::hessian(const Vector&, Matrix&) const {
  throw InvalidArgument("this objective has no Hessian (has_hessian() is false)");
}

void Objective::hessian_vector(const Vector& x, const Vector& v, Vector& Hv) const {
  if (!has_hessian()) throw InvalidArgument("this objective has no Hessian-vector product");
  Matrix H;
  hessian(x, H);
  Hv.noalias() = H * v;
}

FunctionObjective::FunctionObjective(Index dim, ObjectiveFunctions functions)
    : dim_(dim), fn_(std::move(functions)) {
  if (dim <= 0) throw InvalidArgument("objective dimension must be positive, got " + std::to_string(dim));
  if (!fn_.value_and_gradient) throw InvalidArgument("FunctionObjective needs value_and_gradient");
}

double FunctionObjective::value(const Vector& x) const {
  if (fn_.value) return fn_.value(x);
  return Objective::value(x);
}

double FunctionObjective::value_and_gradient(const Vector& x, Vector& g) const {
  g.resize(dim_);
  return fn_.value_and_gradient(x, g);
}

void FunctionObjective::hessian(const Vector& x, Matrix& H) const {
  if (!fn_.hessian) return Objective::hessian(x, H);
  H.resize(dim_, dim_);
  fn_.hessian(x, H);
}

void FunctionObjective::hessian_vector(const Vector& x, const Vector& v, Vector& Hv) const {
  if (fn_.hessian_vector) {
    Hv.resize(dim_);
    fn_.hessian_vector(x, v, Hv);
    return;
  }
  Objective::hessian_vector(x, v, Hv);
}

std::shared_ptr<Objective> make_objective(Index dim,
                                          std::function<double(const Vector&, Vector&)> vg,
                                          std::function<void(const Vector&, Matrix&)> hessian) {
  ObjectiveFunctions fns;
  fns.value_and_gradient = std::move(vg);
  fns.hessian = std::move(hessian);
  return std::make_shared<FunctionObjective>(dim, std::move(fns));
}

}  // namespace optiml
