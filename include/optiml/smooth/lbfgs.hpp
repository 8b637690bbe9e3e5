#pragma once
// L-BFGS: limited-memory BFGS with the two-loop recursion (Nocedal 1980;
// Liu & Nocedal 1989; Nocedal & Wright, 2nd ed., Algorithm 7.4 and 7.5) and the
// More-Thuente strong Wolfe line search.
//
// Update rule: d_k = -H_k g_k, where H_k applies the m most recent pairs
// s_i = x_{i+1} - x_i, y_i = g_{i+1} - g_i to H_k^0 = gamma_k I with
// gamma_k = s_{k-1}^T y_{k-1} / y_{k-1}^T y_{k-1} (N&W 7.20); x_{k+1} = x_k + alpha_k d_k
// with alpha_k satisfying the strong Wolfe conditions (c1, c2). The first
// trial step is 1, except on the first iteration (and after a reset) where it
// is 1/|d|_2, as in L-BFGS-B (Byrd, Lu, Nocedal & Zhu 1995).
//
// Implementation: the two-loop recursion runs on the inner products of the
// stored pairs and the gradient, which are updated with one fused pass over
// memory per iteration; the direction is then formed in a second pass. This is
// the same arithmetic as the vector two-loop recursion (and the "vector-free"
// L-BFGS of Chen, Wang & Zhou, NIPS 2014), with about half the memory traffic:
// 4m + 9 vector passes per iteration instead of roughly 10m.
#include "optiml/core/objective.hpp"
#include "optiml/core/options.hpp"
#include "optiml/core/result.hpp"
#include "optiml/core/solver_options.hpp"

namespace optiml {

class LBFGS {
 public:
  struct Options : SolverOptions {
    long memory = 10;             // m, pairs kept (Liu & Nocedal: 3 <= m <= 20 works well)
    double c1 = 1e-4;             // sufficient-decrease constant (N&W 3.6)
    double c2 = 0.9;              // curvature constant; 0.9 for quasi-Newton (N&W 3.6)
    long max_linesearch = 20;     // trials per line search (L-BFGS-B's maxls)
    // Threads for the vector passes; 0 = OPTIML_NUM_THREADS or all cores. The
    // result is bit-identical for any value (partial sums are reduced in block order).
    long threads = 0;
  };

  LBFGS() = default;
  explicit LBFGS(Options options) : options_(std::move(options)) {}

  Result minimize(const Objective& f, const Vector& x0) const;
  static const OptionTable<Options>& option_table();

 private:
  Options options_;
};

}  // namespace optiml
