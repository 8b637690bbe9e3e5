#include "conformance.hpp"

#include <cmath>

namespace optiml::testing {

bool reached(double f, double target) {
  if (!std::isfinite(f)) return false;
  if (target == 0.0) return f <= 1e-10;
  return std::abs(f - target) <= 1e-6 * std::max(1.0, std::abs(target));
}

Outcome run_on_problem(const SolverInfo& solver, const TestProblem& problem) {
  const bool first_order = solver.name == "gradient-descent" || solver.name == "heavy-ball" ||
                           solver.name == "nesterov";
  Settings s = {{"gtol", "1e-9"}, {"max_iterations", first_order ? "50000" : "5000"}, {"trace_every", "0"}};
  Result r = solver.run(*problem.objective, problem.x0, s, {});
  Outcome o;
  o.status = std::string(enum_to_string(r.status));
  o.f = r.value;
  o.iterations = r.iterations;
  o.global = reached(r.value, problem.f_star);
  o.solved = o.global;
  for (const auto& [x, f] : problem.other_minima) o.solved = o.solved || reached(r.value, f);
  return o;
}

}  // namespace optiml::testing
