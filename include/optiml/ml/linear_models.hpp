#pragma once
// Linear models with scikit-learn's conventions: fit(X, y), predict,
// predict_proba / decision_function, score, coef (K x d) and intercept (K),
// the solver's Result (with its Trace) and warm starts.
// X is dense row-major (RowMatrix) or sparse CSR (SparseMatrix), rows = samples.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "optiml/core/result.hpp"
#include "optiml/ml/erm_objective.hpp"

namespace optiml {

// Shared state of the linear models: coefficients and the fit's Result.
class LinearModelBase {
 public:
  const Matrix& coef() const { return coef_; }          // K x d (K = 1 except multinomial)
  const Vector& intercept() const { return intercept_; }  // K
  const Result& result() const { return result_; }      // solver, status, trace of the last fit
  bool fitted() const { return coef_.size() > 0; }
  // X W^T + b: n x K.
  Matrix decision_function(const RowMatrix& X) const;
  Matrix decision_function(const SparseMatrix& X) const;

 protected:
  void require_fitted(const char* what) const;
  void check_features(Index d, const char* what) const;
  Matrix coef_;
  Vector intercept_;
  Result result_;
};

// L2-regularized logistic regression: minimizes C sum_i log-loss + 1/2 |w|^2
// (scikit-learn's objective; in ErmObjective terms l2 = 1 / (C n)); binary
// (sigmoid) for two classes, multinomial (softmax) for more.
class LogisticRegression : public LinearModelBase {
 public:
  struct Options {
    double C = 1.0;
    bool fit_intercept = true;
    std::string solver = "lbfgs";  // any smooth registry solver: lbfgs, newton-cg, trust-steihaug, ...
    double tol = 1e-6;             // gtol on the gradient of the mean objective
    long max_iter = 1000;
    bool warm_start = false;       // start from the previous coefficients when shapes agree
    int threads = 0;
  };
  LogisticRegression() = default;
  explicit LogisticRegression(Options o) : o_(std::move(o)) {}
  LogisticRegression& fit(std::shared_ptr<const RowMatrix> X, const Vector& y);
  LogisticRegression& fit(std::shared_ptr<const SparseMatrix> X, const Vector& y);
  LogisticRegression& fit(const RowMatrix& X, const Vector& y) { return fit(std::make_shared<RowMatrix>(X), y); }
  Vector predict(const RowMatrix& X) const;
  Vector predict(const SparseMatrix& X) const;
  Matrix predict_proba(const RowMatrix& X) const;  // n x K, columns in classes() order
  Matrix predict_proba(const SparseMatrix& X) const;
  double score(const RowMatrix& X, const Vector& y) const;  // accuracy
  double score(const SparseMatrix& X, const Vector& y) const;
  const std::vector<double>& classes() const { return classes_; }
  Options& options() { return o_; }

 private:
  template <class Design>
  LogisticRegression& fit_impl(std::shared_ptr<const Design> X, const Vector& y);
  Matrix proba_from_scores(const Matrix& Z) const;
  Options o_;
  std::vector<double> classes_;
};

// Least squares with an L2 penalty: minimizes |y - X w - b|^2 + alpha |w|^2
// (alpha = 0: ordinary least squares). Dense X: exact solution by Cholesky of
// the centered normal equations (alpha > 0) or column-pivoted QR (alpha = 0,
// rank-revealing); sparse X: the ErmObjective with the named solver.
class Ridge : public LinearModelBase {
 public:
  struct Options {
    double alpha = 1.0;
    bool fit_intercept = true;
    std::string solver = "lbfgs";  // sparse X only
    double tol = 1e-10;
    long max_iter = 10000;
  };
  Ridge() = default;
  explicit Ridge(Options o) : o_(std::move(o)) {}
  Ridge& fit(const RowMatrix& X, const Vector& y);
  Ridge& fit(std::shared_ptr<const SparseMatrix> X, const Vector& y);
  Vector predict(const RowMatrix& X) const;
  Vector predict(const SparseMatrix& X) const;
  double score(const RowMatrix& X, const Vector& y) const;  // R^2
  Options& options() { return o_; }

