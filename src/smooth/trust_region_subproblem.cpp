#include "optiml/smooth/trust_region_subproblem.hpp"

#include <algorithm>
#include <cmath>

namespace optiml {

namespace {
// The larger root of a tau^2 + 2 b tau + c = 0 for a > 0, c <= 0 (so it is >= 0),
// in the cancellation-free form of (-b + sqrt(b^2 - a c)) / a.
double larger_root(double a, double b, double c) {
  if (!(a > 0)) return 0.0;
  c = std::min(0.0, c);
  const double root = std::sqrt(b * b - a * c);
  return b > 0 ? -c / (b + root) : (root - b) / a;
}
}  // namespace

double boundary_step(const Vector& z, const Vector& d, double radius) {
  return larger_root(d.squaredNorm(), z.dot(d), z.squaredNorm() - radius * radius);
}

SubproblemStep cauchy_point(const Vector& g, double gBg, double radius, Vector& p) {
  SubproblemStep step;
  const double g_norm = g.norm();
  double tau = 1.0;
  if (gBg > 0) tau = std::min(g_norm * g_norm * g_norm / (radius * gBg), 1.0);
  else step.negative_curvature = true;
  step.on_boundary = tau >= 1.0;
  p = (-tau * radius / g_norm) * g;
  return step;
}

SubproblemStep dogleg_step(const Vector& g, const Vector& newton_step, double gBg, double radius,
                           Vector& p) {
  SubproblemStep step;
  if (newton_step.norm() <= radius) {
    p = newton_step;
    return step;
  }
  step.on_boundary = true;
  const double gg = g.squaredNorm();
  const double unconstrained = gg / gBg;  // p_U = -unconstrained * g
  if (!(gBg > 0) || unconstrained * std::sqrt(gg) >= radius) {
    p = (-radius / std::sqrt(gg)) * g;
    return step;
  }
  // Second leg: p = p_U + s (p_B - p_U) on the boundary (N&W 4.16), from inner products
  // only, with p_U = -u g: |p_B - p_U|^2 = |p_B|^2 + 2u g'p_B + u^2 g'g and
  // p_U'(p_B - p_U) = -u g'p_B - u^2 g'g.
  const double u = unconstrained;
  const double gpb = g.dot(newton_step);
  const double s = std::min(1.0, larger_root(newton_step.squaredNorm() + 2 * u * gpb + u * u * gg,
                                             -u * gpb - u * u * gg, u * u * gg - radius * radius));
  p = s * newton_step - ((1.0 - s) * u) * g;
  return step;
}

SubproblemStep steihaug_cg(const std::function<bool(const Vector& v, Vector& Bv)>& hessian_vector,
                           const Vector& g, double radius, double tolerance, long max_iterations,
                           SteihaugWorkspace& w, Vector& p, Vector& Bp) {
  SubproblemStep step;
  p.setZero();
  Bp.setZero();
  w.r = g;
  w.d = -g;
  double rr = g.squaredNorm();
  if (std::sqrt(rr) <= tolerance) return step;
  for (long j = 0; j < max_iterations; ++j) {
    if (!hessian_vector(w.d, w.Bd)) break;
    ++step.iterations;
    const double dBd = w.d.dot(w.Bd);
    if (!(dBd > 0)) {  // N&W Alg. 7.2: follow the negative-curvature direction to the boundary
      const double tau = boundary_step(p, w.d, radius);
      p += tau * w.d;
      Bp += tau * w.Bd;
      step.on_boundary = true;
      step.negative_curvature = true;
      return step;
    }
    const double alpha = rr / dBd;
    if ((p + alpha * w.d).norm() >= radius) {  // the next iterate leaves the region
      const double tau = boundary_step(p, w.d, radius);
      p += tau * w.d;
      Bp += tau * w.Bd;
      step.on_boundary = true;
      return step;
    }
    p += alpha * w.d;
    Bp += alpha * w.Bd;
    w.r += alpha * w.Bd;
    const double rr_new = w.r.squaredNorm();
    if (std::sqrt(rr_new) <= tolerance) return step;
    w.d = -w.r + (rr_new / rr) * w.d;
    rr = rr_new;
  }
  return step;
}

}  // namespace optiml
