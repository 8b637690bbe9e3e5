#pragma once
// Classification and regression metrics with scikit-learn's definitions.
#include <vector>

#include "optiml/core/types.hpp"

namespace optiml {

double accuracy_score(const Vector& y_true, const Vector& y_pred);
// Mean negative log-likelihood; proba is n x K with columns in the order of `classes`.
double log_loss(const Vector& y_true, const Matrix& proba, const std::vector<double>& classes, double eps = 1e-15);
// Coefficient of determination 1 - SS_res / SS_tot.
double r2_score(const Vector& y_true, const Vector& y_pred);
// C(i, j) = number of samples of class classes[i] predicted as classes[j].
Eigen::MatrixXi confusion_matrix(const Vector& y_true, const Vector& y_pred, const std::vector<double>& classes);

struct ClassReport {
  std::vector<double> precision, recall, f1;  // per class, in the order of `classes`
  double macro_f1 = 0.0;
};
ClassReport precision_recall_f1(const Vector& y_true, const Vector& y_pred, const std::vector<double>& classes);

}  // namespace optiml
