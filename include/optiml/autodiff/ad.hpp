#pragma once
// Derivatives of generic user code: write f once for any scalar type T,
//   template <class T> T f(const optiml::ad::VectorT<T>& x);   (or a generic lambda)
// and get gradients (reverse mode), Jacobians, Hessians and Hessian-vector
// products (forward over reverse), derivatives (forward mode), or an Objective
// that every solver accepts. Griewank & Walther, "Evaluating Derivatives", 2008.
#include <memory>
#include <string>
#include <utility>

#include "optiml/autodiff/dual.hpp"
#include "optiml/autodiff/var.hpp"
#include "optiml/core/error.hpp"
#include "optiml/core/least_squares.hpp"
#include "optiml/core/objective.hpp"

namespace optiml::ad {

template <class T>
using VectorT = Eigen::Matrix<T, Eigen::Dynamic, 1>;

namespace detail {
// The thread's reusable tape for value type S (cleared, not freed, between uses).
template <class S>
Tape<S>& scratch_tape() {
  thread_local Tape<S> tape;
  return tape;
}

template <class S, class F>
S record_scalar(Tape<S>& tape, F& f, const Vector& x, const Vector* tangent) {
  tape.clear();
  const Index n = x.size();
  VectorT<BasicVar<S>> xv(n);
  for (Index i = 0; i < n; ++i) {
    S xi(x[i]);
    if constexpr (is_dual<S>::value) xi.d = tangent ? (*tangent)[i] : 0.0;
    xv[i] = BasicVar<S>(xi, tape.input(xi));
  }
  const BasicVar<S> y = f(static_cast<const VectorT<BasicVar<S>>&>(xv));
  tape.backward(y.is_constant() ? -1 : y.node());  // a constant f (no node) has zero adjoints
  return y.value();
}
}  // namespace detail

// f(x) and its gradient by one reverse sweep.
template <class F>
double gradient(F&& f, const Vector& x, Vector& g) {
  Tape<double>& tape = detail::scratch_tape<double>();
  TapeScope<double> scope(tape);
  const double y = detail::record_scalar(tape, f, x, nullptr);
  g.setZero(x.size());
  if (tape.size() > 0 && tape.num_inputs() == static_cast<std::size_t>(x.size())) {
    for (Index i = 0; i < x.size(); ++i) g[i] = tape.adjoint(static_cast<std::int32_t>(i));
  }
  return y;
}

template <class F>
Vector gradient(F&& f, const Vector& x) {
  Vector g;
  gradient(f, x, g);
  return g;
}

// Hessian times v: forward-over-reverse, the reverse sweep run on dual numbers
// whose tangents carry v (Griewank & Walther, 5.4); cost a small multiple of f.
template <class F>
Vector hessian_vector(F&& f, const Vector& x, const Vector& v, double* value = nullptr,
                      Vector* grad = nullptr) {
  if (v.size() != x.size()) throw InvalidArgument("hessian_vector: v has size " + std::to_string(v.size()) +
                                                  ", x has size " + std::to_string(x.size()));
  using D = Dual<double>;
  Tape<D>& tape = detail::scratch_tape<D>();
  TapeScope<D> scope(tape);
  const D y = detail::record_scalar(tape, f, x, &v);
  Vector Hv = Vector::Zero(x.size());
  if (grad) grad->setZero(x.size());
  if (tape.size() > 0) {
    for (Index i = 0; i < x.size(); ++i) {
      Hv[i] = tape.adjoint(static_cast<std::int32_t>(i)).d;
      if (grad) (*grad)[i] = tape.adjoint(static_cast<std::int32_t>(i)).v;
    }
  }
  if (value) *value = y.v;
  return Hv;
}

// The dense Hessian, one Hessian-vector product per column (symmetrized).
template <class F>
Matrix hessian(F&& f, const Vector& x) {
  const Index n = x.size();
  Matrix H(n, n);
  Vector e = Vector::Zero(n);
  for (Index j = 0; j < n; ++j) {
    e[j] = 1.0;
    H.col(j) = hessian_vector(f, x, e);
    e[j] = 0.0;
  }
  return 0.5 * (H + H.transpose());
}

// f'(x) of a scalar function (forward mode).
template <class F>
double derivative(F&& f, double x, double* value = nullptr) {
  const Dual<double> y = f(Dual<double>(x, 1.0));
  if (value) *value = y.v;
  return y.d;
}

// The Jacobian of F: R^n -> R^m (F returns VectorT<T>): forward mode, one
// directional derivative per column (n passes).
template <class F>
Matrix jacobian(F&& f, const Vector& x, Vector* value = nullptr) {
  using D = Dual<double>;
  const Index n = x.size();
  VectorT<D> xd(n);
  for (Index i = 0; i < n; ++i) xd[i] = D(x[i], 0.0);
  Matrix J;
  for (Index j = 0; j < n; ++j) {
    xd[j].d = 1.0;
    const VectorT<D> y = f(static_cast<const VectorT<D>&>(xd));
    xd[j].d = 0.0;
    if (j == 0) {
      J.resize(y.size(), n);
      if (value) {
        value->resize(y.size());
        for (Index k = 0; k < y.size(); ++k) (*value)[k] = y[k].v;
      }
    }
    for (Index k = 0; k < y.size(); ++k) J(k, j) = y[k].d;
  }
  return J;
}

// An Objective from generic code: value (plain double), gradient (reverse),
// Hessian-vector products (forward over reverse) and the Hessian.
template <class F>
class AutodiffObjective final : public Objective {
 public:
  AutodiffObjective(Index n, F f) : n_(n), f_(std::move(f)) {}
  Index dim() const override { return n_; }
  double value(const Vector& x) const override { return f_(x); }
  double value_and_gradient(const Vector& x, Vector& g) const override { return gradient(f_, x, g); }
  bool has_hessian() const override { return true; }
  void hessian(const Vector& x, Matrix& H) const override { H = ad::hessian(f_, x); }
  bool has_hessian_vector() const override { return true; }
  void hessian_vector(const Vector& x, const Vector& v, Vector& Hv) const override {
    Hv = ad::hessian_vector(f_, x, v);
  }

