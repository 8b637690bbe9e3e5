// optiml side of bench/linsvc.py: LinearSVC (hinge loss, dual coordinate
// descent, bias as a constant feature like liblinear -B 1) on X.npy / y.npy
// with tolerance tol; prints the dual objective and the median fit time.
// usage: bench_linsvc X.npy y.npy C tol [repeats]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "optiml/data/npy.hpp"
#include "optiml/ml/linear_models.hpp"

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: bench_linsvc X.npy y.npy C tol [repeats]\n");
    return 2;
  }
  try {
    const optiml::RowMatrix X = optiml::read_npy_matrix(argv[1]);
    const optiml::Vector y = optiml::read_npy_vector(argv[2]);
    optiml::LinearSVC::Options o;
    o.C = std::atof(argv[3]);
    o.tol = std::atof(argv[4]);
    o.loss = optiml::LossKind::Hinge;
    o.max_iter = 100000;
    const int repeats = argc > 5 ? std::atoi(argv[5]) : 3;
    std::vector<double> t;
    optiml::LinearSVC m(o);
    for (int k = 0; k < repeats; ++k) {
      const auto t0 = std::chrono::steady_clock::now();
      m.fit(X, y);
      t.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(t.begin(), t.end());
    std::printf("{\"seconds\": %.6f, \"dual\": %.17g, \"primal\": %.17g, \"epochs\": %ld}\n", t[t.size() / 2],
                m.dual_objective(), m.primal_objective(), m.epochs());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_linsvc: error: %s\n", e.what());
    return 1;
  }
  return 0;
}
