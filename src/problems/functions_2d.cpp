#include "optiml/problems/functions_2d.hpp"

#include <memory>

namespace optiml {

namespace {

// f, gradient and Hessian of one 2-D function, as plain functions of (x, y).
struct Formulas2d {
  double (*value)(double x, double y);
  void (*gradient)(double x, double y, double g[2]);
  void (*hessian)(double x, double y, double h[3]);  // h = (f_xx, f_xy, f_yy)
  double lipschitz_constant = 0.0;
  double strong_convexity = 0.0;
};

class Function2d final : public Objective {
 public:
  explicit Function2d(const Formulas2d& formulas) : fn_(formulas) {}
  Index dim() const override { return 2; }
  double value(const Vector& x) const override { return fn_.value(x[0], x[1]); }
  double value_and_gradient(const Vector& x, Vector& g) const override {
    double gg[2];
    fn_.gradient(x[0], x[1], gg);
    g.resize(2);
    g << gg[0], gg[1];
    return fn_.value(x[0], x[1]);
  }
  bool has_hessian() const override { return true; }
  void hessian(const Vector& x, Matrix& H) const override {
    double h[3];
    fn_.hessian(x[0], x[1], h);
    H.resize(2, 2);
    H << h[0], h[1], h[1], h[2];
  }
  void hessian_vector(const Vector& x, const Vector& v, Vector& Hv) const override {
    double h[3];
    fn_.hessian(x[0], x[1], h);
    Hv.resize(2);
    Hv << h[0] * v[0] + h[1] * v[1], h[1] * v[0] + h[2] * v[1];
  }
  double lipschitz_constant() const override { return fn_.lipschitz_constant; }
  double strong_convexity() const override { return fn_.strong_convexity; }

