#pragma once
// Reverse-mode automatic differentiation: a Jacobian tape (Griewank & Walther,
// "Evaluating Derivatives", 2nd ed., 3.2 and 4; the statement-level partials
// of Hogan's and Sagebaum's tapes). Each elementary operation appends one node
// holding its arguments and its local partial derivatives, computed while the
// value is; backward() is then a branch-free sweep adj[a] += w * da, adj[b] += w * db,
// and replay() re-evaluates the recorded operations (values and partials) at a
// new input, valid when x does not change the control flow. Templated on the
// value type S: double for gradients, Dual<double> for forward-over-reverse
// Hessian-vector products. One active tape per thread.
#include <cmath>
#include <cstdint>
#include <vector>

#include "optiml/autodiff/dual.hpp"
#include "optiml/core/types.hpp"

namespace optiml::ad {

enum class Op : std::uint8_t {
  Input,
  Add, Sub, Mul, Div,                  // var op var
  AddC, SubC, CSub, MulC, DivC, CDiv,  // var op c, c op var
  Neg, Exp, Log, Sqrt, Sin, Cos, Tan, Tanh, Sinh, Cosh, Atan, Asin, Acos, Log1p, Expm1, Abs,
  PowC,  // var ^ c
  Pow,   // var ^ var
  CPow,  // c ^ var
};

// Value and local partials of one operation (b and db only for var-var ones),
// resolved at compile time on the recording path; replay dispatches at run time.
template <Op op, class S>
inline void evaluate(const S& a, const S& b, const S& c, S& v, S& da, S& db) {
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
  (void)b;
  (void)c;
  (void)db;
  if constexpr (op == Op::Add) {
    v = a + b; da = S(1.0); db = S(1.0);
  } else if constexpr (op == Op::Sub) {
    v = a - b; da = S(1.0); db = S(-1.0);
  } else if constexpr (op == Op::Mul) {
    v = a * b; da = b; db = a;
  } else if constexpr (op == Op::Div) {
    da = S(1.0) / b; v = a * da; db = -v * da;
  } else if constexpr (op == Op::AddC) {
    v = a + c; da = S(1.0);
  } else if constexpr (op == Op::SubC) {
    v = a - c; da = S(1.0);
  } else if constexpr (op == Op::CSub) {
    v = c - a; da = S(-1.0);
  } else if constexpr (op == Op::MulC) {
    v = a * c; da = c;
  } else if constexpr (op == Op::DivC) {
    v = a / c; da = S(1.0) / c;
  } else if constexpr (op == Op::CDiv) {
    v = c / a; da = -v / a;
  } else if constexpr (op == Op::Neg) {
    v = -a; da = S(-1.0);
  } else if constexpr (op == Op::Exp) {
    v = exp(a); da = v;
  } else if constexpr (op == Op::Log) {
    v = log(a); da = S(1.0) / a;
  } else if constexpr (op == Op::Sqrt) {
    v = sqrt(a); da = S(0.5) / v;
  } else if constexpr (op == Op::Sin) {
    v = sin(a); da = cos(a);
  } else if constexpr (op == Op::Cos) {
    v = cos(a); da = -sin(a);
  } else if constexpr (op == Op::Tan) {
    v = tan(a); da = 1.0 + v * v;
  } else if constexpr (op == Op::Tanh) {
    v = tanh(a); da = 1.0 - v * v;
  } else if constexpr (op == Op::Sinh) {
    v = sinh(a); da = cosh(a);
  } else if constexpr (op == Op::Cosh) {
    v = cosh(a); da = sinh(a);
  } else if constexpr (op == Op::Atan) {
    v = atan(a); da = S(1.0) / (1.0 + a * a);
  } else if constexpr (op == Op::Asin) {
    v = asin(a); da = S(1.0) / sqrt(1.0 - a * a);
  } else if constexpr (op == Op::Acos) {
    v = acos(a); da = S(-1.0) / sqrt(1.0 - a * a);
  } else if constexpr (op == Op::Log1p) {
    v = log1p(a); da = S(1.0) / (1.0 + a);
  } else if constexpr (op == Op::Expm1) {
    v = expm1(a); da = v + 1.0;
  } else if constexpr (op == Op::Abs) {
    v = abs(a); da = S(a < 0.0 ? -1.0 : 1.0);
  } else if constexpr (op == Op::PowC) {
    v = pow(a, c); da = c * pow(a, c - 1.0);
  } else if constexpr (op == Op::Pow) {
    // d a^b = b a^(b-1) da + a^b log(a) db
      v = pow(a, b);
      da = b * pow(a, b - 1.0);
      db = a > 0.0 ? v * log(a) : S(0.0);
  } else if constexpr (op == Op::CPow) {
    v = pow(c, a); da = v * log(c);
  }
}

template <class S>
inline void evaluate(Op op, const S& a, const S& b, const S& c, S& v, S& da, S& db) {
  switch (op) {
#define OPTIML_AD_CASE(NAME) \
  case Op::NAME: evaluate<Op::NAME>(a, b, c, v, da, db); break;
    OPTIML_AD_CASE(Add)
    OPTIML_AD_CASE(Sub)
    OPTIML_AD_CASE(Mul)
    OPTIML_AD_CASE(Div)
    OPTIML_AD_CASE(AddC)
    OPTIML_AD_CASE(SubC)
    OPTIML_AD_CASE(CSub)
    OPTIML_AD_CASE(MulC)
    OPTIML_AD_CASE(DivC)
    OPTIML_AD_CASE(CDiv)
    OPTIML_AD_CASE(Neg)
    OPTIML_AD_CASE(Exp)
    OPTIML_AD_CASE(Log)
    OPTIML_AD_CASE(Sqrt)
    OPTIML_AD_CASE(Sin)
    OPTIML_AD_CASE(Cos)
    OPTIML_AD_CASE(Tan)
    OPTIML_AD_CASE(Tanh)
    OPTIML_AD_CASE(Sinh)
    OPTIML_AD_CASE(Cosh)
    OPTIML_AD_CASE(Atan)
    OPTIML_AD_CASE(Asin)
    OPTIML_AD_CASE(Acos)
    OPTIML_AD_CASE(Log1p)
    OPTIML_AD_CASE(Expm1)
    OPTIML_AD_CASE(Abs)
    OPTIML_AD_CASE(PowC)
    OPTIML_AD_CASE(Pow)
    OPTIML_AD_CASE(CPow)
#undef OPTIML_AD_CASE
    case Op::Input: break;
  }
}

template <class S>
class Tape {
 public:
  struct Node {
    std::int32_t a = -1, b = -1;  // argument nodes (-1: none)
    Op op = Op::Input;
    S value{}, c{}, da{}, db{};  // value, constant operand, local partials
  };

