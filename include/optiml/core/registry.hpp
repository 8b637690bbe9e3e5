#pragma once
// The solver registry: maps a name (or alias, case-insensitive) to a factory
// that builds the solver's Options from `key=value` settings and runs it.
// The CLI and Python need no per-solver glue.
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "optiml/core/least_squares.hpp"
#include "optiml/core/objective.hpp"
#include "optiml/core/observer.hpp"
#include "optiml/core/options.hpp"
#include "optiml/core/result.hpp"

namespace optiml {

struct SolverInfo {
  std::string name;                  // registry name, e.g. "lbfgs"
  std::vector<std::string> aliases;  // other accepted spellings, e.g. "l-bfgs"
  std::string family;                // "smooth", "least-squares", ...
  std::string summary;               // one line
  std::string reference;             // book section or paper
  bool least_squares_only = false;   // needs a LeastSquares problem
  bool uses_hessian = false;         // second-order (finite differences stand in when absent)
  std::vector<OptionInfo> options;   // with defaults
  // Builds the Options (unknown key or bad value: InvalidArgument), runs from x0.
  std::function<Result(const Objective&, const Vector& x0, const Settings&,
                       const std::vector<std::shared_ptr<Observer>>&)>
      run;
  // Every option value after applying the settings over the defaults.
  std::function<Settings(const Settings&)> resolve;
};

class SolverRegistry {
 public:
  void add(SolverInfo info);
  // By name or alias, case-insensitively; throws InvalidArgument listing the valid names.
  const SolverInfo& find(std::string_view name) const;
  bool contains(std::string_view name) const;
  const std::vector<SolverInfo>& all() const { return solvers_; }

 private:
  std::vector<SolverInfo> solvers_;
};

// Builds a SolverInfo for a solver class with `Options`, `option_table()` and
// `minimize(const Problem&, const Vector&)`; Problem is Objective or LeastSquares.
template <class Solver, class Problem = Objective>
SolverInfo make_solver_info(std::string name, std::vector<std::string> aliases, std::string family,
                            std::string summary, std::string reference, bool uses_hessian = false) {
  SolverInfo info;
  info.name = std::move(name);
  info.aliases = std::move(aliases);
  info.family = std::move(family);
  info.summary = std::move(summary);
  info.reference = std::move(reference);
  info.least_squares_only = std::is_same_v<Problem, LeastSquares>;
  info.uses_hessian = uses_hessian;
  info.options = Solver::option_table().describe();
  auto build = [](const Settings& settings) {
    typename Solver::Options o;
    Solver::option_table().apply(o, settings);
    Solver::option_table().validate(o);
    return o;
  };
  info.resolve = [build](const Settings& s) { return Solver::option_table().values(build(s)); };
  info.run = [build, n = info.name](const Objective& f, const Vector& x0, const Settings& s,
                                    const std::vector<std::shared_ptr<Observer>>& observers) {
    typename Solver::Options o = build(s);
    o.observers.insert(o.observers.end(), observers.begin(), observers.end());
    if constexpr (std::is_same_v<Problem, LeastSquares>) {
      const auto* ls = dynamic_cast<const LeastSquares*>(&f);
      if (!ls)
        throw InvalidArgument("solver '" + n + "' needs a least-squares problem (residuals and Jacobian)");
      return Solver(o).minimize(*ls, x0);
    } else {
      return Solver(o).minimize(f, x0);
    }
  };
  return info;
}

}  // namespace optiml
