#pragma once
// Least absolute deviations: minimize sum_i |y_i - a_i^T w| over w (a_i = x_i,
// with a trailing 1 for the intercept), exactly. Iteratively reweighted least
// squares (weights 1 / max(|r_i|, delta), delta shrinking) finds the
// neighbourhood; then simplex steps on the LP's vertices (p residuals zero;
// Barrodale & Roberts 1973): at a vertex Z, u solves A_Z^T u = sum_{i not in Z}
// sign(r_i) a_i, and |u|_inf <= 1 is the optimality certificate (0 lies in the
// subdifferential); otherwise the edge leaving the point with the largest |u_j|
// descends, and a weighted median of the breakpoints picks the point that enters.
#include "optiml/ml/erm_objective.hpp"

namespace optiml {

struct LadResult {
  Vector w;                 // coefficients (p = d, or d + 1 with the intercept last)
  double objective = 0.0;   // sum |r_i|
  double certificate = 0.0; // |u|_inf of the final vertex: <= 1 proves optimality
  bool certified = false;
  long exchanges = 0;       // simplex steps after IRLS
};

// Throws InvalidArgument for empty data, NaN/Inf, or fewer samples than parameters.
LadResult lad_regression(const RowMatrix& X, const Vector& y, bool fit_intercept);

}  // namespace optiml
