// Multinomial logistic regression on Fashion-MNIST (Debian's dataset-fashion-mnist):
// 60000 training images, 10 classes, 784 pixels in [0, 1]; prints the test
// accuracy and the convergence trace. `make run` runs it after the tour.
// usage: example_fashion_mnist_logreg [C] [solver] [max_iter] [trace.csv] [min_test_accuracy]
// (exit status 3 when the test accuracy is below min_test_accuracy: ctest uses it)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "optiml/data/fashion_mnist.hpp"
#include "optiml/ml/linear_models.hpp"
#include "optiml/ml/metrics.hpp"

int main(int argc, char** argv) {
  using clock = std::chrono::steady_clock;
  try {
    optiml::LogisticRegression::Options o;
    o.C = argc > 1 ? std::atof(argv[1]) : 1.0;
    o.solver = argc > 2 ? argv[2] : "newton-cg";  // converges in about 10 iterations here
    o.max_iter = argc > 3 ? std::atol(argv[3]) : 100;
    o.tol = 1e-5;
    const auto t0 = clock::now();
    const optiml::Dataset train = optiml::load_fashion_mnist("train"), test = optiml::load_fashion_mnist("test");
    const auto X = std::make_shared<const optiml::RowMatrix>(train.dense());
    const optiml::RowMatrix X_test = test.dense();
    const double t_load = std::chrono::duration<double>(clock::now() - t0).count();
    optiml::LogisticRegression model(o);
    const auto t1 = clock::now();
    model.fit(X, train.labels());
    const double t_fit = std::chrono::duration<double>(clock::now() - t1).count();
    std::printf("Fashion-MNIST multinomial logistic regression (C = %g, solver %s)\n", o.C, o.solver.c_str());
    std::printf("  data: %ld train x %ld features, %ld test, loaded in %.2f s\n", static_cast<long>(X->rows()),
                static_cast<long>(X->cols()), static_cast<long>(X_test.rows()), t_load);
    std::printf("%s", model.result().summary().c_str());
    std::printf("  fit time        %.2f s\n", t_fit);
    std::printf("  train accuracy  %.4f\n", model.score(*X, train.labels()));
    const double test_accuracy = model.score(X_test, test.labels());
    std::printf("  test accuracy   %.4f  (scikit-learn's LogisticRegression baseline: about 0.84)\n", test_accuracy);
    const auto& tr = model.result().trace.records;
    std::printf("  trace (iteration, seconds, objective, gradient inf-norm):\n");
    for (std::size_t k = 0; k < tr.size(); k += std::max<std::size_t>(1, tr.size() / 10))
      std::printf("    %5ld  %7.2f  %.8f  %.3e\n", tr[k].iteration, tr[k].time, tr[k].f, tr[k].optimality);
    if (argc > 4 && std::string(argv[4]) != "-") model.result().trace.save(argv[4]);
    if (argc > 5 && test_accuracy < std::atof(argv[5])) {
      std::fprintf(stderr, "example_fashion_mnist_logreg: test accuracy %.4f below %s\n", test_accuracy, argv[5]);
      return 3;
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "example_fashion_mnist_logreg: error: %s\n", e.what());
    return 1;
  }
  return 0;
}
