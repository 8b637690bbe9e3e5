#include "optiml/ml/erm_objective.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "optiml/core/check_gradient.hpp"
#include "optiml/core/error.hpp"
#include "optiml/core/finite_difference.hpp"
#include "optiml/solvers.hpp"

namespace {

using optiml::ErmObjective;
using optiml::Index;
using optiml::LossKind;
using optiml::Matrix;
using optiml::RowMatrix;
using optiml::Vector;

struct Data {
  std::shared_ptr<RowMatrix> X;
  std::shared_ptr<optiml::SparseMatrix> Xs;
  Vector y_reg, y_pm, y_class;
};

Data make_data(Index n, Index d, std::uint64_t seed, Index classes = 3) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> N;
  std::bernoulli_distribution sparse(0.3);
  Data out;
  out.X = std::make_shared<RowMatrix>(n, d);
  for (Index i = 0; i < n; ++i)
    for (Index j = 0; j < d; ++j) (*out.X)(i, j) = sparse(rng) ? N(rng) : 0.0;
  out.Xs = std::make_shared<optiml::SparseMatrix>(out.X->sparseView());
  Vector w(d);
  for (Index j = 0; j < d; ++j) w[j] = N(rng);
  const Vector z = *out.X * w;
  out.y_reg = z + 0.1 * Vector::NullaryExpr(n, [&] { return N(rng); });
  out.y_pm = z.unaryExpr([](double t) { return t >= 0 ? 1.0 : -1.0; });
  out.y_class.resize(n);
  for (Index i = 0; i < n; ++i) out.y_class[i] = static_cast<double>(std::uniform_int_distribution<Index>(0, classes - 1)(rng));
  return out;
}

Vector random_vector(Index n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> N;
  return Vector::NullaryExpr(n, [&] { return 0.5 * N(rng); });
}

TEST(Loss, DerivativesMatchFiniteDifferences) {
  for (LossKind k : {LossKind::Squared, LossKind::Huber, LossKind::Logistic, LossKind::SquaredHinge,
                     LossKind::Absolute, LossKind::Hinge}) {
    for (double z : {-2.3, -0.4, 0.35, 1.7}) {
      for (double y : {-1.0, 1.0}) {
        const auto l = optiml::loss_eval(k, z, y, 0.8);
        const double h = 1e-6;
        const double d1 = (optiml::loss_eval(k, z + h, y, 0.8).value - optiml::loss_eval(k, z - h, y, 0.8).value) / (2 * h);
        EXPECT_NEAR(l.d1, d1, 1e-6) << enum_to_string(k) << " z=" << z << " y=" << y;
        if (optiml::has_second_derivative(k)) {
          const double d2 = (optiml::loss_eval(k, z + h, y, 0.8).d1 - optiml::loss_eval(k, z - h, y, 0.8).d1) / (2 * h);
          EXPECT_NEAR(l.d2, d2, 1e-5) << enum_to_string(k) << " z=" << z << " y=" << y;
        }
      }
    }
  }
  // Logistic stays finite far out.
  EXPECT_NEAR(optiml::loss_eval(LossKind::Logistic, -800.0, 1.0).value, 800.0, 1e-12);
  EXPECT_EQ(optiml::loss_eval(LossKind::Logistic, 800.0, 1.0).value, 0.0);
}

TEST(ErmObjective, GradientsAndHessianVectorProductsForEveryLossDenseAndSparse) {
  const Data data = make_data(300, 7, 1);
  for (LossKind k : {LossKind::Squared, LossKind::Huber, LossKind::Logistic, LossKind::SquaredHinge}) {
    ErmObjective::Options o;
    o.loss = k;
    o.l2 = 0.1;
    const Vector& y = optiml::is_classification(k) ? data.y_pm : data.y_reg;
    ErmObjective dense(data.X, y, o), sparse(data.Xs, y, o);
    const Vector w = random_vector(dense.dim(), 2), v = random_vector(dense.dim(), 3);
    const auto c = optiml::check_gradient(dense, w, 1e-6, 1e-9);
    EXPECT_TRUE(c.ok) << enum_to_string(k) << ": " << c.report();
    Vector gd, gs;
    EXPECT_NEAR(dense.value_and_gradient(w, gd), sparse.value_and_gradient(w, gs), 1e-12);
    EXPECT_LT((gd - gs).norm(), 1e-12);
    Vector Hv, Hv_fd;
    dense.hessian_vector(w, v, Hv);
    optiml::finite_difference_hessian_vector(dense, w, gd, v, Hv_fd);
    EXPECT_LT((Hv - Hv_fd).norm() / Hv.norm(), 1e-5) << enum_to_string(k);
    Vector Hv_s;
    sparse.hessian_vector(w, v, Hv_s);
    EXPECT_LT((Hv - Hv_s).norm(), 1e-12);
  }
}

TEST(ErmObjective, MultinomialGradientHessianAndThreadIndependence) {
  const Data data = make_data(500, 6, 4, 4);
  ErmObjective::Options o;
  o.classes = 4;
  o.l2 = 0.01;
  ErmObjective f(data.X, data.y_class, o);
  EXPECT_EQ(f.dim(), (6 + 1) * 4);
  const Vector w = random_vector(f.dim(), 5), v = random_vector(f.dim(), 6);
  const auto c = optiml::check_gradient(f, w, 1e-6, 1e-9);
  EXPECT_TRUE(c.ok) << c.report();
  Vector g, Hv, Hv_fd;
  f.value_and_gradient(w, g);
  f.hessian_vector(w, v, Hv);
  optiml::finite_difference_hessian_vector(f, w, g, v, Hv_fd);
  EXPECT_LT((Hv - Hv_fd).norm() / Hv.norm(), 1e-5);
  // The same bits with one thread.
  o.threads = 1;
  ErmObjective f1(data.X, data.y_class, o);
  Vector g1;
  EXPECT_EQ(f1.value_and_gradient(w, g1), f.value_and_gradient(w, g));
  EXPECT_EQ(g1, g);
}

