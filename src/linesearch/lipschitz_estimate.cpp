#include "optiml/linesearch/lipschitz_estimate.hpp"

#include <cmath>

namespace optiml {

double estimate_lipschitz_constant(SolverRun& run, const Vector& x, const Vector& g, Vector& x_work,
                                   Vector& g_work) {
  const double g_norm = g.norm();
  if (!(g_norm > 0) || !std::isfinite(g_norm)) return 1.0;
  const double h = 1e-6 * (1.0 + x.norm());
  x_work.noalias() = x - (h / g_norm) * g;
  const double f = run.value_and_gradient(x_work, g_work);
  const double L = (g_work - g).norm() / h;
  return std::isfinite(f) && std::isfinite(L) && L > 0 ? L : 1.0;
}

}  // namespace optiml
