#pragma once
// Approximate solvers of the trust-region subproblem
//   min_p m(p) = g'p + 1/2 p'B p   subject to |p|_2 <= radius
// (Nocedal & Wright, 2nd ed., chapter 4 and section 7.1). The trust-region solvers
// (trust_region.hpp) call them; they are public so that they can be tested and reused.
// Each writes the step into p (preallocated, size n) and allocates nothing.
#include <functional>

#include "optiml/core/types.hpp"

namespace optiml {

struct SubproblemStep {
  bool on_boundary = false;         // |p| = radius
  bool negative_curvature = false;  // a direction with d'B d <= 0 was met
  long iterations = 0;              // CG iterations (steihaug), 0 otherwise
};

// Cauchy point (N&W Algorithm 4.2): the minimizer of m along -g within the region,
// p = -tau radius / |g| g with tau = 1 when g'Bg <= 0, else min(|g|^3 / (radius g'Bg), 1).
SubproblemStep cauchy_point(const Vector& g, double gBg, double radius, Vector& p);

// Dogleg (N&W section 4.1): given the full step p_B = -B^{-1} g of a positive definite
// B and g'Bg, returns p_B when it lies inside, the boundary point along -g when the
// unconstrained steepest-descent minimizer p_U = -(g'g / g'Bg) g lies outside, and
// otherwise the point where the segment from p_U to p_B crosses the boundary.
SubproblemStep dogleg_step(const Vector& g, const Vector& newton_step, double gBg, double radius,
                           Vector& p);

// Steihaug-Toint CG (N&W Algorithm 7.2): CG on B p = -g from p = 0 that stops on the
// boundary when an iterate leaves the region or a direction of non-positive curvature
// appears, at |B p + g| <= tolerance, or after max_iterations. hessian_vector(v, Bv)
// writes B v and returns false to stop early (an exhausted evaluation budget), leaving
// the last iterate in p. Bp receives B p (the caller needs it for the predicted reduction);
// r, d and Bd are work vectors.
struct SteihaugWorkspace {
  explicit SteihaugWorkspace(Index n) : r(n), d(n), Bd(n) {}
  Vector r, d, Bd;
};
SubproblemStep steihaug_cg(const std::function<bool(const Vector& v, Vector& Bv)>& hessian_vector,
                           const Vector& g, double radius, double tolerance, long max_iterations,
                           SteihaugWorkspace& work, Vector& p, Vector& Bp);

// The tau >= 0 with |z + tau d| = radius, for |z| <= radius (the larger root).
double boundary_step(const Vector& z, const Vector& d, double radius);

}  // namespace optiml
