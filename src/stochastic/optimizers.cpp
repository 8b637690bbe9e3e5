#include "optiml/stochastic/optimizers.hpp"

#include <cmath>
#include <string>

#include "optiml/core/error.hpp"

namespace optiml {

namespace {
void require(bool ok, const std::string& what) {
  if (!ok) throw InvalidArgument(what);
}
}  // namespace

void StochasticOptimizer::check_learning_rate(const char* name, double lr) {
  require(lr >= 0 && std::isfinite(lr), std::string(name) + ": lr must be finite and >= 0, got " + std::to_string(lr));
}

void StochasticOptimizer::set_learning_rate(double lr) {
  check_learning_rate(name().c_str(), lr);
  lr_ = lr;
}

void StochasticOptimizer::check(const Vector& x, const Vector& g, Index state_size) const {
  if (g.size() != x.size())
    throw InvalidArgument(name() + ": gradient has size " + std::to_string(g.size()) + ", x has size " +
                          std::to_string(x.size()));
  if (state_size != 0 && state_size != x.size())
    throw InvalidArgument(name() + ": x changed size from " + std::to_string(state_size) + " to " +
                          std::to_string(x.size()) + " (call reset())");
}

// ---------------------------------------------------------------- SGD

SGD::SGD(Options o) : StochasticOptimizer("sgd", o.lr), o_(o) {
  require(o.momentum >= 0, "sgd: momentum must be >= 0");
  require(o.weight_decay >= 0, "sgd: weight_decay must be >= 0");
  require(!o.nesterov || (o.momentum > 0 && o.dampening == 0), "sgd: nesterov needs momentum > 0 and dampening = 0");
}

void SGD::reset() {
  buf_.resize(0);
  steps_ = 0;
}

void SGD::step(Vector& x, const Vector& g) {
  check(x, g, buf_.size());
  d_ = g;
  if (o_.weight_decay != 0) d_ += o_.weight_decay * x;
  if (o_.momentum != 0) {
    if (buf_.size() == 0)
      buf_ = d_;  // torch: the first buffer is the gradient itself (no dampening)
    else
      buf_ = o_.momentum * buf_ + (1.0 - o_.dampening) * d_;
    if (o_.nesterov)
      d_ += o_.momentum * buf_;
    else
      d_ = buf_;
  }
  x -= lr_ * d_;
  ++steps_;
}

// ---------------------------------------------------------------- Adam / AdamW

Adam::Adam(Options o) : StochasticOptimizer(o.decoupled ? "adamw" : "adam", o.lr), o_(o) {
  require(o.beta1 >= 0 && o.beta1 < 1 && o.beta2 >= 0 && o.beta2 < 1, "adam: betas must be in [0, 1)");
  require(o.eps >= 0, "adam: eps must be >= 0");
  require(o.weight_decay >= 0, "adam: weight_decay must be >= 0");
}

void Adam::reset() {
  m_.resize(0);
  v_.resize(0);
  vmax_.resize(0);
  steps_ = 0;
}

void Adam::step(Vector& x, const Vector& g) {
  check(x, g, m_.size());
  if (m_.size() == 0) {
    m_ = Vector::Zero(x.size());
    v_ = Vector::Zero(x.size());
    if (o_.amsgrad) vmax_ = Vector::Zero(x.size());
  }
  ++steps_;
  grad_ = g;
  if (o_.decoupled)
    x *= 1.0 - lr_ * o_.weight_decay;
  else if (o_.weight_decay != 0)
    grad_ += o_.weight_decay * x;
  m_ += (1.0 - o_.beta1) * (grad_ - m_);  // torch's lerp_ (weight < 0.5 branch)
  v_ = o_.beta2 * v_ + (1.0 - o_.beta2) * grad_.cwiseProduct(grad_);
  const double bc1 = 1.0 - std::pow(o_.beta1, static_cast<double>(steps_));
  const double bc2_sqrt = std::sqrt(1.0 - std::pow(o_.beta2, static_cast<double>(steps_)));
  const double step_size = lr_ / bc1;
  if (o_.amsgrad) {
    vmax_ = vmax_.cwiseMax(v_);
    x.array() -= step_size * m_.array() / (vmax_.array().sqrt() / bc2_sqrt + o_.eps);
  } else {
    x.array() -= step_size * m_.array() / (v_.array().sqrt() / bc2_sqrt + o_.eps);
  }
}

std::unique_ptr<StochasticOptimizer> make_adamw(double lr, double weight_decay, bool amsgrad) {
  Adam::Options o;
  o.lr = lr;
  o.weight_decay = weight_decay;
  o.amsgrad = amsgrad;
  o.decoupled = true;
  return std::make_unique<Adam>(o);
}

// ---------------------------------------------------------------- RMSprop

RMSprop::RMSprop(Options o) : StochasticOptimizer("rmsprop", o.lr), o_(o) {
  require(o.alpha >= 0, "rmsprop: alpha must be >= 0");
  require(o.eps >= 0, "rmsprop: eps must be >= 0");
  require(o.momentum >= 0, "rmsprop: momentum must be >= 0");
  require(o.weight_decay >= 0, "rmsprop: weight_decay must be >= 0");
}

void RMSprop::reset() {
  square_avg_.resize(0);
  steps_ = 0;
}

void RMSprop::step(Vector& x, const Vector& g) {
  check(x, g, square_avg_.size());
  if (square_avg_.size() == 0) {
    square_avg_ = Vector::Zero(x.size());
    grad_avg_ = Vector::Zero(x.size());
    buf_ = Vector::Zero(x.size());
  }
  ++steps_;
  grad_ = g;
  if (o_.weight_decay != 0) grad_ += o_.weight_decay * x;
  square_avg_ = o_.alpha * square_avg_ + (1.0 - o_.alpha) * grad_.cwiseProduct(grad_);
  Vector avg;
  if (o_.centered) {
    grad_avg_ = o_.alpha * grad_avg_ + (1.0 - o_.alpha) * grad_;
    avg = (square_avg_ - grad_avg_.cwiseProduct(grad_avg_)).cwiseSqrt().array() + o_.eps;
  } else {
    avg = square_avg_.cwiseSqrt().array() + o_.eps;
  }
  if (o_.momentum > 0) {
    buf_ = o_.momentum * buf_ + grad_.cwiseQuotient(avg);
    x -= lr_ * buf_;
  } else {
    x -= lr_ * grad_.cwiseQuotient(avg);
  }
}

// ---------------------------------------------------------------- Adagrad

Adagrad::Adagrad(Options o) : StochasticOptimizer("adagrad", o.lr), o_(o) {
  require(o.lr_decay >= 0, "adagrad: lr_decay must be >= 0");
  require(o.weight_decay >= 0, "adagrad: weight_decay must be >= 0");
  require(o.initial_accumulator_value >= 0, "adagrad: initial_accumulator_value must be >= 0");
  require(o.eps >= 0, "adagrad: eps must be >= 0");
}

void Adagrad::reset() {
  sum_.resize(0);
  steps_ = 0;
}

void Adagrad::step(Vector& x, const Vector& g) {
  check(x, g, sum_.size());
  if (sum_.size() == 0) sum_ = Vector::Constant(x.size(), o_.initial_accumulator_value);
  ++steps_;
  grad_ = g;
  if (o_.weight_decay != 0) grad_ += o_.weight_decay * x;
  const double clr = lr_ / (1.0 + static_cast<double>(steps_ - 1) * o_.lr_decay);
  sum_ += grad_.cwiseProduct(grad_);
  x.array() -= clr * grad_.array() / (sum_.array().sqrt() + o_.eps);
}

}  // namespace optiml