TEST(ErmObjective, RidgeMinimizerMatchesTheNormalEquations) {
  const Data data = make_data(400, 8, 7);
  ErmObjective::Options o;
  o.loss = LossKind::Squared;
  o.l2 = 0.05;
  o.fit_intercept = false;
  ErmObjective f(data.X, data.y_reg, o);
  const double n = 400;
  const Matrix A = data.X->transpose() * *data.X / n + o.l2 * Matrix::Identity(8, 8);
  const Vector w_star = A.llt().solve(data.X->transpose() * data.y_reg / n);
  for (const char* solver : {"lbfgs", "newton-cg", "trust-steihaug", "newton"}) {
    const auto r = optiml::solvers().find(solver).run(f, Vector::Zero(8), {{"gtol", "1e-13"}}, {});
    EXPECT_LT((r.x - w_star).norm(), 1e-10 * w_star.norm()) << solver << ": " << r.message;
  }
}

TEST(ErmObjective, BadInputIsRejected) {
  const Data data = make_data(20, 3, 9);
  ErmObjective::Options o;
  EXPECT_THROW(ErmObjective(data.X, data.y_reg, o), optiml::InvalidArgument);  // logistic needs +-1
  EXPECT_THROW(ErmObjective(data.X, Vector::Ones(5), o), optiml::InvalidArgument);
  o.classes = 2;
  Vector bad = data.y_class;
  bad[3] = 2.0;
  EXPECT_THROW(ErmObjective(data.X, bad, o), optiml::InvalidArgument);
  o.classes = 0;
  o.loss = LossKind::Hinge;
  ErmObjective hinge(data.X, data.y_pm, o);
  Vector Hv;
  EXPECT_FALSE(hinge.has_hessian_vector());
  EXPECT_THROW(hinge.hessian_vector(Vector::Zero(4), Vector::Zero(4), Hv), optiml::InvalidArgument);
  EXPECT_THROW(hinge.value(Vector::Zero(3)), optiml::InvalidArgument);
}

}  // namespace

namespace {

TEST(ErmObjective, DenseHessianEqualsHessianVectorProducts) {
  const Data data = make_data(200, 5, 11);
  for (bool intercept : {true, false}) {
    ErmObjective::Options o;
    o.l2 = 0.3;
    o.fit_intercept = intercept;
    for (auto X : {0, 1}) {
      const ErmObjective f = X == 0 ? ErmObjective(data.X, data.y_pm, o) : ErmObjective(data.Xs, data.y_pm, o);
      const Vector w = random_vector(f.dim(), 12);
      Matrix H;
      f.hessian(w, H);
      for (Index j = 0; j < f.dim(); ++j) {
        Vector e = Vector::Zero(f.dim()), Hv;
        e[j] = 1.0;
        f.hessian_vector(w, e, Hv);
        EXPECT_LT((H.col(j) - Hv).norm(), 1e-13) << j;
      }
    }
  }
}

}  // namespace

#include "optiml/ml/regularizer.hpp"

namespace {

TEST(ErmObjective, PerSampleDerivativesRebuildTheGradient) {
  const Data data = make_data(150, 4, 13, 3);
  for (Index classes : {0, 3}) {
    ErmObjective::Options o;
    o.classes = classes;
    o.l2 = 0.2;
    const ErmObjective f(data.X, classes ? data.y_class : data.y_pm, o);
    const Vector w = random_vector(f.dim(), 14);
    Vector losses, g;
    Matrix D;
    f.sample_derivatives(w, losses, D);
    const double value = f.value_and_gradient(w, g);
    const Index d = 4, k = f.num_outputs();
    EXPECT_NEAR(losses.mean() + 0.5 * o.l2 * w.head(d * k).squaredNorm(), value, 1e-13);
    Vector rebuilt(f.dim());
    Eigen::Map<Matrix>(rebuilt.data(), d, k) = data.X->transpose() * D / 150.0;
    rebuilt.tail(k) = D.colwise().sum().transpose() / 150.0;
    rebuilt.head(d * k) += o.l2 * w.head(d * k);
    EXPECT_LT((rebuilt - g).norm(), 1e-13) << classes;
  }
}

TEST(Regularizer, ValuesAndSubgradients) {
  const Vector w = (Vector(3) << 2.0, 0.0, -0.5).finished();
  optiml::Regularizer r{optiml::PenaltyKind::L1, 0.3, 0.5};
  EXPECT_NEAR(r.value(w), 0.3 * 2.5, 1e-15);
  Vector g;
  r.subgradient(w, g);
  EXPECT_EQ(g, (Vector(3) << 0.3, 0.0, -0.3).finished());
  r.kind = optiml::PenaltyKind::ElasticNet;
  EXPECT_NEAR(r.value(w), 0.3 * (0.5 * 2.5 + 0.25 * 4.25), 1e-15);
  r.subgradient(w, g);
  EXPECT_NEAR(g[2], 0.3 * (-0.5 + 0.5 * -0.5), 1e-15);
  r.kind = optiml::PenaltyKind::L2;
  EXPECT_NEAR(r.value(w), 0.15 * 4.25, 1e-15);
  EXPECT_TRUE(r.smooth());
  r.lambda = -1;
  EXPECT_THROW(r.value(w), optiml::InvalidArgument);
}

}  // namespace
