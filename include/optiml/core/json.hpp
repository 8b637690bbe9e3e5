#pragma once
// A small JSON value with a parser (errors name the line) and a writer whose
// numbers read back bit-identically; used for traces, results and run manifests.
#include <map>
#include <string>
#include <variant>
#include <vector>

namespace optiml {

class Json {
 public:
  using Array = std::vector<Json>;
  using Object = std::vector<std::pair<std::string, Json>>;  // keeps insertion order

  Json() : v_(nullptr) {}
  Json(std::nullptr_t) : v_(nullptr) {}
  Json(bool b) : v_(b) {}
  Json(double d) : v_(d) {}
  Json(int i) : v_(static_cast<double>(i)) {}
  Json(long i) : v_(static_cast<double>(i)) {}
  Json(const char* s) : v_(std::string(s)) {}
  Json(std::string s) : v_(std::move(s)) {}
  Json(Array a) : v_(std::move(a)) {}
  Json(Object o) : v_(std::move(o)) {}

  bool is_null() const { return std::holds_alternative<std::nullptr_t>(v_); }
  bool is_bool() const { return std::holds_alternative<bool>(v_); }
  bool is_number() const { return std::holds_alternative<double>(v_); }
  bool is_string() const { return std::holds_alternative<std::string>(v_); }
  bool is_array() const { return std::holds_alternative<Array>(v_); }
  bool is_object() const { return std::holds_alternative<Object>(v_); }

  // Accessors throw InvalidArgument on a type mismatch. number() also accepts
  // the strings "NaN", "Infinity" and "-Infinity" that dump() writes for non-finite values.
  bool boolean() const;
  double number() const;
  const std::string& string() const;
  const Array& array() const;
  Array& array();
  const Object& object() const;
  Object& object();

  // Object access: at() throws naming the missing key; get() returns null Json.
  const Json& at(const std::string& key) const;
  const Json* find(const std::string& key) const;
  Json& operator[](const std::string& key);  // inserts when missing (object or null only)

  // Compact (indent < 0) or pretty printed.
  std::string dump(int indent = -1) const;
  // Throws ParseError(name, line, ...).
  static Json parse(const std::string& text, const std::string& name = "<json>");

 private:
  void dump_to(std::string& out, int indent, int depth) const;
  std::variant<std::nullptr_t, bool, double, std::string, Array, Object> v_;
};

// Writes text to path through a temporary file and rename, so a failure never
// leaves a half-written file; throws InvalidArgument naming the path.
void write_file_atomically(const std::string& path, const std::string& text);
std::string read_file(const std::string& path);

}  // namespace optiml
