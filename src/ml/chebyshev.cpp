#include "optiml/ml/chebyshev.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include <Eigen/LU>

#include "optiml/core/error.hpp"
#include "optiml/solvers.hpp"

namespace optiml {

namespace {

// The smoothed max |r| at scale mu, with gradient and Hessian (stable: shifted by max |r|).
class SmoothMaxAbs final : public Objective {
 public:
  SmoothMaxAbs(const Matrix& A, const Vector& y, double mu) : A_(A), y_(y), mu_(mu) {}
  Index dim() const override { return A_.cols(); }
  double value_and_gradient(const Vector& w, Vector& g) const override {
    weights(w);
    g = -A_.transpose() * (p_ - q_);
    return value_;
  }
  bool has_hessian() const override { return true; }
  void hessian(const Vector& w, Matrix& H) const override {
    weights(w);
    const Vector s = p_ - q_, c = p_ + q_;
    H = mu_ * (A_.transpose() * c.asDiagonal() * A_ - (A_.transpose() * s) * (A_.transpose() * s).transpose());
  }

 private:
  void weights(const Vector& w) const {
    const Vector r = y_ - A_ * w;
    const double m = r.cwiseAbs().maxCoeff();
    p_ = (mu_ * (r.array() - m)).exp();
    q_ = (mu_ * (-r.array() - m)).exp();
    const double z = p_.sum() + q_.sum();
    value_ = m + std::log(z) / mu_;
    p_ /= z;
    q_ /= z;
  }
  const Matrix& A_;
  const Vector& y_;
  double mu_;
  mutable Vector p_, q_;
  mutable double value_ = 0.0;
};

}  // namespace

ChebyshevResult chebyshev_regression(const RowMatrix& X, const Vector& y, bool fit_intercept) {
  if (X.rows() == 0 || X.cols() == 0) throw InvalidArgument("chebyshev_regression: the dataset is empty");
  if (y.size() != X.rows()) throw InvalidArgument("chebyshev_regression: targets and samples differ in number");
  if (!X.allFinite() || !y.allFinite()) throw InvalidArgument("chebyshev_regression: data contain NaN or Inf");
  Matrix A(X.rows(), X.cols() + (fit_intercept ? 1 : 0));
  A.leftCols(X.cols()) = X;
  if (fit_intercept) A.col(X.cols()).setOnes();
  const Index n = A.rows(), p = A.cols();
  if (n < p + 1) throw InvalidArgument("chebyshev_regression: needs at least p + 1 = " + std::to_string(p + 1) + " samples");

  Vector w = A.colPivHouseholderQr().solve(y);
  const double scale = std::max(1e-300, (y - A * w).cwiseAbs().maxCoeff());
  const SolverInfo& newton = solvers().find("newton");
  ChebyshevResult res;
  for (double mu = 10.0 / scale; mu <= 1e9 / scale; mu *= 10.0) {
    const SmoothMaxAbs f(A, y, mu);
    w = newton.run(f, w, {{"gtol", "1e-12"}, {"max_iterations", "200"}}, {}).x;
    // The reference: the p + 1 largest residuals, with their signs.
    const Vector r = y - A * w;
    std::vector<Index> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), Index{0});
    std::partial_sort(order.begin(), order.begin() + p + 1, order.end(),
                      [&](Index a, Index b) { return std::abs(r[a]) > std::abs(r[b]); });
    Matrix M(p + 1, p + 1);  // rows [a_i, s_i]: a_i^T w + s_i t = y_i
    Vector yS(p + 1);
    for (Index k = 0; k <= p; ++k) {
      const Index i = order[static_cast<std::size_t>(k)];
      M.row(k).head(p) = A.row(i);
      M(k, p) = r[i] >= 0 ? 1.0 : -1.0;
      yS[k] = y[i];
    }
    const Eigen::FullPivLU<Matrix> lu(M);
    if (lu.rank() < p + 1) continue;
    const Vector wt = lu.solve(yS);
    // Dual: M^T lambda = e_{p+1} gives sum lambda_i a_i = 0 and sum lambda_i s_i = 1, i.e.
    // weights lambda_i s_i >= 0 on the reference certify optimality.
    Vector e = Vector::Zero(p + 1);
    e[p] = 1.0;
    const Vector lambda = lu.transpose().solve(e);
    double min_weight = INFINITY;
    for (Index k = 0; k <= p; ++k) min_weight = std::min(min_weight, lambda[k] * M(k, p));
    const Vector w_exact = wt.head(p);
    const double t = wt[p];  // must be >= 0: the reference residuals carry the signs s_i
    const double worst = (y - A * w_exact).cwiseAbs().maxCoeff();
    res.w = w_exact;
    res.max_residual = worst;
    res.min_lambda = min_weight;
    if (t >= 0 && min_weight >= -1e-12 && worst <= t * (1 + 1e-10) + 1e-14 * scale) {
      res.certified = true;
      return res;
    }
  }
  res.w = w;
  res.max_residual = (y - A * w).cwiseAbs().maxCoeff();
  return res;
}

}  // namespace optiml
