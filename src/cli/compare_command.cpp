// optiml compare: several solvers on one problem, one table row each.
#include <filesystem>

#include "commands.hpp"
#include "optiml/core/json.hpp"
#include "optiml/solvers.hpp"
#include "solver_comparison.hpp"
#include "text_table.hpp"

namespace optiml::cli {

int compare_command(const Arguments& args, std::ostream& out) {
  std::vector<const SolverInfo*> chosen;
  for (const auto& name : split_list(*args.value("--solvers"), "--solvers")) {
    const SolverInfo* s = &solvers().find(name);
    for (const auto* c : chosen)
      if (c == s) throw InvalidArgument("--solvers: '" + name + "' is listed twice (as '" + s->name + "')");
    chosen.push_back(s);
  }
  const TestProblem problem = load_problem(*args.value("--problem"), args.value("--dim"));
  const Vector x0 = start_point(problem, args.value("--x0"));
  const Settings shared = parse_settings(args.values("--option"));
  check_shared_settings(chosen, shared);
  const auto trace_dir = args.value("--trace-dir");

  std::vector<SolverOutcome> outcomes;
  for (const auto* s : chosen) outcomes.push_back(run_solver(*s, problem, x0, settings_for(*s, shared)));

  if (trace_dir) {
    std::filesystem::create_directories(*trace_dir);
    for (const auto& o : outcomes)
      if (o.applicable && !o.failed)
        o.result.trace.save((std::filesystem::path(*trace_dir) / (o.solver + ".csv")).string());
  }

  if (args.has("--json")) {
    Json::Array rows;
    for (const auto& o : outcomes) rows.push_back(outcome_json(o, problem.objective->dim() <= 20));
    out << Json(std::move(rows)).dump() << "\n";
    return 0;
  }
  out << "problem " << problem.name << " (n = " << problem.objective->dim()
      << ", f* = " << format_number("%.10g", problem.f_star) << ")\n";
  out << comparison_table(outcomes, problem.f_star);
  if (trace_dir) out << "traces in " << *trace_dir << "/<solver>.csv\n";
  return 0;
}

}  // namespace optiml::cli
