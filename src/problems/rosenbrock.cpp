#include "optiml/problems/rosenbrock.hpp"

#include <memory>
#include <string>

#include "optiml/core/error.hpp"

namespace optiml {

namespace {

// The sums below are vectorized without -ffast-math: each block of kBlock terms is first
// written to a small stack buffer by a loop with no reduction (which vectorizes), then
// added into kLanes independent partial sums (which vectorize: no reassociation needed).
// The buffer stays in L1, so the pass over x stays a single streaming pass.
constexpr Index kBlock = 128;
constexpr Index kLanes = 4;

struct LaneSum {
  double acc[kLanes] = {};
  void add_block(const double* __restrict e) {
    for (Index j = 0; j < kBlock; j += kLanes)
      for (Index k = 0; k < kLanes; ++k) acc[k] += e[j + k];
  }
  double total() const { return (acc[0] + acc[1]) + (acc[2] + acc[3]); }
};

void check_size(const char* name, const Vector& x, Index n) {
  if (x.size() != n)
    throw InvalidArgument(std::string(name) + ": x has size " + std::to_string(x.size()) + ", expected " +
                          std::to_string(n));
}

// One 2-D Rosenbrock term 100 (b - a^2)^2 + (1 - a)^2.
inline double rosen_term(double a, double b) {
  const double t = b - a * a, u = 1 - a;
  return 100 * t * t + u * u;
}

}  // namespace

Vector rosenbrock_start(Index n) {
  Vector x0(n);
  for (Index i = 0; i < n; ++i) x0[i] = (i % 2 == 0) ? -1.2 : 1.0;
  return x0;
}

// ---- ExtendedRosenbrock -------------------------------------------------------------

ExtendedRosenbrock::ExtendedRosenbrock(Index n) : n_(n) {
  if (n < 2 || n % 2 != 0)
    throw InvalidArgument("ExtendedRosenbrock: dimension " + std::to_string(n) +
                          " must be an even number >= 2");
}

double ExtendedRosenbrock::value(const Vector& x) const {
  check_size("ExtendedRosenbrock", x, n_);
  const double* __restrict xp = x.data();
  const Index pairs = n_ / 2;
  LaneSum sum;
  double e[kBlock];
  Index p = 0;
  for (; p + kBlock <= pairs; p += kBlock) {
    const double* __restrict xb = xp + 2 * p;
    for (Index j = 0; j < kBlock; ++j) e[j] = rosen_term(xb[2 * j], xb[2 * j + 1]);
    sum.add_block(e);
  }
  double f = sum.total();
  for (; p < pairs; ++p) f += rosen_term(xp[2 * p], xp[2 * p + 1]);
  return f;
}

double ExtendedRosenbrock::value_and_gradient(const Vector& x, Vector& g) const {
  check_size("ExtendedRosenbrock", x, n_);
  g.resize(n_);
  const double* __restrict xp = x.data();
  double* __restrict gp = g.data();
  const Index pairs = n_ / 2;
  LaneSum sum;
  double e[kBlock];
  Index p = 0;
  for (; p + kBlock <= pairs; p += kBlock) {
    const double* __restrict xb = xp + 2 * p;
    double* __restrict gb = gp + 2 * p;
    for (Index j = 0; j < kBlock; ++j) {
      const double a = xb[2 * j], b = xb[2 * j + 1];
      const double t = b - a * a, u = 1 - a;
      e[j] = 100 * t * t + u * u;
      gb[2 * j] = -400 * a * t - 2 * u;
      gb[2 * j + 1] = 200 * t;
    }
    sum.add_block(e);
  }
  double f = sum.total();
  for (; p < pairs; ++p) {
    const Index i = 2 * p;
    const double a = xp[i], b = xp[i + 1];
    const double t = b - a * a, u = 1 - a;
    f += 100 * t * t + u * u;
    gp[i] = -400 * a * t - 2 * u;
    gp[i + 1] = 200 * t;
  }
  return f;
}

void ExtendedRosenbrock::hessian(const Vector& x, Matrix& H) const {
  check_size("ExtendedRosenbrock", x, n_);
  H.setZero(n_, n_);
  for (Index i = 0; i < n_; i += 2) {
    const double a = x[i], b = x[i + 1];
    H(i, i) = 1200 * a * a - 400 * b + 2;
    H(i, i + 1) = H(i + 1, i) = -400 * a;
    H(i + 1, i + 1) = 200;
  }
}

void ExtendedRosenbrock::hessian_vector(const Vector& x, const Vector& v, Vector& Hv) const {
  check_size("ExtendedRosenbrock", x, n_);
  check_size("ExtendedRosenbrock (direction v)", v, n_);
  Hv.resize(n_);
  const double* __restrict xp = x.data();
  const double* __restrict vp = v.data();
  double* __restrict hp = Hv.data();
  for (Index i = 0; i < n_; i += 2) {
    const double a = xp[i], b = xp[i + 1];
    hp[i] = (1200 * a * a - 400 * b + 2) * vp[i] - 400 * a * vp[i + 1];
    hp[i + 1] = -400 * a * vp[i] + 200 * vp[i + 1];
  }
}

// ---- ChainedRosenbrock --------------------------------------------------------------

ChainedRosenbrock::ChainedRosenbrock(Index n) : n_(n) {
  if (n < 2) throw InvalidArgument("ChainedRosenbrock: dimension " + std::to_string(n) + " must be >= 2");
}

double ChainedRosenbrock::value(const Vector& x) const {
  check_size("ChainedRosenbrock", x, n_);
  const double* __restrict xp = x.data();
  const Index terms = n_ - 1;  // term i couples x_i and x_{i+1}
  LaneSum sum;
  double e[kBlock];
  Index i = 0;
  for (; i + kBlock <= terms; i += kBlock) {
    for (Index j = 0; j < kBlock; ++j) e[j] = rosen_term(xp[i + j], xp[i + j + 1]);
    sum.add_block(e);
  }
  double f = sum.total();
  for (; i < terms; ++i) f += rosen_term(xp[i], xp[i + 1]);
  return f;
}

double ChainedRosenbrock::value_and_gradient(const Vector& x, Vector& g) const {
  check_size("ChainedRosenbrock", x, n_);
  g.resize(n_);
  const double* __restrict xp = x.data();
  double* __restrict gp = g.data();
  const Index n = n_;
  // First coordinate: it only appears in term 0.
  double f;
  {
    const double a = xp[0], b = xp[1];
    const double t = b - a * a, u = 1 - a;
    f = 100 * t * t + u * u;
    gp[0] = -400 * a * t - 2 * u;
  }
  // Interior coordinates i = 1..n-2 appear in term i-1 (through x_i - x_{i-1}^2) and in
  // term i. The previous term's residual is recomputed rather than carried, so that
  // iterations stay independent and vectorize.
  LaneSum sum;
  double e[kBlock];
  Index i = 1;
  for (; i + kBlock <= n - 1; i += kBlock) {
    for (Index j = 0; j < kBlock; ++j) {
      const double xm = xp[i + j - 1], xi = xp[i + j], xn = xp[i + j + 1];
      const double tp = xi - xm * xm, t = xn - xi * xi, u = 1 - xi;
      e[j] = 100 * t * t + u * u;
      gp[i + j] = 200 * tp - 400 * xi * t - 2 * u;
    }
    sum.add_block(e);
  }
  f += sum.total();
  for (; i < n - 1; ++i) {
    const double xm = xp[i - 1], xi = xp[i], xn = xp[i + 1];
    const double tp = xi - xm * xm, t = xn - xi * xi, u = 1 - xi;
    f += 100 * t * t + u * u;
    gp[i] = 200 * tp - 400 * xi * t - 2 * u;
  }
  // Last coordinate: it only appears in term n-2.
  gp[n - 1] = 200 * (xp[n - 1] - xp[n - 2] * xp[n - 2]);
  return f;
}

void ChainedRosenbrock::hessian(const Vector& x, Matrix& H) const {
  check_size("ChainedRosenbrock", x, n_);
  H.setZero(n_, n_);
  for (Index i = 0; i < n_; ++i) {
    double d = (i > 0) ? 200.0 : 0.0;
    if (i < n_ - 1) {
      d += 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
      H(i, i + 1) = H(i + 1, i) = -400 * x[i];
    }
    H(i, i) = d;
  }
}

void ChainedRosenbrock::hessian_vector(const Vector& x, const Vector& v, Vector& Hv) const {
  check_size("ChainedRosenbrock", x, n_);
  check_size("ChainedRosenbrock (direction v)", v, n_);
  Hv.resize(n_);
  const double* __restrict xp = x.data();
  const double* __restrict vp = v.data();
  double* __restrict hp = Hv.data();
  const Index n = n_;
  hp[0] = (1200 * xp[0] * xp[0] - 400 * xp[1] + 2) * vp[0] - 400 * xp[0] * vp[1];
  for (Index i = 1; i < n - 1; ++i) {
    hp[i] = (202 + 1200 * xp[i] * xp[i] - 400 * xp[i + 1]) * vp[i] - 400 * xp[i - 1] * vp[i - 1] -
            400 * xp[i] * vp[i + 1];
  }
  hp[n - 1] = 200 * vp[n - 1] - 400 * xp[n - 2] * vp[n - 2];
}

// ---- catalog entries ----------------------------------------------------------------

namespace {
TestProblem rosenbrock_family(const char* name, std::shared_ptr<const Objective> f, Index n) {
  TestProblem p;
  p.name = name;
  p.objective = std::move(f);
  p.x0 = rosenbrock_start(n);
  p.x_star = Vector::Ones(n);
  p.f_star = 0.0;
  p.published_f = 0.0;
  return p;
}
}  // namespace

TestProblem extended_rosenbrock_problem(Index n) {
  return rosenbrock_family("extended-rosenbrock", std::make_shared<ExtendedRosenbrock>(n), n);
}

TestProblem chained_rosenbrock_problem(Index n) {
  return rosenbrock_family("chained-rosenbrock", std::make_shared<ChainedRosenbrock>(n), n);
}

}  // namespace optiml