 private:
  Formulas2d fn_;
};

Vector point(double x, double y) { return (Vector(2) << x, y).finished(); }

TestProblem make_2d(const char* name, const Formulas2d& formulas, Vector x0, Vector x_star) {
  TestProblem p;
  p.name = name;
  p.objective = std::make_shared<Function2d>(formulas);
  p.x0 = std::move(x0);
  p.x_star = std::move(x_star);
  p.f_star = 0.0;
  p.published_f = 0.0;
  return p;
}

// Rosenbrock (1960), "An automatic method for finding the greatest or least value of a function".
constexpr Formulas2d kRosenbrock{
    [](double x, double y) { return 100 * (y - x * x) * (y - x * x) + (1 - x) * (1 - x); },
    [](double x, double y, double g[2]) {
      const double t = y - x * x;
      g[0] = -400 * x * t - 2 * (1 - x);
      g[1] = 200 * t;
    },
    [](double x, double y, double h[3]) {
      h[0] = 1200 * x * x - 400 * y + 2;
      h[1] = -400 * x;
      h[2] = 200;
    }};

// Himmelblau (1972), "Applied Nonlinear Programming", p. 428.
constexpr Formulas2d kHimmelblau{[](double x, double y) {
                               const double a = x * x + y - 11, b = x + y * y - 7;
                               return a * a + b * b;
                             },
                             [](double x, double y, double g[2]) {
                               const double a = x * x + y - 11, b = x + y * y - 7;
                               g[0] = 4 * x * a + 2 * b;
                               g[1] = 2 * a + 4 * y * b;
                             },
                             [](double x, double y, double h[3]) {
                               const double a = x * x + y - 11, b = x + y * y - 7;
                               h[0] = 4 * a + 8 * x * x + 2;
                               h[1] = 4 * (x + y);
                               h[2] = 2 + 4 * b + 8 * y * y;
                             }};

// Beale (1958); More, Garbow & Hillstrom (1981) problem 5: residuals c_k - x (1 - y^k).
constexpr double kBealeC[3] = {1.5, 2.25, 2.625};
constexpr Formulas2d kBeale{[](double x, double y) {
                          double f = 0, yk = 1;
                          for (int k = 0; k < 3; ++k) {
                            yk *= y;
                            const double r = kBealeC[k] - x + x * yk;
                            f += r * r;
                          }
                          return f;
                        },
                        [](double x, double y, double g[2]) {
                          g[0] = g[1] = 0;
                          double ykm1 = 1;  // y^(k-1)
                          for (int k = 1; k <= 3; ++k) {
                            const double yk = ykm1 * y;
                            const double r = kBealeC[k - 1] - x + x * yk;
                            g[0] += 2 * r * (yk - 1);
                            g[1] += 2 * r * k * x * ykm1;
                            ykm1 = yk;
                          }
                        },
                        [](double x, double y, double h[3]) {
                          h[0] = h[1] = h[2] = 0;
                          double ykm2 = 0, ykm1 = 1;  // y^(k-2) (0 for k = 1), y^(k-1)
                          for (int k = 1; k <= 3; ++k) {
                            const double yk = ykm1 * y;
                            const double r = kBealeC[k - 1] - x + x * yk;
                            const double rx = yk - 1, ry = k * x * ykm1;
                            h[0] += 2 * rx * rx;
                            h[1] += 2 * (rx * ry + r * k * ykm1);
                            h[2] += 2 * (ry * ry + r * k * (k - 1) * x * ykm2);
                            ykm2 = ykm1;
                            ykm1 = yk;
                          }
                        }};

constexpr Formulas2d kBooth{[](double x, double y) {
                          const double a = x + 2 * y - 7, b = 2 * x + y - 5;
                          return a * a + b * b;
                        },
                        [](double x, double y, double g[2]) {
                          const double a = x + 2 * y - 7, b = 2 * x + y - 5;
                          g[0] = 2 * a + 4 * b;
                          g[1] = 4 * a + 2 * b;
                        },
                        [](double, double, double h[3]) {
                          h[0] = 10;
                          h[1] = 8;
                          h[2] = 10;
                        },
                        18.0, 2.0};  // eigenvalues of [[10, 8], [8, 10]]

constexpr Formulas2d kMatyas{[](double x, double y) { return 0.26 * (x * x + y * y) - 0.48 * x * y; },
                         [](double x, double y, double g[2]) {
                           g[0] = 0.52 * x - 0.48 * y;
                           g[1] = 0.52 * y - 0.48 * x;
                         },
                         [](double, double, double h[3]) {
                           h[0] = 0.52;
                           h[1] = -0.48;
                           h[2] = 0.52;
                         },
                         1.0, 0.04};  // eigenvalues of [[0.52, -0.48], [-0.48, 0.52]]

constexpr Formulas2d kThreeHumpCamel{[](double x, double y) {
                                   const double x2 = x * x;
                                   return x2 * (2 + x2 * (-1.05 + x2 / 6)) + x * y + y * y;
                                 },
                                 [](double x, double y, double g[2]) {
                                   const double x2 = x * x;
                                   g[0] = x * (4 + x2 * (-4.2 + x2)) + y;
                                   g[1] = x + 2 * y;
                                 },
                                 [](double x, double, double h[3]) {
                                   const double x2 = x * x;
                                   h[0] = 4 + x2 * (-12.6 + 5 * x2);
                                   h[1] = 1;
                                   h[2] = 2;
                                 }};

}  // namespace

TestProblem rosenbrock_problem() {
  return make_2d("rosenbrock", kRosenbrock, point(-1.2, 1.0), point(1.0, 1.0));
}

TestProblem himmelblau_problem() {
  TestProblem p = make_2d("himmelblau", kHimmelblau, point(0.0, 0.0), point(3.0, 2.0));
  // The three irrational minimizers, to 20 digits (Newton's method in 30-digit arithmetic).
  p.other_minima = {{point(3.0, 2.0), 0.0},
                    {point(-2.8051180869527448531, 3.1313125182505729658), 0.0},
                    {point(-3.7793102533777468919, -3.2831859912861694123), 0.0},
                    {point(3.5844283403304917449, -1.8481265269644035535), 0.0}};
  return p;
}

TestProblem beale_problem() { return make_2d("beale", kBeale, point(1.0, 1.0), point(3.0, 0.5)); }

TestProblem booth_problem() { return make_2d("booth", kBooth, point(0.0, 0.0), point(1.0, 3.0)); }

TestProblem matyas_problem() { return make_2d("matyas", kMatyas, point(10.0, 5.0), point(0.0, 0.0)); }

TestProblem three_hump_camel_problem() {
  TestProblem p = make_2d("three-hump-camel", kThreeHumpCamel, point(-1.0, -1.5), point(0.0, 0.0));
  const double f_local = 0.29863844223685940558;
  p.other_minima = {{point(1.7475523458302889799, -0.87377617291514448996), f_local},
                    {point(-1.7475523458302889799, 0.87377617291514448996), f_local}};
  return p;
}

}  // namespace optiml
