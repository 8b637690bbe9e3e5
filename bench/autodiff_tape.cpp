// Scalar reverse mode on chained Rosenbrock (n = 100 by default): the cheap
// gradient principle (gradient time / value time, target <= 4; Griewank &
// Walther, 4.6) for optiml's tape recorded each call and replayed, and against
// ADOL-C (Debian libadolc-dev) taping + gradient in the same run when built
// with it. Prints one BENCH line; medians of batches.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "optiml/autodiff/ad.hpp"

#ifdef OPTIML_HAVE_ADOLC
#include <adolc/adolc.h>
#endif

namespace {

template <class T, class X>
T rosen(const X& x, long n) {
  T f = 0.0;
  for (long i = 0; i + 1 < n; ++i) {
    T t = x[i + 1] - x[i] * x[i];
    T u = 1.0 - x[i];
    f += 100.0 * t * t + u * u;
  }
  return f;
}

template <class F>
double median_seconds_per_call(F&& body, long calls) {
  std::vector<double> t;
  for (int b = 0; b < 9; ++b) {
    const auto t0 = std::chrono::steady_clock::now();
    for (long k = 0; k < calls; ++k) body();
    t.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / calls);
  }
  std::nth_element(t.begin(), t.begin() + 4, t.end());
  return t[4];
}

volatile double sink = 0.0;

}  // namespace

int main(int argc, char** argv) {
  const long n = argc > 1 ? std::atol(argv[1]) : 100;
  const long calls = argc > 2 ? std::atol(argv[2]) : 20000;
  optiml::Vector x(n);
  for (long i = 0; i < n; ++i) x[i] = i % 2 ? 1.0 : -1.2;
  auto f = [n](const auto& v) {
    using T = typename std::decay_t<decltype(v)>::Scalar;
    return rosen<T>(v, n);
  };
  optiml::Vector g(n);
  const double t_f = median_seconds_per_call([&] { sink = sink + f(x); }, calls);
  const double t_record = median_seconds_per_call([&] { sink = sink + optiml::ad::gradient(f, x, g); }, calls);
  optiml::ad::RecordedFunction rec(f, x);
  const double t_replay = median_seconds_per_call([&] { sink = sink + rec.gradient(x, g); }, calls);
  std::printf("BENCH autodiff-tape rosenbrock n=%ld value_us=%.3f record_gradient_us=%.3f replay_gradient_us=%.3f "
              "ratio_record=%.2f ratio_replay=%.2f",
              n, 1e6 * t_f, 1e6 * t_record, 1e6 * t_replay, t_record / t_f, t_replay / t_f);
#ifdef OPTIML_HAVE_ADOLC
  std::vector<double> xs(x.data(), x.data() + n), gs(n);
  auto tape = [&] {
    trace_on(1);
    std::vector<adouble> ax(n);
    for (long i = 0; i < n; ++i) ax[i] <<= xs[i];
    adouble y = rosen<adouble>(ax, n);
    double fy;
    y >>= fy;
    trace_off();
    sink = sink + fy;
  };
  const double t_adolc_tape = median_seconds_per_call(tape, calls / 4 + 1);
  tape();
  const double t_adolc_grad = median_seconds_per_call([&] { gradient(1, n, xs.data(), gs.data()); }, calls);
  const double t_adolc_both = median_seconds_per_call([&] {
    tape();
    gradient(1, n, xs.data(), gs.data());
  }, calls / 4 + 1);
  double diff = 0.0;
  for (long i = 0; i < n; ++i) diff = std::max(diff, std::abs(gs[i] - g[i]));
  std::printf(" adolc_tape_us=%.3f adolc_gradient_us=%.3f adolc_tape_and_gradient_us=%.3f "
              "speedup_vs_adolc_tape_and_gradient=%.2f speedup_vs_adolc_gradient_replay=%.2f max_gradient_diff=%.1e",
              1e6 * t_adolc_tape, 1e6 * t_adolc_grad, 1e6 * t_adolc_both, t_adolc_both / t_record,
              t_adolc_grad / t_replay, diff);
#endif
  std::printf("\n");
  return 0;
}
