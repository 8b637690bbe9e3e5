#pragma once
// The unconstrained test set of More, Garbow & Hillstrom, "Testing unconstrained
// optimization software", ACM TOMS 7(1):17-41, 1981 (MGH): all 35 problems, as
// LeastSquares with analytic Jacobians, the paper's standard starting points, and its
// published minimal values.
//
// Conventions. MGH minimize F(x) = sum_i r_i(x)^2; optiml's LeastSquares value is
// f = 1/2 sum r_i^2, so a TestProblem's f_star is the published value / 2, while
// TestProblem::published_f and mgh_published_value() keep the paper's number (to the
// digits it prints, e.g. 8.21487e-3 for Bard). x_star and f_star come from our own
// Levenberg-Marquardt runs polished to a gradient at rounding level (recorded to 17
// digits); the tests check that each agrees with the published value to its printed
// digits. Where the paper gives a closed form (the linear problems, Brown badly scaled,
// ...) x_star is exact.
//
// Sizes. Fixed-size problems use the paper's (n, m); where the paper leaves m free we use
// the common choices: Jennrich-Sampson m = 10, Gulf m = 99, Box 3-D m = 10, Brown-Dennis
// m = 20, Biggs EXP6 m = 13 (the sizes the paper's minima refer to). Variable-size problems
// take n from make_problem(name, dim) (default in parentheses): Watson (6; 2 <= n <= 31,
// m = 31), extended Rosenbrock (10, even), extended Powell (12, multiple of 4), penalty I
// (10, m = n+1), penalty II (10, m = 2n), variably dimensioned (10, m = n+2),
// trigonometric, Brown almost-linear, discrete boundary value, discrete integral equation,
// Broyden tridiagonal and banded (10, m = n), the three linear functions (10, m = 2n), and
// Chebyquad (10, m = n). Jacobians are dense, so n is capped at 1000.
//
// Recorded in other_minima (values in optiml's convention, F/2): Freudenstein-Roth's local
// minimum F = 48.9842 (the one reached from the standard start), Box 3-D's (10, 1, -1) and a
// point (1, 1, 0) of its line of minimizers x1 = x2, x3 = 0, Biggs EXP6's local minimum
// F = 5.65565e-3 (the paper's value for m = 13; its global minimum is 0 at
// (1, 10, 1, 5, 4, 3)), Brown almost-linear's (0, ..., 0, n+1) with F = 1 (a degenerate
// stationary point for n >= 3) and, at n = 10, its second zero (a, ..., a, a^(1-n)), and the
// trigonometric function's local minimum F = 2.79506e-5 at n = 10 (reached from 100 x0
// and from x_j = j/10; not in the paper). Minima at infinity (Bard's 17.4286,
// Kowalik-Osborne's 1.02734e-3) cannot be listed as points; no local minima are recorded
// for Gulf or Jennrich-Sampson.
#include <string_view>
#include <vector>

#include "optiml/core/least_squares.hpp"
#include "optiml/problems/test_problem.hpp"

namespace optiml {

// The problems, numbered as in the paper.
enum class MghFunction {
  Rosenbrock = 1,
  FreudensteinRoth,
  PowellBadlyScaled,
  BrownBadlyScaled,
  Beale,
  JennrichSampson,
  HelicalValley,
  Bard,
  Gaussian,
  Meyer,
  Gulf,
  Box3d,
  PowellSingular,
  Wood,
  KowalikOsborne,
  BrownDennis,
  Osborne1,
  BiggsExp6,
  Osborne2,
  Watson,
  ExtendedRosenbrock,
  ExtendedPowell,
  Penalty1,
  Penalty2,
  VariablyDimensioned,
  Trigonometric,
  BrownAlmostLinear,
  DiscreteBoundaryValue,
  DiscreteIntegralEquation,
  BroydenTridiagonal,
  BroydenBanded,
  LinearFullRank,
  LinearRank1,
  LinearRank1ZeroColumns,
  Chebyquad,
};

// Sizes and names of one MGH problem.
struct MghSpec {
  MghFunction function;
  const char* name;                // catalog name, e.g. "mgh-helical-valley"
  const char* title;               // the paper's name, e.g. "Helical valley"
  Index n;                         // standard number of variables
  Index m;                         // standard number of residuals (at the standard n)
  Index min_n, max_n, n_multiple;  // allowed n (min_n == max_n: fixed)
};

// All 35, in the paper's order.
const std::vector<MghSpec>& mgh_specs();
const MghSpec& mgh_spec(MghFunction function);

class MghProblem final : public LeastSquares {
 public:
  // n = 0 takes the standard n; m = 0 the standard m for that n (m is free only for
  // Jennrich-Sampson, Gulf (m <= 100), Box 3-D, Brown-Dennis, Biggs EXP6, the linear
  // functions and Chebyquad, always m >= n). Throws InvalidArgument for other sizes.
  explicit MghProblem(MghFunction function, Index n = 0, Index m = 0);

  MghFunction function() const { return function_; }
  Index dim() const override { return n_; }
  Index num_residuals() const override { return m_; }
  void residuals(const Vector& x, Vector& r) const override;
  bool has_jacobian() const override { return true; }
  void jacobian(const Vector& x, Matrix& J) const override;
  void residuals_and_jacobian(const Vector& x, Vector& r, Matrix& J) const override;

  // The paper's standard starting point.
  Vector standard_start() const;

 private:
  void evaluate(const Vector& x, Vector* r, Matrix* J) const;
  MghFunction function_;
  Index n_, m_;
};

// The published minimal value, sum r_i^2, for the catalog name (e.g. "mgh-watson") at n
// variables (0 = standard size, with the standard m), or NaN when the paper gives none for
// that size. Throws InvalidArgument for an unknown name.
double mgh_published_value(std::string_view name, Index n = 0);

// The TestProblem for the catalog (n = 0: standard size; m standard).
TestProblem mgh_problem(MghFunction function, Index n = 0);

}  // namespace optiml
