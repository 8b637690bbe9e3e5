#pragma once
// What `minimize`, `compare` and `tour` share: resolving the problem, the start
// point and the options from the command line, running one solver, and the
// comparison table (one row per solver).
#include <optional>
#include <string>
#include <vector>

#include "optiml/core/json.hpp"
#include "optiml/core/options.hpp"
#include "optiml/core/registry.hpp"
#include "optiml/core/result.hpp"
#include "optiml/problems/test_problem.hpp"

namespace optiml::cli {

// make_problem(name, dim) with --dim parsed (absent: the problem's default dimension).
TestProblem load_problem(const std::string& name, const std::optional<std::string>& dim_text);
// The problem's standard start, or --x0 checked for length and finiteness.
Vector start_point(const TestProblem& problem, const std::optional<std::string>& x0_text);
// --option words "key=value" in order; throws InvalidArgument on a word without '='.
Settings parse_settings(const std::vector<std::string>& words);

// A least-squares-only solver needs a problem with residuals.
bool solver_applies(const SolverInfo& solver, const TestProblem& problem);
// Throws InvalidArgument when the solver cannot run on the problem.
void require_applicable(const SolverInfo& solver, const TestProblem& problem);
bool solver_has_option(const SolverInfo& solver, const std::string& key);
// The settings whose key the solver has, in order.
Settings settings_for(const SolverInfo& solver, const Settings& shared);
// Every key must belong to at least one of the solvers, and each solver must
// accept the values of its keys; throws InvalidArgument naming the culprit.
void check_shared_settings(const std::vector<const SolverInfo*>& solvers, const Settings& shared);

struct SolverOutcome {
  std::string solver;      // registry name
  bool applicable = true;  // false: least-squares-only solver on a general problem
  bool failed = false;     // the solver threw; note holds the message
  std::string note;
  Result result;
};

// Runs the solver (settings already checked); never throws for a solver's own failure.
SolverOutcome run_solver(const SolverInfo& solver, const TestProblem& problem, const Vector& x0,
                         const Settings& settings);

// solver, status, iterations, f/g/H evals, time, final f, f - f*, optimality.
std::string comparison_table(const std::vector<SolverOutcome>& outcomes, double f_star);
// Result::to_json's object (x included when include_x), or {solver, status: "not-applicable"|"error",
// message}.
Json outcome_json(const SolverOutcome& outcome, bool include_x);

}  // namespace optiml::cli
