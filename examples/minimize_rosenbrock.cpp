// The smallest complete use of optiml from C++: an objective from a lambda,
// one solver, the summary and the trace.
//   build/bin/example_minimize_rosenbrock
#include <iostream>

#include "optiml/core/objective.hpp"
#include "optiml/smooth/lbfgs.hpp"

int main() {
  // f(x, y) = (1 - x)^2 + 100 (y - x^2)^2 with its gradient.
  auto rosenbrock = optiml::make_objective(2, [](const optiml::Vector& x, optiml::Vector& g) {
    const double a = 1 - x[0], b = x[1] - x[0] * x[0];
    g[0] = -2 * a - 400 * x[0] * b;
    g[1] = 200 * b;
    return a * a + 100 * b * b;
  });
  optiml::LBFGS::Options options;
  options.tolerances.gtol = 1e-10;
  optiml::Vector x0(2);
  x0 << -1.2, 1.0;
  optiml::Result result = optiml::LBFGS(options).minimize(*rosenbrock, x0);
  std::cout << result.summary();
  result.trace.save("rosenbrock_lbfgs.csv");
  std::cout << "trace: rosenbrock_lbfgs.csv (" << result.trace.size() << " rows)\n";
  return result.success() ? 0 : 1;
}
