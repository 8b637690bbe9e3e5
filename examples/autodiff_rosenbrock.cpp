// Write f once, generically; get its gradient, Hessian-vector products and an
// Objective that Newton and L-BFGS minimize (docs/autodiff.md).
#include <iostream>

#include "optiml/autodiff/ad.hpp"
#include "optiml/core/check_gradient.hpp"
#include "optiml/smooth/lbfgs.hpp"
#include "optiml/smooth/newton.hpp"

int main() {
  namespace ad = optiml::ad;
  auto rosen = [](const auto& x) {
    using T = typename std::decay_t<decltype(x)>::Scalar;
    T f = 0.0;
    for (Eigen::Index i = 0; i + 1 < x.size(); ++i)
      f += 100.0 * (x[i + 1] - x[i] * x[i]) * (x[i + 1] - x[i] * x[i]) + (1.0 - x[i]) * (1.0 - x[i]);
    return f;
  };
  optiml::Vector x = optiml::Vector::Constant(10, 0.5), g, v = optiml::Vector::Ones(10);
  const double f = ad::gradient(rosen, x, g);
  std::cout << "f = " << f << ", |grad f| = " << g.norm() << ", |H v| = " << ad::hessian_vector(rosen, x, v).norm()
            << "\n";
  auto objective = ad::make_objective(10, rosen);
  std::cout << optiml::check_gradient(*objective, x).report() << "\n";
  std::cout << optiml::LBFGS().minimize(*objective, x).summary();
  std::cout << optiml::Newton().minimize(*objective, x).summary();
  return 0;
}
