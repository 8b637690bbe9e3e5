#pragma once
// Scalable Rosenbrock functions, written for speed at n = 10^6 (bench/ compares them with
// NumPy): value_and_gradient is one fused, vectorizable pass over x with no temporaries,
// value() computes no gradient, and hessian_vector is O(n). The dense hessian() needs n^2
// doubles: use it only for small n.
//
// ExtendedRosenbrock: More, Garbow & Hillstrom (1981), problem 21 (n even):
//   f(x) = sum_{i=1}^{n/2} 100 (x_{2i} - x_{2i-1}^2)^2 + (1 - x_{2i-1})^2,
//   n/2 independent 2-D Rosenbrock functions; its Hessian is block diagonal with 2x2 blocks
//   [[1200 a^2 - 400 b + 2, -400 a], [-400 a, 200]] at (a, b) = (x_{2i-1}, x_{2i}).
// ChainedRosenbrock: the form of scipy.optimize.rosen (any n >= 2):
//   f(x) = sum_{i=1}^{n-1} 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2,
//   whose Hessian is tridiagonal.
// Both: x0 = (-1.2, 1, -1.2, 1, ...) (MGH), minimizer x* = (1, ..., 1), f* = 0.
#include "optiml/core/objective.hpp"
#include "optiml/problems/test_problem.hpp"

namespace optiml {

class ExtendedRosenbrock final : public Objective {
 public:
  // Throws InvalidArgument unless n is even and >= 2.
  explicit ExtendedRosenbrock(Index n);
  Index dim() const override { return n_; }
  double value(const Vector& x) const override;
  double value_and_gradient(const Vector& x, Vector& g) const override;
  bool has_hessian() const override { return true; }
  void hessian(const Vector& x, Matrix& H) const override;
  bool has_hessian_vector() const override { return true; }
  void hessian_vector(const Vector& x, const Vector& v, Vector& Hv) const override;

 private:
  Index n_;
};

class ChainedRosenbrock final : public Objective {
 public:
  // Throws InvalidArgument unless n >= 2.
  explicit ChainedRosenbrock(Index n);
  Index dim() const override { return n_; }
  double value(const Vector& x) const override;
  double value_and_gradient(const Vector& x, Vector& g) const override;
  bool has_hessian() const override { return true; }
  void hessian(const Vector& x, Matrix& H) const override;
  bool has_hessian_vector() const override { return true; }
  void hessian_vector(const Vector& x, const Vector& v, Vector& Hv) const override;

 private:
  Index n_;
};

// The standard start (-1.2, 1, -1.2, 1, ...) of length n (a trailing -1.2 when n is odd).
Vector rosenbrock_start(Index n);

// Catalog entries "extended-rosenbrock" and "chained-rosenbrock".
TestProblem extended_rosenbrock_problem(Index n);
TestProblem chained_rosenbrock_problem(Index n);

}  // namespace optiml
