#include "optiml/ml/erm_objective.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "optiml/core/error.hpp"
#include "optiml/core/threads.hpp"

namespace optiml {

namespace {

// Rows per block: at least 64 blocks for the threads, blocks small enough that
// a block of X stays in cache between its two products. Depends on n only.
Index block_rows(Index n) { return std::clamp<Index>(n / 64, 32, 2048); }

// Calls f with the loss as a compile-time constant.
template <class F>
decltype(auto) with_loss(LossKind k, F&& f) {
  switch (k) {
    case LossKind::Squared: return f(std::integral_constant<LossKind, LossKind::Squared>{});
    case LossKind::Absolute: return f(std::integral_constant<LossKind, LossKind::Absolute>{});
    case LossKind::Huber: return f(std::integral_constant<LossKind, LossKind::Huber>{});
    case LossKind::Logistic: return f(std::integral_constant<LossKind, LossKind::Logistic>{});
    case LossKind::Hinge: return f(std::integral_constant<LossKind, LossKind::Hinge>{});
    case LossKind::SquaredHinge: break;
  }
  return f(std::integral_constant<LossKind, LossKind::SquaredHinge>{});
}

// Row-wise softmax of Z in place; returns sum_i (logsumexp(z_i) - z_i[y_i]).
double softmax_rows(Matrix& Z, const Vector& y, Index r0) {
  double loss = 0.0;
  for (Index i = 0; i < Z.rows(); ++i) {
    const double m = Z.row(i).maxCoeff();
    double s = 0.0;
    for (Index c = 0; c < Z.cols(); ++c) s += std::exp(Z(i, c) - m);
    const double lse = m + std::log(s);
    loss += lse - Z(i, static_cast<Index>(y[r0 + i]));
    for (Index c = 0; c < Z.cols(); ++c) Z(i, c) = std::exp(Z(i, c) - lse);
  }
  return loss;
}

template <class Design>
Index rows_of(const Design& X) {
  return X.rows();
}

}  // namespace

ErmObjective::ErmObjective(std::shared_ptr<const RowMatrix> X, Vector y, Options options)
    : X_(std::move(X)), y_(std::move(y)), o_(options) {
  const auto& m = std::get<0>(X_);
  if (!m) throw InvalidArgument("ErmObjective: X is null");
  n_ = m->rows();
  d_ = m->cols();
  init();
}

ErmObjective::ErmObjective(std::shared_ptr<const SparseMatrix> X, Vector y, Options options)
    : X_(std::move(X)), y_(std::move(y)), o_(options) {
  const auto& m = std::get<1>(X_);
  if (!m) throw InvalidArgument("ErmObjective: X is null");
  n_ = m->rows();
  d_ = m->cols();
  init();
}

void ErmObjective::init() {
  k_ = o_.classes >= 2 ? o_.classes : 1;
  threads_ = resolve_threads(o_.threads);
  validate_labels();
}

void ErmObjective::validate_labels() const {
  if (n_ == 0) throw InvalidArgument("ErmObjective: the dataset is empty");
  if (y_.size() != n_)
    throw InvalidArgument("ErmObjective: " + std::to_string(y_.size()) + " labels for " + std::to_string(n_) +
                          " samples");
  if (!(o_.l2 >= 0)) throw InvalidArgument("ErmObjective: l2 must be >= 0");
  if (!(o_.huber_delta > 0)) throw InvalidArgument("ErmObjective: huber_delta must be > 0");
  for (Index i = 0; i < n_; ++i) {
    const double yi = y_[i];
    if (!std::isfinite(yi)) throw InvalidArgument("ErmObjective: label " + std::to_string(i) + " is not finite");
    if (o_.classes >= 2 && (yi < 0 || yi >= static_cast<double>(o_.classes) || yi != std::floor(yi)))
      throw InvalidArgument("ErmObjective: label " + std::to_string(i) + " = " + std::to_string(yi) +
                            " is not a class in 0.." + std::to_string(o_.classes - 1));
    if (o_.classes < 2 && is_classification(o_.loss) && yi != 1.0 && yi != -1.0)
      throw InvalidArgument("ErmObjective: label " + std::to_string(i) + " = " + std::to_string(yi) + " is not -1 or +1 (" +
                            std::string(enum_to_string(o_.loss)) + " loss)");
  }
}

void ErmObjective::check_params(const Vector& w, const char* what) const {
  if (w.size() != dim())
    throw InvalidArgument(std::string("ErmObjective: ") + what + " has size " + std::to_string(w.size()) +
                          ", expected " + std::to_string(dim()));
}

template <class Design>
double ErmObjective::evaluate(const Design& X, const Vector& w, Vector* g) const {
  const Index B = block_rows(n_), blocks = (n_ + B - 1) / B;
  const Index pw = d_ * k_;
  const Eigen::Map<const Matrix> W(w.data(), d_, k_);
  const Vector b = o_.fit_intercept ? Vector(w.segment(pw, k_)) : Vector::Zero(k_);
  Vector partial_f(blocks);
  Matrix partial_g = g ? Matrix(dim(), blocks) : Matrix();
#pragma omp parallel for schedule(static) num_threads(threads_) if (n_ * d_ > 200000)
  for (Index blk = 0; blk < blocks; ++blk) {
    const Index r0 = blk * B, len = std::min(B, n_ - r0);
    const auto XB = X.middleRows(r0, len);
    Matrix Z = XB * W;
    Z.rowwise() += b.transpose();
    double f = 0.0;
    if (k_ >= 2) {
      f = softmax_rows(Z, y_, r0);  // Z now holds P
      for (Index i = 0; i < len; ++i) Z(i, static_cast<Index>(y_[r0 + i])) -= 1.0;
    } else {
      with_loss(o_.loss, [&](auto K) {
        for (Index i = 0; i < len; ++i) {
          const LossValue l = loss_eval<decltype(K)::value>(Z(i, 0), y_[r0 + i], o_.huber_delta);
          f += l.value;
          Z(i, 0) = l.d1;
        }
      });
    }
    partial_f[blk] = f;
    if (g) {
      auto col = partial_g.col(blk);
      Eigen::Map<Matrix>(col.data(), d_, k_).noalias() = XB.transpose() * Z;
      if (o_.fit_intercept) col.segment(pw, k_) = Z.colwise().sum().transpose();
    }
  }
  const double inv_n = 1.0 / static_cast<double>(n_);
  double f = 0.0;
  for (Index blk = 0; blk < blocks; ++blk) f += partial_f[blk];  // in block order: thread-count independent
  f = f * inv_n + 0.5 * o_.l2 * w.head(pw).squaredNorm();
  if (g) {
    g->setZero(dim());
    for (Index blk = 0; blk < blocks; ++blk) *g += partial_g.col(blk);
    *g *= inv_n;
    g->head(pw) += o_.l2 * w.head(pw);
  }
  return f;
}

template <class Design>
Matrix ErmObjective::curvature(const Design& X, const Vector& w) const {
  const Index pw = d_ * k_;
  const Eigen::Map<const Matrix> W(w.data(), d_, k_);
  Matrix Z = X * W;
  if (o_.fit_intercept) Z.rowwise() += w.segment(pw, k_).transpose();
  if (k_ >= 2) {
    softmax_rows(Z, y_, 0);  // P
    return Z;
  }
  with_loss(o_.loss, [&](auto K) {
    for (Index i = 0; i < n_; ++i) Z(i, 0) = loss_eval<decltype(K)::value>(Z(i, 0), y_[i], o_.huber_delta).d2;
  });
  return Z;
}

template <class Design>
void ErmObjective::hess_vec(const Design& X, const Matrix& C, const Vector& v, Vector& Hv) const {
  const Index B = block_rows(n_), blocks = (n_ + B - 1) / B;
  const Index pw = d_ * k_;
  const Eigen::Map<const Matrix> V(v.data(), d_, k_);
  const Vector vb = o_.fit_intercept ? Vector(v.segment(pw, k_)) : Vector::Zero(k_);
  Matrix partial(dim(), blocks);
#pragma omp parallel for schedule(static) num_threads(threads_) if (n_ * d_ > 200000)
  for (Index blk = 0; blk < blocks; ++blk) {
    const Index r0 = blk * B, len = std::min(B, n_ - r0);
    const auto XB = X.middleRows(r0, len);
    const auto CB = C.middleRows(r0, len);
    Matrix T = XB * V;
    T.rowwise() += vb.transpose();
    if (k_ >= 2) {
      // (d^2 lse) t = P o t - P (p . t) per row.
      const Vector pt = (CB.array() * T.array()).rowwise().sum();
      T = (CB.array() * T.array()).matrix() - (CB.array().colwise() * pt.array()).matrix();
    } else {
      T.col(0).array() *= CB.col(0).array();
    }
    auto col = partial.col(blk);
    Eigen::Map<Matrix>(col.data(), d_, k_).noalias() = XB.transpose() * T;
    if (o_.fit_intercept) col.segment(pw, k_) = T.colwise().sum().transpose();
  }
  Hv.setZero(dim());
  for (Index blk = 0; blk < blocks; ++blk) Hv += partial.col(blk);
  Hv /= static_cast<double>(n_);
  Hv.head(pw) += o_.l2 * v.head(pw);
}

double ErmObjective::value(const Vector& w) const {
  check_params(w, "w");
  return std::visit([&](const auto& X) { return evaluate(*X, w, nullptr); }, X_);
}

double ErmObjective::value_and_gradient(const Vector& w, Vector& g) const {
  check_params(w, "w");
  return std::visit([&](const auto& X) { return evaluate(*X, w, &g); }, X_);
}

void ErmObjective::hessian_vector(const Vector& w, const Vector& v, Vector& Hv) const {
  check_params(w, "w");
  check_params(v, "v");
  if (!hessian_ok())
    throw InvalidArgument(std::string("ErmObjective: the ") + std::string(enum_to_string(o_.loss)) +
                          " loss has no second derivative");
  std::lock_guard<std::mutex> lock(cache_->mutex);
  if (cache_->w.size() != w.size() || cache_->w != w) {
    cache_->curvature = std::visit([&](const auto& X) { return curvature(*X, w); }, X_);
    cache_->w = w;
  }
  std::visit([&](const auto& X) { hess_vec(*X, cache_->curvature, v, Hv); }, X_);
}

void ErmObjective::hessian(const Vector& w, Matrix& H) const {
  check_params(w, "w");
  const Index m = dim();
  if (k_ == 1 && hessian_ok()) {
    // [X 1]^T D [X 1] / n + l2 I (no l2 on the intercept): one product, not m of them.
    const Matrix C = std::visit([&](const auto& X) { return curvature(*X, w); }, X_);
    const Vector dv = C.col(0);
    H.setZero(m, m);
    std::visit(
        [&](const auto& X) {
          H.topLeftCorner(d_, d_) = Matrix(X->transpose() * dv.asDiagonal() * *X);
          if (o_.fit_intercept) {
            const Vector xd = X->transpose() * dv;
            H.col(d_).head(d_) = xd;
            H.row(d_).head(d_) = xd.transpose();
            H(d_, d_) = dv.sum();
          }
        },
        X_);
    H /= static_cast<double>(n_);
    H.topLeftCorner(d_, d_).diagonal().array() += o_.l2;
    return;
  }
  H.resize(m, m);
  Vector e = Vector::Zero(m), col;
  for (Index j = 0; j < m; ++j) {  // multinomial: one Hessian-vector product per column
    e[j] = 1.0;
    hessian_vector(w, e, col);
    H.col(j) = col;
    e[j] = 0.0;
  }
}

double ErmObjective::lipschitz_constant() const {
  double c = 1.0;
  if (o_.classes >= 2)
    c = 0.5;
  else if (o_.loss == LossKind::Logistic)
    c = 0.25;
  else if (o_.loss == LossKind::SquaredHinge)
    c = 2.0;
  else if (!has_second_derivative(o_.loss))
    return 0.0;  // no Lipschitz gradient
  const double fro = std::visit([](const auto& X) { return X->squaredNorm(); }, X_);
  return c * (fro + (o_.fit_intercept ? static_cast<double>(n_) : 0.0)) / static_cast<double>(n_) + o_.l2;
}

Matrix ErmObjective::decision_function(const Vector& w) const {
  check_params(w, "w");
  const Eigen::Map<const Matrix> W(w.data(), d_, k_);
  Matrix Z = std::visit([&](const auto& X) -> Matrix { return *X * W; }, X_);
  if (o_.fit_intercept) Z.rowwise() += w.segment(d_ * k_, k_).transpose();
  return Z;
}

void ErmObjective::sample_derivatives(const Vector& w, Vector& losses, Matrix& D) const {
  D = decision_function(w);
  losses.resize(n_);
  if (k_ >= 2) {
    for (Index i = 0; i < n_; ++i) {
      Matrix row = D.row(i);
      losses[i] = softmax_rows(row, y_, i);
      row(0, static_cast<Index>(y_[i])) -= 1.0;
      D.row(i) = row;
    }
    return;
  }
  with_loss(o_.loss, [&](auto K) {
    for (Index i = 0; i < n_; ++i) {
      const LossValue l = loss_eval<decltype(K)::value>(D(i, 0), y_[i], o_.huber_delta);
      losses[i] = l.value;
      D(i, 0) = l.d1;
    }
  });
}

}  // namespace optiml
