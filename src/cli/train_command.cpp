// optiml train: a linear model (ml/) on a data file (data/) or Fashion-MNIST.
#include <chrono>
#include <cmath>
#include <memory>
#include <optional>

#include "commands.hpp"
#include "optiml/core/error.hpp"
#include "optiml/core/json.hpp"
#include "optiml/core/options.hpp"
#include "optiml/data/csv.hpp"
#include "optiml/data/fashion_mnist.hpp"
#include "optiml/data/idx.hpp"
#include "optiml/data/libsvm.hpp"
#include "optiml/data/npy.hpp"
#include "optiml/ml/linear_models.hpp"
#include "optiml/ml/metrics.hpp"
#include "text_table.hpp"

namespace optiml::cli {

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string format_of(const Arguments& args, const std::string& path) {
  if (auto f = args.value("--format")) {
    if (*f != "libsvm" && *f != "csv" && *f != "npy" && *f != "idx")
      throw InvalidArgument("--format: '" + *f + "' is not one of libsvm, csv, idx, npy");
    return *f;
  }
  std::string p = ends_with(path, ".gz") ? path.substr(0, path.size() - 3) : path;
  if (ends_with(p, ".csv")) return "csv";
  if (ends_with(p, ".npy")) return "npy";
  if (ends_with(p, "-ubyte") || ends_with(p, ".idx")) return "idx";
  if (ends_with(p, ".svm") || ends_with(p, ".libsvm") || ends_with(p, ".txt") || ends_with(p, ".svmlight"))
    return "libsvm";
  throw InvalidArgument("'" + path + "': cannot tell the format from the name; give --format libsvm|csv|idx|npy");
}

Dataset load(const Arguments& args, const std::string& path, const std::optional<std::string>& labels,
             const char* labels_flag, Index n_features) {
  const std::string format = format_of(args, path);
  if (format == "libsvm") {
    LibsvmReadOptions o;
    o.n_features = n_features;
    return read_libsvm(path, o);
  }
  if (format == "csv") return read_csv(path);
  if (!labels) throw InvalidArgument(std::string(labels_flag) + " is required with " + format + " features");
  if (format == "idx") return Dataset(read_idx_images(path), read_idx_labels(*labels));
  return Dataset(read_npy_matrix(path), read_npy_vector(*labels));
}

double parse_positive(const Arguments& args, const char* flag, double fallback) {
  const auto v = args.value(flag);
  if (!v) return fallback;
  const double x = parse_double(*v, flag);
  if (!(x > 0)) throw InvalidArgument(std::string(flag) + ": must be > 0, got " + *v);
  return x;
}

long parse_count(const Arguments& args, const char* flag, long fallback) {
  const auto v = args.value(flag);
  if (!v) return fallback;
  const double x = parse_double(*v, flag);
  if (!(x >= 1) || x != std::floor(x)) throw InvalidArgument(std::string(flag) + ": must be a positive integer, got " + *v);
  return static_cast<long>(x);
}

RowMatrix dense_rows(const Dataset& d) { return d.is_sparse() ? RowMatrix(d.to_dense()) : RowMatrix(d.dense()); }

}  // namespace

