#include "optiml/ml/metrics.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "optiml/core/error.hpp"

namespace optiml {

namespace {
void same_size(const Vector& a, const Vector& b, const char* what) {
  if (a.size() != b.size())
    throw InvalidArgument(std::string(what) + ": y_true has " + std::to_string(a.size()) + " entries, y_pred " +
                          std::to_string(b.size()));
  if (a.size() == 0) throw InvalidArgument(std::string(what) + ": no samples");
}
Index class_index(const std::vector<double>& classes, double y, const char* what) {
  const auto it = std::find(classes.begin(), classes.end(), y);
  if (it == classes.end()) throw InvalidArgument(std::string(what) + ": label " + std::to_string(y) + " is not a known class");
  return static_cast<Index>(it - classes.begin());
}
}  // namespace

double accuracy_score(const Vector& y_true, const Vector& y_pred) {
  same_size(y_true, y_pred, "accuracy_score");
  return (y_true.array() == y_pred.array()).cast<double>().mean();
}

double log_loss(const Vector& y_true, const Matrix& proba, const std::vector<double>& classes, double eps) {
  if (proba.rows() != y_true.size() || proba.cols() != static_cast<Index>(classes.size()))
    throw InvalidArgument("log_loss: proba must be n x K (" + std::to_string(y_true.size()) + " x " +
                          std::to_string(classes.size()) + ")");
  double s = 0.0;
  for (Index i = 0; i < y_true.size(); ++i)
    s -= std::log(std::clamp(proba(i, class_index(classes, y_true[i], "log_loss")), eps, 1.0 - eps));
  return s / static_cast<double>(y_true.size());
}

double r2_score(const Vector& y_true, const Vector& y_pred) {
  same_size(y_true, y_pred, "r2_score");
  const double ss_res = (y_true - y_pred).squaredNorm();
  const double ss_tot = (y_true.array() - y_true.mean()).square().sum();
  return ss_tot > 0 ? 1.0 - ss_res / ss_tot : (ss_res == 0 ? 1.0 : 0.0);
}

Eigen::MatrixXi confusion_matrix(const Vector& y_true, const Vector& y_pred, const std::vector<double>& classes) {
  same_size(y_true, y_pred, "confusion_matrix");
  const Index k = static_cast<Index>(classes.size());
  Eigen::MatrixXi C = Eigen::MatrixXi::Zero(k, k);
  for (Index i = 0; i < y_true.size(); ++i)
    ++C(class_index(classes, y_true[i], "confusion_matrix"), class_index(classes, y_pred[i], "confusion_matrix"));
  return C;
}

ClassReport precision_recall_f1(const Vector& y_true, const Vector& y_pred, const std::vector<double>& classes) {
  const Eigen::MatrixXi C = confusion_matrix(y_true, y_pred, classes);
  ClassReport r;
  for (Index c = 0; c < C.rows(); ++c) {
    const double tp = C(c, c), predicted = C.col(c).sum(), actual = C.row(c).sum();
    const double p = predicted > 0 ? tp / predicted : 0.0, rec = actual > 0 ? tp / actual : 0.0;
    r.precision.push_back(p);
    r.recall.push_back(rec);
    r.f1.push_back(p + rec > 0 ? 2 * p * rec / (p + rec) : 0.0);
  }
  for (double f : r.f1) r.macro_f1 += f / static_cast<double>(r.f1.size());
  return r;
}

}  // namespace optiml
