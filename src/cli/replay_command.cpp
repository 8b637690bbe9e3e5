// optiml replay FILE: reruns a --save-run manifest and checks it bit for bit.
#include "commands.hpp"
#include "optiml/solvers.hpp"
#include "run_manifest.hpp"
#include "solver_comparison.hpp"
#include "text_table.hpp"

namespace optiml::cli {

int replay_command(const Arguments& args, std::ostream& out) {
  const std::string& path = args.operands[0];
  const RunManifest m = load_manifest(path);
  const SolverInfo& solver = solvers().find(m.solver);
  const TestProblem problem = make_problem(m.problem, m.dim);
  require_applicable(solver, problem);
  if (m.x0.size() != problem.objective->dim())
    throw InvalidArgument(path + ": x0 has " + std::to_string(m.x0.size()) + " values; problem '" +
                          m.problem + "' has dimension " + std::to_string(problem.objective->dim()));

  const Result run = solver.run(*problem.objective, m.x0, m.options, {});
  const auto diffs = manifest_differences(m, run);

  out << "replay of " << path << ": " << solver.name << " on " << m.problem << " (n = " << m.dim
      << "), recorded with optiml " << m.version << ", replayed with optiml " << OPTIML_VERSION << "\n";
  if (diffs.empty()) {
    out << "bit-identical: x, f = " << format_double(run.value) << ", status " << enum_to_string(run.status)
        << ", " << run.iterations << " iterations and every evaluation count match\n";
    return 0;
  }
  out << "differs from the recorded run:\n";
  for (const auto& d : diffs) out << "  " << d << "\n";
  if (m.version != OPTIML_VERSION) out << "  (the recording comes from another optiml version)\n";
  for (const auto& [k, v] : m.options)
    if (k == "max_seconds" && v != "inf")
      out << "  (max_seconds = " << v << " makes a run depend on the machine's speed)\n";
  return 1;
}

}  // namespace optiml::cli
