#include "optiml/core/options.hpp"

#include <cctype>

namespace optiml {

std::string format_double(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v);  // shortest round-trip form
  return std::string(buf, res.ptr);
}

double parse_double(std::string_view text, std::string_view what) {
  std::string t(text);
  for (auto& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (t == "inf" || t == "+inf" || t == "infinity") return std::numeric_limits<double>::infinity();
  if (t == "-inf" || t == "-infinity") return -std::numeric_limits<double>::infinity();
  if (t == "nan") return std::numeric_limits<double>::quiet_NaN();
  double v = 0;
  const char* b = text.data();
  const char* e = b + text.size();
  if (!text.empty() && *b == '+') ++b;
  auto res = std::from_chars(b, e, v);
  if (text.empty() || res.ec != std::errc() || res.ptr != e)
    throw InvalidArgument(std::string(what) + ": '" + std::string(text) + "' is not a number");
  return v;
}

long parse_long(std::string_view text, std::string_view what) {
  long v = 0;
  const char* b = text.data();
  const char* e = b + text.size();
  auto res = std::from_chars(b, e, v);
  if (text.empty() || res.ec != std::errc() || res.ptr != e) {
    // Accept integral values written like 1e6.
    double d = 0;
    auto rd = std::from_chars(b, e, d);
    if (!text.empty() && rd.ec == std::errc() && rd.ptr == e && d == std::floor(d) &&
        std::abs(d) < 9.2e18)
      return static_cast<long>(d);
    throw InvalidArgument(std::string(what) + ": '" + std::string(text) + "' is not an integer");
  }
  return v;
}

bool parse_bool(std::string_view text, std::string_view what) {
  if (text == "true" || text == "1" || text == "yes" || text == "on") return true;
  if (text == "false" || text == "0" || text == "no" || text == "off") return false;
  throw InvalidArgument(std::string(what) + ": '" + std::string(text) +
                        "' is not a boolean (true/false)");
}

std::pair<std::string, std::string> split_setting(std::string_view text) {
  auto eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0)
    throw InvalidArgument("option '" + std::string(text) + "' must have the form key=value");
  return {std::string(text.substr(0, eq)), std::string(text.substr(eq + 1))};
}

}  // namespace optiml
