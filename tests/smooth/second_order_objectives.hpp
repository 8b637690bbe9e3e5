#pragma once
// Small objectives and helpers shared by the tests of the second-order and
// least-squares solvers (newton, bfgs, newton-cg, trust-*, gauss-newton, lm).
#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <vector>

#include "optiml/core/least_squares.hpp"
#include "optiml/core/objective.hpp"
#include "optiml/core/observer.hpp"
#include "optiml/core/trace.hpp"

namespace optiml::second_order_testing {

// f = x^2 - y^2 + y^4 / 4: a saddle at the origin (Hessian diag(2, -2)), minima at
// (0, +-sqrt(2)) with f* = -1.
inline std::shared_ptr<Objective> saddle(bool with_hessian = true) {
  auto vg = [](const Vector& x, Vector& g) {
    const double y = x[1];
    g[0] = 2 * x[0];
    g[1] = -2 * y + y * y * y;
    return x[0] * x[0] - y * y + 0.25 * y * y * y * y;
  };
  auto h = [](const Vector& x, Matrix& H) {
    H.setZero(2, 2);
    H(0, 0) = 2;
    H(1, 1) = -2 + 3 * x[1] * x[1];
  };
  return with_hessian ? make_objective(2, vg, h) : make_objective(2, vg);
}

// f = sum (x_i - 3)^2, but NaN whenever some |x_i| > 2: every solver aimed at (3, ..., 3)
// must back off from non-finite values and end at a finite point.
inline std::shared_ptr<Objective> nan_beyond_two(Index n) {
  auto vg = [](const Vector& x, Vector& g) {
    if (x.cwiseAbs().maxCoeff() > 2) {
      g.setConstant(std::numeric_limits<double>::quiet_NaN());
      return std::numeric_limits<double>::quiet_NaN();
    }
    g = 2 * (x.array() - 3).matrix();
    return (x.array() - 3).square().sum();
  };
  auto h = [](const Vector& x, Matrix& H) {
    if (x.cwiseAbs().maxCoeff() > 2) H.setConstant(x.size(), x.size(), std::numeric_limits<double>::quiet_NaN());
    else H = 2 * Matrix::Identity(x.size(), x.size());
  };
  return make_objective(n, vg, h);
}

// A smooth, strongly convex, non-quadratic function with analytic Hessian:
// f = sum_i w_i (x_i - 1)^2 + log(1 + exp(a'x)), w_i in [1, 11], H = 2 diag(w) + s(1-s) a a'
// with s the logistic function of a'x. Newton-type methods converge superlinearly on it.
inline std::shared_ptr<Objective> convex_softplus(Index n, bool with_hessian = true) {
  Vector w(n), a(n);
  for (Index i = 0; i < n; ++i) {
    w[i] = 1.0 + 10.0 * static_cast<double>(i) / static_cast<double>(n);
    a[i] = 3.0 * std::sin(1.0 + static_cast<double>(i));
  }
  auto vg = [w, a](const Vector& x, Vector& g) {
    const double t = a.dot(x);
    const double s = 1.0 / (1.0 + std::exp(-t));
    g = 2 * w.cwiseProduct(x - Vector::Ones(x.size())) + s * a;
    const double softplus = t > 0 ? t + std::log1p(std::exp(-t)) : std::log1p(std::exp(t));
    return w.dot((x - Vector::Ones(x.size())).cwiseAbs2()) + softplus;
  };
  auto h = [w, a](const Vector& x, Matrix& H) {
    const double s = 1.0 / (1.0 + std::exp(-a.dot(x)));
    H = s * (1 - s) * a * a.transpose();
    H.diagonal() += 2 * w;
  };
  return with_hessian ? make_objective(n, vg, h) : make_objective(n, vg);
}

// Ratios |g_{k+1}|_inf / |g_k|_inf of consecutive trace records whose optimality lies in
// (floor, ceiling]: the local rate of convergence.
inline std::vector<double> optimality_ratios(const Trace& trace, double ceiling, double floor) {
  std::vector<double> out;
  for (std::size_t k = 0; k + 1 < trace.size(); ++k) {
    const double a = trace.records[k].optimality, b = trace.records[k + 1].optimality;
    if (a <= ceiling && b > floor) out.push_back(b / a);
  }
  return out;
}

// A LeastSquares from a residual callable (and an optional Jacobian; without one the
// core's forward differences stand in).
class LambdaLeastSquares final : public LeastSquares {
 public:
  using Residuals = std::function<void(const Vector&, Vector&)>;
  using Jacobian = std::function<void(const Vector&, Matrix&)>;
  LambdaLeastSquares(Index n, Index m, Residuals r, Jacobian j = {})
      : n_(n), m_(m), r_(std::move(r)), j_(std::move(j)) {}
  Index dim() const override { return n_; }
  Index num_residuals() const override { return m_; }
  void residuals(const Vector& x, Vector& r) const override {
    r.resize(m_);
    r_(x, r);
  }
  bool has_jacobian() const override { return static_cast<bool>(j_); }
  void jacobian(const Vector& x, Matrix& J) const override {
    if (!j_) return LeastSquares::jacobian(x, J);
    J.resize(m_, n_);
    j_(x, J);
  }

 private:
  Index n_, m_;
  Residuals r_;
  Jacobian j_;
};

// Records |x_k - x*|_2 at every iteration (iteration 0 included).
inline std::shared_ptr<Observer> error_recorder(const Vector& x_star, std::vector<double>& errors) {
  return make_observer([x_star, &errors](const IterationRecord&, const Vector& x) {
    errors.push_back((x - x_star).norm());
    return ObserverAction::Continue;
  });
}

}  // namespace optiml::second_order_testing
