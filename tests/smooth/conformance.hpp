#pragma once
// Shared by the conformance tests: runs a registered solver on a test problem
// with the settings the tables use, and decides whether it reached f*.
#include <string>

#include "optiml/core/registry.hpp"
#include "optiml/problems/test_problem.hpp"

namespace optiml::testing {

struct Outcome {
  std::string status;
  double f = 0;
  bool solved = false;        // reached f* (or a listed other minimum) within the tolerance
  bool global = false;        // reached f* itself
  long iterations = 0;
};

// Settings: gtol 1e-9 (tight, so that "solved" is about the method), and
// iteration limits large enough for first-order methods on small problems.
Outcome run_on_problem(const SolverInfo& solver, const TestProblem& problem);

// f reached f_target: |f - f_target| <= 1e-6 max(1, |f_target|) and, when
// f_target == 0, f <= 1e-10.
bool reached(double f, double f_target);

}  // namespace optiml::testing
