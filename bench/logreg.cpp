// optiml side of bench/logreg.py: L2-regularized logistic regression
// f(w) = mean(log(1 + exp(-y x^T w))) + (lambda / 2) |w|^2, no intercept, on
// X.npy (n x d) and y.npy (+-1). First a tight Newton-CG solve gives f*
// (untimed); then each solver runs until f <= f* (1 + rel), timed, stopped by an
// observer at that point. Prints one JSON line per solver.
// usage: bench_logreg X.npy y.npy lambda [rel] [repeats]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "optiml/data/npy.hpp"
#include "optiml/ml/erm_objective.hpp"
#include "optiml/solvers.hpp"

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: bench_logreg X.npy y.npy lambda [rel] [repeats]\n");
    return 2;
  }
  try {
    const auto X = std::make_shared<const optiml::RowMatrix>(optiml::read_npy_matrix(argv[1]));
    const optiml::Vector y = optiml::read_npy_vector(argv[2]);
    const double lambda = std::atof(argv[3]);
    const double rel = argc > 4 ? std::atof(argv[4]) : 1e-8;
    const int repeats = argc > 5 ? std::atoi(argv[5]) : 3;
    optiml::ErmObjective::Options o;
    o.loss = optiml::LossKind::Logistic;
    o.l2 = lambda;
    o.fit_intercept = false;
    const optiml::ErmObjective f(X, y, o);
    const optiml::Vector w0 = optiml::Vector::Zero(f.dim());
    const auto ref = optiml::solvers().find("newton-cg").run(f, w0, {{"gtol", "1e-13"}, {"max_iterations", "200"}}, {});
    const double f_star = ref.value, target = f_star * (1.0 + rel);
    std::printf("{\"solver\": \"reference\", \"f_star\": %.17g, \"status\": \"%s\"}\n", f_star,
                std::string(optiml::enum_to_string(ref.status)).c_str());
    for (const char* name : {"lbfgs", "newton-cg", "trust-steihaug", "newton"}) {
      if (std::string(name) == "newton" && f.dim() > 1000) continue;
      std::vector<double> times;
      optiml::Result r;
      for (int k = 0; k < repeats; ++k) {
        auto stop = optiml::make_observer([&](const optiml::IterationRecord& rec, const optiml::Vector&) {
          return rec.f <= target ? optiml::ObserverAction::Stop : optiml::ObserverAction::Continue;
        });
        const auto t0 = std::chrono::steady_clock::now();
        r = optiml::solvers().find(name).run(f, w0, {{"gtol", "1e-14"}, {"ftol", "0"}, {"max_iterations", "100000"}},
                                             {stop});
        times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
      }
      std::sort(times.begin(), times.end());
      std::printf("{\"solver\": \"%s\", \"seconds\": %.6f, \"f\": %.17g, \"reached\": %s, \"iterations\": %ld, "
                  "\"f_evals\": %ld, \"hv_evals\": %ld}\n",
                  name, times[times.size() / 2], r.value, r.value <= target ? "true" : "false", r.iterations,
                  r.evaluations.f, r.evaluations.hessian_vector + r.evaluations.hessian);
      std::fflush(stdout);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_logreg: error: %s\n", e.what());
    return 1;
  }
  return 0;
}
