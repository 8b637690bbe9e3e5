#include "optiml/core/check_gradient.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "optiml/core/error.hpp"
#include "optiml/core/finite_difference.hpp"

namespace optiml {

GradientCheck check_gradient(const Objective& f, const Vector& x, double rtol, double atol) {
  if (x.size() != f.dim())
    throw InvalidArgument("check_gradient: x has size " + std::to_string(x.size()) + ", the objective dimension " +
                          std::to_string(f.dim()));
  if (!(rtol >= 0) || !(atol >= 0)) throw InvalidArgument("check_gradient: rtol and atol must be >= 0");
  GradientCheck c;
  f.value_and_gradient(x, c.analytic);
  finite_difference_gradient([&f](const Vector& y) { return f.value(y); }, x, c.numeric);
  for (Index i = 0; i < x.size(); ++i) {
    const double a = c.analytic[i], n = c.numeric[i];
    const double err = std::abs(a - n);
    const double ratio = err / (atol + rtol * std::max(std::abs(a), std::abs(n)));
    c.max_error = std::max(c.max_error, err);
    if (!(ratio <= c.worst_ratio) || c.worst < 0) {
      c.worst_ratio = std::isnan(ratio) ? INFINITY : ratio;
      c.worst = i;
    }
  }
  c.ok = c.worst_ratio <= 1.0;
  return c;
}

std::string GradientCheck::report() const {
  char buf[320];
  if (worst < 0) return "gradient check: empty x";
  std::snprintf(buf, sizeof buf,
                "gradient check %s: n = %ld, max |analytic - finite difference| = %.3e; worst component %ld: "
                "analytic %.10g, finite difference %.10g (%.2f of the tolerance)",
                ok ? "passed" : "FAILED", static_cast<long>(analytic.size()), max_error, static_cast<long>(worst),
                analytic[worst], numeric[worst], worst_ratio);
  return buf;
}

}  // namespace optiml
