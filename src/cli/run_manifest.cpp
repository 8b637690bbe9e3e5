#include "run_manifest.hpp"

#include <bit>
#include <cmath>
#include <cstdint>

#include "optiml/core/error.hpp"
#include "text_table.hpp"

namespace optiml::cli {

namespace {

constexpr const char* kFormat = "optiml-run";
constexpr long kFormatVersion = 1;

Json vector_json(const Vector& v) {
  Json::Array a;
  a.reserve(static_cast<std::size_t>(v.size()));
  for (Index i = 0; i < v.size(); ++i) a.emplace_back(v[i]);
  return Json(std::move(a));
}

// Field access that names the file and the field on any mismatch.
class Reader {
 public:
  explicit Reader(std::string name) : name_(std::move(name)) {}

  const Json& field(const Json& obj, const std::string& key, const std::string& path) const {
    if (!obj.is_object()) fail(path, "an object");
    const Json* v = obj.find(key);
    if (!v) throw InvalidArgument(name_ + ": run manifest lacks field '" + join(path, key) + "'");
    return *v;
  }
  std::string string(const Json& obj, const std::string& key, const std::string& path = "") const {
    const Json& v = field(obj, key, path);
    if (!v.is_string()) fail(join(path, key), "a string");
    return v.string();
  }
  double number(const Json& obj, const std::string& key, const std::string& path = "") const {
    const Json& v = field(obj, key, path);
    if (!v.is_number() && !v.is_string()) fail(join(path, key), "a number");
    try {
      return v.number();
    } catch (const InvalidArgument&) {
      fail(join(path, key), "a number");
    }
  }
  long integer(const Json& obj, const std::string& key, const std::string& path = "") const {
    const double d = number(obj, key, path);
    if (d != std::floor(d) || std::abs(d) > 9e15) fail(join(path, key), "an integer");
    return static_cast<long>(d);
  }
  Vector vector(const Json& obj, const std::string& key, const std::string& path = "") const {
    const Json& v = field(obj, key, path);
    if (!v.is_array()) fail(join(path, key), "an array of numbers");
    const auto& a = v.array();
    Vector out(static_cast<Index>(a.size()));
    for (std::size_t i = 0; i < a.size(); ++i) {
      try {
        out[static_cast<Index>(i)] = a[i].number();
      } catch (const InvalidArgument&) {
        fail(join(path, key) + "[" + std::to_string(i) + "]", "a number");
      }
    }
    return out;
  }

  [[noreturn]] void fail(const std::string& field, const std::string& expected) const {
    throw InvalidArgument(name_ + ": run manifest field '" + field + "' must be " + expected);
  }

