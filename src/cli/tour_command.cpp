// optiml tour: every applicable solver on the classic 2-D test functions and on
// extended Rosenbrock (n = 1000), one table per problem, traces and a summary on disk.
#include <chrono>
#include <cmath>
#include <filesystem>

#include "commands.hpp"
#include "optiml/core/json.hpp"
#include "optiml/solvers.hpp"
#include "solver_comparison.hpp"
#include "text_table.hpp"

namespace optiml::cli {

namespace {

struct TourProblem {
  const char* name;
  Index dim;  // 0: the problem's default
};

constexpr TourProblem kTourProblems[] = {
    {"rosenbrock", 0},
    {"himmelblau", 0},
    {"beale", 0},
    {"booth", 0},
    {"matyas", 0},
    {"three-hump-camel", 0},
    {"extended-rosenbrock", 1000},
};

// Generous limits so that the tour shows who converges rather than who is cut
// off; the time cap only guards the tour's total (it should never fire).
Settings tour_settings(const SolverInfo& s) {
  Settings out;
  if (s.uses_hessian)
    out.emplace_back("max_iterations", "2000");
  else
    out.emplace_back("max_iterations", "20000");
  out.emplace_back("max_seconds", "10");
  return settings_for(s, out);
}

bool in_catalog(const std::string& name) {
  for (const auto& p : problem_catalog())
    if (p.name == name) return true;
  return false;
}

// A stopping test can fire far from the minimum (e.g. ftol on a stalled run);
// this counts the runs that actually got there.
bool reached_f_star(const Result& r, double f_star) {
  return std::abs(r.value - f_star) <= 1e-6 * (1.0 + std::abs(f_star));
}

Json vector_json(const Vector& v) {
  Json::Array a;
  for (Index i = 0; i < v.size(); ++i) a.emplace_back(v[i]);
  return Json(std::move(a));
}

}  // namespace

int tour_command(const Arguments& args, std::ostream& out) {
  namespace fs = std::filesystem;
  const fs::path dir = args.value("--out").value_or("out");
  const auto t0 = std::chrono::steady_clock::now();
  fs::create_directories(dir);

  Json::Array problems_json;
  long runs = 0, converged = 0, reached = 0, not_applicable = 0;
  for (const auto& tp : kTourProblems) {
    if (!in_catalog(tp.name)) {
      out << "== " << tp.name << ": not in this build's problem catalog, skipped ==\n\n";
      continue;
    }
    const TestProblem problem = make_problem(tp.name, tp.dim);
    const Index n = problem.objective->dim();
    const fs::path pdir = dir / problem.name;
    fs::create_directories(pdir);

    std::vector<SolverOutcome> outcomes;
    Json::Array rows;
    for (const auto& s : solvers().all()) {
      if (!solver_applies(s, problem)) {
        ++not_applicable;
        continue;
      }
      SolverOutcome o = run_solver(s, problem, problem.x0, tour_settings(s));
      Json row = outcome_json(o, n <= 20);
      if (!o.failed) {
        ++runs;
        converged += o.result.success();
        const bool at_minimum = reached_f_star(o.result, problem.f_star);
        reached += at_minimum;
        row["reached_f_star"] = at_minimum;
        const fs::path trace = pdir / (s.name + ".csv");
        o.result.trace.save(trace.string());
        row["trace"] = (fs::path(problem.name) / (s.name + ".csv")).string();
      }
      rows.push_back(std::move(row));
      outcomes.push_back(std::move(o));
    }

    out << "== " << problem.name << " (n = " << n << ", f* = " << format_number("%.10g", problem.f_star);
    if (n <= 6) {
      out << ", x0 = [";
      for (Index i = 0; i < n; ++i) out << (i ? ", " : "") << format_number("%.10g", problem.x0[i]);
      out << "]";
    }
    out << ") ==\n" << comparison_table(outcomes, problem.f_star) << "\n";

    Json pj = Json::Object{};
    pj["name"] = problem.name;
    pj["dim"] = static_cast<long>(n);
    pj["f_star"] = problem.f_star;
    pj["least_squares"] = problem.least_squares;
    if (n <= 20) pj["x0"] = vector_json(problem.x0);
    pj["results"] = Json(std::move(rows));
    problems_json.push_back(std::move(pj));
  }

  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  Json summary = Json::Object{};
  summary["optiml_version"] = OPTIML_VERSION;
  summary["seconds"] = seconds;
  summary["runs"] = runs;
  summary["converged"] = converged;
  summary["reached_f_star"] = reached;
  summary["problems"] = Json(std::move(problems_json));
  write_file_atomically((dir / "summary.json").string(), summary.dump(2) + "\n");

  out << "tour: " << runs << " runs, " << converged << " stopped by a convergence test, " << reached
      << " within 1e-6 (1 + |f*|) of f*";
  if (not_applicable) out << ", " << not_applicable << " least-squares-only pairings skipped";
  out << ", " << format_seconds(seconds) << "; traces in " << (dir / "<problem>/<solver>.csv").string()
      << ", summary in " << (dir / "summary.json").string() << "\n";
  return 0;
}

}  // namespace optiml::cli
