#pragma once
// Observers see each iteration's record and may stop (success) or abort the run.
// Progress printing, trace recording, early stopping and user callbacks are observers.
#include <functional>
#include <memory>

#include "optiml/core/trace.hpp"
#include "optiml/core/types.hpp"

namespace optiml {

enum class ObserverAction { Continue, Stop, Abort };

class Observer {
 public:
  virtual ~Observer() = default;
  // Called after every iteration (and once for iteration 0) with the current iterate.
  virtual ObserverAction on_iteration(const IterationRecord& record, const Vector& x) = 0;
};

// An observer from a callable.
class CallbackObserver final : public Observer {
 public:
  using Callback = std::function<ObserverAction(const IterationRecord&, const Vector&)>;
  explicit CallbackObserver(Callback cb) : cb_(std::move(cb)) {}
  ObserverAction on_iteration(const IterationRecord& r, const Vector& x) override { return cb_(r, x); }

 private:
  Callback cb_;
};

inline std::shared_ptr<Observer> make_observer(CallbackObserver::Callback cb) {
  return std::make_shared<CallbackObserver>(std::move(cb));
}

}  // namespace optiml
