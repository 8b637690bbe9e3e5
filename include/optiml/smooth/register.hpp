#pragma once
#include "optiml/core/registry.hpp"

namespace optiml {

// Adds every smooth unconstrained and least-squares solver to the registry.
void register_smooth_solvers(SolverRegistry& registry);

}  // namespace optiml
