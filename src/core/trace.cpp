#include "optiml/core/trace.hpp"

#include <fstream>
#include <ostream>
#include <sstream>

#include "optiml/core/error.hpp"
#include "optiml/core/json.hpp"
#include "optiml/core/options.hpp"

namespace optiml {

const std::vector<std::string>& trace_columns() {
  static const std::vector<std::string> cols = {
      "iteration", "time", "f", "optimality", "step", "ls_trials", "accepted_by",
      "tr_radius", "tr_ratio", "f_evals", "g_evals"};
  return cols;
}

std::size_t Trace::extra_column(const std::string& name) {
  for (std::size_t i = 0; i < extra_names.size(); ++i)
    if (extra_names[i] == name) return i;
  extra_names.push_back(name);
  return extra_names.size() - 1;
}

namespace {

double extra_at(const IterationRecord& r, std::size_t i) {
  return i < r.extra.size() ? r.extra[i] : kNotApplicable;
}

// Numbers, in the fixed order of trace_columns() except accepted_by (a string).
void numeric_fields(const IterationRecord& r, double out[10]) {
  out[0] = static_cast<double>(r.iteration);
  out[1] = r.time;
  out[2] = r.f;
  out[3] = r.optimality;
  out[4] = r.step;
  out[5] = static_cast<double>(r.ls_trials);
  out[6] = r.tr_radius;
  out[7] = r.tr_ratio;
  out[8] = static_cast<double>(r.f_evals);
  out[9] = static_cast<double>(r.g_evals);
}

void set_field(IterationRecord& r, std::size_t col, const std::string& text, const std::string& file,
               long line) {
  const auto& name = trace_columns()[col];
  try {
    if (name == "accepted_by") {
      r.accepted_by = enum_from_string<StepAcceptance>(text, "accepted_by");
      return;
    }
    const double v = text.empty() ? kNotApplicable : parse_double(text, name);
    if (name == "iteration") r.iteration = static_cast<long>(v);
    else if (name == "time") r.time = v;
    else if (name == "f") r.f = v;
    else if (name == "optimality") r.optimality = v;
    else if (name == "step") r.step = v;
    else if (name == "ls_trials") r.ls_trials = static_cast<long>(v);
    else if (name == "tr_radius") r.tr_radius = v;
    else if (name == "tr_ratio") r.tr_ratio = v;
    else if (name == "f_evals") r.f_evals = static_cast<long>(v);
    else if (name == "g_evals") r.g_evals = static_cast<long>(v);
  } catch (const InvalidArgument& e) {
    throw ParseError(file, line, e.what());
  }
}

std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  for (char c : line) {
    if (c == ',') {
      cells.push_back(cell);
      cell.clear();
    } else if (c != '\r') {
      cell += c;
    }
  }
  cells.push_back(cell);
  return cells;
}

}  // namespace

void Trace::write_csv(std::ostream& out) const {
  const auto& cols = trace_columns();
  for (std::size_t i = 0; i < cols.size(); ++i) out << (i ? "," : "") << cols[i];
  for (const auto& e : extra_names) out << ',' << e;
  out << '\n';
  double v[10];
  for (const auto& r : records) {
    numeric_fields(r, v);
    out << static_cast<long>(v[0]) << ',' << format_double(v[1]) << ',' << format_double(v[2]) << ','
        << format_double(v[3]) << ',' << format_double(v[4]) << ',' << r.ls_trials << ','
        << enum_to_string(r.accepted_by) << ',' << format_double(v[6]) << ','
        << format_double(v[7]) << ',' << r.f_evals << ',' << r.g_evals;
    for (std::size_t i = 0; i < extra_names.size(); ++i) out << ',' << format_double(extra_at(r, i));
    out << '\n';
  }
}

