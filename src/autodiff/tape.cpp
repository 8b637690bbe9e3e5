#include "optiml/autodiff/tape.hpp"

#include <cmath>

namespace optiml::ad {

// Partial derivatives use the values stored at record (or replay) time; the
// node's own value serves exp, sqrt, tanh and pow (Griewank & Walther, Table 4.4).
template <class S>
void Tape<S>::backward(std::int32_t output, const S& seed) {
  using std::cos;
  using std::cosh;
  using std::exp;
  using std::log;
  using std::pow;
  using std::sin;
  using std::sinh;
  using std::sqrt;
  adjoints_.assign(nodes_.size(), S(0.0));
  if (output < 0) return;
  adjoints_[static_cast<std::size_t>(output)] = seed;
  for (std::int32_t i = output; i >= 0; --i) {
    const Node& n = nodes_[static_cast<std::size_t>(i)];
    const S w = adjoints_[static_cast<std::size_t>(i)];
    if (n.op == Op::Input) continue;
    S& aa = adjoints_[static_cast<std::size_t>(n.a)];
    const S& va = values_[static_cast<std::size_t>(n.a)];
    const S& vi = values_[static_cast<std::size_t>(i)];
    switch (n.op) {
      case Op::Add: aa += w; adjoints_[static_cast<std::size_t>(n.b)] += w; break;
      case Op::Sub: aa += w; adjoints_[static_cast<std::size_t>(n.b)] -= w; break;
      case Op::Mul: {
        const S& vb = values_[static_cast<std::size_t>(n.b)];
        aa += w * vb;
        adjoints_[static_cast<std::size_t>(n.b)] += w * va;
        break;
      }
      case Op::Div: {
        const S& vb = values_[static_cast<std::size_t>(n.b)];
        const S wb = w / vb;
        aa += wb;
        adjoints_[static_cast<std::size_t>(n.b)] -= wb * vi;
        break;
      }
      case Op::AddC: case Op::SubC: aa += w; break;
      case Op::CSub: case Op::Neg: aa -= w; break;
      case Op::MulC: aa += w * n.c; break;
      case Op::DivC: aa += w / n.c; break;
      case Op::CDiv: aa -= w * vi / va; break;
      case Op::Exp: aa += w * vi; break;
      case Op::Log: aa += w / va; break;
      case Op::Sqrt: aa += w / (2.0 * vi); break;
      case Op::Sin: aa += w * cos(va); break;
      case Op::Cos: aa -= w * sin(va); break;
      case Op::Tan: aa += w * (1.0 + vi * vi); break;
      case Op::Tanh: aa += w * (1.0 - vi * vi); break;
      case Op::Sinh: aa += w * cosh(va); break;
      case Op::Cosh: aa += w * sinh(va); break;
      case Op::Atan: aa += w / (1.0 + va * va); break;
      case Op::Asin: aa += w / sqrt(1.0 - va * va); break;
      case Op::Acos: aa -= w / sqrt(1.0 - va * va); break;
      case Op::Log1p: aa += w / (1.0 + va); break;
      case Op::Expm1: aa += w * (vi + 1.0); break;
      case Op::Abs: aa += va < 0.0 ? -w : w; break;
      case Op::PowC: aa += w * n.c * pow(va, n.c - 1.0); break;
      case Op::Pow: {  // d a^b = b a^(b-1) da + a^b log(a) db
        const S& vb = values_[static_cast<std::size_t>(n.b)];
        aa += w * vb * pow(va, vb - 1.0);
        if (va > 0.0) adjoints_[static_cast<std::size_t>(n.b)] += w * vi * log(va);
        break;
      }
      case Op::CPow: aa += w * vi * log(n.c); break;
      case Op::Input: break;
    }
  }
}

template <class S>
void Tape<S>::forward() {
  using std::abs;
  using std::acos;
  using std::asin;
  using std::atan;
  using std::cos;
  using std::cosh;
  using std::exp;
  using std::expm1;
  using std::log;
  using std::log1p;
  using std::pow;
  using std::sin;
  using std::sinh;
  using std::sqrt;
  using std::tan;
  using std::tanh;
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    const Node& n = nodes_[i];
    if (n.op == Op::Input) continue;
    const S& a = values_[static_cast<std::size_t>(n.a)];
    const S& b = n.b >= 0 ? values_[static_cast<std::size_t>(n.b)] : n.c;
    S& v = values_[i];
    switch (n.op) {
      case Op::Add: v = a + b; break;
      case Op::Sub: v = a - b; break;
      case Op::Mul: v = a * b; break;
      case Op::Div: v = a / b; break;
      case Op::AddC: v = a + n.c; break;
      case Op::SubC: v = a - n.c; break;
      case Op::CSub: v = n.c - a; break;
      case Op::MulC: v = a * n.c; break;
      case Op::DivC: v = a / n.c; break;
      case Op::CDiv: v = n.c / a; break;
      case Op::Neg: v = -a; break;
      case Op::Exp: v = exp(a); break;
      case Op::Log: v = log(a); break;
      case Op::Sqrt: v = sqrt(a); break;
      case Op::Sin: v = sin(a); break;
      case Op::Cos: v = cos(a); break;
      case Op::Tan: v = tan(a); break;
      case Op::Tanh: v = tanh(a); break;
      case Op::Sinh: v = sinh(a); break;
      case Op::Cosh: v = cosh(a); break;
      case Op::Atan: v = atan(a); break;
      case Op::Asin: v = asin(a); break;
      case Op::Acos: v = acos(a); break;
      case Op::Log1p: v = log1p(a); break;
      case Op::Expm1: v = expm1(a); break;
      case Op::Abs: v = abs(a); break;
      case Op::PowC: v = pow(a, n.c); break;
      case Op::Pow: v = pow(a, b); break;
      case Op::CPow: v = pow(n.c, a); break;
      case Op::Input: break;
    }
  }
}

template class Tape<double>;
template class Tape<Dual<double>>;

}  // namespace optiml::ad
