#include "optiml/core/json.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "optiml/core/error.hpp"
#include "optiml/core/options.hpp"

namespace optiml {

namespace {
const char* type_name(const Json& j) {
  if (j.is_null()) return "null";
  if (j.is_bool()) return "boolean";
  if (j.is_number()) return "number";
  if (j.is_string()) return "string";
  if (j.is_array()) return "array";
  return "object";
}
[[noreturn]] void mismatch(const Json& j, const char* want) {
  throw InvalidArgument(std::string("JSON value is a ") + type_name(j) + ", expected a " + want);
}

void escape(std::string& out, const std::string& s) {
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

class Parser {
 public:
  Parser(const std::string& text, const std::string& name) : s_(text), name_(name) {}
  Json parse_document() {
    Json v = parse_value();
    skip_ws();
    if (pos_ != s_.size()) fail("unexpected text after the JSON value");
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string& what) {
    long line = 1;
    for (std::size_t i = 0; i < pos_ && i < s_.size(); ++i)
      if (s_[i] == '\n') ++line;
    throw ParseError(name_, line, what);
  }
  void skip_ws() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }
  bool consume(const char* lit) {
    std::size_t n = std::strlen(lit);
    if (s_.compare(pos_, n, lit) == 0) {
      pos_ += n;
      return true;
    }
    return false;
  }
  Json parse_value() {
    skip_ws();
    if (pos_ >= s_.size()) fail("unexpected end of input");
    if (++depth_ > 512) fail("nesting too deep");
    Json v;
    char c = s_[pos_];
    if (c == '{') v = parse_object();
    else if (c == '[') v = parse_array();
    else if (c == '"') v = Json(parse_string());
    else if (consume("true")) v = Json(true);
    else if (consume("false")) v = Json(false);
    else if (consume("null")) v = Json(nullptr);
    else v = parse_number();
    --depth_;
    return v;
  }
  Json parse_number() {
    std::size_t start = pos_;
    while (pos_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '-' ||
                                s_[pos_] == '+' || s_[pos_] == '.' || s_[pos_] == 'e' || s_[pos_] == 'E'))
      ++pos_;
    if (start == pos_) fail(std::string("unexpected character '") + s_[pos_] + "'");
    double d = 0;
    auto res = std::from_chars(s_.data() + start, s_.data() + pos_, d);
    if (res.ec != std::errc() || res.ptr != s_.data() + pos_)
      fail("malformed number '" + s_.substr(start, pos_ - start) + "'");
    return Json(d);
  }
  std::string parse_string() {
    ++pos_;  // opening quote
    std::string out;
    while (true) {
      if (pos_ >= s_.size()) fail("unterminated string");
      char c = s_[pos_++];
      if (c == '"') break;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= s_.size()) fail("unterminated escape");
      char e = s_[pos_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          if (pos_ + 4 > s_.size()) fail("short \\u escape");
          unsigned cp = std::stoul(s_.substr(pos_, 4), nullptr, 16);
          pos_ += 4;
          if (cp < 0x80) {
            out += static_cast<char>(cp);
          } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
          } else {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
          }
          break;
        }
        default: fail(std::string("bad escape '\\") + e + "'");
      }
    }
    return out;
  }
  Json parse_array() {
    ++pos_;
    Json::Array a;
    skip_ws();
    if (pos_ < s_.size() && s_[pos_] == ']') {
      ++pos_;
      return Json(std::move(a));
    }
    while (true) {
      a.push_back(parse_value());
      skip_ws();
      if (pos_ < s_.size() && s_[pos_] == ',') { ++pos_; continue; }
      if (pos_ < s_.size() && s_[pos_] == ']') { ++pos_; break; }
      fail("expected ',' or ']' in array");
    }
    return Json(std::move(a));
  }
  Json parse_object() {
    ++pos_;
    Json::Object o;
    skip_ws();
    if (pos_ < s_.size() && s_[pos_] == '}') {
      ++pos_;
      return Json(std::move(o));
    }
    while (true) {
      skip_ws();
      if (pos_ >= s_.size() || s_[pos_] != '"') fail("expected a string key in object");
      std::string key = parse_string();
      skip_ws();
      if (pos_ >= s_.size() || s_[pos_] != ':') fail("expected ':' after key \"" + key + "\"");
      ++pos_;
      o.emplace_back(std::move(key), parse_value());
      skip_ws();
      if (pos_ < s_.size() && s_[pos_] == ',') { ++pos_; continue; }
      if (pos_ < s_.size() && s_[pos_] == '}') { ++pos_; break; }
      fail("expected ',' or '}' in object");
    }
    return Json(std::move(o));
  }

  const std::string& s_;
  const std::string& name_;
  std::size_t pos_ = 0;
  int depth_ = 0;
};
}  // namespace

