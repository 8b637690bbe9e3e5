// optiml list problems|solvers: the catalog and the registry, as text or JSON.
#include <limits>

#include "commands.hpp"
#include "optiml/core/error.hpp"
#include "optiml/core/json.hpp"
#include "optiml/problems/test_problem.hpp"
#include "optiml/solvers.hpp"
#include "text_table.hpp"

namespace optiml::cli {

namespace {

// "2", "n >= 2, even, default 1000" or "2..100, default 10".
std::string dims_text(const ProblemInfo& p) {
  if (p.min_dim == p.max_dim) return std::to_string(p.min_dim);
  std::string s = p.max_dim >= std::numeric_limits<int>::max()
                      ? "n >= " + std::to_string(p.min_dim)
                      : std::to_string(p.min_dim) + ".." + std::to_string(p.max_dim);
  if (p.dim_multiple == 2)
    s += ", even";
  else if (p.dim_multiple > 2)
    s += ", multiple of " + std::to_string(p.dim_multiple);
  return s + ", default " + std::to_string(p.default_dim);
}

double f_star_of(const ProblemInfo& p) { return p.make(p.default_dim).f_star; }

int list_problems(bool json, std::ostream& out) {
  if (json) {
    Json::Array rows;
    for (const auto& p : problem_catalog()) {
      Json j = Json::Object{};
      j["name"] = p.name;
      j["family"] = p.family;
      j["description"] = p.description;
      j["reference"] = p.reference;
      j["default_dim"] = static_cast<long>(p.default_dim);
      j["min_dim"] = static_cast<long>(p.min_dim);
      j["max_dim"] = static_cast<long>(p.max_dim);
      j["dim_multiple"] = static_cast<long>(p.dim_multiple);
      j["least_squares"] = p.least_squares;
      j["has_hessian"] = p.has_hessian;
      j["f_star"] = f_star_of(p);
      rows.push_back(std::move(j));
    }
    out << Json(std::move(rows)).dump(2) << "\n";
    return 0;
  }
  TextTable t({"problem", "family", "dim", "f*", "kind", "description"}, {false, false, false, true});
  for (const auto& p : problem_catalog()) {
    std::string kind = p.least_squares ? "least-squares" : "objective";
    if (p.has_hessian) kind += ", Hessian";
    t.add_row({p.name, p.family, dims_text(p), format_number("%.10g", f_star_of(p)), kind, p.description});
  }
  out << t.str();
  out << problem_catalog().size() << " problems; f* at the default dimension, in optiml's convention "
      << "(least squares: 1/2 |r|^2)\n";
  return 0;
}

Json option_json(const OptionInfo& o) {
  Json j = Json::Object{};
  j["name"] = o.name;
  j["type"] = o.type;
  j["default"] = o.default_value;
  j["range"] = o.range;
  j["doc"] = o.doc;
  return j;
}

int list_solvers(bool json, std::ostream& out) {
  const auto& all = solvers().all();
  if (json) {
    Json::Array rows;
    for (const auto& s : all) {
      Json j = Json::Object{};
      j["name"] = s.name;
      Json::Array aliases(s.aliases.begin(), s.aliases.end());
      j["aliases"] = Json(std::move(aliases));
      j["family"] = s.family;
      j["summary"] = s.summary;
      j["reference"] = s.reference;
      j["least_squares_only"] = s.least_squares_only;
      j["uses_hessian"] = s.uses_hessian;
      Json::Array opts;
      for (const auto& o : s.options) opts.push_back(option_json(o));
      j["options"] = Json(std::move(opts));
      rows.push_back(std::move(j));
    }
    out << Json(std::move(rows)).dump(2) << "\n";
    return 0;
  }
  for (const auto& s : all) {
    out << s.name << "  (" << s.family;
    if (s.least_squares_only) out << ", least-squares problems only";
    if (s.uses_hessian) out << ", uses the Hessian";
    out << ")\n";
    if (!s.aliases.empty()) {
      out << "  aliases: ";
      for (std::size_t i = 0; i < s.aliases.size(); ++i) out << (i ? ", " : "") << s.aliases[i];
      out << "\n";
    }
    out << "  " << s.summary << "\n";
    if (!s.reference.empty()) out << "  reference: " << s.reference << "\n";
    TextTable t({"option", "type", "default", "range", "doc"});
    for (const auto& o : s.options) t.add_row({o.name, o.type, o.default_value, o.range, o.doc});
    std::string table = t.str(), indented;
    for (std::size_t b = 0; b < table.size();) {
      const std::size_t e = table.find('\n', b);
      indented += "    " + table.substr(b, e - b + 1);
      b = e + 1;
    }
    out << indented << "\n";
  }
  out << all.size() << " solvers; set options with --option key=value\n";
  return 0;
}

}  // namespace

int list_command(const Arguments& args, std::ostream& out) {
  const std::string& what = args.operands[0];
  const bool json = args.has("--json");
  if (what == "problems") return list_problems(json, out);
  if (what == "solvers") return list_solvers(json, out);
  throw UsageError("cannot list '" + what + "'; expected 'problems' or 'solvers'");
}

}  // namespace optiml::cli
