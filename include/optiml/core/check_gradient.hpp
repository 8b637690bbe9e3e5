#pragma once
// Compares an Objective's gradient with central finite differences (N&W 8.1),
// component by component: |analytic - numeric| <= atol + rtol * max(|analytic|, |numeric|).
// The tests of every module use it; report() is one readable paragraph.
#include <string>

#include "optiml/core/objective.hpp"

namespace optiml {

struct GradientCheck {
  bool ok = true;
  double max_error = 0.0;   // largest |analytic - numeric|
  double worst_ratio = 0.0; // largest |analytic - numeric| / (atol + rtol * max(|analytic|, |numeric|))
  Index worst = -1;         // the component with worst_ratio
  Vector analytic, numeric;
  std::string report() const;
};

GradientCheck check_gradient(const Objective& f, const Vector& x, double rtol = 1e-6, double atol = 1e-8);

}  // namespace optiml
