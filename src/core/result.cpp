#include "optiml/core/result.hpp"

#include <cstdio>

#include "optiml/core/json.hpp"

namespace optiml {

namespace {
std::string fmt(const char* format, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}
}  // namespace

std::string Result::summary() const {
  std::string s;
  s += "optiml " + (solver.empty() ? std::string("solver") : solver) + ": " +
       std::string(enum_to_string(status)) + (success() ? "" : " (not converged)") + "\n";
  if (!message.empty()) s += "  " + message + "\n";
  s += "  f(x)            " + fmt("%.10e", value) + "\n";
  s += "  optimality      " + fmt("%.3e", optimality) + "\n";
  s += "  iterations      " + std::to_string(iterations) + "\n";
  s += "  evaluations     f " + std::to_string(evaluations.f) + ", gradient " +
       std::to_string(evaluations.gradient);
  if (evaluations.hessian) s += ", Hessian " + std::to_string(evaluations.hessian);
  if (evaluations.hessian_vector) s += ", Hessian-vector " + std::to_string(evaluations.hessian_vector);
  if (evaluations.jacobian) s += ", Jacobian " + std::to_string(evaluations.jacobian);
  s += "\n";
  s += "  time            " + fmt("%.6f", seconds) + " s\n";
  s += "  dimension       " + std::to_string(x.size());
  if (x.size() > 0 && x.size() <= 6) {
    s += "  x = [";
    for (Index i = 0; i < x.size(); ++i) s += (i ? ", " : "") + fmt("%.10g", x[i]);
    s += "]";
  }
  s += "\n";
  return s;
}

std::string Result::to_json(bool include_x, bool include_trace) const {
  Json j = Json::Object{};
  j["solver"] = solver;
  j["status"] = std::string(enum_to_string(status));
  j["success"] = success();
  j["message"] = message;
  j["value"] = value;
  j["optimality"] = optimality;
  j["iterations"] = iterations;
  Json ev = Json::Object{};
  ev["f"] = evaluations.f;
  ev["gradient"] = evaluations.gradient;
  ev["hessian"] = evaluations.hessian;
  ev["hessian_vector"] = evaluations.hessian_vector;
  ev["jacobian"] = evaluations.jacobian;
  j["evaluations"] = ev;
  j["seconds"] = seconds;
  j["dim"] = static_cast<long>(x.size());
  if (include_x) {
    Json::Array xs;
    for (Index i = 0; i < x.size(); ++i) xs.emplace_back(x[i]);
    j["x"] = Json(std::move(xs));
  }
  if (include_trace) j["trace"] = Json::parse(trace.to_json());
  return j.dump();
}

}  // namespace optiml
