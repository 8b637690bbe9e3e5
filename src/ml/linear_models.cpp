#include "optiml/ml/linear_models.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <set>

#include <Eigen/Cholesky>
#include <Eigen/QR>

#include "optiml/core/error.hpp"
#include "optiml/core/options.hpp"
#include "optiml/ml/metrics.hpp"
#include "optiml/solvers.hpp"

namespace optiml {

namespace {
template <class Design>
void check_samples(const Design& X, const Vector& y, const char* what) {
  if (X.rows() == 0 || X.cols() == 0) throw InvalidArgument(std::string(what) + ": the dataset is empty");
  if (y.size() != X.rows())
    throw InvalidArgument(std::string(what) + ": " + std::to_string(y.size()) + " labels for " +
                          std::to_string(X.rows()) + " samples");
  if (!y.allFinite()) throw InvalidArgument(std::string(what) + ": labels contain NaN or Inf");
  bool finite = true;
  if constexpr (std::is_same_v<Design, SparseMatrix>)
    finite = Eigen::Map<const Vector>(X.valuePtr(), X.nonZeros()).allFinite();
  else
    finite = X.allFinite();
  if (!finite) throw InvalidArgument(std::string(what) + ": features contain NaN or Inf");
}
// The sorted distinct labels; a single class is an error.
std::vector<double> class_labels(const Vector& y, const char* what) {
  const std::set<double> labels(y.data(), y.data() + y.size());
  if (labels.size() < 2) throw InvalidArgument(std::string(what) + ": y has a single class");
  return {labels.begin(), labels.end()};
}

// Classes from scores: the sign for two classes (one column), the argmax otherwise.
Vector labels_from_scores(const Matrix& Z, const std::vector<double>& classes) {
  Vector out(Z.rows());
  for (Index i = 0; i < Z.rows(); ++i) {
    Index c = 0;
    if (classes.size() == 2)
      c = Z(i, 0) > 0 ? 1 : 0;
    else
      Z.row(i).maxCoeff(&c);
    out[i] = classes[static_cast<std::size_t>(c)];
  }
  return out;
}

}  // namespace

void LinearModelBase::require_fitted(const char* what) const {
  if (!fitted()) throw InvalidArgument(std::string(what) + ": the model is not fitted yet (call fit first)");
}

void LinearModelBase::check_features(Index d, const char* what) const {
  require_fitted(what);
  if (d != coef_.cols())
    throw InvalidArgument(std::string(what) + ": X has " + std::to_string(d) + " features, the model was fitted on " +
                          std::to_string(coef_.cols()));
}

Matrix LinearModelBase::decision_function(const RowMatrix& X) const {
  check_features(X.cols(), "decision_function");
  Matrix Z = X * coef_.transpose();
  Z.rowwise() += intercept_.transpose();
  return Z;
}

Matrix LinearModelBase::decision_function(const SparseMatrix& X) const {
  check_features(X.cols(), "decision_function");
  Matrix Z = X * coef_.transpose();
  Z.rowwise() += intercept_.transpose();
  return Z;
}

// ---------------------------------------------------------------- logistic

template <class Design>
LogisticRegression& LogisticRegression::fit_impl(std::shared_ptr<const Design> X, const Vector& y) {
  if (!X) throw InvalidArgument("LogisticRegression.fit: X is null");
  check_samples(*X, y, "LogisticRegression.fit");
  if (!(o_.C > 0)) throw InvalidArgument("LogisticRegression: C must be > 0, got " + std::to_string(o_.C));
  classes_ = class_labels(y, "LogisticRegression.fit");
  const Index n = X->rows(), d = X->cols(), K = static_cast<Index>(classes_.size());
  ErmObjective::Options eo;
  eo.fit_intercept = o_.fit_intercept;
  eo.l2 = 1.0 / (o_.C * static_cast<double>(n));
  eo.threads = o_.threads;
  Vector target(n);
  if (K == 2) {
    eo.loss = LossKind::Logistic;
    for (Index i = 0; i < n; ++i) target[i] = y[i] == classes_[1] ? 1.0 : -1.0;
  } else {
    eo.classes = K;
    for (Index i = 0; i < n; ++i)
      target[i] = static_cast<double>(std::lower_bound(classes_.begin(), classes_.end(), y[i]) - classes_.begin());
  }
  const ErmObjective f(X, std::move(target), eo);
  const Index k = K == 2 ? 1 : K;
  Vector w0 = Vector::Zero(f.dim());
  if (o_.warm_start && coef_.rows() == k && coef_.cols() == d) {  // parameters are [vec(W) (d x k); b]
    w0.head(d * k) = Eigen::Map<const Vector>(Matrix(coef_.transpose()).data(), d * k);
    if (o_.fit_intercept) w0.tail(k) = intercept_;
  }
  const SolverInfo& s = solvers().find(o_.solver);
  if (s.least_squares_only) throw InvalidArgument("LogisticRegression: solver '" + s.name + "' needs a least-squares problem");
  result_ = s.run(f, w0, {{"gtol", format_double(o_.tol)}, {"max_iterations", std::to_string(o_.max_iter)}}, {});
  coef_ = Eigen::Map<const Matrix>(result_.x.data(), d, k).transpose();
  intercept_ = o_.fit_intercept ? Vector(result_.x.tail(k)) : Vector::Zero(k);
  return *this;
}

LogisticRegression& LogisticRegression::fit(std::shared_ptr<const RowMatrix> X, const Vector& y) {
  return fit_impl(std::move(X), y);
}
LogisticRegression& LogisticRegression::fit(std::shared_ptr<const SparseMatrix> X, const Vector& y) {
  return fit_impl(std::move(X), y);
}

Matrix LogisticRegression::proba_from_scores(const Matrix& Z) const {
  Matrix P(Z.rows(), static_cast<Index>(classes_.size()));
  if (classes_.size() == 2) {
    for (Index i = 0; i < Z.rows(); ++i) {
      P(i, 1) = sigmoid(Z(i, 0));
      P(i, 0) = 1.0 - P(i, 1);
    }
    return P;
  }
  for (Index i = 0; i < Z.rows(); ++i) {
    const double m = Z.row(i).maxCoeff();
    P.row(i) = (Z.row(i).array() - m).exp();
    P.row(i) /= P.row(i).sum();
  }
  return P;
}

Vector LogisticRegression::predict(const RowMatrix& X) const { return labels_from_scores(decision_function(X), classes_); }
Vector LogisticRegression::predict(const SparseMatrix& X) const { return labels_from_scores(decision_function(X), classes_); }
Matrix LogisticRegression::predict_proba(const RowMatrix& X) const { return proba_from_scores(decision_function(X)); }
Matrix LogisticRegression::predict_proba(const SparseMatrix& X) const { return proba_from_scores(decision_function(X)); }
double LogisticRegression::score(const RowMatrix& X, const Vector& y) const { return accuracy_score(y, predict(X)); }
double LogisticRegression::score(const SparseMatrix& X, const Vector& y) const { return accuracy_score(y, predict(X)); }

// ---------------------------------------------------------------- ridge

Ridge& Ridge::fit(const RowMatrix& X, const Vector& y) {
  check_samples(X, y, "Ridge.fit");
  if (!(o_.alpha >= 0)) throw InvalidArgument("Ridge: alpha must be >= 0, got " + std::to_string(o_.alpha));
  const Index d = X.cols();
  // Centering removes the intercept from the problem (it is not penalized).
  Vector mean_x = Vector::Zero(d);
  double mean_y = 0.0;
  if (o_.fit_intercept) {
    mean_x = X.colwise().mean().transpose();
    mean_y = y.mean();
  }
  const Matrix Xc = X.rowwise() - mean_x.transpose();
  const Vector yc = y.array() - mean_y;
  Vector w;
  if (o_.alpha > 0) {
    Matrix A = Xc.transpose() * Xc;
    A.diagonal().array() += o_.alpha;
    w = A.llt().solve(Xc.transpose() * yc);
  } else {
    w = Xc.colPivHouseholderQr().solve(yc);  // minimum-residual solution, rank-revealing
  }
  coef_ = w.transpose();
  intercept_ = Vector::Constant(1, mean_y - mean_x.dot(w));
  result_ = Result();
  result_.solver = o_.alpha > 0 ? "cholesky" : "qr";
  result_.x = w;
  result_.status = Status::ConvergedGradient;
  result_.message = "closed form";
  return *this;
}

Ridge& Ridge::fit(std::shared_ptr<const SparseMatrix> X, const Vector& y) {
  if (!X) throw InvalidArgument("Ridge.fit: X is null");
  check_samples(*X, y, "Ridge.fit");
  const Index n = X->rows(), d = X->cols();
  ErmObjective::Options eo;
  eo.loss = LossKind::Squared;
  eo.l2 = o_.alpha / static_cast<double>(n);  // |r|^2 + alpha |w|^2 = 2n (mean 1/2 r^2 + alpha/(2n) |w|^2)
  eo.fit_intercept = o_.fit_intercept;
  const ErmObjective f(X, y, eo);
  result_ = solvers().find(o_.solver).run(
      f, Vector::Zero(f.dim()), {{"gtol", format_double(o_.tol)}, {"max_iterations", std::to_string(o_.max_iter)}}, {});
  coef_ = result_.x.head(d).transpose();
  intercept_ = Vector::Constant(1, o_.fit_intercept ? result_.x[d] : 0.0);
  return *this;
}

Vector Ridge::predict(const RowMatrix& X) const { return decision_function(X).col(0); }
Vector Ridge::predict(const SparseMatrix& X) const { return decision_function(X).col(0); }
double Ridge::score(const RowMatrix& X, const Vector& y) const { return r2_score(y, predict(X)); }

}  // namespace optiml