  // Starts a new recording, keeping the memory of earlier ones.
  void clear() {
    nodes_.clear();
    inputs_.clear();
  }
  std::size_t size() const { return nodes_.size(); }
  std::size_t num_inputs() const { return inputs_.size(); }

  std::int32_t input(const S& value) {
    Node& n = nodes_.emplace_back();
    n.value = value;
    inputs_.push_back(static_cast<std::int32_t>(nodes_.size() - 1));
    return inputs_.back();
  }
  // Records op on node a and the constant c; returns the new node.
  template <Op op>
  std::int32_t record(std::int32_t a, const S& c) {
    const S va = nodes_[static_cast<std::size_t>(a)].value;
    Node& n = nodes_.emplace_back();
    n.a = a;
    n.op = op;
    n.c = c;
    evaluate<op>(va, c, c, n.value, n.da, n.db);
    return static_cast<std::int32_t>(nodes_.size() - 1);
  }
  // Records op on nodes a and b; returns the new node.
  template <Op op>
  std::int32_t record(std::int32_t a, std::int32_t b) {
    const S va = nodes_[static_cast<std::size_t>(a)].value, vb = nodes_[static_cast<std::size_t>(b)].value;
    Node& n = nodes_.emplace_back();
    n.a = a;
    n.b = b;
    n.op = op;
    evaluate<op>(va, vb, n.c, n.value, n.da, n.db);
    return static_cast<std::int32_t>(nodes_.size() - 1);
  }
  const S& value(std::int32_t i) const { return nodes_[static_cast<std::size_t>(i)].value; }

  // Adjoints of every node after seeding d output = seed (output -1: all zero).
  void backward(std::int32_t output, const S& seed = S(1.0)) {
    adjoints_.assign(nodes_.size(), S(0.0));
    if (output < 0) return;
    adjoints_[static_cast<std::size_t>(output)] = seed;
    for (std::int32_t i = output; i >= 0; --i) {
      const Node& n = nodes_[static_cast<std::size_t>(i)];
      if (n.a < 0) continue;  // an input
      const S& w = adjoints_[static_cast<std::size_t>(i)];
      adjoints_[static_cast<std::size_t>(n.a)] += w * n.da;
      if (n.b >= 0) adjoints_[static_cast<std::size_t>(n.b)] += w * n.db;
    }
  }
  const S& adjoint(std::int32_t i) const { return adjoints_[static_cast<std::size_t>(i)]; }

  // Re-evaluates the recorded operations with new input values (in input order).
  template <class Vec>
  void replay(const Vec& x) {
    for (std::size_t k = 0; k < inputs_.size(); ++k)
      nodes_[static_cast<std::size_t>(inputs_[k])].value = S(x[static_cast<Index>(k)]);
    for (Node& n : nodes_) {
      if (n.a < 0) continue;
      const S& va = nodes_[static_cast<std::size_t>(n.a)].value;
      const S& vb = n.b >= 0 ? nodes_[static_cast<std::size_t>(n.b)].value : n.c;
      evaluate(n.op, va, vb, n.c, n.value, n.da, n.db);
    }
  }

 private:
  std::vector<Node> nodes_;
  std::vector<S> adjoints_;
  std::vector<std::int32_t> inputs_;
};

// The tape that new Vars record on, per thread; null when none is active.
template <class S>
Tape<S>*& active_tape() {
  thread_local Tape<S>* tape = nullptr;
  return tape;
}

// Makes `tape` the active one for this scope (restoring the previous one after).
template <class S>
class TapeScope {
 public:
  explicit TapeScope(Tape<S>& tape) : previous_(active_tape<S>()) { active_tape<S>() = &tape; }
  ~TapeScope() { active_tape<S>() = previous_; }
  TapeScope(const TapeScope&) = delete;
  TapeScope& operator=(const TapeScope&) = delete;

 private:
  Tape<S>* previous_;
};

extern template class Tape<double>;
extern template class Tape<Dual<double>>;

}  // namespace optiml::ad