 private:
  Options o_;
};

// Ordinary least squares (Ridge with alpha = 0).
class LinearRegression : public Ridge {
 public:
  explicit LinearRegression(bool fit_intercept = true) : Ridge(Options{0.0, fit_intercept}) {}
};

}  // namespace optiml

namespace optiml {

// Linear support vector classifier, liblinear's formulation: minimizes
// 1/2 |w|^2 + C sum_i loss(y_i w^T [x_i; s]) with the hinge or squared hinge
// loss, where the bias is the last weight on a constant feature s =
// intercept_scaling (so it is regularized, as in liblinear and scikit-learn).
// Solvers: "dual-cd", dual coordinate descent with random permutations
// (Hsieh, Chang, Lin, Keerthi & Sundararajan, ICML 2008, Algorithm 1),
// stopping when the projected-gradient range of an epoch is below tol; or a
// smooth registry solver on the primal (squared hinge only). More than two
// classes: one-vs-rest.
class LinearSVC : public LinearModelBase {
 public:
  struct Options {
    double C = 1.0;
    LossKind loss = LossKind::SquaredHinge;  // or Hinge
    bool fit_intercept = true;
    double intercept_scaling = 1.0;
    std::string solver = "dual-cd";  // or a smooth registry solver on the primal (squared hinge)
    double tol = 1e-4;
    long max_iter = 1000;  // epochs of dual-cd, iterations of a primal solver
    std::uint64_t seed = 0;
  };
  LinearSVC() = default;
  explicit LinearSVC(Options o) : o_(std::move(o)) {}
  LinearSVC& fit(const RowMatrix& X, const Vector& y);
  LinearSVC& fit(const SparseMatrix& X, const Vector& y);
  Vector predict(const RowMatrix& X) const;
  Vector predict(const SparseMatrix& X) const;
  double score(const RowMatrix& X, const Vector& y) const;
  const std::vector<double>& classes() const { return classes_; }
  // Dual objective 1/2 |w|^2 + 1/2 sum D_ii a_i^2 - sum a_i of the last binary
  // dual-cd fit (negated: the primal is >= -this), and its primal objective.
  double dual_objective() const { return dual_objective_; }
  double primal_objective() const { return primal_objective_; }
  long epochs() const { return epochs_; }
  Options& options() { return o_; }

 private:
  template <class Design>
  LinearSVC& fit_impl(const Design& X, const Vector& y);
  template <class Design>
  Vector fit_binary(const Design& X, const Vector& ypm);
  Options o_;
  std::vector<double> classes_;
  double dual_objective_ = 0.0, primal_objective_ = 0.0;
  long epochs_ = 0;
};

}  // namespace optiml

namespace optiml {

// Rosenblatt's perceptron: for each sample in a seeded random order, w += y_i x_i
// (and b += y_i) when y_i (w^T x_i + b) <= 0; stops after an epoch without a
// mistake (on separable data after at most (R / gamma)^2 updates, Novikoff 1962)
// or after max_iter epochs. More than two classes: one-vs-rest.
class Perceptron : public LinearModelBase {
 public:
  struct Options {
    bool fit_intercept = true;
    long max_iter = 1000;  // epochs
    std::uint64_t seed = 0;
  };
  Perceptron() = default;
  explicit Perceptron(Options o) : o_(o) {}
  Perceptron& fit(const RowMatrix& X, const Vector& y);
  Vector predict(const RowMatrix& X) const;
  double score(const RowMatrix& X, const Vector& y) const;
  const std::vector<double>& classes() const { return classes_; }
  long updates() const { return updates_; }  // total mistakes corrected in the last fit
  Options& options() { return o_; }

 private:
  Options o_;
  std::vector<double> classes_;
  long updates_ = 0;
};

}  // namespace optiml
