// Step-by-step agreement with torch.optim on a fixed gradient sequence
// (reference trajectories from tests/stochastic/reference/make_reference.py).
#include "optiml/stochastic/optimizers.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <memory>
#include <string>

#include "optiml/core/error.hpp"
#include "optiml/core/json.hpp"

namespace {

using optiml::Index;
using optiml::Json;
using optiml::Vector;

const Json& reference() {
  static const Json ref = Json::parse(
      optiml::read_file(std::string(OPTIML_SOURCE_DIR) + "/tests/stochastic/reference/trajectories.json"));
  return ref;
}

Vector vec(const Json& a) {
  Vector v(static_cast<Index>(a.array().size()));
  for (Index i = 0; i < v.size(); ++i) v[i] = a.array()[static_cast<std::size_t>(i)].number();
  return v;
}

double opt(const Json& o, const char* key, double fallback) {
  const Json* v = o.find(key);
  if (!v) return fallback;
  return v->is_bool() ? (v->boolean() ? 1.0 : 0.0) : v->number();
}

std::unique_ptr<optiml::StochasticOptimizer> make(const std::string& name, const Json& o) {
  if (name.rfind("sgd", 0) == 0) {
    optiml::SGD::Options s;
    s.lr = opt(o, "lr", s.lr);
    s.momentum = opt(o, "momentum", 0);
    s.dampening = opt(o, "dampening", 0);
    s.weight_decay = opt(o, "weight_decay", 0);
    s.nesterov = opt(o, "nesterov", 0) != 0;
    return std::make_unique<optiml::SGD>(s);
  }
  if (name.rfind("adam", 0) == 0 || name == "amsgrad") {
    optiml::Adam::Options a;
    a.decoupled = name.rfind("adamw", 0) == 0;
    a.lr = opt(o, "lr", a.lr);
    if (const Json* b = o.find("betas")) {
      a.beta1 = b->array()[0].number();
      a.beta2 = b->array()[1].number();
    }
    a.eps = opt(o, "eps", a.eps);
    a.weight_decay = opt(o, "weight_decay", a.decoupled ? 1e-2 : 0.0);
    a.amsgrad = opt(o, "amsgrad", 0) != 0;
    return std::make_unique<optiml::Adam>(a);
  }
  if (name.rfind("rmsprop", 0) == 0) {
    optiml::RMSprop::Options r;
    r.lr = opt(o, "lr", r.lr);
    r.alpha = opt(o, "alpha", r.alpha);
    r.momentum = opt(o, "momentum", 0);
    r.centered = opt(o, "centered", 0) != 0;
    r.weight_decay = opt(o, "weight_decay", 0);
    return std::make_unique<optiml::RMSprop>(r);
  }
  optiml::Adagrad::Options g;
  g.lr = opt(o, "lr", g.lr);
  g.lr_decay = opt(o, "lr_decay", 0);
  g.weight_decay = opt(o, "weight_decay", 0);
  g.initial_accumulator_value = opt(o, "initial_accumulator_value", 0);
  return std::make_unique<optiml::Adagrad>(g);
}

TEST(StochasticOptimizers, MatchTorchOptimStepByStep) {
  const Json& ref = reference();
  const Vector x0 = vec(ref.at("x0"));
  const auto& grads = ref.at("grads").array();
  int runs = 0;
  for (const auto& [name, run] : ref.at("runs").object()) {
    auto optimizer = make(name, run.at("options"));
    Vector x = x0;
    const auto& xs = run.at("x").array();
    for (std::size_t k = 0; k < grads.size(); ++k) {
      optimizer->step(x, vec(grads[k]));
      const Vector expected = vec(xs[k]);
      ASSERT_LT((x - expected).lpNorm<Eigen::Infinity>(), 1e-12 * std::max(1.0, expected.lpNorm<Eigen::Infinity>()))
          << name << " step " << k + 1;
    }
    EXPECT_EQ(optimizer->steps(), static_cast<long>(grads.size()));
    // reset() starts over: the first step again.
    optimizer->reset();
    Vector again = x0;
    optimizer->step(again, vec(grads[0]));
    EXPECT_LT((again - vec(xs[0])).lpNorm<Eigen::Infinity>(), 1e-12) << name;
    ++runs;
  }
  EXPECT_EQ(runs, 13);
}

TEST(StochasticOptimizers, BadOptionsAndSizesAreRejected) {
  EXPECT_THROW(optiml::SGD({-1.0}), optiml::InvalidArgument);
  optiml::SGD::Options s;
  s.nesterov = true;
  EXPECT_THROW(optiml::SGD{s}, optiml::InvalidArgument);  // nesterov without momentum
  optiml::Adam::Options a;
  a.beta1 = 1.0;
  EXPECT_THROW(optiml::Adam{a}, optiml::InvalidArgument);
  optiml::Adam adam({});
  Vector x = Vector::Zero(3);
  EXPECT_THROW(adam.step(x, Vector::Zero(2)), optiml::InvalidArgument);
  adam.step(x, Vector::Ones(3));
  Vector y = Vector::Zero(4);
  EXPECT_THROW(adam.step(y, Vector::Ones(4)), optiml::InvalidArgument);  // size changed without reset
  EXPECT_EQ(optiml::make_adamw()->name(), "adamw");
}

}  // namespace

namespace {

TEST(StochasticOptimizers, LearningRateCanBeScheduled) {
  optiml::SGD sgd({0.5});
  Vector x = Vector::Ones(2);
  sgd.set_learning_rate(0.25);
  sgd.step(x, Vector::Ones(2));
  EXPECT_EQ(x, Vector::Constant(2, 0.75));
  EXPECT_EQ(sgd.learning_rate(), 0.25);
  EXPECT_THROW(sgd.set_learning_rate(-1.0), optiml::InvalidArgument);
}

}  // namespace
