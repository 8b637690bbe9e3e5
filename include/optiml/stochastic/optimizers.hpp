#pragma once
// First-order optimizers for stochastic gradients with torch.optim's update
// rules and defaults (PyTorch 1.13 `_single_tensor_*` implementations; tested
// step by step against torch on fixed gradient sequences to 1e-12):
// SGD (momentum, dampening, Nesterov, weight decay), Adam / AMSGrad (Kingma &
// Ba 2015; Reddi, Kale & Kumar 2018), AdamW (decoupled weight decay, Loshchilov
// & Hutter 2019), RMSprop (Hinton's lecture 6e; centered: Graves 2013), Adagrad
// (Duchi, Hazan & Singer 2011). step(x, g) updates x in place from the gradient g.
#include <memory>
#include <string>

#include "optiml/core/types.hpp"

namespace optiml {

class StochasticOptimizer {
 public:
  virtual ~StochasticOptimizer() = default;
  virtual std::string name() const = 0;
  // One update of x with gradient g (sizes must agree and stay fixed).
  virtual void step(Vector& x, const Vector& g) = 0;
  // Forgets the state (moments, step count).
  virtual void reset() = 0;
  double learning_rate() const { return lr_; }
  // For schedules; InvalidArgument unless finite and >= 0.
  void set_learning_rate(double lr);
  long steps() const { return steps_; }

 protected:
  StochasticOptimizer(const char* name, double lr) : lr_(lr) { check_learning_rate(name, lr); }
  static void check_learning_rate(const char* name, double lr);
  void check(const Vector& x, const Vector& g, Index state_size) const;
  double lr_;  // the current rate (Options::lr is the initial one)
  long steps_ = 0;
};

class SGD final : public StochasticOptimizer {
 public:
  struct Options {
    double lr = 0.01;  // torch requires lr; 0.01 is a common default
    double momentum = 0.0;
    double dampening = 0.0;
    double weight_decay = 0.0;
    bool nesterov = false;  // needs momentum > 0 and dampening = 0 (as torch)
  };
  explicit SGD(Options o);
  std::string name() const override { return "sgd"; }
  void step(Vector& x, const Vector& g) override;
  void reset() override;

 private:
  Options o_;
  Vector buf_, d_;
};

class Adam final : public StochasticOptimizer {
 public:
  struct Options {
    double lr = 1e-3;
    double beta1 = 0.9, beta2 = 0.999;
    double eps = 1e-8;
    double weight_decay = 0.0;  // coupled (added to the gradient); AdamW decouples it
    bool amsgrad = false;
    bool decoupled = false;     // AdamW
  };
  explicit Adam(Options o);
  std::string name() const override { return o_.decoupled ? "adamw" : "adam"; }
  void step(Vector& x, const Vector& g) override;
  void reset() override;

 private:
  Options o_;
  Vector m_, v_, vmax_, grad_;
};

// AdamW: Adam with decoupled weight decay, torch's default weight_decay = 1e-2.
std::unique_ptr<StochasticOptimizer> make_adamw(double lr = 1e-3, double weight_decay = 1e-2, bool amsgrad = false);

class RMSprop final : public StochasticOptimizer {
 public:
  struct Options {
    double lr = 1e-2;
    double alpha = 0.99;
    double eps = 1e-8;
    double weight_decay = 0.0;
    double momentum = 0.0;
    bool centered = false;
  };
  explicit RMSprop(Options o);
  std::string name() const override { return "rmsprop"; }
  void step(Vector& x, const Vector& g) override;
  void reset() override;

 private:
  Options o_;
  Vector square_avg_, grad_avg_, buf_, grad_;
};

class Adagrad final : public StochasticOptimizer {
 public:
  struct Options {
    double lr = 1e-2;
    double lr_decay = 0.0;
    double weight_decay = 0.0;
    double initial_accumulator_value = 0.0;
    double eps = 1e-10;
  };
  explicit Adagrad(Options o);
  std::string name() const override { return "adagrad"; }
  void step(Vector& x, const Vector& g) override;
  void reset() override;

 private:
  Options o_;
  Vector sum_, grad_;
};

}  // namespace optiml
