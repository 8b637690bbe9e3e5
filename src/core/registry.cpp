#include "optiml/core/registry.hpp"

#include <algorithm>
#include <cctype>

namespace optiml {

namespace {
std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}
}  // namespace

void SolverRegistry::add(SolverInfo info) {
  if (contains(info.name)) throw InvalidArgument("solver '" + info.name + "' is registered twice");
  for (const auto& a : info.aliases)
    if (contains(a)) throw InvalidArgument("solver alias '" + a + "' is registered twice");
  solvers_.push_back(std::move(info));
}

bool SolverRegistry::contains(std::string_view name) const {
  const std::string key = lower(name);
  for (const auto& s : solvers_) {
    if (s.name == key) return true;
    for (const auto& a : s.aliases)
      if (lower(a) == key) return true;
  }
  return false;
}

const SolverInfo& SolverRegistry::find(std::string_view name) const {
  const std::string key = lower(name);
  for (const auto& s : solvers_) {
    if (s.name == key) return s;
    for (const auto& a : s.aliases)
      if (lower(a) == key) return s;
  }
  std::string valid;
  for (const auto& s : solvers_) valid += (valid.empty() ? "" : ", ") + s.name;
  throw InvalidArgument("unknown solver '" + std::string(name) + "'; valid solvers: " + valid);
}

}  // namespace optiml
