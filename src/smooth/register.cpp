// The registry entries of the smooth module, in the order `optiml list solvers` shows them.
#include "optiml/smooth/register.hpp"

#include "optiml/smooth/lbfgs.hpp"

namespace optiml {

void register_smooth_solvers(SolverRegistry& r) {
  // Each solver adds one line here: r.add(make_solver_info<Class>(name, aliases, family, summary, reference));
  r.add(make_solver_info<LBFGS>("lbfgs", {"l-bfgs"}, "smooth",
                                 "limited-memory BFGS, two-loop recursion, strong Wolfe line search",
                                 "Liu & Nocedal 1989; Nocedal & Wright 2006, Alg. 7.4-7.5"));
  // (solver-registrations)
}

}  // namespace optiml
