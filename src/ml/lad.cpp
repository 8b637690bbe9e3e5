#include "optiml/ml/lad.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include <Eigen/Cholesky>
#include <Eigen/LU>

#include "optiml/core/error.hpp"

namespace optiml {

namespace {

Matrix design(const RowMatrix& X, bool intercept) {
  Matrix A(X.rows(), X.cols() + (intercept ? 1 : 0));
  A.leftCols(X.cols()) = X;
  if (intercept) A.col(X.cols()).setOnes();
  return A;
}

// IRLS (Schlossmacher 1973) from the least-squares fit.
Vector irls(const Matrix& A, const Vector& y) {
  const Index p = A.cols();
  Vector w = A.colPivHouseholderQr().solve(y);
  double delta = std::max(1e-3, (y - A * w).cwiseAbs().mean());
  for (int it = 0; it < 100; ++it) {
    const Vector r = y - A * w;
    const Vector omega = (r.cwiseAbs().array().max(delta)).inverse();
    Matrix M = A.transpose() * omega.asDiagonal() * A;
    M.diagonal().array() += 1e-14 * M.diagonal().maxCoeff();
    const Vector w_new = M.ldlt().solve(A.transpose() * omega.cwiseProduct(y));
    const double change = (w_new - w).norm() / std::max(1.0, w.norm());
    w = w_new;
    delta = std::max(delta * 0.3, 1e-12 * std::max(1.0, y.cwiseAbs().maxCoeff()));
    if (change < 1e-12) break;
  }
  (void)p;
  return w;
}

}  // namespace

LadResult lad_regression(const RowMatrix& X, const Vector& y, bool fit_intercept) {
  if (X.rows() == 0 || X.cols() == 0) throw InvalidArgument("lad_regression: the dataset is empty");
  if (y.size() != X.rows())
    throw InvalidArgument("lad_regression: " + std::to_string(y.size()) + " targets for " + std::to_string(X.rows()) +
                          " samples");
  if (!X.allFinite() || !y.allFinite()) throw InvalidArgument("lad_regression: data contain NaN or Inf");
  const Matrix A = design(X, fit_intercept);
  const Index n = A.rows(), p = A.cols();
  if (n < p) throw InvalidArgument("lad_regression: " + std::to_string(n) + " samples for " + std::to_string(p) + " parameters");
  const double tiny = 1e-12 * std::max(1.0, y.cwiseAbs().maxCoeff());

  // The vertex nearest the IRLS solution: the p smallest residuals, kept when independent.
  Vector w = irls(A, y);
  Vector r = y - A * w;
  std::vector<Index> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), Index{0});
  std::sort(order.begin(), order.end(), [&](Index a, Index b) { return std::abs(r[a]) < std::abs(r[b]); });
  std::vector<Index> Z;
  Matrix AZ(0, p);
  for (Index i : order) {
    if (static_cast<Index>(Z.size()) == p) break;
    Matrix trial(AZ.rows() + 1, p);
    trial << AZ, A.row(i);
    if (Eigen::FullPivLU<Matrix>(trial).rank() == trial.rows()) {
      AZ = trial;
      Z.push_back(i);
    }
  }
  if (static_cast<Index>(Z.size()) < p) throw InvalidArgument("lad_regression: the design matrix is rank deficient");

  LadResult res;
  std::vector<char> in_Z(static_cast<std::size_t>(n), 0);
  for (long step = 0; step < 10 * n; ++step) {
    std::fill(in_Z.begin(), in_Z.end(), 0);
    Vector yZ(p);
    for (Index k = 0; k < p; ++k) {
      AZ.row(k) = A.row(Z[static_cast<std::size_t>(k)]);
      yZ[k] = y[Z[static_cast<std::size_t>(k)]];
      in_Z[static_cast<std::size_t>(Z[static_cast<std::size_t>(k)])] = 1;
    }
    const Eigen::PartialPivLU<Matrix> lu(AZ);
    w = lu.solve(yZ);
    r = y - A * w;
    Vector g = Vector::Zero(p);  // sum over the other points of sign(r_i) a_i
    for (Index i = 0; i < n; ++i)
      if (!in_Z[static_cast<std::size_t>(i)] && std::abs(r[i]) > tiny) g += (r[i] > 0 ? 1.0 : -1.0) * A.row(i).transpose();
    const Vector u = lu.transpose().solve(g);
    Index j = 0;
    res.certificate = u.cwiseAbs().maxCoeff(&j);
    if (res.certificate <= 1.0 + 1e-9) {
      res.certified = true;
      break;
    }
    // Edge: a_k^T d = 0 on Z \ {j}, a_j^T d = sign(u_j); slope 1 - |u_j| < 0 at t = 0.
    Vector e = Vector::Zero(p);
    e[j] = u[j] > 0 ? 1.0 : -1.0;
    const Vector d = lu.solve(e);
    const Vector Ad = A * d;
    std::vector<std::pair<double, Index>> breaks;
    for (Index i = 0; i < n; ++i) {
      if (in_Z[static_cast<std::size_t>(i)] || std::abs(Ad[i]) < 1e-14) continue;
      const double t = r[i] / Ad[i];
      if (t > 0) breaks.emplace_back(t, i);
    }
    std::sort(breaks.begin(), breaks.end());
    double slope = 1.0 - res.certificate;
    Index enter = -1;
    for (const auto& [t, i] : breaks) {  // each crossing adds 2 |a_i^T d| to the slope
      slope += 2.0 * std::abs(Ad[i]);
      if (slope >= 0) {
        enter = i;
        break;
      }
    }
    if (enter < 0) break;  // unbounded descent cannot happen for n >= p; stop uncertified
    Z[static_cast<std::size_t>(j)] = enter;
    ++res.exchanges;
  }
  res.w = w;
  res.objective = r.cwiseAbs().sum();
  return res;
}

}  // namespace optiml
