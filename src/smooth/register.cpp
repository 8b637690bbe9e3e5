// The registry entries of the smooth module, in the order `optiml list solvers` shows them.
#include "optiml/smooth/register.hpp"

namespace optiml {

void register_smooth_solvers(SolverRegistry& r) {
  // Each solver adds one line here: r.add(make_solver_info<Class>(name, aliases, family, summary, reference));
  // (solver-registrations)
  (void)r;
}

}  // namespace optiml
