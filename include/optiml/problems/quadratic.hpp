#pragma once
// Strongly convex quadratics with a prescribed condition number, the model problem of
// first-order methods (Nesterov, "Lectures on Convex Optimization", 2nd ed., 2.1.4):
//
//   f(x) = 1/2 x^T A x - b^T x,   A = Q diag(lambda) Q^T,   b = A x*,
//
// with eigenvalues lambda_i = kappa^{i/(n-1)}, i = 0..n-1, log-spaced in [mu, L] = [1, kappa],
// so that lipschitz_constant() = L = kappa and strong_convexity() = mu = 1 (n = 1: lambda = 1).
// Q is a random orthogonal matrix, Haar-distributed: the Q factor of the Householder QR of a
// Gaussian matrix with its columns' signs fixed so that diag(R) > 0 (Mezzadri, "How to
// generate random matrices from the classical compact groups", Notices AMS 54, 2007); with
// QuadraticBasis::Diagonal, Q = I. The minimizer x* has i.i.d. standard normal entries,
// f* = f(x*) = -1/2 b^T x*, and the standard start is x0 = 0.
//
// Randomness: one std::mt19937_64 seeded with `seed` draws G (column by column) and then
// x*; normal deviates come from Marsaglia's polar method implemented here (not
// std::normal_distribution, whose algorithm differs between standard libraries), so the
// same seed gives the same problem with libstdc++ and libc++.
#include <cstdint>

#include "optiml/core/objective.hpp"
#include "optiml/problems/test_problem.hpp"

namespace optiml {

enum class QuadraticBasis { Rotated, Diagonal };

class ConditionedQuadratic final : public Objective {
 public:
  // Throws InvalidArgument unless dim >= 1 and condition_number >= 1 (finite).
  ConditionedQuadratic(Index dim, double condition_number, std::uint64_t seed = 0,
                       QuadraticBasis basis = QuadraticBasis::Rotated);

  Index dim() const override { return n_; }
  double value(const Vector& x) const override;
  double value_and_gradient(const Vector& x, Vector& g) const override;  // g = A x - b
  bool has_hessian() const override { return true; }
  void hessian(const Vector& x, Matrix& H) const override;  // H = A
  bool has_hessian_vector() const override { return true; }
  void hessian_vector(const Vector& x, const Vector& v, Vector& Hv) const override;
  double lipschitz_constant() const override { return eigenvalues_.maxCoeff(); }
  double strong_convexity() const override { return eigenvalues_.minCoeff(); }

  QuadraticBasis basis() const { return basis_; }
  double condition_number() const { return condition_number_; }
  const Vector& eigenvalues() const { return eigenvalues_; }  // ascending
  // The dense matrix A (a copy; for the diagonal basis it is formed on each call).
  Matrix A() const;
  const Vector& b() const { return b_; }
  const Vector& x_star() const { return x_star_; }
  double f_star() const { return f_star_; }

 private:
  Index n_;
  double condition_number_;
  QuadraticBasis basis_;
  Vector eigenvalues_;
  Matrix a_;  // empty for the diagonal basis
  Vector b_, x_star_;
  double f_star_ = 0.0;
};

// Catalog entries "quadratic" (rotated) and "quadratic-diagonal": x0 = 0, x_star, f_star
// as above; the catalog uses condition number 100 and seed 0.
TestProblem quadratic_problem(Index dim, double condition_number = 100.0, std::uint64_t seed = 0);
TestProblem diagonal_quadratic_problem(Index dim, double condition_number = 100.0, std::uint64_t seed = 0);

}  // namespace optiml