int train_command(const Arguments& args, std::ostream& out) {
  const std::string model = *args.value("--model");
  if (model != "logreg" && model != "linsvc" && model != "ridge" && model != "linreg" && model != "perceptron")
    throw InvalidArgument("--model: '" + model + "' is not one of logreg, linsvc, ridge, linreg, perceptron");
  if (args.has("--data") == args.has("--dataset")) throw InvalidArgument("give exactly one of --data and --dataset");
  const auto trace_path = args.value("--trace");
  if (trace_path && !ends_with(*trace_path, ".csv") && !ends_with(*trace_path, ".json"))
    throw InvalidArgument("--trace: '" + *trace_path + "' must end in .csv or .json");

  const auto t0 = std::chrono::steady_clock::now();
  Dataset train, test;
  bool has_test = false;
  std::string source;
  if (auto name = args.value("--dataset")) {
    if (*name != "fashion-mnist") throw InvalidArgument("--dataset: '" + *name + "' is not one of fashion-mnist");
    train = load_fashion_mnist("train");
    test = load_fashion_mnist("test");
    has_test = true;
    source = "fashion-mnist";
  } else {
    source = *args.value("--data");
    train = load(args, source, args.value("--labels"), "--labels", 0);
    if (auto t = args.value("--test")) {
      test = load(args, *t, args.value("--test-labels"), "--test-labels", train.n_features());
      has_test = true;
      if (test.n_features() != train.n_features())
        throw InvalidArgument("--test: " + std::to_string(test.n_features()) + " features, the training data has " +
                              std::to_string(train.n_features()));
    }
  }
  const double load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  const bool regression = model == "ridge" || model == "linreg";
  const RowMatrix X = dense_rows(train);
  const RowMatrix Xt = has_test ? dense_rows(test) : RowMatrix();
  double train_score = 0.0, test_score = 0.0;
  const Result* result = nullptr;
  LogisticRegression logreg;
  LinearSVC svc;
  Ridge ridge;
  Perceptron perceptron;
  const auto t1 = std::chrono::steady_clock::now();
  if (model == "logreg") {
    auto& o = logreg.options();
    o.C = parse_positive(args, "--C", o.C);
    if (auto s = args.value("--solver")) o.solver = *s;
    o.tol = parse_positive(args, "--tol", o.tol);
    o.max_iter = parse_count(args, "--max-iter", o.max_iter);
    logreg.fit(std::make_shared<const RowMatrix>(X), train.labels());
    train_score = logreg.score(X, train.labels());
    if (has_test) test_score = logreg.score(Xt, test.labels());
    result = &logreg.result();
  } else if (model == "linsvc") {
    auto& o = svc.options();
    o.C = parse_positive(args, "--C", o.C);
    o.tol = parse_positive(args, "--tol", o.tol);
    o.max_iter = parse_count(args, "--max-iter", o.max_iter);
    if (auto s = args.value("--solver")) o.solver = *s;
    svc.fit(X, train.labels());
    train_score = svc.score(X, train.labels());
    if (has_test) test_score = svc.score(Xt, test.labels());
    result = &svc.result();
  } else if (model == "perceptron") {
    perceptron.options().max_iter = parse_count(args, "--max-iter", perceptron.options().max_iter);
    perceptron.fit(X, train.labels());
    train_score = perceptron.score(X, train.labels());
    if (has_test) test_score = perceptron.score(Xt, test.labels());
    result = &perceptron.result();
  } else {
    auto& o = ridge.options();
    o.alpha = model == "linreg" ? 0.0 : (args.has("--alpha") ? parse_double(*args.value("--alpha"), "--alpha") : 1.0);
    if (!(o.alpha >= 0)) throw InvalidArgument("--alpha: must be >= 0");
    ridge.fit(X, train.labels());
    train_score = ridge.score(X, train.labels());
    if (has_test) test_score = ridge.score(Xt, test.labels());
    result = &ridge.result();
  }
  const double fit_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
  if (trace_path) result->trace.save(*trace_path);

  const char* metric = regression ? "r2" : "accuracy";
  if (args.has("--json")) {
    Json j;
    j["model"] = Json(model);
    j["data"] = Json(source);
    j["n_train"] = Json(static_cast<double>(train.n_samples()));
    j["n_features"] = Json(static_cast<double>(train.n_features()));
    j["solver"] = Json(result->solver);
    j["status"] = Json(std::string(enum_to_string(result->status)));
    j["message"] = Json(result->message);
    j["iterations"] = Json(static_cast<double>(result->iterations));
    j["load_seconds"] = Json(load_seconds);
    j["fit_seconds"] = Json(fit_seconds);
    j[std::string("train_") + metric] = Json(train_score);
    if (has_test) j[std::string("test_") + metric] = Json(test_score);
    out << j.dump() << "\n";
    return 0;
  }
  out << "model " << model << " on " << source << ": " << train.n_samples() << " samples x " << train.n_features()
      << " features" << (train.is_sparse() ? " (sparse)" : "") << ", loaded in "
      << format_number("%.2f", load_seconds) << " s\n";
  out << result->summary();
  out << "  fit time        " << format_number("%.3f", fit_seconds) << " s\n";
  out << "  train " << (regression ? "R^2     " : "accuracy") << "  " << format_number("%.4f", train_score) << "\n";
  if (has_test)
    out << "  test " << (regression ? "R^2      " : "accuracy ") << "  " << format_number("%.4f", test_score) << " ("
        << test.n_samples() << " samples)\n";
  if (trace_path) out << "  trace           " << *trace_path << " (" << result->trace.size() << " rows)\n";
  return 0;
}

}  // namespace optiml::cli