 private:
  Index n_;
  mutable F f_;
};

template <class F>
std::shared_ptr<Objective> make_objective(Index n, F f) {
  if (n < 1) throw InvalidArgument("ad::make_objective: dimension must be positive, got " + std::to_string(n));
  return std::make_shared<AutodiffObjective<F>>(n, std::move(f));
}

// A LeastSquares from generic residual code r: R^n -> R^m (r returns VectorT<T>):
// residuals in double, the Jacobian by forward mode (n directional passes), so
// Gauss-Newton and Levenberg-Marquardt apply, and every other solver through
// f = 1/2 |r|^2.
template <class R>
class AutodiffLeastSquares final : public LeastSquares {
 public:
  AutodiffLeastSquares(Index n, Index m, R r) : n_(n), m_(m), r_(std::move(r)) {}
  Index dim() const override { return n_; }
  Index num_residuals() const override { return m_; }
  void residuals(const Vector& x, Vector& r) const override {
    r = r_(x);
    check(r.size());
  }
  bool has_jacobian() const override { return true; }
  void jacobian(const Vector& x, Matrix& J) const override { J = ad::jacobian(r_, x); }
  void residuals_and_jacobian(const Vector& x, Vector& r, Matrix& J) const override {
    J = ad::jacobian(r_, x, &r);
    check(r.size());
  }

 private:
  void check(Index got) const {
    if (got != m_)
      throw InvalidArgument("ad::make_least_squares: the residual function returned " + std::to_string(got) +
                            " residuals, declared " + std::to_string(m_));
  }
  Index n_, m_;
  mutable R r_;
};

template <class R>
std::shared_ptr<LeastSquares> make_least_squares(Index n, Index m, R r) {
  if (n < 1 || m < 1)
    throw InvalidArgument("ad::make_least_squares: n and m must be positive, got " + std::to_string(n) + " and " +
                          std::to_string(m));
  return std::make_shared<AutodiffLeastSquares<R>>(n, m, std::move(r));
}

// A function recorded once at x0 whose gradient is then replayed at any x
// without re-running the user's code: valid when x does not change the control
// flow (no branch on x, no loop bound from x).
class RecordedFunction {
 public:
  template <class F>
  RecordedFunction(F&& f, const Vector& x0) : n_(x0.size()) {
    TapeScope<double> scope(tape_);
    tape_.clear();
    VectorT<Var> xv(n_);
    for (Index i = 0; i < n_; ++i) xv[i] = Var(x0[i], tape_.input(x0[i]));
    const Var y = f(static_cast<const VectorT<Var>&>(xv));
    output_ = y.node();
    constant_ = y.value();
  }
  Index dim() const { return n_; }
  std::size_t tape_size() const { return tape_.size(); }
  double value(const Vector& x) {
    check(x);
    if (output_ < 0) return constant_;
    tape_.replay(x);
    return tape_.value(output_);
  }
  double gradient(const Vector& x, Vector& g) {
    const double y = value(x);
    g.setZero(n_);
    if (output_ < 0) return y;
    tape_.backward(output_);
    for (Index i = 0; i < n_; ++i) g[i] = tape_.adjoint(static_cast<std::int32_t>(i));
    return y;
  }

 private:
  void check(const Vector& x) const {
    if (x.size() != n_)
      throw InvalidArgument("recorded function of dimension " + std::to_string(n_) + " called with x of size " +
                            std::to_string(x.size()));
  }
  Index n_;
  Tape<double> tape_;
  std::int32_t output_ = -1;
  double constant_ = 0.0;
};

}  // namespace optiml::ad
