// Assembles the registry from every solver family (the layer above the solvers).
#include "optiml/solvers.hpp"

#include "optiml/smooth/register.hpp"

namespace optiml {

const SolverRegistry& solvers() {
  static const SolverRegistry registry = [] {
    SolverRegistry r;
    register_smooth_solvers(r);
    return r;
  }();
  return registry;
}

}  // namespace optiml
