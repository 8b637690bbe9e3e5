#pragma once
// Fields every solver's Options shares: the Tolerances, trace sampling and observers.
#include <memory>
#include <vector>

#include "optiml/core/observer.hpp"
#include "optiml/core/options.hpp"
#include "optiml/core/tolerances.hpp"

namespace optiml {

struct SolverOptions {
  Tolerances tolerances;
  // Record every k-th iteration in Result::trace (the first and last always); 0 records none.
  long trace_every = 1;
  // Observers owned by the run; called after every iteration.
  std::vector<std::shared_ptr<Observer>> observers;
};

// Adds gtol, ftol, xtol, max_iterations, max_evaluations, max_seconds and trace_every.
template <class Opts>
void add_common_options(OptionTable<Opts>& t) {
  t.add("gtol", [](Opts& o) -> double& { return o.tolerances.gtol; },
        "stop when the optimality measure (|grad f|_inf) <= gtol", 0.0);
  t.add("ftol", [](Opts& o) -> double& { return o.tolerances.ftol; },
        "stop when |f_k - f_k+1| <= ftol * max(|f_k|, |f_k+1|); 0 disables", 0.0);
  t.add("xtol", [](Opts& o) -> double& { return o.tolerances.xtol; },
        "stop when |x_k+1 - x_k|_inf <= xtol * (1 + |x_k|_inf); 0 disables", 0.0);
  t.template add<long>("max_iterations", [](Opts& o) -> long& { return o.tolerances.max_iterations; },
                       "iteration limit", 0);
  t.template add<long>("max_evaluations", [](Opts& o) -> long& { return o.tolerances.max_evaluations; },
                       "limit on objective evaluations; 0 = none", 0);
  t.add("max_seconds", [](Opts& o) -> double& { return o.tolerances.max_seconds; },
        "wall-clock limit in seconds", 0.0);
  t.template add<long>("trace_every", [](Opts& o) -> long& { return o.trace_every; },
                       "record every k-th iteration in the trace; 0 = none", 0);
}

}  // namespace optiml
