// Linear models against scikit-learn's fits on the same data (reference values
// from tests/ml/reference/make_reference.py, checked in) and closed forms.
#include "optiml/ml/linear_models.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "optiml/core/error.hpp"
#include "optiml/core/json.hpp"
#include "optiml/ml/metrics.hpp"

namespace {

using optiml::Index;
using optiml::Matrix;
using optiml::RowMatrix;
using optiml::Vector;

const std::string kRef = std::string(OPTIML_SOURCE_DIR) + "/tests/ml/reference/";

// The reference CSVs: features, then the label in the last column.
void read_csv(const std::string& name, RowMatrix& X, Vector& y) {
  std::ifstream in(kRef + name);
  std::vector<std::vector<double>> rows;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<double> r;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) r.push_back(std::stod(cell));
    rows.push_back(r);
  }
  ASSERT_FALSE(rows.empty()) << name;
  const Index n = static_cast<Index>(rows.size()), d = static_cast<Index>(rows[0].size()) - 1;
  X.resize(n, d);
  y.resize(n);
  for (Index i = 0; i < n; ++i) {
    for (Index j = 0; j < d; ++j) X(i, j) = rows[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
    y[i] = rows[static_cast<std::size_t>(i)][static_cast<std::size_t>(d)];
  }
}

const optiml::Json& reference() {
  static const optiml::Json ref = optiml::Json::parse(optiml::read_file(kRef + "reference.json"));
  return ref;
}

Matrix to_matrix(const optiml::Json& a) {
  const auto& rows = a.array();
  Matrix M(static_cast<Index>(rows.size()), static_cast<Index>(rows[0].array().size()));
  for (Index i = 0; i < M.rows(); ++i)
    for (Index j = 0; j < M.cols(); ++j) M(i, j) = rows[static_cast<std::size_t>(i)].array()[static_cast<std::size_t>(j)].number();
  return M;
}

Vector to_vector(const optiml::Json& a) {
  Vector v(static_cast<Index>(a.array().size()));
  for (Index i = 0; i < v.size(); ++i) v[i] = a.array()[static_cast<std::size_t>(i)].number();
  return v;
}

// scikit-learn's objective C sum log-loss + 1/2 |W|^2 of a fitted model.
double sk_objective(const optiml::LogisticRegression& m, const RowMatrix& X, const Vector& y, double C) {
  const Matrix P = m.predict_proba(X);
  double loss = 0.0;
  for (Index i = 0; i < X.rows(); ++i) {
    const auto& cl = m.classes();
    const Index c = static_cast<Index>(std::find(cl.begin(), cl.end(), y[i]) - cl.begin());
    loss -= std::log(P(i, c));
  }
  return C * loss + 0.5 * m.coef().squaredNorm();
}

TEST(LogisticRegression, BinaryMatchesScikitLearn) {
  RowMatrix X;
  Vector y;
  read_csv("binary.csv", X, y);
  for (double C : {0.1, 1.0, 10.0}) {
    std::ostringstream key;
    key << "binary_C" << C;
    if (C == 1.0) key.str("binary_C1.0");
    if (C == 10.0) key.str("binary_C10.0");
    const auto& ref = reference().at(key.str());
    for (const char* solver : {"lbfgs", "newton-cg", "trust-steihaug", "newton"}) {
      optiml::LogisticRegression::Options o;
      o.C = C;
      o.solver = solver;
      o.tol = 1e-9;
      optiml::LogisticRegression m(o);
      m.fit(X, y);
      EXPECT_TRUE(m.result().success()) << solver << ": " << m.result().message;
      // Same objective within 1e-6 relative, and never worse than scikit-learn's
      // (whose lbfgs stops on a relative change of f of 64 eps, a few 1e-5 away in w).
      const double obj = sk_objective(m, X, y, C), ref_obj = ref.at("objective").number();
      EXPECT_NEAR(obj, ref_obj, 1e-6 * ref_obj) << solver << " C=" << C;
      EXPECT_LE(obj, ref_obj * (1 + 1e-12)) << solver << " C=" << C;
      EXPECT_LT((m.coef() - to_matrix(ref.at("coef"))).norm(), 1e-4) << solver << " C=" << C;
      EXPECT_NEAR(m.intercept()[0], to_vector(ref.at("intercept"))[0], 1e-4) << solver;
      EXPECT_EQ(m.predict(X), to_vector(ref.at("predict"))) << solver << " C=" << C;
    }
  }
}

