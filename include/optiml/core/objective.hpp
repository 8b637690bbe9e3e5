#pragma once
// Objective: a smooth function of x (DESIGN.md, Core abstractions). Type-erased
// so that solvers compile once in the library and bind to Python without templates.
#include <functional>
#include <memory>

#include "optiml/core/types.hpp"

namespace optiml {

class Objective {
 public:
  virtual ~Objective() = default;

  virtual Index dim() const = 0;
  // f(x). The default calls value_and_gradient; override when f alone is cheaper.
  virtual double value(const Vector& x) const;
  // Returns f(x) and writes the gradient into g (resized to dim()).
  virtual double value_and_gradient(const Vector& x, Vector& g) const = 0;

  virtual bool has_hessian() const { return false; }
  // Writes the dense Hessian into H; throws InvalidArgument when has_hessian() is false.
  virtual void hessian(const Vector& x, Matrix& H) const;
  virtual bool has_hessian_vector() const { return has_hessian(); }
  // Writes H(x) v into Hv; the default forms the Hessian (override for O(n) products).
  virtual void hessian_vector(const Vector& x, const Vector& v, Vector& Hv) const;

  // Known curvature bounds, 0 when unknown: L with |grad f(x) - grad f(y)| <= L |x - y|,
  // and mu with f mu-strongly convex. Fixed-step and momentum methods use them.
  virtual double lipschitz_constant() const { return 0.0; }
  virtual double strong_convexity() const { return 0.0; }
};

// Callables for FunctionObjective; value_and_gradient is required, the rest optional.
struct ObjectiveFunctions {
  std::function<double(const Vector&, Vector&)> value_and_gradient;
  std::function<double(const Vector&)> value;
  std::function<void(const Vector&, Matrix&)> hessian;
  std::function<void(const Vector&, const Vector&, Vector&)> hessian_vector;
  double lipschitz_constant = 0.0;
  double strong_convexity = 0.0;
};

// Adapter that wraps lambdas into an Objective.
class FunctionObjective final : public Objective {
 public:
  FunctionObjective(Index dim, ObjectiveFunctions functions);
  Index dim() const override { return dim_; }
  double value(const Vector& x) const override;
  double value_and_gradient(const Vector& x, Vector& g) const override;
  bool has_hessian() const override { return static_cast<bool>(fn_.hessian); }
  void hessian(const Vector& x, Matrix& H) const override;
  bool has_hessian_vector() const override { return fn_.hessian_vector || fn_.hessian; }
  void hessian_vector(const Vector& x, const Vector& v, Vector& Hv) const override;
  double lipschitz_constant() const override { return fn_.lipschitz_constant; }
  double strong_convexity() const override { return fn_.strong_convexity; }

 private:
  Index dim_;
  ObjectiveFunctions fn_;
};

// Convenience: an Objective from f(x, g) -> value (writing the gradient) and an optional Hessian.
std::shared_ptr<Objective> make_objective(
    Index dim, std::function<double(const Vector&, Vector&)> value_and_gradient,
    std::function<void(const Vector&, Matrix&)> hessian = {});

}  // namespace optiml
