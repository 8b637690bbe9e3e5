#pragma once
// Options validate themselves: each Options struct has one field table (name,
// member, default, bounds, one-line doc) that drives `key=value` settings, the
// CLI, manifests, validate() and the generated option docs (DESIGN.md).
#include <charconv>
#include <cmath>
#include <concepts>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "optiml/core/enum_names.hpp"
#include "optiml/core/error.hpp"

namespace optiml {

// One option as the CLI, Python and docs show it.
struct OptionInfo {
  std::string name;
  std::string type;           // "double", "int", "bool", "string", or "enum"
  std::string default_value;  // as text
  std::string range;          // "[lo, hi]" or the enum's choices
  std::string doc;
};

// An ordered list of key=value settings (CLI flags, manifests, Python kwargs).
using Settings = std::vector<std::pair<std::string, std::string>>;

// Shortest text that reads back to the same double ("inf", "-inf", "nan" included).
std::string format_double(double v);
// Parses the whole text as a double; throws InvalidArgument naming `what`.
double parse_double(std::string_view text, std::string_view what);
long parse_long(std::string_view text, std::string_view what);
bool parse_bool(std::string_view text, std::string_view what);
// Splits "key=value"; throws InvalidArgument naming the text when '=' is missing.
std::pair<std::string, std::string> split_setting(std::string_view text);

template <class Opts>
class OptionTable {
 public:
  explicit OptionTable(std::string owner) : owner_(std::move(owner)) {}

  // A floating-point option with closed bounds [lo, hi].
  OptionTable& add(std::string name, std::function<double&(Opts&)> access, std::string doc,
                   double lo = -std::numeric_limits<double>::infinity(),
                   double hi = std::numeric_limits<double>::infinity()) {
    Field f;
    f.info = {name, "double", "", range_text(lo, hi), std::move(doc)};
    f.set = [access, name, this](Opts& o, std::string_view v) {
      access(o) = parse_double(v, qualified(name));
    };
    f.get = [access](const Opts& o) { return format_double(access(const_cast<Opts&>(o))); };
    f.check = [access, name, lo, hi, this](const Opts& o) {
      double v = access(const_cast<Opts&>(o));
      if (!(v >= lo && v <= hi))
        throw InvalidArgument(qualified(name) + " = " + format_double(v) + " is outside " +
                              range_text(lo, hi));
    };
    fields_.push_back(std::move(f));
    return *this;
  }

  // An integer option (int or long member) with closed bounds.
  template <std::integral T>
    requires(!std::same_as<T, bool>)
  OptionTable& add(std::string name, std::function<T&(Opts&)> access, std::string doc,
                   long lo = std::numeric_limits<long>::min(),
                   long hi = std::numeric_limits<long>::max()) {
    Field f;
    f.info = {name, "int", "", range_text(lo, hi), std::move(doc)};
    f.set = [access, name, this](Opts& o, std::string_view v) {
      long parsed = parse_long(v, qualified(name));
      if (parsed < static_cast<long>(std::numeric_limits<T>::min()) ||
          parsed > static_cast<long>(std::numeric_limits<T>::max()))
        throw InvalidArgument(qualified(name) + " = " + std::string(v) + " does not fit");
      access(o) = static_cast<T>(parsed);
    };
    f.get = [access](const Opts& o) { return std::to_string(access(const_cast<Opts&>(o))); };
    f.check = [access, name, lo, hi, this](const Opts& o) {
      long v = access(const_cast<Opts&>(o));
      if (v < lo || v > hi)
        throw InvalidArgument(qualified(name) + " = " + std::to_string(v) + " is outside " +
                              range_text(lo, hi));
    };
    fields_.push_back(std::move(f));
    return *this;
  }

  OptionTable& add(std::string name, std::function<bool&(Opts&)> access, std::string doc) {
    Field f;
    f.info = {name, "bool", "", "true|false", std::move(doc)};
    f.set = [access, name, this](Opts& o, std::string_view v) {
      access(o) = parse_bool(v, qualified(name));
    };
    f.get = [access](const Opts& o) { return std::string(access(const_cast<Opts&>(o)) ? "true" : "false"); };
    f.check = [](const Opts&) {};
    fields_.push_back(std::move(f));
    return *this;
  }

  // An enum option; E needs an EnumNames<E> table.
  template <class E>
    requires std::is_enum_v<E>
  OptionTable& add(std::string name, std::function<E&(Opts&)> access, std::string doc) {
    Field f;
    f.info = {name, "enum", "", enum_choices<E>(), std::move(doc)};
    f.set = [access, name, this](Opts& o, std::string_view v) {
      access(o) = enum_from_string<E>(v, qualified(name));
    };
    f.get = [access](const Opts& o) { return std::string(enum_to_string(access(const_cast<Opts&>(o)))); };
    f.check = [](const Opts&) {};
    fields_.push_back(std::move(f));
    return *this;
  }

  // Applies settings in order; unknown keys are errors that list the valid ones.
  void apply(Opts& o, const Settings& settings) const {
    for (const auto& [key, value] : settings) find(key).set(o, value);
  }
  // Throws InvalidArgument naming the first field outside its range.
  void validate(const Opts& o) const {
    for (const auto& f : fields_) f.check(o);
  }
  // Every option's current value, defaults included (for manifests).
  Settings values(const Opts& o) const {
    Settings out;
    for (const auto& f : fields_) out.emplace_back(f.info.name, f.get(o));
    return out;
  }
  // Names, types, defaults (from a default-constructed Opts), ranges and docs.
  std::vector<OptionInfo> describe() const {
    Opts defaults{};
    std::vector<OptionInfo> out;
    for (const auto& f : fields_) {
      OptionInfo info = f.info;
      info.default_value = f.get(defaults);
      out.push_back(std::move(info));
    }
    return out;
  }
  bool has(std::string_view key) const {
    for (const auto& f : fields_)
      if (f.info.name == key) return true;
    return false;
  }
  const std::string& owner() const { return owner_; }

 private:
  struct Field {
    OptionInfo info;
    std::function<void(Opts&, std::string_view)> set;
    std::function<std::string(const Opts&)> get;
    std::function<void(const Opts&)> check;
  };

  const Field& find(std::string_view key) const {
    for (const auto& f : fields_)
      if (f.info.name == key) return f;
    std::string valid;
    for (const auto& f : fields_) valid += (valid.empty() ? "" : ", ") + f.info.name;
    throw InvalidArgument("unknown option '" + std::string(key) + "' for " + owner_ +
                          "; valid options: " + valid);
  }
  std::string qualified(const std::string& name) const { return "option '" + name + "' of " + owner_; }
  static std::string range_text(double lo, double hi) {
    return "[" + format_double(lo) + ", " + format_double(hi) + "]";
  }
  static std::string range_text(long lo, long hi) {
    auto txt = [](long v) {
      if (v == std::numeric_limits<long>::max()) return std::string("inf");
      if (v == std::numeric_limits<long>::min()) return std::string("-inf");
      return std::to_string(v);
    };
    return "[" + txt(lo) + ", " + txt(hi) + "]";
  }

  std::string owner_;
  std::vector<Field> fields_;
};

}  // namespace optiml
