#pragma once
// Private to the smooth module: a descent direction from an indefinite Hessian,
// shared by Newton and the dogleg trust region (Nocedal & Wright, 2nd ed., 3.4).
#include <algorithm>
#include <cmath>

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>

#include "optiml/core/types.hpp"

namespace optiml::detail {

// Cholesky with added multiple of the identity (N&W Algorithm 3.3): factorizes
// B + tau I with tau = 0 when B is positive definite, else starting from
// max(0, beta - min_i B_ii) and growing tenfold until the factorization succeeds.
// Work buffers are sized once; solve() allocates nothing.
class ShiftedCholesky {
 public:
  explicit ShiftedCholesky(Index n) : shifted_(n, n), llt_(n) {}

  // Returns false when no finite shift makes B positive definite (B not finite).
  bool factorize(const Matrix& B, double beta) {
    shift_ = 0.0;
    if (!B.allFinite()) return false;
    const double min_diag = B.diagonal().minCoeff();
    if (min_diag > 0) {
      llt_.compute(B);
      if (llt_.info() == Eigen::Success) return true;
      shift_ = beta;
    } else {
      shift_ = beta - min_diag;
    }
    // Each failure multiplies tau by 10; 400 tries cover any finite B.
    for (int k = 0; k < 400 && std::isfinite(shift_); ++k) {
      shifted_ = B;
      shifted_.diagonal().array() += shift_;
      llt_.compute(shifted_);
      if (llt_.info() == Eigen::Success) return true;
      shift_ = std::max(10.0 * shift_, beta);
    }
    return false;
  }
  // p = -(B + tau I)^{-1} g.
  void solve_newton(const Vector& g, Vector& p) const {
    p = g;
    llt_.solveInPlace(p);
    p = -p;
  }
  double shift() const { return shift_; }

 private:
  Matrix shifted_;
  Eigen::LLT<Matrix> llt_;
  double shift_ = 0.0;
};

// Eigenvalue modification (N&W 3.41): B = Q diag(lambda) Q^T is replaced by
// Q diag(max(|lambda_i|, delta)) Q^T with delta = floor * max(1, max_i |lambda_i|),
// which flips negative curvature into descent and bounds the step along flat directions.
class EigenModification {
 public:
  explicit EigenModification(Index n) : eig_(n), coeffs_(n), inverse_(n) {}

  // Returns false when B is not finite or the eigensolver fails.
  bool factorize(const Matrix& B, double floor) {
    modified_ = 0;
    if (!B.allFinite()) return false;
    eig_.compute(B);
    if (eig_.info() != Eigen::Success) return false;
    const auto& lambda = eig_.eigenvalues();
    const double delta = floor * std::max(1.0, lambda.cwiseAbs().maxCoeff());
    inverse_ = lambda;
    for (Index i = 0; i < lambda.size(); ++i) {
      if (lambda[i] < delta) ++modified_;
      inverse_[i] = 1.0 / std::max(std::abs(lambda[i]), delta);
    }
    return true;
  }
  // p = -Q diag(1 / max(|lambda|, delta)) Q^T g.
  void solve_newton(const Vector& g, Vector& p) {
    coeffs_.noalias() = eig_.eigenvectors().transpose() * g;
    coeffs_.array() *= inverse_.array();
    p.noalias() = -eig_.eigenvectors() * coeffs_;
  }
  long modified() const { return modified_; }

 private:
  Eigen::SelfAdjointEigenSolver<Matrix> eig_;
  Vector coeffs_, inverse_;
  long modified_ = 0;
};

}  // namespace optiml::detail
