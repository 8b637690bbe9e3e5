#pragma once
// What a line search returns. On success the accepted point and (when the
// search evaluated it) its gradient are in the LineFunction's trial buffers.
#include "optiml/core/trace.hpp"

namespace optiml {

struct LineSearchResult {
  bool success = false;
  double step = 0.0;             // accepted alpha (the best finite trial on failure)
  double f = 0.0;                // phi(step)
  double dphi = kNotApplicable;  // phi'(step) when computed
  long evaluations = 0;
  StepAcceptance accepted_by = StepAcceptance::None;
};

}  // namespace optiml
