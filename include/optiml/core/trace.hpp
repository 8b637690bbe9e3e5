#pragma once
// Trace: one record per iteration with one schema for every solver family, so
// that the same column means the same thing everywhere (DESIGN.md, Result).
#include <iosfwd>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "optiml/core/enum_names.hpp"

namespace optiml {

// Which condition accepted the step of an iteration.
enum class StepAcceptance {
  None,               // no step (iteration 0) or no test applied
  FixedStep,          // prescribed step size (1/L, schedule)
  Exact,              // exact line search (quadratics)
  Armijo,             // sufficient decrease
  Nonmonotone,        // sufficient decrease against the max of recent values (GLL)
  StrongWolfe,        // sufficient decrease and strong curvature condition
  TrustRegionAccepted,  // trust-region ratio above eta
  TrustRegionRejected,  // step rejected, radius shrunk
  FullStep,           // unit step taken without a test (Gauss-Newton, LM accepted step)
  LineSearchFailed,   // best trial kept after the line search failed
};

template <>
struct EnumNames<StepAcceptance> {
  static constexpr std::pair<StepAcceptance, const char*> table[] = {
      {StepAcceptance::None, "none"},
      {StepAcceptance::FixedStep, "fixed"},
      {StepAcceptance::Exact, "exact"},
      {StepAcceptance::Armijo, "armijo"},
      {StepAcceptance::Nonmonotone, "nonmonotone"},
      {StepAcceptance::StrongWolfe, "strong-wolfe"},
      {StepAcceptance::TrustRegionAccepted, "tr-accepted"},
      {StepAcceptance::TrustRegionRejected, "tr-rejected"},
      {StepAcceptance::FullStep, "full-step"},
      {StepAcceptance::LineSearchFailed, "ls-failed"},
  };
};

constexpr double kNotApplicable = std::numeric_limits<double>::quiet_NaN();

struct IterationRecord {
  long iteration = 0;
  double time = 0.0;                   // seconds since the run started
  double f = kNotApplicable;           // objective at the iterate
  double optimality = kNotApplicable;  // gradient inf-norm or the problem's measure
  double step = kNotApplicable;        // step size alpha (or step length for TR/LM)
  long ls_trials = 0;                  // function evaluations spent by the line search
  StepAcceptance accepted_by = StepAcceptance::None;
  double tr_radius = kNotApplicable;  // trust-region radius (or LM damping) after the update
  double tr_ratio = kNotApplicable;   // actual / predicted reduction
  long f_evals = 0;                   // cumulative objective evaluations
  long g_evals = 0;                   // cumulative gradient evaluations
  std::vector<double> extra;          // aligned with Trace::extra_names

  // The fields a solver fills at the end of an iteration; the run adds the rest.
  static IterationRecord step_record(double f, double optimality, double step, long ls_trials,
                                     StepAcceptance accepted_by) {
    IterationRecord r;
    r.f = f;
    r.optimality = optimality;
    r.step = step;
    r.ls_trials = ls_trials;
    r.accepted_by = accepted_by;
    return r;
  }
};

class Trace {
 public:
  std::vector<IterationRecord> records;
  std::vector<std::string> extra_names;  // named extra columns (e.g. "test_accuracy")

  bool empty() const { return records.empty(); }
  std::size_t size() const { return records.size(); }
  // Index of an extra column, adding it when new.
  std::size_t extra_column(const std::string& name);

  // CSV with a header row; fixed columns first, then the extra columns.
  void write_csv(std::ostream& out) const;
  // JSON object of columns: {"iteration": [...], "f": [...], ...}.
  std::string to_json() const;
  // Write to FILE.csv or FILE.json (by extension) atomically; throws InvalidArgument.
  void save(const std::string& path) const;

  // Read back what write_csv / to_json produced; ParseError names file and line.
  static Trace read_csv(std::istream& in, const std::string& name = "<csv>");
  static Trace from_json(const std::string& text, const std::string& name = "<json>");
  static Trace load(const std::string& path);
};

// The fixed column names, in file order.
const std::vector<std::string>& trace_columns();

}  // namespace optiml