TEST(LogisticRegression, MultinomialMatchesScikitLearn) {
  RowMatrix X;
  Vector y;
  read_csv("multiclass.csv", X, y);
  const auto& ref = reference().at("multiclass_C0.5");
  for (const char* solver : {"lbfgs", "newton-cg", "trust-steihaug"}) {
    optiml::LogisticRegression::Options o;
    o.C = 0.5;
    o.solver = solver;
    o.tol = 1e-9;
    optiml::LogisticRegression m(o);
    m.fit(X, y);
    EXPECT_EQ(m.classes(), (std::vector<double>{1, 3, 5, 7}));
    const double obj = sk_objective(m, X, y, 0.5), ref_obj = ref.at("objective").number();
    EXPECT_NEAR(obj, ref_obj, 1e-6 * ref_obj) << solver;
    // The softmax parameters are determined up to a common shift only without
    // the penalty; with it they are unique and match.
    EXPECT_LT((m.coef() - to_matrix(ref.at("coef"))).norm(), 1e-4) << solver;
    EXPECT_EQ(m.predict(X), to_vector(ref.at("predict"))) << solver;
    const Matrix P = m.predict_proba(X);
    EXPECT_LT((P.rowwise().sum().array() - 1.0).abs().maxCoeff(), 1e-12);
  }
}

TEST(LogisticRegression, SparseInputWarmStartAndErrors) {
  RowMatrix X;
  Vector y;
  read_csv("binary.csv", X, y);
  auto Xs = std::make_shared<optiml::SparseMatrix>(X.sparseView());
  optiml::LogisticRegression dense, sparse;
  dense.fit(X, y);
  sparse.fit(Xs, y);
  EXPECT_LT((dense.coef() - sparse.coef()).norm(), 1e-6);
  EXPECT_EQ(dense.predict(X), sparse.predict(*Xs));
  EXPECT_NEAR(dense.score(X, y), optiml::accuracy_score(y, dense.predict(X)), 0);
  // A warm start from the solution converges at once.
  dense.options().warm_start = true;
  dense.fit(X, y);
  EXPECT_LE(dense.result().iterations, 2);
  // Errors.
  optiml::LogisticRegression fresh;
  EXPECT_THROW(fresh.predict(X), optiml::InvalidArgument);  // not fitted
  EXPECT_THROW(dense.predict(RowMatrix::Zero(3, 2)), optiml::InvalidArgument);  // feature count
  EXPECT_THROW(fresh.fit(X, Vector::Zero(X.rows())), optiml::InvalidArgument);  // one class
  RowMatrix bad = X;
  bad(4, 2) = std::nan("");
  EXPECT_THROW(fresh.fit(bad, y), optiml::InvalidArgument);
  fresh.options().C = -1;
  EXPECT_THROW(fresh.fit(X, y), optiml::InvalidArgument);
}

TEST(Ridge, ClosedFormsMatchScikitLearnTo1e10) {
  RowMatrix X;
  Vector y;
  read_csv("regression.csv", X, y);
  for (double alpha : {0.0, 3.0}) {
    const auto& ref = reference().at(alpha == 0.0 ? "ridge_alpha0.0" : "ridge_alpha3.0");
    optiml::Ridge::Options o;
    o.alpha = alpha;
    optiml::Ridge m(o);
    m.fit(X, y);
    EXPECT_LT((m.coef().row(0).transpose() - to_vector(ref.at("coef"))).norm(), 1e-10) << alpha;
    EXPECT_NEAR(m.intercept()[0], ref.at("intercept").number(), 1e-10) << alpha;
    EXPECT_GT(m.score(X, y), 0.99);
    // Sparse input through the ErmObjective reaches the same solution.
    optiml::Ridge s(o);
    s.options().tol = 1e-12;
    s.fit(std::make_shared<optiml::SparseMatrix>(X.sparseView()), y);
    EXPECT_LT((s.coef() - m.coef()).norm(), 1e-7 * m.coef().norm()) << alpha << " " << s.result().message;
  }
  optiml::LinearRegression ols;
  ols.fit(X, y);
  EXPECT_LT((ols.coef().row(0).transpose() - to_vector(reference().at("ridge_alpha0.0").at("coef"))).norm(), 1e-10);
}

TEST(Metrics, KnownValues) {
  const Vector t = (Vector(6) << 0, 1, 1, 2, 2, 2).finished(), p = (Vector(6) << 0, 1, 2, 2, 2, 1).finished();
  EXPECT_NEAR(optiml::accuracy_score(t, p), 4.0 / 6.0, 1e-15);
  const auto C = optiml::confusion_matrix(t, p, {0, 1, 2});
  EXPECT_EQ(C(1, 2), 1);
  EXPECT_EQ(C(2, 1), 1);
  EXPECT_EQ(C(2, 2), 2);
  const auto r = optiml::precision_recall_f1(t, p, {0, 1, 2});
  EXPECT_NEAR(r.precision[2], 2.0 / 3.0, 1e-15);
  EXPECT_NEAR(r.recall[1], 0.5, 1e-15);
  EXPECT_NEAR(optiml::r2_score(t, t), 1.0, 0.0);
  Matrix P(2, 2);
  P << 0.9, 0.1, 0.2, 0.8;
  EXPECT_NEAR(optiml::log_loss((Vector(2) << 0, 1).finished(), P, {0, 1}), -(std::log(0.9) + std::log(0.8)) / 2, 1e-15);
  EXPECT_THROW(optiml::accuracy_score(t, Vector(2)), optiml::InvalidArgument);
  EXPECT_THROW(optiml::confusion_matrix(t, p, {0, 1}), optiml::InvalidArgument);
}

}  // namespace

