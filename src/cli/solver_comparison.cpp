#include "solver_comparison.hpp"

#include <cmath>

#include "arguments.hpp"
#include "optiml/core/error.hpp"
#include "text_table.hpp"

namespace optiml::cli {

TestProblem load_problem(const std::string& name, const std::optional<std::string>& dim_text) {
  find_problem(name);  // an unknown name is reported as such, not as a bad --dim
  if (!dim_text) return make_problem(name, 0);
  const Index dim = parse_positive_index(*dim_text, "--dim");
  try {
    return make_problem(name, dim);
  } catch (const InvalidArgument& e) {
    throw InvalidArgument("--dim " + *dim_text + ": " + e.what());
  }
}

Vector start_point(const TestProblem& problem, const std::optional<std::string>& x0_text) {
  if (!x0_text) return problem.x0;
  Vector x0 = parse_vector(*x0_text, "--x0");
  if (x0.size() != problem.objective->dim())
    throw InvalidArgument("--x0 has " + std::to_string(x0.size()) + " values; problem '" + problem.name +
                          "' has dimension " + std::to_string(problem.objective->dim()));
  return x0;
}

Settings parse_settings(const std::vector<std::string>& words) {
  Settings out;
  for (const auto& w : words) out.push_back(split_setting(w));
  return out;
}

bool solver_applies(const SolverInfo& solver, const TestProblem& problem) {
  return !solver.least_squares_only || problem.as_least_squares() != nullptr;
}

void require_applicable(const SolverInfo& solver, const TestProblem& problem) {
  if (!solver_applies(solver, problem))
    throw InvalidArgument("solver '" + solver.name + "' needs a least-squares problem; '" + problem.name +
                          "' has no residuals (see 'optiml list problems')");
}

bool solver_has_option(const SolverInfo& solver, const std::string& key) {
  for (const auto& o : solver.options)
    if (o.name == key) return true;
  return false;
}

Settings settings_for(const SolverInfo& solver, const Settings& shared) {
  Settings out;
  for (const auto& kv : shared)
    if (solver_has_option(solver, kv.first)) out.push_back(kv);
  return out;
}

void check_shared_settings(const std::vector<const SolverInfo*>& solvers, const Settings& shared) {
  for (const auto& [key, value] : shared) {
    bool known = false;
    for (const auto* s : solvers) known = known || solver_has_option(*s, key);
    if (!known) {
      std::string names;
      for (const auto* s : solvers) names += (names.empty() ? "" : ", ") + s->name;
      throw InvalidArgument("unknown option '" + key + "': no listed solver (" + names + ") has it");
    }
  }
  // Parses and range-checks every value against each solver that takes it.
  for (const auto* s : solvers) s->resolve(settings_for(*s, shared));
}

SolverOutcome run_solver(const SolverInfo& solver, const TestProblem& problem, const Vector& x0,
                         const Settings& settings) {
  SolverOutcome out;
  out.solver = solver.name;
  if (!solver_applies(solver, problem)) {
    out.applicable = false;
    out.note = "needs a least-squares problem";
    return out;
  }
  try {
    out.result = solver.run(*problem.objective, x0, settings, {});
  } catch (const std::exception& e) {
    out.failed = true;
    out.note = e.what();
  }
  return out;
}

std::string comparison_table(const std::vector<SolverOutcome>& outcomes, double f_star) {
  TextTable table({"solver", "status", "iters", "f evals", "g evals", "H evals", "time", "final f", "f - f*",
                   "optimality"},
                  {false, false, true, true, true, true, true, true, true, true});
  std::string notes;  // reasons below the table keep the status column narrow
  for (const auto& o : outcomes) {
    if (!o.applicable || o.failed) {
      const char* what = o.failed ? "error" : "not applicable";
      table.add_row({o.solver, what});
      notes += "  " + o.solver + ": " + what + ": " + o.note + "\n";
      continue;
    }
    const Result& r = o.result;
    const Evaluations& e = r.evaluations;
    table.add_row({o.solver, std::string(enum_to_string(r.status)), std::to_string(r.iterations),
                   std::to_string(e.f), std::to_string(e.gradient),
                   std::to_string(e.hessian + e.hessian_vector), format_seconds(r.seconds),
                   format_number("%.6e", r.value), format_number("%.1e", r.value - f_star),
                   format_number("%.2e", r.optimality)});
  }
  return table.str() + notes;
}

Json outcome_json(const SolverOutcome& o, bool include_x) {
  if (o.applicable && !o.failed) return Json::parse(o.result.to_json(include_x));
  Json j = Json::Object{};
  j["solver"] = o.solver;
  j["status"] = o.applicable ? "error" : "not-applicable";
  j["success"] = false;
  j["message"] = o.note;
  return j;
}

}  // namespace optiml::cli