std::string Trace::to_json() const {
  Json::Object cols;
  const auto& names = trace_columns();
  double v[10];
  std::vector<Json::Array> numeric(10);
  Json::Array accepted;
  for (const auto& r : records) {
    numeric_fields(r, v);
    for (int i = 0; i < 10; ++i) numeric[i].emplace_back(v[i]);
    accepted.emplace_back(std::string(enum_to_string(r.accepted_by)));
  }
  int k = 0;
  for (const auto& n : names) {
    if (n == "accepted_by") cols.emplace_back(n, Json(accepted));
    else cols.emplace_back(n, Json(numeric[k++]));
  }
  for (std::size_t i = 0; i < extra_names.size(); ++i) {
    Json::Array a;
    for (const auto& r : records) a.emplace_back(extra_at(r, i));
    cols.emplace_back(extra_names[i], Json(std::move(a)));
  }
  return Json(std::move(cols)).dump();
}

static bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void Trace::save(const std::string& path) const {
  if (ends_with(path, ".json")) {
    write_file_atomically(path, to_json() + "\n");
  } else if (ends_with(path, ".csv")) {
    std::ostringstream ss;
    write_csv(ss);
    write_file_atomically(path, ss.str());
  } else {
    throw InvalidArgument("trace file '" + path + "' must end in .csv or .json");
  }
}

Trace Trace::read_csv(std::istream& in, const std::string& name) {
  Trace t;
  std::string line;
  long lineno = 0;
  if (!std::getline(in, line)) throw ParseError(name, 1, "empty trace file (expected a header row)");
  ++lineno;
  auto header = split_csv_line(line);
  const auto& cols = trace_columns();
  if (header.size() < cols.size())
    throw ParseError(name, 1, "header has " + std::to_string(header.size()) + " columns, expected at least " +
                                  std::to_string(cols.size()));
  for (std::size_t i = 0; i < cols.size(); ++i)
    if (header[i] != cols[i])
      throw ParseError(name, 1, "column " + std::to_string(i + 1) + " is '" + header[i] + "', expected '" +
                                    cols[i] + "'");
  t.extra_names.assign(header.begin() + static_cast<long>(cols.size()), header.end());
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty() || line == "\r") continue;
    auto cells = split_csv_line(line);
    if (cells.size() != header.size())
      throw ParseError(name, lineno, "row has " + std::to_string(cells.size()) + " fields, header has " +
                                         std::to_string(header.size()));
    IterationRecord r;
    for (std::size_t i = 0; i < cols.size(); ++i) set_field(r, i, cells[i], name, lineno);
    for (std::size_t i = cols.size(); i < cells.size(); ++i) {
      try {
        r.extra.push_back(cells[i].empty() ? kNotApplicable : parse_double(cells[i], header[i]));
      } catch (const InvalidArgument& e) {
        throw ParseError(name, lineno, e.what());
      }
    }
    t.records.push_back(std::move(r));
  }
  return t;
}

Trace Trace::from_json(const std::string& text, const std::string& name) {
  Json j = Json::parse(text, name);
  Trace t;
  try {
    const auto& cols = trace_columns();
    const std::size_t n = j.at("iteration").array().size();
    t.records.resize(n);
    for (std::size_t c = 0; c < cols.size(); ++c) {
      const auto& a = j.at(cols[c]).array();
      if (a.size() != n) throw InvalidArgument("column '" + cols[c] + "' has a different length");
      for (std::size_t i = 0; i < n; ++i) {
        std::string text_value = cols[c] == "accepted_by" ? a[i].string() : format_double(a[i].number());
        if (cols[c] != "accepted_by" && std::isnan(a[i].number())) text_value.clear();
        set_field(t.records[i], c, text_value, name, 1);
      }
    }
    for (const auto& [key, val] : j.object()) {
      bool fixed = false;
      for (const auto& c : cols) fixed = fixed || c == key;
      if (fixed) continue;
      t.extra_names.push_back(key);
      const auto& a = val.array();
      if (a.size() != n) throw InvalidArgument("column '" + key + "' has a different length");
      for (std::size_t i = 0; i < n; ++i) t.records[i].extra.push_back(a[i].number());
    }
  } catch (const InvalidArgument& e) {
    throw ParseError(name, 1, e.what());
  }
  return t;
}

Trace Trace::load(const std::string& path) {
  if (ends_with(path, ".json")) return from_json(read_file(path), path);
  std::ifstream in(path);
  if (!in) throw InvalidArgument("cannot read trace '" + path + "'");
  return read_csv(in, path);
}

}  // namespace optiml