namespace {

TEST(LinearSVC, DualCoordinateDescentMatchesLiblinear) {
  RowMatrix X;
  Vector y;
  read_csv("binary.csv", X, y);
  for (auto [loss, key] : {std::pair{optiml::LossKind::Hinge, "svc_hinge"},
                           std::pair{optiml::LossKind::SquaredHinge, "svc_squared_hinge"}}) {
    const auto& ref = reference().at(key);
    optiml::LinearSVC::Options o;
    o.C = 0.5;
    o.loss = loss;
    o.tol = 1e-10;
    o.max_iter = 100000;
    optiml::LinearSVC m(o);
    m.fit(X, y);
    EXPECT_TRUE(m.result().success()) << key << ": " << m.result().message;
    const double primal = m.primal_objective(), ref_primal = ref.at("primal").number();
    EXPECT_NEAR(primal, ref_primal, 1e-6 * ref_primal) << key;
    // Strong duality at the optimum: primal + dual (the dual is stored negated) -> 0.
    EXPECT_LT(primal + m.dual_objective(), 1e-7 * primal) << key;
    EXPECT_EQ(m.predict(X), to_vector(ref.at("predict"))) << key;
    if (loss == optiml::LossKind::SquaredHinge) {  // strictly convex: the solution is unique
      EXPECT_LT((m.coef() - to_matrix(ref.at("coef"))).norm(), 1e-5) << key;
    }
    // Sparse input gives the same model.
    optiml::LinearSVC ms(o);
    ms.fit(optiml::SparseMatrix(X.sparseView()), y);
    EXPECT_LT((ms.coef() - m.coef()).norm(), 1e-8) << key;
  }
  // The primal method (squared hinge) reaches the same optimum as the dual.
  for (const char* solver : {"lbfgs", "newton-cg", "trust-steihaug"}) {
    optiml::LinearSVC::Options o;
    o.C = 0.5;
    o.solver = solver;
    o.tol = 1e-10;
    optiml::LinearSVC primal(o);
    primal.fit(X, y);
    const double ref = reference().at("svc_squared_hinge").at("primal").number();
    EXPECT_NEAR(primal.primal_objective(), ref, 1e-6 * ref) << solver;
    EXPECT_EQ(primal.predict(X), to_vector(reference().at("svc_squared_hinge").at("predict"))) << solver;
  }
  optiml::LinearSVC bad;
  bad.options().solver = "smo";
  EXPECT_THROW(bad.fit(X, y), optiml::InvalidArgument);
  bad.options().solver = "lbfgs";
  bad.options().loss = optiml::LossKind::Hinge;
  EXPECT_THROW(bad.fit(X, y), optiml::InvalidArgument);
}

}  // namespace

namespace {

TEST(Perceptron, SeparatesSeparableDataWithinNovikoffsBound) {
  std::mt19937_64 rng(3);
  std::normal_distribution<double> N;
  const Index n = 400, d = 5;
  Vector w_true(d);
  for (Index j = 0; j < d; ++j) w_true[j] = N(rng);
  w_true.normalize();
  RowMatrix X(n, d);
  Vector y(n);
  Index kept = 0;
  while (kept < n) {  // keep a margin gamma = 0.1 around the separating hyperplane
    Vector x(d);
    for (Index j = 0; j < d; ++j) x[j] = N(rng);
    const double m = x.dot(w_true);
    if (std::abs(m) < 0.1) continue;
    X.row(kept) = x.transpose();
    y[kept++] = m > 0 ? 2.0 : 5.0;
  }
  optiml::Perceptron::Options o;
  o.fit_intercept = false;
  optiml::Perceptron p(o);
  p.fit(X, y);
  EXPECT_TRUE(p.result().success()) << p.result().message;
  EXPECT_EQ(p.score(X, y), 1.0);
  const double R = X.rowwise().norm().maxCoeff();
  EXPECT_LE(p.updates(), static_cast<long>(std::pow(R / 0.1, 2)));
  // Not separable: stops at max_iter and says so.
  Vector flipped = y;
  flipped[0] = flipped[0] == 2.0 ? 5.0 : 2.0;
  o.max_iter = 5;
  optiml::Perceptron q(o);
  q.fit(X, flipped);
  EXPECT_EQ(q.result().status, optiml::Status::MaxIterations);
}

}  // namespace
