#pragma once
// Chebyshev (L-infinity) regression: minimize max_i |y_i - a_i^T w|, exactly.
// The max is smoothed by (1/mu) log sum_i (e^{mu r_i} + e^{-mu r_i}) (error <=
// log(2n)/mu; Nesterov 2005) and minimized by Newton with continuation in mu;
// then the LP's optimal reference is solved exactly: p + 1 points S with
// r_i = s_i t, and the certificate lambda >= 0 with sum_S lambda_i s_i a_i = 0,
// sum_S lambda_i = 1 (the dual of the LP), plus |r_j| <= t for all j, proves
// optimality (Cheney, "Introduction to Approximation Theory", ch. 2).
#include "optiml/ml/erm_objective.hpp"

namespace optiml {

struct ChebyshevResult {
  Vector w;                // coefficients (intercept last when fitted)
  double max_residual = 0; // the optimal t
  double min_lambda = 0;   // smallest dual weight on the reference: >= 0 certifies
  bool certified = false;
};

ChebyshevResult chebyshev_regression(const RowMatrix& X, const Vector& y, bool fit_intercept);

}  // namespace optiml
