#include "optiml/linesearch/line_function.hpp"

#include <utility>

#include "optiml/linesearch/line_search.hpp"

namespace optiml {

LineFunction::LineFunction(SolverRun& run, const Vector& x, const Vector& d, Vector& x_trial, Vector& g_trial)
    : run_(run), x_(x), d_(d), x_trial_(x_trial), g_trial_(g_trial) {
  if (d.size() != x.size())
    throw InvalidArgument("line search direction has dimension " + std::to_string(d.size()) +
                          ", the point has " + std::to_string(x.size()));
  x_trial_.resize(x.size());
  g_trial_.resize(x.size());
}

void LineFunction::place(double alpha) {
  x_trial_.noalias() = x_ + alpha * d_;
  last_alpha_ = alpha;
  gradient_current_ = false;
}

double LineFunction::value(double alpha) {
  place(alpha);
  ++evaluations_;
  return run_.value(x_trial_);
}

double LineFunction::value_and_derivative(double alpha, double& dphi) {
  place(alpha);
  ++evaluations_;
  const double f = run_.value_and_gradient(x_trial_, g_trial_);
  dphi = g_trial_.dot(d_);
  gradient_current_ = true;
  return f;
}

double accept_trial(LineFunction& phi, const LineSearchResult& ls, Vector& x, Vector& x_trial, Vector& g,
                    Vector& g_trial) {
  std::swap(x, x_trial);
  if (phi.gradient_current()) {
    std::swap(g, g_trial);
    return ls.f;
  }
  return phi.run().value_and_gradient(x, g);
}

}  // namespace optiml