namespace optiml {

// ---------------------------------------------------------------- linear SVM

template <class Design>
Vector LinearSVC::fit_binary(const Design& X, const Vector& ypm) {
  const Index n = X.rows(), d = X.cols();
  const bool bias = o_.fit_intercept;
  const double s = o_.intercept_scaling;
  const bool l1 = o_.loss == LossKind::Hinge;
  if (o_.solver != "dual-cd") {
    // Primal: 1/2 |w|^2 + C sum sq-hinge = C n (mean sq-hinge + |w|^2 / (2 C n)) on [X, s 1].
    auto Xa = std::make_shared<RowMatrix>(n, d + (bias ? 1 : 0));
    if constexpr (std::is_same_v<Design, SparseMatrix>)
      Xa->leftCols(d) = Matrix(X);
    else
      Xa->leftCols(d) = X;
    if (bias) Xa->col(d).setConstant(s);
    ErmObjective::Options eo;
    eo.loss = LossKind::SquaredHinge;
    eo.l2 = 1.0 / (o_.C * static_cast<double>(n));
    eo.fit_intercept = false;
    const ErmObjective f(Xa, ypm, eo);
    result_ = solvers().find(o_.solver).run(
        f, Vector::Zero(f.dim()), {{"gtol", format_double(o_.tol)}, {"max_iterations", std::to_string(o_.max_iter)}}, {});
    const Vector w = result_.x;
    const Vector r = (1.0 - ypm.array() * (*Xa * w).array()).max(0.0);
    primal_objective_ = 0.5 * w.squaredNorm() + o_.C * r.squaredNorm();
    dual_objective_ = std::numeric_limits<double>::quiet_NaN();
    epochs_ = result_.iterations;
    return w;
  }
  const double U = l1 ? o_.C : std::numeric_limits<double>::infinity();
  const double Dii = l1 ? 0.0 : 0.5 / o_.C;
  Vector w = Vector::Zero(d + (bias ? 1 : 0)), alpha = Vector::Zero(n), Qii(n);
  for (Index i = 0; i < n; ++i) Qii[i] = X.row(i).squaredNorm() + (bias ? s * s : 0.0) + Dii;
  std::vector<Index> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), Index{0});
  std::mt19937_64 rng(o_.seed);
  // Shrinking (Hsieh et al. 2008, 3.2; liblinear): a variable at a bound whose
  // gradient points outward beyond last epoch's projected-gradient range leaves
  // the active set; convergence on the active set is re-checked on all variables.
  const double inf = std::numeric_limits<double>::infinity();
  double pg_max_old = inf, pg_min_old = -inf;
  Index active = n;
  epochs_ = 0;
  bool converged = false;
  while (epochs_ < o_.max_iter) {
    std::shuffle(order.begin(), order.begin() + active, rng);
    double pg_max = -inf, pg_min = inf;
    for (Index s_i = 0; s_i < active; ++s_i) {
      const Index i = order[static_cast<std::size_t>(s_i)];
      const double yi = ypm[i];
      double wx = X.row(i).dot(w.head(d).transpose());
      if (bias) wx += s * w[d];
      const double G = yi * wx - 1.0 + Dii * alpha[i];
      double pg = 0.0;
      if (alpha[i] == 0.0) {
        if (G > pg_max_old) {
          std::swap(order[static_cast<std::size_t>(s_i)], order[static_cast<std::size_t>(--active)]);
          --s_i;
          continue;
        }
        if (G < 0) pg = G;
      } else if (alpha[i] == U) {
        if (G < pg_min_old) {
          std::swap(order[static_cast<std::size_t>(s_i)], order[static_cast<std::size_t>(--active)]);
          --s_i;
          continue;
        }
        if (G > 0) pg = G;
      } else {
        pg = G;
      }
      pg_max = std::max(pg_max, pg);
      pg_min = std::min(pg_min, pg);
      if (std::abs(pg) > 1e-12) {
        const double old = alpha[i];
        alpha[i] = std::min(std::max(old - G / Qii[i], 0.0), U);
        const double step = (alpha[i] - old) * yi;
        w.head(d) += step * X.row(i).transpose();
        if (bias) w[d] += step * s;
      }
    }
    ++epochs_;
    if (pg_max - pg_min <= o_.tol) {
      if (active == n) {
        converged = true;
        break;
      }
      active = n;  // converged on the active set: check every variable again
      pg_max_old = inf;
      pg_min_old = -inf;
      continue;
    }
    pg_max_old = pg_max <= 0 ? inf : pg_max;
    pg_min_old = pg_min >= 0 ? -inf : pg_min;
  }
  dual_objective_ = 0.5 * w.squaredNorm() + 0.5 * Dii * alpha.squaredNorm() - alpha.sum();
  double loss = 0.0;
  for (Index i = 0; i < n; ++i) {
    double m = X.row(i).dot(w.head(d).transpose()) + (bias ? s * w[d] : 0.0);
    const double r = std::max(0.0, 1.0 - ypm[i] * m);
    loss += l1 ? r : r * r;
  }
  primal_objective_ = 0.5 * w.squaredNorm() + o_.C * loss;
  result_ = Result();
  result_.solver = "dual-cd";
  result_.x = w;
  result_.value = primal_objective_;
  result_.iterations = epochs_;
  result_.status = converged ? Status::ConvergedGradient : Status::MaxIterations;
  result_.message = converged ? "projected-gradient range <= tol" : "reached max_iter epochs";
  return w;
}

