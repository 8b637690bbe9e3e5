// optiml side of the L-BFGS benchmark (bench/lbfgs_rosenbrock.py runs it next
// to scipy): L-BFGS on extended Rosenbrock (More-Garbow-Hillstrom problem 21)
// from the standard start, memory m, stopping only on |g|_inf <= gtol.
// Prints one JSON line per size, plus the machine's copy bandwidth and the
// memory traffic of one L-BFGS iteration.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "optiml/problems/test_problem.hpp"
#include "optiml/smooth/lbfgs.hpp"

namespace {

// Best-of-k bandwidth of a plain copy b = a (bytes read + written per second).
double copy_bandwidth(std::size_t n) {
  std::vector<double> a(n, 1.0), b(n, 0.0);
  double best = 1e30;
  for (int r = 0; r < 7; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    std::copy(a.begin(), a.end(), b.begin());
    double t = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    best = std::min(best, t);
    a[r] = b[n - 1 - r];  // keep the copies observable
  }
  return 2.0 * 8.0 * static_cast<double>(n) / best;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<long> sizes = {10000, 100000, 1000000};
  if (argc > 1) {
    sizes.clear();
    std::string s = argv[1];
    for (std::size_t p = 0; p <= s.size();) {
      std::size_t q = s.find(',', p);
      if (q == std::string::npos) q = s.size();
      sizes.push_back(std::stol(s.substr(p, q - p)));
      p = q + 1;
    }
  }
  const double gtol = argc > 2 ? std::atof(argv[2]) : 1e-5;
  const long memory = argc > 3 ? std::atol(argv[3]) : 10;

  for (long n : sizes) {
    optiml::TestProblem p = optiml::make_problem("extended-rosenbrock", n);
    optiml::LBFGS::Options o;
    o.memory = memory;
    o.tolerances.gtol = gtol;
    o.tolerances.ftol = 0.0;  // like scipy's ftol=0: only the gradient test stops the run
    o.tolerances.max_iterations = 100000;
    optiml::LBFGS solver(o);
    auto t0 = std::chrono::steady_clock::now();
    optiml::Result r = solver.minimize(*p.objective, p.x0);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    // Vector passes of one iteration with a full memory and one line-search
    // trial (see src/smooth/lbfgs.cpp): pair update 2m+3, direction 2m+2,
    // trial point 3, objective 2, phi'(alpha) 2.
    const double bytes_per_iteration = (4.0 * memory + 12.0) * 8.0 * static_cast<double>(n);
    std::printf(
        "{\"n\": %ld, \"seconds\": %.6f, \"nit\": %ld, \"nfev\": %ld, \"f\": %.17g, \"gnorm_inf\": %.6g, "
        "\"status\": \"%s\", \"bytes_per_iteration\": %.6g, \"copy_bandwidth\": %.6g}\n",
        n, seconds, r.iterations, r.evaluations.f, r.value, r.optimality,
        std::string(optiml::enum_to_string(r.status)).c_str(), bytes_per_iteration,
        copy_bandwidth(static_cast<std::size_t>(std::max(n, 4000000L))));
    std::fflush(stdout);
  }
  return 0;
}
