#pragma once
// A first guess of the gradient's Lipschitz constant L for methods whose step is
// 1/L (heavy ball, Nesterov) when the objective does not know it: the secant
// |grad f(x + s) - grad f(x)| / |s| along s = -h g / |g|, h = 1e-6 (1 + |x|_2).
// It is a local curvature, a lower bound of L when f is C^2; callers then raise
// it by backtracking on the descent-lemma inequality (Beck & Teboulle 2009).
#include "optiml/core/solver_run.hpp"

namespace optiml {

// Costs one counted gradient evaluation; x_work and g_work are work buffers.
// Returns 1 when the secant is zero or not finite (a flat or undefined probe).
double estimate_lipschitz_constant(SolverRun& run, const Vector& x, const Vector& g, Vector& x_work,
                                   Vector& g_work);

}  // namespace optiml
