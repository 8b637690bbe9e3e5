#pragma once
// One-dimensional test functions for line searches, seen as objectives of x in R^1
// searched from x = 0 along d = 1.
#include <cmath>
#include <functional>
#include <memory>
#include <numbers>

#include "optiml/core/objective.hpp"

namespace optiml::testing {

struct ScalarFunction {
  const char* name;
  std::function<double(double, double&)> phi;  // value, writes the derivative
  double c1, c2;                               // the constants More & Thuente used with it
};

inline std::shared_ptr<Objective> as_objective(const std::function<double(double, double&)>& phi) {
  return make_objective(1, [phi](const Vector& x, Vector& g) {
    double d;
    const double f = phi(x[0], d);
    g[0] = d;
    return f;
  });
}

// The six functions of More & Thuente (1994), section 5, with their (ftol, gtol).
inline std::vector<ScalarFunction> more_thuente_functions() {
  std::vector<ScalarFunction> out;
  out.push_back({"mt1",
                 [](double a, double& d) {
                   const double b = 2.0, den = a * a + b;
                   d = (a * a - b) / (den * den);
                   return -a / den;
                 },
                 1e-3, 0.1});
  out.push_back({"mt2",
                 [](double a, double& d) {
                   const double t = a + 0.004;
                   d = 5 * std::pow(t, 4) - 8 * std::pow(t, 3);
                   return std::pow(t, 5) - 2 * std::pow(t, 4);
                 },
                 0.1, 0.1});
  out.push_back({"mt3",
                 [](double a, double& d) {
                   const double b = 0.01, l = 39.0, pi = std::numbers::pi;
                   double f0, d0;
                   if (a <= 1 - b)
                     f0 = 1 - a, d0 = -1;
                   else if (a >= 1 + b)
                     f0 = a - 1, d0 = 1;
                   else
                     f0 = (a - 1) * (a - 1) / (2 * b) + b / 2, d0 = (a - 1) / b;
                   d = d0 + (1 - b) * std::cos(l * pi * a / 2);
                   return f0 + 2 * (1 - b) / (l * pi) * std::sin(l * pi * a / 2);
                 },
                 0.1, 0.1});
  auto yanai = [](double b1, double b2) {
    return [b1, b2](double a, double& d) {
      auto gam = [](double b) { return std::sqrt(1 + b * b) - b; };
      const double r1 = std::sqrt((1 - a) * (1 - a) + b2 * b2), r2 = std::sqrt(a * a + b1 * b1);
      d = gam(b1) * (a - 1) / r1 + gam(b2) * a / r2;
      return gam(b1) * r1 + gam(b2) * r2;
    };
  };
  out.push_back({"mt4", yanai(0.001, 0.001), 1e-3, 1e-3});
  out.push_back({"mt5", yanai(0.01, 0.001), 1e-3, 1e-3});
  out.push_back({"mt6", yanai(0.001, 0.01), 1e-3, 1e-3});
  return out;
}

}  // namespace optiml::testing
