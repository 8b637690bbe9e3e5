// Residuals, Jacobians, sizes and starting points of the More-Garbow-Hillstrom problems
// (ACM TOMS 7:17-41, 1981, section 3). Comments give each problem's number and formula in
// the paper's 1-based notation; the code indexes from 0.
#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "optiml/core/error.hpp"
#include "optiml/problems/mgh.hpp"

namespace optiml {

namespace {

constexpr Index kMaxN = 1000;  // dense Jacobians

// Data tables, as printed in the paper.
constexpr double kBealeY[3] = {1.5, 2.25, 2.625};
constexpr double kBardY[15] = {0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39,
                               0.37, 0.58, 0.73, 0.96, 1.34, 2.10, 4.39};
constexpr double kGaussianY[15] = {0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521, 0.3989,
                                   0.3521, 0.2420, 0.1295, 0.0540, 0.0175, 0.0044, 0.0009};
constexpr double kMeyerY[16] = {34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744,
                                8261,  7030,  6005,  5147,  4427,  3820,  3307,  2872};
constexpr double kKowalikY[11] = {0.1957, 0.1947, 0.1735, 0.1600, 0.0844, 0.0627,
                                  0.0456, 0.0342, 0.0323, 0.0235, 0.0246};
constexpr double kKowalikU[11] = {4.0, 2.0, 1.0, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625};
constexpr double kOsborne1Y[33] = {0.844, 0.908, 0.932, 0.936, 0.925, 0.908, 0.881, 0.850, 0.818,
                                   0.784, 0.751, 0.718, 0.685, 0.658, 0.628, 0.603, 0.580, 0.558,
                                   0.538, 0.522, 0.506, 0.490, 0.478, 0.467, 0.457, 0.448, 0.438,
                                   0.431, 0.424, 0.420, 0.414, 0.411, 0.406};
constexpr double kOsborne2Y[65] = {
    1.366, 1.191, 1.112, 1.013, 0.991, 0.885, 0.831, 0.847, 0.786, 0.725, 0.746, 0.679, 0.608,
    0.655, 0.616, 0.606, 0.602, 0.626, 0.651, 0.724, 0.649, 0.649, 0.694, 0.644, 0.624, 0.661,
    0.612, 0.558, 0.533, 0.495, 0.500, 0.423, 0.395, 0.375, 0.372, 0.391, 0.396, 0.405, 0.428,
    0.429, 0.523, 0.562, 0.607, 0.653, 0.672, 0.708, 0.633, 0.668, 0.645, 0.632, 0.591, 0.559,
    0.597, 0.625, 0.739, 0.710, 0.729, 0.720, 0.636, 0.581, 0.428, 0.292, 0.162, 0.098, 0.054};

using F = MghFunction;

// name, title, n, m, min_n, max_n, n_multiple (m given at the standard n). A function-local
// static, so that other translation units' static initializers may use it.
const std::vector<MghSpec>& specs_table() {
  static const std::vector<MghSpec> specs = {
      {F::Rosenbrock, "mgh-rosenbrock", "Rosenbrock", 2, 2, 2, 2, 1},
      {F::FreudensteinRoth, "mgh-freudenstein-roth", "Freudenstein and Roth", 2, 2, 2, 2, 1},
      {F::PowellBadlyScaled, "mgh-powell-badly-scaled", "Powell badly scaled", 2, 2, 2, 2, 1},
      {F::BrownBadlyScaled, "mgh-brown-badly-scaled", "Brown badly scaled", 2, 3, 2, 2, 1},
      {F::Beale, "mgh-beale", "Beale", 2, 3, 2, 2, 1},
      {F::JennrichSampson, "mgh-jennrich-sampson", "Jennrich and Sampson", 2, 10, 2, 2, 1},
      {F::HelicalValley, "mgh-helical-valley", "Helical valley", 3, 3, 3, 3, 1},
      {F::Bard, "mgh-bard", "Bard", 3, 15, 3, 3, 1},
      {F::Gaussian, "mgh-gaussian", "Gaussian", 3, 15, 3, 3, 1},
      {F::Meyer, "mgh-meyer", "Meyer", 3, 16, 3, 3, 1},
      {F::Gulf, "mgh-gulf", "Gulf research and development", 3, 99, 3, 3, 1},
      {F::Box3d, "mgh-box-3d", "Box three-dimensional", 3, 10, 3, 3, 1},
      {F::PowellSingular, "mgh-powell-singular", "Powell singular", 4, 4, 4, 4, 1},
      {F::Wood, "mgh-wood", "Wood", 4, 6, 4, 4, 1},
      {F::KowalikOsborne, "mgh-kowalik-osborne", "Kowalik and Osborne", 4, 11, 4, 4, 1},
      {F::BrownDennis, "mgh-brown-dennis", "Brown and Dennis", 4, 20, 4, 4, 1},
      {F::Osborne1, "mgh-osborne-1", "Osborne 1", 5, 33, 5, 5, 1},
      {F::BiggsExp6, "mgh-biggs-exp6", "Biggs EXP6", 6, 13, 6, 6, 1},
      {F::Osborne2, "mgh-osborne-2", "Osborne 2", 11, 65, 11, 11, 1},
      {F::Watson, "mgh-watson", "Watson", 6, 31, 2, 31, 1},
      {F::ExtendedRosenbrock, "mgh-extended-rosenbrock", "Extended Rosenbrock", 10, 10, 2, kMaxN, 2},
      {F::ExtendedPowell, "mgh-extended-powell", "Extended Powell singular", 12, 12, 4, kMaxN, 4},
      {F::Penalty1, "mgh-penalty-1", "Penalty I", 10, 11, 1, kMaxN, 1},
      {F::Penalty2, "mgh-penalty-2", "Penalty II", 10, 20, 1, kMaxN, 1},
      {F::VariablyDimensioned, "mgh-variably-dimensioned", "Variably dimensioned", 10, 12, 1, kMaxN, 1},
      {F::Trigonometric, "mgh-trigonometric", "Trigonometric", 10, 10, 1, kMaxN, 1},
      {F::BrownAlmostLinear, "mgh-brown-almost-linear", "Brown almost-linear", 10, 10, 1, kMaxN, 1},
      {F::DiscreteBoundaryValue, "mgh-discrete-boundary-value", "Discrete boundary value", 10, 10, 1, kMaxN,
       1},
      {F::DiscreteIntegralEquation, "mgh-discrete-integral-equation", "Discrete integral equation", 10, 10, 1,
       kMaxN, 1},
      {F::BroydenTridiagonal, "mgh-broyden-tridiagonal", "Broyden tridiagonal", 10, 10, 1, kMaxN, 1},
      {F::BroydenBanded, "mgh-broyden-banded", "Broyden banded", 10, 10, 1, kMaxN, 1},
      {F::LinearFullRank, "mgh-linear-full-rank", "Linear function - full rank", 10, 20, 1, kMaxN, 1},
      {F::LinearRank1, "mgh-linear-rank-1", "Linear function - rank 1", 10, 20, 1, kMaxN, 1},
      {F::LinearRank1ZeroColumns, "mgh-linear-rank-1-zero",
       "Linear function - rank 1 with zero columns and rows", 10, 20, 3, kMaxN, 1},
      {F::Chebyquad, "mgh-chebyquad", "Chebyquad", 10, 10, 1, kMaxN, 1},
  };
  return specs;
}

// m as a function of n where the paper ties them; 0 where m is free.
Index tied_m(MghFunction f, Index n) {
  switch (f) {
    case F::Watson:
      return 31;
    case F::ExtendedRosenbrock:
    case F::ExtendedPowell:
    case F::Trigonometric:
    case F::BrownAlmostLinear:
    case F::DiscreteBoundaryValue:
    case F::DiscreteIntegralEquation:
    case F::BroydenTridiagonal:
    case F::BroydenBanded:
      return n;
    case F::Penalty1:
      return n + 1;
    case F::Penalty2:
      return 2 * n;
    case F::VariablyDimensioned:
      return n + 2;
    default:
      return 0;
  }
}

bool free_m(MghFunction f) {
  switch (f) {
    case F::JennrichSampson:
    case F::Gulf:
    case F::Box3d:
    case F::BrownDennis:
    case F::BiggsExp6:
    case F::LinearFullRank:
    case F::LinearRank1:
    case F::LinearRank1ZeroColumns:
    case F::Chebyquad:
      return true;
    default:
      return false;
  }
}

Index standard_m(MghFunction f, Index n) {
  const MghSpec& s = mgh_spec(f);
  if (const Index m = tied_m(f, n)) return m;
  switch (f) {
    case F::LinearFullRank:
    case F::LinearRank1:
    case F::LinearRank1ZeroColumns:
      return 2 * n;
    case F::Chebyquad:
      return n;
    default:
      return s.m;
  }
}

}  // namespace

const std::vector<MghSpec>& mgh_specs() { return specs_table(); }

const MghSpec& mgh_spec(MghFunction function) {
  const int k = static_cast<int>(function);
  const auto& specs = specs_table();
  if (k < 1 || k > static_cast<int>(specs.size()))
    throw InvalidArgument("mgh_spec: no MGH problem number " + std::to_string(k));
  return specs[k - 1];
}

MghProblem::MghProblem(MghFunction function, Index n, Index m) : function_(function) {
  const MghSpec& s = mgh_spec(function);
  n_ = (n == 0) ? s.n : n;
  if (n_ < s.min_n || n_ > s.max_n || n_ % s.n_multiple != 0) {
    std::string what = std::string(s.name) + ": n = " + std::to_string(n_) + " must be ";
    if (s.min_n == s.max_n)
      what += std::to_string(s.min_n);
    else
      what += (s.n_multiple > 1 ? "a multiple of " + std::to_string(s.n_multiple) + " " : "") + "in [" +
              std::to_string(s.min_n) + ", " + std::to_string(s.max_n) + "]";
    throw InvalidArgument(what);
  }
  m_ = standard_m(function, n_);
  if (m != 0 && m != m_) {
    const Index max_m = (function == F::Gulf) ? 100 : 100000;
    const Index min_m = std::max<Index>(n_, function == F::LinearRank1ZeroColumns ? 3 : 1);
    if (!free_m(function))
      throw InvalidArgument(std::string(s.name) + ": m is fixed at " + std::to_string(m_) + ", got " +
                            std::to_string(m));
    if (m < min_m || m > max_m)
      throw InvalidArgument(std::string(s.name) + ": m = " + std::to_string(m) + " must be in [" +
                            std::to_string(min_m) + ", " + std::to_string(max_m) + "]");
    m_ = m;
  }
}

Vector MghProblem::standard_start() const {
  const Index n = n_;
  Vector x(n);
  auto set = [&x](std::initializer_list<double> v) {
    Index i = 0;
    for (double vi : v) x[i++] = vi;
  };
  switch (function_) {
    case F::Rosenbrock:
      set({-1.2, 1});
      break;
    case F::FreudensteinRoth:
      set({0.5, -2});
      break;
    case F::PowellBadlyScaled:
      set({0, 1});
      break;
    case F::BrownBadlyScaled:
      set({1, 1});
      break;
    case F::Beale:
      set({1, 1});
      break;
    case F::JennrichSampson:
      set({0.3, 0.4});
      break;
    case F::HelicalValley:
      set({-1, 0, 0});
      break;
    case F::Bard:
      set({1, 1, 1});
      break;
    case F::Gaussian:
      set({0.4, 1, 0});
      break;
    case F::Meyer:
      set({0.02, 4000, 250});
      break;
    case F::Gulf:
      set({5, 2.5, 0.15});
      break;
    case F::Box3d:
      set({0, 10, 20});
      break;
    case F::PowellSingular:
      set({3, -1, 0, 1});
      break;
    case F::Wood:
      set({-3, -1, -3, -1});
      break;
    case F::KowalikOsborne:
      set({0.25, 0.39, 0.415, 0.39});
      break;
    case F::BrownDennis:
      set({25, 5, -5, -1});
      break;
    case F::Osborne1:
      set({0.5, 1.5, -1, 0.01, 0.02});
      break;
    case F::BiggsExp6:
      set({1, 2, 1, 1, 1, 1});
      break;
    case F::Osborne2:
      set({1.3, 0.65, 0.65, 0.7, 0.6, 3, 5, 7, 2, 4.5, 5.5});
      break;
    case F::Watson:
      x.setZero();
      break;
    case F::ExtendedRosenbrock:
      for (Index j = 0; j < n; ++j) x[j] = (j % 2 == 0) ? -1.2 : 1.0;
      break;
    case F::ExtendedPowell:
      for (Index j = 0; j < n; j += 4) {
        x[j] = 3;
        x[j + 1] = -1;
        x[j + 2] = 0;
        x[j + 3] = 1;
      }
      break;
    case F::Penalty1:
      for (Index j = 0; j < n; ++j) x[j] = double(j + 1);
      break;
    case F::Penalty2:
      x.setConstant(0.5);
      break;
    case F::VariablyDimensioned:
      for (Index j = 0; j < n; ++j) x[j] = 1.0 - double(j + 1) / double(n);
      break;
    case F::Trigonometric:
      x.setConstant(1.0 / double(n));
      break;
    case F::BrownAlmostLinear:
      x.setConstant(0.5);
      break;
    case F::DiscreteBoundaryValue:
    case F::DiscreteIntegralEquation: {
      const double h = 1.0 / double(n + 1);
      for (Index j = 0; j < n; ++j) {
        const double t = double(j + 1) * h;
        x[j] = t * (t - 1);
      }
      break;
    }
    case F::BroydenTridiagonal:
    case F::BroydenBanded:
      x.setConstant(-1.0);
      break;
    case F::LinearFullRank:
    case F::LinearRank1:
    case F::LinearRank1ZeroColumns:
      x.setOnes();
      break;
    case F::Chebyquad:
      for (Index j = 0; j < n; ++j) x[j] = double(j + 1) / double(n + 1);
      break;
  }
  return x;
}

void MghProblem::residuals(const Vector& x, Vector& r) const { evaluate(x, &r, nullptr); }

void MghProblem::jacobian(const Vector& x, Matrix& J) const {
  Vector r;
  evaluate(x, &r, &J);
}

void MghProblem::residuals_and_jacobian(const Vector& x, Vector& r, Matrix& J) const { evaluate(x, &r, &J); }

void MghProblem::evaluate(const Vector& x, Vector* rp, Matrix* Jp) const {
  const Index n = n_, m = m_;
  if (x.size() != n)
    throw InvalidArgument(std::string(mgh_spec(function_).name) + ": x has size " + std::to_string(x.size()) +
                          ", expected " + std::to_string(n));
  Vector& r = *rp;
  r.resize(m);
  const bool jac = Jp != nullptr;
  if (jac) Jp->setZero(m, n);
  // 1-based accessors, so that the code reads like the paper.
  auto X = [&x](Index j) { return x[j - 1]; };
  auto R = [&r](Index i) -> double& { return r[i - 1]; };
  auto J = [Jp](Index i, Index j) -> double& { return (*Jp)(i - 1, j - 1); };

  switch (function_) {
    case F::Rosenbrock:  // (1) r1 = 10 (x2 - x1^2), r2 = 1 - x1
      R(1) = 10 * (X(2) - X(1) * X(1));
      R(2) = 1 - X(1);
      if (jac) {
        J(1, 1) = -20 * X(1);
        J(1, 2) = 10;
        J(2, 1) = -1;
      }
      break;

    case F::FreudensteinRoth:  // (2)
      R(1) = -13 + X(1) + ((5 - X(2)) * X(2) - 2) * X(2);
      R(2) = -29 + X(1) + ((X(2) + 1) * X(2) - 14) * X(2);
      if (jac) {
        J(1, 1) = 1;
        J(1, 2) = (10 - 3 * X(2)) * X(2) - 2;
        J(2, 1) = 1;
        J(2, 2) = (3 * X(2) + 2) * X(2) - 14;
      }
      break;

    case F::PowellBadlyScaled: {  // (3) r1 = 10^4 x1 x2 - 1, r2 = e^-x1 + e^-x2 - 1.0001
      const double e1 = std::exp(-X(1)), e2 = std::exp(-X(2));
      R(1) = 1e4 * X(1) * X(2) - 1;
      R(2) = e1 + e2 - 1.0001;
      if (jac) {
        J(1, 1) = 1e4 * X(2);
        J(1, 2) = 1e4 * X(1);
        J(2, 1) = -e1;
        J(2, 2) = -e2;
      }
      break;
    }

    case F::BrownBadlyScaled:  // (4)
      R(1) = X(1) - 1e6;
      R(2) = X(2) - 2e-6;
      R(3) = X(1) * X(2) - 2;
      if (jac) {
        J(1, 1) = 1;
        J(2, 2) = 1;
        J(3, 1) = X(2);
        J(3, 2) = X(1);
      }
      break;

    case F::Beale: {  // (5) r_i = y_i - x1 (1 - x2^i)
      double p = 1;   // x2^(i-1)
      for (Index i = 1; i <= 3; ++i) {
        const double pi = p * X(2);
        R(i) = kBealeY[i - 1] - X(1) * (1 - pi);
        if (jac) {
          J(i, 1) = -(1 - pi);
          J(i, 2) = X(1) * double(i) * p;
        }
        p = pi;
      }
      break;
    }

    case F::JennrichSampson:  // (6) r_i = 2 + 2i - (e^{i x1} + e^{i x2})
      for (Index i = 1; i <= m; ++i) {
        const double e1 = std::exp(double(i) * X(1)), e2 = std::exp(double(i) * X(2));
        R(i) = 2 + 2 * double(i) - (e1 + e2);
        if (jac) {
          J(i, 1) = -double(i) * e1;
          J(i, 2) = -double(i) * e2;
        }
      }
      break;

    case F::HelicalValley: {  // (7) r1 = 10 (x3 - 10 theta), r2 = 10 (|(x1, x2)| - 1), r3 = x3
      const double two_pi = 2 * std::numbers::pi;
      double theta;
      if (X(1) > 0)
        theta = std::atan(X(2) / X(1)) / two_pi;
      else if (X(1) < 0)
        theta = std::atan(X(2) / X(1)) / two_pi + 0.5;
      else
        theta = (X(2) >= 0) ? 0.25 : -0.25;  // the limit from x1 > 0
      const double rho2 = X(1) * X(1) + X(2) * X(2), rho = std::sqrt(rho2);
      R(1) = 10 * (X(3) - 10 * theta);
      R(2) = 10 * (rho - 1);
      R(3) = X(3);
      if (jac) {
        J(1, 1) = 100 * X(2) / (two_pi * rho2);  // d theta / d x1 = -x2 / (2 pi rho^2)
        J(1, 2) = -100 * X(1) / (two_pi * rho2);
        J(1, 3) = 10;
        J(2, 1) = 10 * X(1) / rho;
        J(2, 2) = 10 * X(2) / rho;
        J(3, 3) = 1;
      }
      break;
    }

    case F::Bard:  // (8) r_i = y_i - (x1 + u_i / (v_i x2 + w_i x3)), u = i, v = 16 - i, w = min(u, v)
      for (Index i = 1; i <= 15; ++i) {
        const double u = double(i), v = 16.0 - u, w = std::min(u, v);
        const double d = v * X(2) + w * X(3);
        R(i) = kBardY[i - 1] - (X(1) + u / d);
        if (jac) {
          J(i, 1) = -1;
          J(i, 2) = u * v / (d * d);
          J(i, 3) = u * w / (d * d);
        }
      }
      break;

    case F::Gaussian:  // (9) r_i = x1 exp(-x2 (t_i - x3)^2 / 2) - y_i, t_i = (8 - i) / 2
      for (Index i = 1; i <= 15; ++i) {
        const double t = (8.0 - double(i)) / 2, d = t - X(3);
        const double e = std::exp(-X(2) * d * d / 2);
        R(i) = X(1) * e - kGaussianY[i - 1];
        if (jac) {
          J(i, 1) = e;
          J(i, 2) = -X(1) * e * d * d / 2;
          J(i, 3) = X(1) * e * X(2) * d;
        }
      }
      break;

    case F::Meyer:  // (10) r_i = x1 exp(x2 / (t_i + x3)) - y_i, t_i = 45 + 5i
      for (Index i = 1; i <= 16; ++i) {
        const double d = 45.0 + 5.0 * double(i) + X(3);
        const double e = std::exp(X(2) / d);
        R(i) = X(1) * e - kMeyerY[i - 1];
        if (jac) {
          J(i, 1) = e;
          J(i, 2) = X(1) * e / d;
          J(i, 3) = -X(1) * e * X(2) / (d * d);
        }
      }
      break;

    case F::Gulf:  // (11) r_i = exp(-|y_i - x2|^x3 / x1) - t_i, t_i = i/100, y_i = 25 + (-50 ln t_i)^(2/3)
      for (Index i = 1; i <= m; ++i) {
        const double t = double(i) / 100;
        const double y = 25 + std::pow(-50 * std::log(t), 2.0 / 3.0);
        const double d = y - X(2), a = std::abs(d);
        const double p = std::pow(a, X(3));  // |y_i - x2|^x3
        const double e = std::exp(-p / X(1));
        R(i) = e - t;
        if (jac && a > 0) {
          J(i, 1) = e * p / (X(1) * X(1));
          J(i, 2) = e * X(3) * p / (d * X(1));  // d|d|^x3/dx2 = -x3 |d|^x3 / d
          J(i, 3) = -e * p * std::log(a) / X(1);
        }
      }
      break;

    case F::Box3d:  // (12) r_i = e^{-t x1} - e^{-t x2} - x3 (e^{-t} - e^{-10 t}), t = i/10
      for (Index i = 1; i <= m; ++i) {
        const double t = double(i) / 10;
        const double e1 = std::exp(-t * X(1)), e2 = std::exp(-t * X(2));
        const double c = std::exp(-t) - std::exp(-10 * t);
        R(i) = e1 - e2 - X(3) * c;
        if (jac) {
          J(i, 1) = -t * e1;
          J(i, 2) = t * e2;
          J(i, 3) = -c;
        }
      }
      break;

    case F::PowellSingular: {  // (13)
      const double s5 = std::sqrt(5.0), s10 = std::sqrt(10.0);
      const double a = X(2) - 2 * X(3), b = X(1) - X(4);
      R(1) = X(1) + 10 * X(2);
      R(2) = s5 * (X(3) - X(4));
      R(3) = a * a;
      R(4) = s10 * b * b;
      if (jac) {
        J(1, 1) = 1;
        J(1, 2) = 10;
        J(2, 3) = s5;
        J(2, 4) = -s5;
        J(3, 2) = 2 * a;
        J(3, 3) = -4 * a;
        J(4, 1) = 2 * s10 * b;
        J(4, 4) = -2 * s10 * b;
      }
      break;
    }

    case F::Wood: {  // (14)
      const double s90 = std::sqrt(90.0), s10 = std::sqrt(10.0);
      R(1) = 10 * (X(2) - X(1) * X(1));
      R(2) = 1 - X(1);
      R(3) = s90 * (X(4) - X(3) * X(3));
      R(4) = 1 - X(3);
      R(5) = s10 * (X(2) + X(4) - 2);
      R(6) = (X(2) - X(4)) / s10;
      if (jac) {
        J(1, 1) = -20 * X(1);
        J(1, 2) = 10;
        J(2, 1) = -1;
        J(3, 3) = -2 * s90 * X(3);
        J(3, 4) = s90;
        J(4, 3) = -1;
        J(5, 2) = s10;
        J(5, 4) = s10;
        J(6, 2) = 1 / s10;
        J(6, 4) = -1 / s10;
      }
      break;
    }

    case F::KowalikOsborne:  // (15) r_i = y_i - x1 (u^2 + u x2) / (u^2 + u x3 + x4)
      for (Index i = 1; i <= 11; ++i) {
        const double u = kKowalikU[i - 1];
        const double num = u * (u + X(2)), den = u * (u + X(3)) + X(4);
        R(i) = kKowalikY[i - 1] - X(1) * num / den;
        if (jac) {
          J(i, 1) = -num / den;
          J(i, 2) = -X(1) * u / den;
          J(i, 3) = X(1) * num * u / (den * den);
          J(i, 4) = X(1) * num / (den * den);
        }
      }
      break;

    case F::BrownDennis:  // (16) r_i = (x1 + t x2 - e^t)^2 + (x3 + x4 sin t - cos t)^2, t = i/5
      for (Index i = 1; i <= m; ++i) {
        const double t = double(i) / 5, s = std::sin(t);
        const double a = X(1) + t * X(2) - std::exp(t), b = X(3) + X(4) * s - std::cos(t);
        R(i) = a * a + b * b;
        if (jac) {
          J(i, 1) = 2 * a;
          J(i, 2) = 2 * a * t;
          J(i, 3) = 2 * b;
          J(i, 4) = 2 * b * s;
        }
      }
      break;

    case F::Osborne1:  // (17) r_i = y_i - (x1 + x2 e^{-t x4} + x3 e^{-t x5}), t = 10 (i - 1)
      for (Index i = 1; i <= 33; ++i) {
        const double t = 10.0 * double(i - 1);
        const double e4 = std::exp(-t * X(4)), e5 = std::exp(-t * X(5));
        R(i) = kOsborne1Y[i - 1] - (X(1) + X(2) * e4 + X(3) * e5);
        if (jac) {
          J(i, 1) = -1;
          J(i, 2) = -e4;
          J(i, 3) = -e5;
          J(i, 4) = t * X(2) * e4;
          J(i, 5) = t * X(3) * e5;
        }
      }
      break;

    case F::BiggsExp6:  // (18) r_i = x3 e^{-t x1} - x4 e^{-t x2} + x6 e^{-t x5} - y_i, t = i/10
      for (Index i = 1; i <= m; ++i) {
        const double t = double(i) / 10;
        const double y = std::exp(-t) - 5 * std::exp(-10 * t) + 3 * std::exp(-4 * t);
        const double e1 = std::exp(-t * X(1)), e2 = std::exp(-t * X(2)), e5 = std::exp(-t * X(5));
        R(i) = X(3) * e1 - X(4) * e2 + X(6) * e5 - y;
        if (jac) {
          J(i, 1) = -t * X(3) * e1;
          J(i, 2) = t * X(4) * e2;
          J(i, 3) = e1;
          J(i, 4) = -e2;
          J(i, 5) = -t * X(6) * e5;
          J(i, 6) = e5;
        }
      }
      break;

    case F::Osborne2:  // (19) r_i = y_i - (x1 e^{-t x5} + sum_k x_k e^{-(t - x_{k+7})^2 x_{k+4}}), k = 2..4
      for (Index i = 1; i <= 65; ++i) {
        const double t = double(i - 1) / 10;
        const double e1 = std::exp(-t * X(5));
        double model = X(1) * e1;
        if (jac) {
          J(i, 1) = -e1;
          J(i, 5) = t * X(1) * e1;
        }
        for (Index k = 2; k <= 4; ++k) {
          const double d = t - X(k + 7);
          const double e = std::exp(-d * d * X(k + 4));
          model += X(k) * e;
          if (jac) {
            J(i, k) = -e;
            J(i, k + 4) = X(k) * d * d * e;
            J(i, k + 7) = -2 * X(k) * X(k + 4) * d * e;
          }
        }
        R(i) = kOsborne2Y[i - 1] - model;
      }
      break;

    case F::Watson:  // (20) r_i = sum_{j>=2} (j-1) x_j t^{j-2} - (sum_j x_j t^{j-1})^2 - 1, t = i/29
      for (Index i = 1; i <= 29; ++i) {
        const double t = double(i) / 29;
        double s1 = 0, s2 = 0, p = 1;  // p = t^{j-1}
        for (Index j = 1; j <= n; ++j) {
          s2 += X(j) * p;
          if (j >= 2) s1 += double(j - 1) * X(j) * p / t;
          p *= t;
        }
        R(i) = s1 - s2 * s2 - 1;
        if (jac) {
          p = 1;
          for (Index j = 1; j <= n; ++j) {
            J(i, j) = (j >= 2 ? double(j - 1) * p / t : 0.0) - 2 * s2 * p;
            p *= t;
          }
        }
      }
      R(30) = X(1);
      R(31) = X(2) - X(1) * X(1) - 1;
      if (jac) {
        J(30, 1) = 1;
        J(31, 1) = -2 * X(1);
        J(31, 2) = 1;
      }
      break;

    case F::ExtendedRosenbrock:  // (21) r_{2i-1} = 10 (x_{2i} - x_{2i-1}^2), r_{2i} = 1 - x_{2i-1}
      for (Index i = 1; 2 * i <= n; ++i) {
        const double a = X(2 * i - 1), b = X(2 * i);
        R(2 * i - 1) = 10 * (b - a * a);
        R(2 * i) = 1 - a;
        if (jac) {
          J(2 * i - 1, 2 * i - 1) = -20 * a;
          J(2 * i - 1, 2 * i) = 10;
          J(2 * i, 2 * i - 1) = -1;
        }
      }
      break;

    case F::ExtendedPowell: {  // (22) Powell singular (13) on each block of 4
      const double s5 = std::sqrt(5.0), s10 = std::sqrt(10.0);
      for (Index k = 0; k < n; k += 4) {
        const double a = X(k + 2) - 2 * X(k + 3), b = X(k + 1) - X(k + 4);
        R(k + 1) = X(k + 1) + 10 * X(k + 2);
        R(k + 2) = s5 * (X(k + 3) - X(k + 4));
        R(k + 3) = a * a;
        R(k + 4) = s10 * b * b;
        if (jac) {
          J(k + 1, k + 1) = 1;
          J(k + 1, k + 2) = 10;
          J(k + 2, k + 3) = s5;
          J(k + 2, k + 4) = -s5;
          J(k + 3, k + 2) = 2 * a;
          J(k + 3, k + 3) = -4 * a;
          J(k + 4, k + 1) = 2 * s10 * b;
          J(k + 4, k + 4) = -2 * s10 * b;
        }
      }
      break;
    }

    case F::Penalty1: {  // (23) r_i = sqrt(a) (x_i - 1), r_{n+1} = sum x_j^2 - 1/4, a = 1e-5
      const double sa = std::sqrt(1e-5);
      double s = 0;
      for (Index i = 1; i <= n; ++i) {
        R(i) = sa * (X(i) - 1);
        s += X(i) * X(i);
        if (jac) {
          J(i, i) = sa;
          J(n + 1, i) = 2 * X(i);
        }
      }
      R(n + 1) = s - 0.25;
      break;
    }

    case F::Penalty2: {  // (24)
      const double sa = std::sqrt(1e-5), em = std::exp(-0.1);
      R(1) = X(1) - 0.2;
      if (jac) J(1, 1) = 1;
      for (Index i = 2; i <= n; ++i) {  // sqrt(a) (e^{x_i/10} + e^{x_{i-1}/10} - y_i)
        const double y = std::exp(double(i) / 10) + std::exp(double(i - 1) / 10);
        const double ei = std::exp(X(i) / 10), em1 = std::exp(X(i - 1) / 10);
        R(i) = sa * (ei + em1 - y);
        if (jac) {
          J(i, i) = sa * ei / 10;
          J(i, i - 1) = sa * em1 / 10;
        }
      }
      for (Index i = n + 1; i <= 2 * n - 1; ++i) {  // sqrt(a) (e^{x_{i-n+1}/10} - e^{-1/10})
        const double e = std::exp(X(i - n + 1) / 10);
        R(i) = sa * (e - em);
        if (jac) J(i, i - n + 1) = sa * e / 10;
      }
      double s = 0;  // r_{2n} = sum_j (n - j + 1) x_j^2 - 1
      for (Index j = 1; j <= n; ++j) {
        s += double(n - j + 1) * X(j) * X(j);
        if (jac) J(2 * n, j) = 2 * double(n - j + 1) * X(j);
      }
      R(2 * n) = s - 1;
      break;
    }

    case F::VariablyDimensioned: {  // (25) r_i = x_i - 1, r_{n+1} = sum j (x_j - 1), r_{n+2} = r_{n+1}^2
      double s = 0;
      for (Index j = 1; j <= n; ++j) {
        R(j) = X(j) - 1;
        s += double(j) * (X(j) - 1);
        if (jac) J(j, j) = 1;
      }
      R(n + 1) = s;
      R(n + 2) = s * s;
      if (jac)
        for (Index j = 1; j <= n; ++j) {
          J(n + 1, j) = double(j);
          J(n + 2, j) = 2 * s * double(j);
        }
      break;
    }

    case F::Trigonometric: {  // (26) r_i = n - sum_j cos x_j + i (1 - cos x_i) - sin x_i
      double sc = 0;
      for (Index j = 1; j <= n; ++j) sc += std::cos(X(j));
      for (Index i = 1; i <= n; ++i) {
        const double c = std::cos(X(i)), s = std::sin(X(i));
        R(i) = double(n) - sc + double(i) * (1 - c) - s;
        if (jac) {
          for (Index j = 1; j <= n; ++j) J(i, j) = std::sin(X(j));
          J(i, i) += double(i) * s - c;
        }
      }
      break;
    }

    case F::BrownAlmostLinear: {  // (27) r_i = x_i + sum_j x_j - (n + 1), i < n; r_n = prod_j x_j - 1
      double s = 0, prod = 1;
      for (Index j = 1; j <= n; ++j) {
        s += X(j);
        prod *= X(j);
      }
      for (Index i = 1; i < n; ++i) {
        R(i) = X(i) + s - double(n + 1);
        if (jac) {
          for (Index j = 1; j <= n; ++j) J(i, j) = 1;
          J(i, i) = 2;
        }
      }
      R(n) = prod - 1;
      if (jac)
        for (Index j = 1; j <= n; ++j) {  // prod_{k != j} x_k, without dividing by x_j
          double pj = 1;
          for (Index k = 1; k <= n; ++k)
            if (k != j) pj *= X(k);
          J(n, j) = pj;
        }
      break;
    }

    case F::DiscreteBoundaryValue: {  // (28) r_i = 2x_i - x_{i-1} - x_{i+1} + h^2 (x_i + t_i + 1)^3 / 2
      const double h = 1.0 / double(n + 1);
      for (Index i = 1; i <= n; ++i) {
        const double t = double(i) * h, c = X(i) + t + 1;
        const double xm = (i > 1) ? X(i - 1) : 0.0, xp = (i < n) ? X(i + 1) : 0.0;
        R(i) = 2 * X(i) - xm - xp + h * h * c * c * c / 2;
        if (jac) {
          J(i, i) = 2 + 1.5 * h * h * c * c;
          if (i > 1) J(i, i - 1) = -1;
          if (i < n) J(i, i + 1) = -1;
        }
      }
      break;
    }

    case F::DiscreteIntegralEquation: {  // (29)
      // r_i = x_i + h/2 [(1 - t_i) sum_{j<=i} t_j c_j^3 + t_i sum_{j>i} (1 - t_j) c_j^3],
      // c_j = x_j + t_j + 1: prefix and suffix sums make it O(n).
      const double h = 1.0 / double(n + 1);
      Vector c3(n), below(n + 1), above(n + 2);
      for (Index j = 1; j <= n; ++j) {
        const double c = X(j) + double(j) * h + 1;
        c3[j - 1] = c * c * c;
      }
      below[0] = 0;  // below[i] = sum_{j<=i} t_j c_j^3
      for (Index j = 1; j <= n; ++j) below[j] = below[j - 1] + double(j) * h * c3[j - 1];
      above[n + 1] = 0;  // above[i] = sum_{j>=i} (1 - t_j) c_j^3
      for (Index j = n; j >= 1; --j) above[j] = above[j + 1] + (1 - double(j) * h) * c3[j - 1];
      for (Index i = 1; i <= n; ++i) {
        const double t = double(i) * h;
        R(i) = X(i) + h / 2 * ((1 - t) * below[i] + t * above[i + 1]);
        if (jac) {
          for (Index j = 1; j <= n; ++j) {
            const double tj = double(j) * h, c = X(j) + tj + 1, dc3 = 3 * c * c;
            J(i, j) = h / 2 * (j <= i ? (1 - t) * tj * dc3 : t * (1 - tj) * dc3);
          }
          J(i, i) += 1;
        }
      }
      break;
    }

    case F::BroydenTridiagonal:  // (30) r_i = (3 - 2x_i) x_i - x_{i-1} - 2 x_{i+1} + 1
      for (Index i = 1; i <= n; ++i) {
        const double xm = (i > 1) ? X(i - 1) : 0.0, xp = (i < n) ? X(i + 1) : 0.0;
        R(i) = (3 - 2 * X(i)) * X(i) - xm - 2 * xp + 1;
        if (jac) {
          J(i, i) = 3 - 4 * X(i);
          if (i > 1) J(i, i - 1) = -1;
          if (i < n) J(i, i + 1) = -2;
        }
      }
      break;

    case F::BroydenBanded:  // (31) r_i = x_i (2 + 5 x_i^2) + 1 - sum_{j in J_i} x_j (1 + x_j)
      for (Index i = 1; i <= n; ++i) {
        double s = 0;
        const Index lo = std::max<Index>(1, i - 5), hi = std::min<Index>(n, i + 1);
        for (Index j = lo; j <= hi; ++j)
          if (j != i) {
            s += X(j) * (1 + X(j));
            if (jac) J(i, j) = -(1 + 2 * X(j));
          }
        R(i) = X(i) * (2 + 5 * X(i) * X(i)) + 1 - s;
        if (jac) J(i, i) = 2 + 15 * X(i) * X(i);
      }
      break;

    case F::LinearFullRank: {  // (32) r_i = x_i - (2/m) sum_j x_j - 1 (i <= n); -(2/m) sum_j x_j - 1 (i > n)
      const double s = x.sum(), c = 2.0 / double(m);
      for (Index i = 1; i <= m; ++i) {
        R(i) = (i <= n ? X(i) : 0.0) - c * s - 1;
        if (jac) {
          for (Index j = 1; j <= n; ++j) J(i, j) = -c;
          if (i <= n) J(i, i) += 1;
        }
      }
      break;
    }

    case F::LinearRank1: {  // (33) r_i = i (sum_j j x_j) - 1
      double s = 0;
      for (Index j = 1; j <= n; ++j) s += double(j) * X(j);
      for (Index i = 1; i <= m; ++i) {
        R(i) = double(i) * s - 1;
        if (jac)
          for (Index j = 1; j <= n; ++j) J(i, j) = double(i) * double(j);
      }
      break;
    }

    case F::LinearRank1ZeroColumns: {  // (34) r_1 = r_m = -1, r_i = (i - 1) sum_{j=2}^{n-1} j x_j - 1
      double s = 0;
      for (Index j = 2; j <= n - 1; ++j) s += double(j) * X(j);
      R(1) = -1;
      R(m) = -1;
      for (Index i = 2; i <= m - 1; ++i) {
        R(i) = double(i - 1) * s - 1;
        if (jac)
          for (Index j = 2; j <= n - 1; ++j) J(i, j) = double(i - 1) * double(j);
      }
      break;
    }

    case F::Chebyquad: {  // (35) r_i = (1/n) sum_j T_i(x_j) - int_0^1 T_i, T_i shifted to [0, 1]
      // Three-term recurrences T_{k+1} = 2y T_k - T_{k-1} in y = 2x - 1, and for dT/dy:
      // D_{k+1} = 2 T_k + 2y D_k - D_{k-1}; dT/dx = 2 dT/dy.
      r.setZero();
      for (Index j = 1; j <= n; ++j) {
        const double y = 2 * X(j) - 1;
        double t0 = 1, t1 = y, d0 = 0, d1 = 1;
        for (Index i = 1; i <= m; ++i) {
          R(i) += t1 / double(n);
          if (jac) J(i, j) = 2 * d1 / double(n);
          const double t2 = 2 * y * t1 - t0, d2 = 2 * t1 + 2 * y * d1 - d0;
          t0 = t1;
          t1 = t2;
          d0 = d1;
          d1 = d2;
        }
      }
      for (Index i = 2; i <= m; i += 2) R(i) += 1.0 / (double(i) * double(i) - 1);  // int T_i = -1/(i^2 - 1)
      break;
    }
  }
}

}  // namespace optiml
