// optiml minimize: one solver on one test problem.
#include <cmath>

#include "commands.hpp"
#include "optiml/core/json.hpp"
#include "optiml/solvers.hpp"
#include "run_manifest.hpp"
#include "solver_comparison.hpp"
#include "text_table.hpp"

namespace optiml::cli {

namespace {

// The CLI prints x in --json output for small problems only.
constexpr Index kMaxPrintedDim = 20;

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

int minimize_command(const Arguments& args, std::ostream& out) {
  // Everything the user gave is checked before the run, so that a typo costs no solve.
  const SolverInfo& solver = solvers().find(*args.value("--solver"));
  const TestProblem problem = load_problem(*args.value("--problem"), args.value("--dim"));
  require_applicable(solver, problem);
  const Vector x0 = start_point(problem, args.value("--x0"));
  const Settings settings = parse_settings(args.values("--option"));
  const Settings resolved = solver.resolve(settings);
  const auto trace_path = args.value("--trace");
  if (trace_path && !ends_with(*trace_path, ".csv") && !ends_with(*trace_path, ".json"))
    throw InvalidArgument("--trace: '" + *trace_path + "' must end in .csv or .json");

  const Result result = solver.run(*problem.objective, x0, settings, {});

  if (trace_path) result.trace.save(*trace_path);
  if (auto path = args.value("--save-run"))
    write_file_atomically(*path,
                          manifest_json(problem.name, x0, solver.name, resolved, result).dump(2) + "\n");

  if (args.has("--json")) {
    out << result.to_json(result.x.size() <= kMaxPrintedDim) << "\n";
    return 0;
  }
  out << "problem " << problem.name << " (n = " << problem.objective->dim()
      << ", f* = " << format_number("%.10g", problem.f_star) << ")"
      << (args.has("--x0") ? ", start from --x0" : ", standard start") << "\n";
  out << result.summary();
  if (std::isfinite(result.value))
    out << "  f - f*          " << format_number("%.3e", result.value - problem.f_star) << "\n";
  if (trace_path) out << "  trace           " << *trace_path << " (" << result.trace.size() << " rows)\n";
  if (auto path = args.value("--save-run")) out << "  run manifest    " << *path << "\n";
  return 0;
}

}  // namespace optiml::cli
