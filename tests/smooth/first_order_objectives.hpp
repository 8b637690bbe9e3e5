#pragma once
// Small objectives for the first-order solver tests (gradient descent, heavy ball,
// Nesterov, CG): quadratics with a known condition number, 2-D Rosenbrock, and a
// quadratic that is undefined (NaN) beyond a radius.
#include <cmath>
#include <limits>
#include <memory>

#include <Eigen/Dense>

#include "optiml/core/objective.hpp"

namespace optiml::testing {

// f(x) = 1/2 (x - x*)' A (x - x*) with A = Q diag(lambda) Q', eigenvalues spread
// geometrically over [mu, L]; Q from a seeded QR. Declares L and mu when `declare`.
struct Quadratic {
  Matrix A;
  Vector x_star;
  double L, mu;
  std::shared_ptr<Objective> objective;
};

inline Quadratic make_quadratic(int n, double mu, double L, bool declare = true, unsigned seed = 7) {
  std::srand(seed);
  Matrix Q = Eigen::HouseholderQR<Matrix>(Matrix::Random(n, n)).householderQ();
  Vector lambda(n);
  for (int i = 0; i < n; ++i) lambda[i] = n == 1 ? L : mu * std::pow(L / mu, double(i) / (n - 1));
  Quadratic q;
  q.A = Q * lambda.asDiagonal() * Q.transpose();
  q.A = 0.5 * (q.A + q.A.transpose());
  q.x_star = Vector::LinSpaced(n, -1.0, 2.0);
  q.L = L;
  q.mu = mu;
  ObjectiveFunctions fns;
  fns.value_and_gradient = [A = q.A, xs = q.x_star](const Vector& x, Vector& g) {
    g.noalias() = A * (x - xs);
    return 0.5 * (x - xs).dot(g);
  };
  fns.hessian = [A = q.A](const Vector&, Matrix& H) { H = A; };
  fns.hessian_vector = [A = q.A](const Vector&, const Vector& v, Vector& Hv) { Hv.noalias() = A * v; };
  if (declare) {
    fns.lipschitz_constant = L;
    fns.strong_convexity = mu;
  }
  q.objective = std::make_shared<FunctionObjective>(n, std::move(fns));
  return q;
}

// f(x) = 1/2 sum lambda_i x_i^2 (minimizer 0), with lambda = diagonal.
inline std::shared_ptr<Objective> diagonal_quadratic(const Vector& lambda, bool declare = true) {
  ObjectiveFunctions fns;
  fns.value_and_gradient = [lambda](const Vector& x, Vector& g) {
    g = lambda.cwiseProduct(x);
    return 0.5 * x.dot(g);
  };
  fns.hessian_vector = [lambda](const Vector&, const Vector& v, Vector& Hv) { Hv = lambda.cwiseProduct(v); };
  if (declare) {
    fns.lipschitz_constant = lambda.maxCoeff();
    fns.strong_convexity = lambda.minCoeff();
  }
  return std::make_shared<FunctionObjective>(lambda.size(), std::move(fns));
}

inline std::shared_ptr<Objective> rosenbrock() {
  return make_objective(2, [](const Vector& x, Vector& g) {
    const double a = 1 - x[0], b = x[1] - x[0] * x[0];
    g[0] = -2 * a - 400 * x[0] * b;
    g[1] = 200 * b;
    return a * a + 100 * b * b;
  });
}

// 2-D Rosenbrock that returns NaN (value and gradient) beyond |x|_2 = radius; with
// radius 1.6 both the start (-1.2, 1) and the minimizer (1, 1) are inside, and long
// steps from the start land outside.
inline std::shared_ptr<Objective> rosenbrock_nan_beyond(double radius) {
  return make_objective(2, [radius](const Vector& x, Vector& g) {
    if (x.norm() > radius) {
      g.setConstant(std::numeric_limits<double>::quiet_NaN());
      return std::numeric_limits<double>::quiet_NaN();
    }
    const double a = 1 - x[0], b = x[1] - x[0] * x[0];
    g[0] = -2 * a - 400 * x[0] * b;
    g[1] = 200 * b;
    return a * a + 100 * b * b;
  });
}

}  // namespace optiml::testing