template <class Design>
LinearSVC& LinearSVC::fit_impl(const Design& X, const Vector& y) {
  check_samples(X, y, "LinearSVC.fit");
  if (!(o_.C > 0)) throw InvalidArgument("LinearSVC: C must be > 0, got " + std::to_string(o_.C));
  if (o_.loss != LossKind::Hinge && o_.loss != LossKind::SquaredHinge)
    throw InvalidArgument("LinearSVC: loss must be hinge or squared-hinge");
  if (o_.solver != "dual-cd") {
    if (o_.loss != LossKind::SquaredHinge)
      throw InvalidArgument("LinearSVC: the primal solver '" + o_.solver + "' needs loss squared-hinge; use dual-cd for hinge");
    const SolverInfo& s = solvers().find(o_.solver);  // InvalidArgument listing the valid names
    if (s.least_squares_only) throw InvalidArgument("LinearSVC: solver '" + s.name + "' needs a least-squares problem");
  }
  classes_ = class_labels(y, "LinearSVC.fit");
  const Index d = X.cols();
  const Index k = classes_.size() == 2 ? 1 : static_cast<Index>(classes_.size());
  coef_.resize(k, d);
  intercept_.resize(k);
  for (Index c = 0; c < k; ++c) {  // one-vs-rest (the positive class is classes_[1] when binary)
    const double positive = k == 1 ? classes_[1] : classes_[static_cast<std::size_t>(c)];
    const Vector ypm = y.unaryExpr([positive](double t) { return t == positive ? 1.0 : -1.0; });
    const Vector w = fit_binary(X, ypm);
    coef_.row(c) = w.head(d).transpose();
    intercept_[c] = o_.fit_intercept ? o_.intercept_scaling * w[d] : 0.0;
  }
  return *this;
}

