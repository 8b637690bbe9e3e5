#pragma once
// Every enum converts to and from its string name through one table:
// specialize EnumNames<E> with `static constexpr std::pair<E, const char*> table[]`.
#include <string>
#include <string_view>

#include "optiml/core/error.hpp"

namespace optiml {

template <class E>
struct EnumNames;  // specialize per enum

template <class E>
std::string_view enum_to_string(E value) {
  for (const auto& [v, name] : EnumNames<E>::table)
    if (v == value) return name;
  return "unknown";
}

// Comma-separated list of the valid names, for error messages and docs.
template <class E>
std::string enum_choices() {
  std::string out;
  for (const auto& [v, name] : EnumNames<E>::table) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

// Throws InvalidArgument naming `what` and the valid choices.
template <class E>
E enum_from_string(std::string_view text, std::string_view what = "value") {
  for (const auto& [v, name] : EnumNames<E>::table)
    if (text == name) return v;
  throw InvalidArgument(std::string(what) + ": '" + std::string(text) + "' is not one of: " +
                        enum_choices<E>());
}

}  // namespace optiml
