#pragma once
// Empirical risk: f(w, b) = (1/n) sum_i loss(x_i^T w + b, y_i) + (l2 / 2) |w|^2
// on dense (row-major) or sparse (CSR) X, as an Objective so every solver of
// the foundation trains it. Multinomial (softmax cross-entropy, K classes):
// W is d x K, z_i = W^T x_i + b, loss = logsumexp(z_i) - z_i[y_i].
// Parameters are laid out [vec(W) (column-major d x K); b (K, when fit_intercept)].
// Value and gradient take one pass over X: blocks of rows stay in cache between
// the product X_B w and the update X_B^T l'(z_B). Blocks depend on n only and
// are reduced in order, so results are bit-identical for any thread count.
#include <memory>
#include <mutex>
#include <variant>

#include "optiml/core/objective.hpp"
#include "optiml/ml/loss.hpp"

namespace optiml {

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

class ErmObjective final : public Objective {
 public:
  struct Options {
    LossKind loss = LossKind::Logistic;  // ignored when classes >= 2 (softmax cross-entropy)
    Index classes = 0;                   // >= 2: multinomial with labels 0..classes-1
    double l2 = 0.0;                     // ridge penalty (not on the intercept)
    bool fit_intercept = true;
    double huber_delta = 1.0;
    int threads = 0;                     // 0: OPTIML_NUM_THREADS or all cores
  };

  // y: targets (regression), +-1 (binary margin losses) or 0..K-1 (multinomial).
  ErmObjective(std::shared_ptr<const RowMatrix> X, Vector y, Options options);
  ErmObjective(std::shared_ptr<const SparseMatrix> X, Vector y, Options options);

  Index dim() const override { return (d_ + (o_.fit_intercept ? 1 : 0)) * k_; }
  double value(const Vector& w) const override;
  double value_and_gradient(const Vector& w, Vector& g) const override;
  bool has_hessian() const override { return hessian_ok(); }
  void hessian(const Vector& w, Matrix& H) const override;
  bool has_hessian_vector() const override { return hessian_ok(); }
  void hessian_vector(const Vector& w, const Vector& v, Vector& Hv) const override;
  // Upper bound of the gradient's Lipschitz constant: c |[X 1]|_F^2 / n + l2
  // (c = 1/4 logistic, 1 squared/Huber, 2 squared hinge, 1/2 softmax).
  double lipschitz_constant() const override;
  double strong_convexity() const override { return o_.l2; }

  Index num_samples() const { return n_; }
  Index num_features() const { return d_; }
  Index num_outputs() const { return k_; }
  const Options& options() const { return o_; }
  // Predictions Z = X W + b (n x K; K = 1 except multinomial).
  Matrix decision_function(const Vector& w) const;
  // Per-sample losses l_i and derivatives dl_i/dz_i (n x K; softmax: p_i - e_{y_i}),
  // what stochastic and variance-reduced methods store (SAG/SAGA keep n scalars
  // for binary models): gradient = X^T D / n (+ column sums for b) + l2 w.
  void sample_derivatives(const Vector& w, Vector& losses, Matrix& D) const;

 private:
  bool hessian_ok() const { return o_.classes >= 2 || has_second_derivative(o_.loss); }
  void check_params(const Vector& w, const char* what) const;
  void init();  // k_, threads_, then validate_labels()
  void validate_labels() const;
  template <class Design>
  double evaluate(const Design& X, const Vector& w, Vector* g) const;
  template <class Design>
  void hess_vec(const Design& X, const Matrix& curvature, const Vector& v, Vector& Hv) const;
  template <class Design>
  Matrix curvature(const Design& X, const Vector& w) const;

  // Curvature at the last w of hessian_vector (softmax probabilities n x K, or
  // l''(z_i) n x 1): a CG or trust-region inner loop reuses it for every product,
  // one product of X fewer per Hessian-vector product.
  struct CurvatureCache {
    std::mutex mutex;
    Vector w;
    Matrix curvature;
  };
  std::shared_ptr<CurvatureCache> cache_ = std::make_shared<CurvatureCache>();
  std::variant<std::shared_ptr<const RowMatrix>, std::shared_ptr<const SparseMatrix>> X_;
  Vector y_;
  Options o_;
  Index n_ = 0, d_ = 0, k_ = 1;
  int threads_ = 1;
};

}  // namespace optiml