 private:
  static std::string join(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }
  std::string name_;
};

// Equal bits, or both NaN (a NaN's payload does not survive JSON).
bool same_bits(double a, double b) {
  if (std::isnan(a) && std::isnan(b)) return true;
  return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

}  // namespace

Json manifest_json(const std::string& problem, const Vector& x0, const std::string& solver,
                   const Settings& resolved_options, const Result& result) {
  Json j = Json::Object{};
  j["format"] = kFormat;
  j["format_version"] = kFormatVersion;
  j["optiml_version"] = OPTIML_VERSION;
  Json p = Json::Object{};
  p["name"] = problem;
  p["dim"] = static_cast<long>(x0.size());
  j["problem"] = std::move(p);
  j["x0"] = vector_json(x0);
  j["solver"] = solver;
  Json opts = Json::Object{};
  for (const auto& [k, v] : resolved_options) opts[k] = v;
  j["options"] = std::move(opts);
  j["result"] = Json::parse(result.to_json(true));
  j["trace"] = Json::parse(result.trace.to_json());
  return j;
}

RunManifest parse_manifest(const Json& j, const std::string& name) {
  Reader rd(name);
  if (!j.is_object()) throw InvalidArgument(name + ": not a run manifest (expected a JSON object)");
  const Json* format = j.find("format");
  if (!format || !format->is_string() || format->string() != kFormat)
    throw InvalidArgument(name + ": not a run manifest (expected \"format\": \"" + kFormat +
                          "\", as written by 'optiml minimize --save-run')");
  if (rd.integer(j, "format_version") > kFormatVersion)
    throw InvalidArgument(name + ": run manifest format_version " +
                          std::to_string(rd.integer(j, "format_version")) +
                          " is newer than this optiml reads (" + std::to_string(kFormatVersion) + ")");
  RunManifest m;
  m.version = rd.string(j, "optiml_version");
  const Json& p = rd.field(j, "problem", "");
  m.problem = rd.string(p, "name", "problem");
  m.dim = rd.integer(p, "dim", "problem");
  m.x0 = rd.vector(j, "x0");
  if (m.x0.size() != m.dim)
    throw InvalidArgument(name + ": run manifest x0 has " + std::to_string(m.x0.size()) +
                          " values but problem.dim is " + std::to_string(m.dim));
  m.solver = rd.string(j, "solver");
  const Json& opts = rd.field(j, "options", "");
  if (!opts.is_object()) rd.fail("options", "an object of \"key\": \"value\" strings");
  for (const auto& [k, v] : opts.object()) {
    if (!v.is_string()) rd.fail("options." + k, "a string");
    m.options.emplace_back(k, v.string());
  }
  const Json& r = rd.field(j, "result", "");
  m.x = rd.vector(r, "x", "result");
  m.value = rd.number(r, "value", "result");
  m.status = rd.string(r, "status", "result");
  m.iterations = rd.integer(r, "iterations", "result");
  const Json& ev = rd.field(r, "evaluations", "result");
  m.evaluations.f = rd.integer(ev, "f", "result.evaluations");
  m.evaluations.gradient = rd.integer(ev, "gradient", "result.evaluations");
  m.evaluations.hessian = rd.integer(ev, "hessian", "result.evaluations");
  m.evaluations.hessian_vector = rd.integer(ev, "hessian_vector", "result.evaluations");
  m.evaluations.jacobian = rd.integer(ev, "jacobian", "result.evaluations");
  return m;
}

RunManifest load_manifest(const std::string& path) {
  return parse_manifest(Json::parse(read_file(path), path), path);
}

std::vector<std::string> manifest_differences(const RunManifest& rec, const Result& run) {
  std::vector<std::string> diffs;
  auto count = [&](const char* what, long a, long b) {
    if (a != b)
      diffs.push_back(std::string(what) + ": recorded " + std::to_string(a) + ", replayed " +
                      std::to_string(b));
  };
  const std::string status(enum_to_string(run.status));
  if (rec.status != status) diffs.push_back("status: recorded " + rec.status + ", replayed " + status);
  if (!same_bits(rec.value, run.value))
    diffs.push_back("f: recorded " + format_double(rec.value) + ", replayed " + format_double(run.value) +
                    " (difference " + format_number("%.3e", run.value - rec.value) + ")");
  count("iterations", rec.iterations, run.iterations);
  count("f evaluations", rec.evaluations.f, run.evaluations.f);
  count("gradient evaluations", rec.evaluations.gradient, run.evaluations.gradient);
  count("Hessian evaluations", rec.evaluations.hessian, run.evaluations.hessian);
  count("Hessian-vector products", rec.evaluations.hessian_vector, run.evaluations.hessian_vector);
  count("Jacobian evaluations", rec.evaluations.jacobian, run.evaluations.jacobian);
  if (rec.x.size() != run.x.size()) {
    diffs.push_back("x: recorded " + std::to_string(rec.x.size()) + " components, replayed " +
                    std::to_string(run.x.size()));
  } else {
    long differing = 0;
    double max_abs = 0.0;
    std::string first;
    for (Index i = 0; i < rec.x.size(); ++i) {
      if (same_bits(rec.x[i], run.x[i])) continue;
      if (differing++ == 0)
        first = "x[" + std::to_string(i) + "]: recorded " + format_double(rec.x[i]) + ", replayed " +
                format_double(run.x[i]);
      max_abs = std::max(max_abs, std::abs(run.x[i] - rec.x[i]));
    }
    if (differing)
      diffs.push_back("x: " + std::to_string(differing) + " of " + std::to_string(rec.x.size()) +
                      " components differ (max |difference| " + format_number("%.3e", max_abs) + "); first " +
                      first);
  }
  return diffs;
}

}  // namespace optiml::cli
