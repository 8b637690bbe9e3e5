#include "optiml/problems/quadratic.hpp"

#include <Eigen/Householder>
#include <Eigen/QR>
#include <cmath>
#include <memory>
#include <random>
#include <string>

#include "optiml/core/error.hpp"

namespace optiml {

namespace {

// Standard normal deviates by Marsaglia's polar method (Knuth, TAOCP vol. 2, 3.4.1,
// Algorithm P), from 53-bit uniforms built from the generator's raw output.
class NormalSampler {
 public:
  explicit NormalSampler(std::uint64_t seed) : rng_(seed) {}
  double operator()() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    double u, v, s;
    do {
      u = 2.0 * uniform() - 1.0;
      v = 2.0 * uniform() - 1.0;
      s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double scale = std::sqrt(-2.0 * std::log(s) / s);
    spare_ = v * scale;
    has_spare_ = true;
    return u * scale;
  }

 private:
  double uniform() { return static_cast<double>(rng_() >> 11) * 0x1.0p-53; }  // [0, 1)
  std::mt19937_64 rng_;
  double spare_ = 0.0;
  bool has_spare_ = false;
};

void check_size(const Vector& x, Index n) {
  if (x.size() != n)
    throw InvalidArgument("ConditionedQuadratic: x has size " + std::to_string(x.size()) + ", expected " +
                          std::to_string(n));
}

}  // namespace

ConditionedQuadratic::ConditionedQuadratic(Index dim, double condition_number, std::uint64_t seed,
                                           QuadraticBasis basis)
    : n_(dim), condition_number_(condition_number), basis_(basis) {
  if (dim < 1)
    throw InvalidArgument("ConditionedQuadratic: dimension " + std::to_string(dim) + " must be >= 1");
  if (!(condition_number >= 1.0) || !std::isfinite(condition_number))
    throw InvalidArgument("ConditionedQuadratic: condition_number " + std::to_string(condition_number) +
                          " must be a finite number >= 1");
  eigenvalues_.resize(n_);
  for (Index i = 0; i < n_; ++i)
    eigenvalues_[i] = (n_ == 1) ? 1.0 : std::pow(condition_number, double(i) / double(n_ - 1));
  if (n_ > 1) eigenvalues_[n_ - 1] = condition_number;  // exactly L, whatever pow rounds to

  NormalSampler normal(seed);
  if (basis_ == QuadraticBasis::Rotated) {
    Matrix G(n_, n_);
    for (Index j = 0; j < n_; ++j)
      for (Index i = 0; i < n_; ++i) G(i, j) = normal();
    Eigen::HouseholderQR<Matrix> qr(G);
    Matrix Q = qr.householderQ();
    const Matrix& R = qr.matrixQR();
    for (Index j = 0; j < n_; ++j)
      if (R(j, j) < 0) Q.col(j) = -Q.col(j);
    a_.noalias() = Q * eigenvalues_.asDiagonal() * Q.transpose();
    a_ = 0.5 * (a_ + a_.transpose()).eval();  // exactly symmetric
  }
  x_star_.resize(n_);
  for (Index i = 0; i < n_; ++i) x_star_[i] = normal();
  if (basis_ == QuadraticBasis::Rotated)
    b_.noalias() = a_ * x_star_;
  else
    b_ = eigenvalues_.cwiseProduct(x_star_);
  f_star_ = -0.5 * b_.dot(x_star_);
}

double ConditionedQuadratic::value(const Vector& x) const {
  check_size(x, n_);
  if (basis_ == QuadraticBasis::Diagonal)
    return 0.5 * (eigenvalues_.array() * x.array().square()).sum() - b_.dot(x);
  return 0.5 * x.dot(a_ * x) - b_.dot(x);
}

double ConditionedQuadratic::value_and_gradient(const Vector& x, Vector& g) const {
  check_size(x, n_);
  g.resize(n_);
  if (basis_ == QuadraticBasis::Diagonal)
    g = eigenvalues_.cwiseProduct(x) - b_;
  else
    g.noalias() = a_ * x - b_;
  return 0.5 * (x.dot(g) - b_.dot(x));  // 1/2 x'Ax - b'x = 1/2 x'(Ax - b) - 1/2 b'x
}

void ConditionedQuadratic::hessian(const Vector& x, Matrix& H) const {
  check_size(x, n_);
  H = A();
}

void ConditionedQuadratic::hessian_vector(const Vector& x, const Vector& v, Vector& Hv) const {
  check_size(x, n_);
  check_size(v, n_);
  if (basis_ == QuadraticBasis::Diagonal)
    Hv = eigenvalues_.cwiseProduct(v);
  else
    Hv.noalias() = a_ * v;
}

Matrix ConditionedQuadratic::A() const {
  if (basis_ == QuadraticBasis::Diagonal) return Matrix(eigenvalues_.asDiagonal());
  return a_;
}

namespace {
TestProblem quadratic_test_problem(const char* name, Index dim, double condition_number, std::uint64_t seed,
                                   QuadraticBasis basis) {
  auto q = std::make_shared<ConditionedQuadratic>(dim, condition_number, seed, basis);
  TestProblem p;
  p.name = name;
  p.x0 = Vector::Zero(dim);
  p.x_star = q->x_star();
  p.f_star = q->f_star();
  p.objective = std::move(q);
  return p;
}
}  // namespace

TestProblem quadratic_problem(Index dim, double condition_number, std::uint64_t seed) {
  return quadratic_test_problem("quadratic", dim, condition_number, seed, QuadraticBasis::Rotated);
}

TestProblem diagonal_quadratic_problem(Index dim, double condition_number, std::uint64_t seed) {
  return quadratic_test_problem("quadratic-diagonal", dim, condition_number, seed, QuadraticBasis::Diagonal);
}

}  // namespace optiml