LinearSVC& LinearSVC::fit(const RowMatrix& X, const Vector& y) { return fit_impl(X, y); }
LinearSVC& LinearSVC::fit(const SparseMatrix& X, const Vector& y) { return fit_impl(X, y); }

Vector LinearSVC::predict(const RowMatrix& X) const { return labels_from_scores(decision_function(X), classes_); }
Vector LinearSVC::predict(const SparseMatrix& X) const { return labels_from_scores(decision_function(X), classes_); }
double LinearSVC::score(const RowMatrix& X, const Vector& y) const { return accuracy_score(y, predict(X)); }

}  // namespace optiml

namespace optiml {

// ---------------------------------------------------------------- perceptron

Perceptron& Perceptron::fit(const RowMatrix& X, const Vector& y) {
  check_samples(X, y, "Perceptron.fit");
  classes_ = class_labels(y, "Perceptron.fit");
  const Index n = X.rows(), d = X.cols();
  const Index k = classes_.size() == 2 ? 1 : static_cast<Index>(classes_.size());
  coef_ = Matrix::Zero(k, d);
  intercept_ = Vector::Zero(k);
  updates_ = 0;
  long epochs_used = 0;
  bool all_separated = true;
  std::vector<Index> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), Index{0});
  for (Index c = 0; c < k; ++c) {
    const double positive = k == 1 ? classes_[1] : classes_[static_cast<std::size_t>(c)];
    std::mt19937_64 rng(o_.seed + static_cast<std::uint64_t>(c));
    Vector w = Vector::Zero(d);
    double b = 0.0;
    long epoch = 0;
    bool clean = false;
    for (; epoch < o_.max_iter && !clean; ++epoch) {
      std::shuffle(order.begin(), order.end(), rng);
      clean = true;
      for (Index i : order) {
        const double yi = y[i] == positive ? 1.0 : -1.0;
        if (yi * (X.row(i).dot(w) + b) <= 0.0) {
          w += yi * X.row(i).transpose();
          if (o_.fit_intercept) b += yi;
          ++updates_;
          clean = false;
        }
      }
    }
    epochs_used = std::max(epochs_used, epoch);
    all_separated = all_separated && clean;
    coef_.row(c) = w.transpose();
    intercept_[c] = b;
  }
  result_ = Result();
  result_.solver = "perceptron";
  result_.iterations = epochs_used;
  result_.status = all_separated ? Status::ConvergedGradient : Status::MaxIterations;
  result_.message = all_separated ? "an epoch without a mistake: the training data are separated"
                                  : "reached max_iter epochs with mistakes left (data not separable?)";
  return *this;
}

Vector Perceptron::predict(const RowMatrix& X) const { return labels_from_scores(decision_function(X), classes_); }

double Perceptron::score(const RowMatrix& X, const Vector& y) const { return accuracy_score(y, predict(X)); }

}  // namespace optiml
