#pragma once
// Nonlinear conjugate gradient (Nocedal & Wright, 2nd ed., section 5.2; Hager &
// Zhang, "A survey of nonlinear conjugate gradient methods", Pacific J. Optim. 2 (2006)):
//
//   d_0 = -g_0,   x_{k+1} = x_k + alpha_k d_k,   d_{k+1} = -g_{k+1} + beta_{k+1} d_k,
//
// with alpha_k from the More-Thuente strong Wolfe line search (c1, c2 = 0.1 as N&W
// advise for CG, so that FR directions descend) and, with y = g_{k+1} - g_k:
// - beta=fr (Fletcher & Reeves 1964): |g_{k+1}|^2 / |g_k|^2 (N&W 5.41a);
// - beta=pr+ (default; Polak & Ribiere 1969, Powell 1986, Gilbert & Nocedal 1992):
//   max(0, g_{k+1}'y / |g_k|^2) (N&W 5.45);
// - beta=hz (Hager & Zhang 2005, CG_DESCENT): (y - 2 d |y|^2/(d'y))'g_{k+1} / (d'y), bounded
//   below by -1/(|d| min(0.01, |g_k|)).
// The first trial step is 1/|g_0|_inf (a first move of at most 1 per coordinate), then
// alpha_{k-1} g_{k-1}'d_{k-1} / g_k'd_k (N&W 3.60). The direction restarts with steepest
// descent every restart_every iterations (0 = n, the dimension; N&W 5.2), when it is
// not a descent direction, and once after a failed line search.
//
// Trace: step = alpha, ls_trials, accepted_by from the line search (StrongWolfe).
#include "optiml/core/enum_names.hpp"
#include "optiml/core/objective.hpp"
#include "optiml/core/options.hpp"
#include "optiml/core/result.hpp"
#include "optiml/core/solver_options.hpp"

namespace optiml {

enum class ConjugateGradientBeta { FletcherReeves, PolakRibierePlus, HagerZhang };

template <>
struct EnumNames<ConjugateGradientBeta> {
  static constexpr std::pair<ConjugateGradientBeta, const char*> table[] = {
      {ConjugateGradientBeta::FletcherReeves, "fr"},
      {ConjugateGradientBeta::PolakRibierePlus, "pr+"},
      {ConjugateGradientBeta::HagerZhang, "hz"},
  };
};

class ConjugateGradient {
 public:
  struct Options : SolverOptions {
    ConjugateGradientBeta beta = ConjugateGradientBeta::PolakRibierePlus;
    double c1 = 1e-4;          // sufficient decrease (N&W 3.6)
    double c2 = 0.1;           // curvature; 0.1 for CG (N&W section 3.1, after 3.7)
    long restart_every = 0;    // steepest-descent restart period; 0 = n (N&W 5.2)
    long max_linesearch = 20;  // trials per line search
  };

  ConjugateGradient() = default;
  explicit ConjugateGradient(Options options) : options_(std::move(options)) {}

  Result minimize(const Objective& f, const Vector& x0) const;
  static const OptionTable<Options>& option_table();

 private:
  Options options_;
};

}  // namespace optiml
