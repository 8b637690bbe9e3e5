#pragma once
// Reverse-mode automatic differentiation: an operator tape (Griewank & Walther,
// "Evaluating Derivatives", 2nd ed., ch. 3.2, 4). Each elementary operation
// appends one node (opcode, up to two argument nodes, a constant); backward()
// sweeps the nodes in reverse accumulating adjoints, replay() re-runs the
// recorded operations at a new input (valid when x does not change the control
// flow). Templated on the value type S: double for gradients, Dual<double> for
// forward-over-reverse Hessian-vector products. One active tape per thread.
#include <cstdint>
#include <vector>

#include "optiml/autodiff/dual.hpp"
#include "optiml/core/types.hpp"

namespace optiml::ad {

enum class Op : std::uint8_t {
  Input,
  Add, Sub, Mul, Div,          // var op var
  AddC, SubC, CSub, MulC, DivC, CDiv,  // var op c, c op var
  Neg, Exp, Log, Sqrt, Sin, Cos, Tan, Tanh, Sinh, Cosh, Atan, Asin, Acos, Log1p, Expm1, Abs,
  PowC,                        // var ^ c
  Pow,                         // var ^ var
  CPow,                        // c ^ var
};

template <class S>
class Tape {
 public:
  struct Node {
    Op op;
    std::int32_t a = -1, b = -1;
    S c{};
  };

  // Starts a new recording, keeping the memory of earlier ones.
  void clear() {
    nodes_.clear();
    values_.clear();
    inputs_.clear();
  }
  std::size_t size() const { return nodes_.size(); }
  std::size_t num_inputs() const { return inputs_.size(); }

  std::int32_t push(Op op, std::int32_t a, std::int32_t b, const S& c, const S& value) {
    nodes_.push_back(Node{op, a, b, c});
    values_.push_back(value);
    return static_cast<std::int32_t>(nodes_.size() - 1);
  }
  std::int32_t input(const S& value) {
    const std::int32_t i = push(Op::Input, -1, -1, S(0.0), value);
    inputs_.push_back(i);
    return i;
  }
  const S& value(std::int32_t i) const { return values_[static_cast<std::size_t>(i)]; }

  // Adjoints of every node after seeding d output = 1; gradient() reads the inputs'.
  void backward(std::int32_t output, const S& seed = S(1.0));
  const S& adjoint(std::int32_t i) const { return adjoints_[static_cast<std::size_t>(i)]; }
  // d output / d input_k for every input, in the order they were created.
  template <class Vec>
  void input_adjoints(Vec& g) const {
    g.resize(static_cast<Index>(inputs_.size()));
    for (std::size_t k = 0; k < inputs_.size(); ++k) g[static_cast<Index>(k)] = adjoints_[static_cast<std::size_t>(inputs_[k])];
  }
  // Re-evaluates the recorded operations with new input values (in input order).
  template <class Vec>
  void replay(const Vec& x) {
    for (std::size_t k = 0; k < inputs_.size(); ++k) values_[static_cast<std::size_t>(inputs_[k])] = S(x[static_cast<Index>(k)]);
    forward();
  }
  // Sets the tangents of the inputs (S = Dual<double>): a forward sweep then
  // carries directional derivatives, and backward() gives H v in the adjoints' tangents.
  template <class Vec>
  void set_input_tangents(const Vec& v) {
    for (std::size_t k = 0; k < inputs_.size(); ++k)
      values_[static_cast<std::size_t>(inputs_[k])].d = v[static_cast<Index>(k)];
  }

 private:
  void forward();
  std::vector<Node> nodes_;
  std::vector<S> values_, adjoints_;
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
