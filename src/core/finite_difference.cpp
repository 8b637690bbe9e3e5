#include "optiml/core/finite_difference.hpp"

#include <cmath>
#include <limits>

namespace optiml {

namespace {
const double kEps = std::numeric_limits<double>::epsilon();
}

void finite_difference_gradient(const std::function<double(const Vector&)>& f, const Vector& x,
                                Vector& g) {
  const double h0 = std::cbrt(kEps);  // balances truncation O(h^2) and rounding O(eps/h)
  g.resize(x.size());
  Vector z = x;
  for (Index i = 0; i < x.size(); ++i) {
    const double h = h0 * std::max(1.0, std::abs(x[i]));
    z[i] = x[i] + h;
    const double fp = f(z);
    z[i] = x[i] - h;
    const double fm = f(z);
    z[i] = x[i];
    g[i] = (fp - fm) / (2 * h);
  }
}

void finite_difference_jacobian(const std::function<void(const Vector&, Vector&)>& r,
                                const Vector& x, Matrix& J) {
  const double h0 = std::sqrt(kEps);
  Vector r0, r1;
  r(x, r0);
  J.resize(r0.size(), x.size());
  Vector z = x;
  for (Index j = 0; j < x.size(); ++j) {
    const double h = h0 * std::max(1.0, std::abs(x[j]));
    z[j] = x[j] + h;
    r(z, r1);
    z[j] = x[j];
    J.col(j) = (r1 - r0) / h;
  }
}

void finite_difference_hessian(const Objective& f, const Vector& x, Matrix& H) {
  const Index n = x.size();
  const double h0 = std::cbrt(kEps);
  H.resize(n, n);
  Vector z = x, gp(n), gm(n);
  for (Index j = 0; j < n; ++j) {
    const double h = h0 * std::max(1.0, std::abs(x[j]));
    z[j] = x[j] + h;
    f.value_and_gradient(z, gp);
    z[j] = x[j] - h;
    f.value_and_gradient(z, gm);
    z[j] = x[j];
    H.col(j) = (gp - gm) / (2 * h);
  }
  H = 0.5 * (H + H.transpose()).eval();
}

void finite_difference_hessian_vector(const Objective& f, const Vector& x, const Vector& grad_x,
                                      const Vector& v, Vector& Hv) {
  const double vn = v.norm();
  Hv.resize(x.size());
  if (vn == 0.0) {
    Hv.setZero();
    return;
  }
  const double h = std::sqrt(kEps) * (1.0 + x.norm()) / vn;
  Vector z = x + h * v;
  Vector gz(x.size());
  f.value_and_gradient(z, gz);
  Hv = (gz - grad_x) / h;
}

}  // namespace optiml
