#pragma once
// Seeded random expression programs over x, evaluated generically (double,
// Dual, Var): the graphs reuse registers, so subexpressions are shared.
// Every operation is smooth on all of R (arguments shifted into the domain).
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "optiml/autodiff/ad.hpp"

namespace optiml::ad::testing {

struct Instruction {
  int op, a, b;
  double c;
};

struct RandomProgram {
  Index n;
  std::vector<Instruction> code;
  int outputs;

  RandomProgram(Index n_, std::uint64_t seed, int length = 30) : n(n_) {
    std::mt19937_64 rng(seed);
    int regs = static_cast<int>(n);
    for (int k = 0; k < length; ++k) {
      std::uniform_int_distribution<int> pick(0, regs - 1), op(0, 13);
      std::uniform_real_distribution<double> c(-1.5, 1.5);
      code.push_back({op(rng), pick(rng), pick(rng), c(rng)});
      ++regs;
    }
    outputs = std::min(4, length);
  }

  template <class T>
  T operator()(const VectorT<T>& x) const {
    using std::atan;
    using std::cos;
    using std::exp;
    using std::expm1;
    using std::log;
    using std::log1p;
    using std::pow;
    using std::sin;
    using std::sqrt;
    using std::tanh;
    std::vector<T> r(x.data(), x.data() + x.size());
    r.reserve(r.size() + code.size());
    for (const Instruction& in : code) {
      const T& a = r[static_cast<std::size_t>(in.a)];
      const T& b = r[static_cast<std::size_t>(in.b)];
      T v;
      switch (in.op) {
        case 0: v = a + b; break;
        case 1: v = a - in.c * b; break;
        case 2: v = a * b; break;
        case 3: v = a / (1.0 + b * b); break;
        case 4: v = exp(tanh(a)); break;
        case 5: v = log(1.0 + a * a); break;
        case 6: v = sin(a) * in.c; break;
        case 7: v = cos(a + b); break;
        case 8: v = sqrt(1.0 + a * a); break;
        case 9: v = atan(a) + in.c; break;
        case 10: v = pow(1.0 + a * a, 1.5); break;
        case 11: v = expm1(tanh(b)); break;
        case 12: v = log1p(b * b) * a; break;
        default: v = pow(2.0 + sin(a), 1.0 + 0.5 * tanh(b)); break;
      }
      r.push_back(v);
    }
    T y = r.back();
    for (int k = 2; k <= outputs; ++k) y = y + r[r.size() - static_cast<std::size_t>(k)] * (0.5 / k);
    return y;
  }
};

}  // namespace optiml::ad::testing