bool Json::boolean() const {
  if (!is_bool()) mismatch(*this, "boolean");
  return std::get<bool>(v_);
}
double Json::number() const {
  if (is_string()) {
    const auto& s = std::get<std::string>(v_);
    if (s == "NaN") return std::numeric_limits<double>::quiet_NaN();
    if (s == "Infinity") return std::numeric_limits<double>::infinity();
    if (s == "-Infinity") return -std::numeric_limits<double>::infinity();
  }
  if (is_null()) return std::numeric_limits<double>::quiet_NaN();
  if (!is_number()) mismatch(*this, "number");
  return std::get<double>(v_);
}
const std::string& Json::string() const {
  if (!is_string()) mismatch(*this, "string");
  return std::get<std::string>(v_);
}
const Json::Array& Json::array() const {
  if (!is_array()) mismatch(*this, "array");
  return std::get<Array>(v_);
}
Json::Array& Json::array() {
  if (!is_array()) mismatch(*this, "array");
  return std::get<Array>(v_);
}
const Json::Object& Json::object() const {
  if (!is_object()) mismatch(*this, "object");
  return std::get<Object>(v_);
}
Json::Object& Json::object() {
  if (!is_object()) mismatch(*this, "object");
  return std::get<Object>(v_);
}
const Json* Json::find(const std::string& key) const {
  if (!is_object()) return nullptr;
  for (const auto& [k, v] : std::get<Object>(v_))
    if (k == key) return &v;
  return nullptr;
}
const Json& Json::at(const std::string& key) const {
  if (!is_object()) mismatch(*this, "object");
  if (const Json* v = find(key)) return *v;
  throw InvalidArgument("JSON object has no key \"" + key + "\"");
}
Json& Json::operator[](const std::string& key) {
  if (is_null()) v_ = Object{};
  auto& o = object();
  for (auto& [k, v] : o)
    if (k == key) return v;
  o.emplace_back(key, Json());
  return o.back().second;
}

void Json::dump_to(std::string& out, int indent, int depth) const {
  auto newline = [&](int d) {
    if (indent < 0) return;
    out += '\n';
    out.append(static_cast<std::size_t>(indent * d), ' ');
  };
  if (is_null()) {
    out += "null";
  } else if (is_bool()) {
    out += std::get<bool>(v_) ? "true" : "false";
  } else if (is_number()) {
    double d = std::get<double>(v_);
    if (std::isnan(d)) out += "\"NaN\"";
    else if (std::isinf(d)) out += d > 0 ? "\"Infinity\"" : "\"-Infinity\"";
    else out += format_double(d);
  } else if (is_string()) {
    escape(out, std::get<std::string>(v_));
  } else if (is_array()) {
    const auto& a = std::get<Array>(v_);
    out += '[';
    // Arrays of numbers stay on one line even when pretty printing.
    bool flat = true;
    for (const auto& e : a) flat = flat && (e.is_number() || e.is_null() || e.is_string());
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (i) out += indent >= 0 && flat ? ", " : ",";
      if (!flat) newline(depth + 1);
      a[i].dump_to(out, indent, depth + 1);
    }
    if (!flat && !a.empty()) newline(depth);
    out += ']';
  } else {
    const auto& o = std::get<Object>(v_);
    out += '{';
    for (std::size_t i = 0; i < o.size(); ++i) {
      if (i) out += ',';
      newline(depth + 1);
      escape(out, o[i].first);
      out += indent >= 0 ? ": " : ":";
      o[i].second.dump_to(out, indent, depth + 1);
    }
    if (!o.empty()) newline(depth);
    out += '}';
  }
}

std::string Json::dump(int indent) const {
  std::string out;
  dump_to(out, indent, 0);
  return out;
}

Json Json::parse(const std::string& text, const std::string& name) {
  return Parser(text, name).parse_document();
}

void write_file_atomically(const std::string& path, const std::string& text) {
  namespace fs = std::filesystem;
  fs::path target(path);
  std::error_code ec;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  fs::path tmp = target;
  tmp += ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw InvalidArgument("cannot write '" + path + "': cannot create the file");
    out << text;
    out.flush();
    if (!out) {
      out.close();
      fs::remove(tmp, ec);
      throw InvalidArgument("cannot write '" + path + "': write failed");
    }
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw InvalidArgument("cannot write '" + path + "': " + ec.message());
  }
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InvalidArgument("cannot read '" + path + "': no such file or not readable");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace optiml
