#pragma once
// The registry of every solver the library has, by name (see core/registry.hpp).
#include "optiml/core/registry.hpp"

namespace optiml {

// Built once, on first use; thread-safe.
const SolverRegistry& solvers();

}  // namespace optiml
