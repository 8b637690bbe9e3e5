#include "arguments.hpp"

#include <cmath>

#include "optiml/core/error.hpp"
#include "optiml/core/options.hpp"

namespace optiml::cli {

namespace {

FlagSpec problem_flag() {
  return {"--problem", "NAME", "test problem (see 'optiml list problems')", false, true};
}
FlagSpec dim_flag() {
  return {"--dim", "N", "dimension of a scalable problem (default: the problem's default)"};
}
FlagSpec option_flag(std::string doc) { return {"--option", "KEY=VALUE", std::move(doc), true}; }
FlagSpec json_flag(std::string doc) { return {"--json", "", std::move(doc)}; }

std::vector<CommandSpec> build_specs() {
  std::vector<CommandSpec> specs;
  specs.push_back(
      {"minimize",
       "run one solver on a test problem and print its summary",
       "",
       0,
       0,
       {problem_flag(),
        dim_flag(),
        {"--solver", "NAME", "solver name or alias (see 'optiml list solvers')", false, true},
        option_flag("set a solver option, e.g. --option gtol=1e-8 (repeatable)"),
        {"--x0", "V1,V2,...", "start point (default: the problem's standard start)"},
        {"--trace", "FILE", "write the per-iteration trace to FILE.csv or FILE.json"},
        json_flag("print the result as one JSON object (with x when n <= 20)"),
        {"--save-run", "FILE", "write a JSON run manifest that 'optiml replay' reruns"}},
       {"optiml minimize --problem rosenbrock --solver lbfgs",
        "optiml minimize --problem extended-rosenbrock --dim 1000 --solver lbfgs --option memory=5 --json",
        "optiml minimize --problem beale --solver lbfgs --x0 1,1 --trace beale.csv --save-run beale.json"},
       "Exit status is 0 whenever the run ended, whatever its status (converged,\n"
       "max-iterations, numerical-error, ...): read it from the summary or --json."});
  specs.push_back(
      {"compare",
       "run several solvers on one problem and print a table",
       "",
       0,
       0,
       {problem_flag(),
        dim_flag(),
        {"--solvers", "A,B,...", "comma-separated solver names", false, true},
        option_flag("set an option on every listed solver that has it (repeatable); "
                    "an option no listed solver knows is an error"),
        {"--x0", "V1,V2,...", "start point (default: the problem's standard start)"},
        json_flag("print a JSON array, one object per solver"),
        {"--trace-dir", "DIR", "write each solver's trace to DIR/<solver>.csv"}},
       {"optiml compare --problem rosenbrock --solvers lbfgs,bfgs,newton",
        "optiml compare --problem extended-rosenbrock --dim 100 --solvers lbfgs,cg --option gtol=1e-8"},
       "A least-squares-only solver on a problem without residuals gets a row\n"
       "saying 'not applicable'. H evals counts Hessians plus Hessian-vector products."});
  specs.push_back({"list",
                   "list the test problems or the solvers with their options",
                   "problems|solvers",
                   1,
                   1,
                   {json_flag("print JSON instead of text")},
                   {"optiml list problems", "optiml list solvers --json"},
                   ""});
  specs.push_back({"replay",
                   "rerun a manifest written by --save-run and check the result is bit-identical",
                   "FILE",
                   1,
                   1,
                   {},
                   {"optiml replay run.json"},
                   "Exit status 0 when x, f, the iteration count and every evaluation count\n"
                   "are bit-identical to the recorded run, 1 otherwise (with a difference report)."});
  specs.push_back(
      {"train",
       "fit a linear model on a data file or a built-in data set and report test metrics",
       "",
       0,
       0,
       {{"--model", "NAME", "logreg | linsvc | ridge | linreg | perceptron", false, true},
        {"--data", "FILE", "training data (LIBSVM, CSV with the label in the last column, or NPY features)"},
        {"--dataset", "NAME", "built-in data set instead of --data: fashion-mnist"},
        {"--format", "NAME", "libsvm | csv | idx | npy (default: from the file name; .gz allowed)"},
        {"--labels", "FILE", "labels of IDX images or NPY features (IDX labels file or NPY vector)"},
        {"--test", "FILE", "test data in the same format (its labels in --test-labels for NPY)"},
        {"--test-labels", "FILE", "IDX or NPY labels of --test"},
        {"--solver", "NAME", "solver of logreg (any smooth solver, default lbfgs) or ridge on sparse data"},
        {"--C", "VALUE", "inverse regularization of logreg and linsvc (default 1)"},
        {"--alpha", "VALUE", "penalty of ridge (default 1)"},
        {"--tol", "VALUE", "stopping tolerance (default: the model's)"},
        {"--max-iter", "N", "iteration (or epoch) limit (default: the model's)"},
        {"--trace", "FILE", "write the solver's trace to FILE.csv or FILE.json"},
        json_flag("print the result as one JSON object")},
       {"optiml train --model logreg --dataset fashion-mnist --solver newton-cg",
        "optiml train --model linsvc --data train.svm --test test.svm --C 0.5",
        "optiml train --model ridge --data house.csv --alpha 3 --json"},
       "Classification models report accuracy (and the test confusion counts in\n"
       "--json); ridge and linreg report R^2."});
  specs.push_back({"tour",
                   "run every applicable solver on the classic 2-D functions and extended Rosenbrock",
                   "",
                   0,
                   0,
                   {{"--out", "DIR", "output folder for traces and summary.json (default: out)"}},
                   {"optiml tour --out out"},
                   "Writes DIR/<problem>/<solver>.csv for every run and DIR/summary.json."});
  specs.push_back(
      {"help", "print this help, or a command's help", "[COMMAND]", 0, 1, {}, {"optiml help minimize"}, ""});
  specs.push_back({"version", "print the optiml version", "", 0, 0, {}, {"optiml version"}, ""});
  return specs;
}

const FlagSpec* find_flag(const CommandSpec& spec, std::string_view name) {
  for (const auto& f : spec.flags)
    if (f.name == name) return &f;
  return nullptr;
}

std::string flag_names(const CommandSpec& spec) {
  std::string out;
  for (const auto& f : spec.flags) out += (out.empty() ? "" : ", ") + f.name;
  return out.empty() ? "none" : out;
}

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return std::string(s.substr(b, e - b));
}

}  // namespace

const std::vector<CommandSpec>& command_specs() {
  static const std::vector<CommandSpec> specs = build_specs();
  return specs;
}

const CommandSpec& find_command(std::string_view name) {
  for (const auto& s : command_specs())
    if (s.name == name) return s;
  std::string valid;
  for (const auto& s : command_specs()) valid += (valid.empty() ? "" : ", ") + s.name;
  throw UsageError("unknown command '" + std::string(name) + "'; expected one of: " + valid);
}

bool Arguments::has(std::string_view flag) const {
  for (const auto& [k, v] : flags)
    if (k == flag) return true;
  return false;
}

std::optional<std::string> Arguments::value(std::string_view flag) const {
  std::optional<std::string> out;
  for (const auto& [k, v] : flags)
    if (k == flag) out = v;
  return out;
}

std::vector<std::string> Arguments::values(std::string_view flag) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : flags)
    if (k == flag) out.push_back(v);
  return out;
}

Arguments parse_arguments(const std::vector<std::string>& words) {
  Arguments args;
  if (words.empty()) throw UsageError("missing command; run 'optiml help' for the list of commands");
  std::size_t i = 0;
  const std::string& first = words[0];
  if (first == "--help" || first == "-h") {
    args.command = "help";
    ++i;
  } else if (first == "--version") {
    args.command = "version";
    ++i;
  } else if (!first.empty() && first[0] == '-') {
    throw UsageError("expected a command before '" + first + "'; run 'optiml help'");
  } else {
    args.command = first;
    ++i;
  }
  const CommandSpec& spec = find_command(args.command);

  for (; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w == "--help" || w == "-h") {
      args.help = true;
      continue;
    }
    if (w.size() < 2 || w[0] != '-' || w == "--") {
      args.operands.push_back(w);
      continue;
    }
    std::string name = w;
    std::optional<std::string> inline_value;
    if (auto eq = w.find('='); eq != std::string::npos && w.rfind("--", 0) == 0) {
      name = w.substr(0, eq);
      inline_value = w.substr(eq + 1);
    }
    const FlagSpec* flag = find_flag(spec, name);
    if (!flag)
      throw UsageError("unknown flag '" + name + "' for '" + spec.name +
                       "'; valid flags: " + flag_names(spec));
    std::string value;
    if (flag->metavar.empty()) {
      if (inline_value) throw UsageError("flag '" + name + "' takes no value");
    } else if (inline_value) {
      value = *inline_value;
    } else {
      if (i + 1 >= words.size())
        throw UsageError("flag '" + name + "' needs a value (" + flag->metavar + ")");
      value = words[++i];
    }
    if (!flag->repeatable && args.has(name)) throw UsageError("flag '" + name + "' given more than once");
    args.flags.emplace_back(name, std::move(value));
  }
  if (args.help) return args;

  if (args.operands.size() < spec.min_operands || args.operands.size() > spec.max_operands) {
    std::string expected = spec.max_operands == 0 ? "no operands" : spec.operands;
    if (args.operands.size() > spec.max_operands)
      throw UsageError("unexpected argument '" + args.operands[spec.max_operands] + "' for '" + spec.name +
                       "' (expected " + expected + ")");
    throw UsageError("'" + spec.name + "' needs " + expected);
  }
  for (const auto& f : spec.flags)
    if (f.required && !args.has(f.name))
      throw UsageError("'" + spec.name + "' needs " + f.name + " " + f.metavar);
  return args;
}

std::vector<std::string> split_list(std::string_view text, std::string_view what) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    std::string item =
        trim(text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    if (item.empty())
      throw UsageError(std::string(what) + ": empty item in '" + std::string(text) +
                       "' (expected a comma-separated list)");
    out.push_back(std::move(item));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

Vector parse_vector(std::string_view text, std::string_view what) {
  std::vector<std::string> items;
  try {
    items = split_list(text, what);
  } catch (const UsageError& e) {
    throw InvalidArgument(e.what());
  }
  Vector v(static_cast<Index>(items.size()));
  for (std::size_t k = 0; k < items.size(); ++k) {
    const std::string item_name = std::string(what) + " item " + std::to_string(k + 1);
    const double x = parse_double(items[k], item_name);
    if (!std::isfinite(x))
      throw InvalidArgument(item_name + ": '" + items[k] + "' is not finite (expected a finite number)");
    v[static_cast<Index>(k)] = x;
  }
  return v;
}

Index parse_positive_index(std::string_view text, std::string_view what) {
  const long v = parse_long(text, what);
  if (v < 1)
    throw InvalidArgument(std::string(what) + ": '" + std::string(text) + "' must be a positive integer");
  return static_cast<Index>(v);
}

std::string usage_text() {
  std::string s = "optiml " OPTIML_VERSION
                  " - optimization for machine learning\n\n"
                  "usage: optiml <command> [flags]\n\ncommands:\n";
  for (const auto& c : command_specs()) {
    std::string name = c.name;
    name.resize(10, ' ');
    s += "  " + name + c.summary + "\n";
  }
  s += "\nRun 'optiml <command> --help' for a command's flags.\n"
       "Errors print one line 'optiml: error: ...' on stderr; exit status 2 means the\n"
       "command line did not parse, 1 that its content was invalid (unknown problem,\n"
       "solver or option, bad value, unreadable file).\n";
  return s;
}

std::string command_usage_text(const CommandSpec& spec) {
  std::string s = "usage: optiml " + spec.name;
  if (!spec.operands.empty()) s += " " + spec.operands;
  for (const auto& f : spec.flags) {
    s += f.required ? " " : " [";
    s += f.name;
    if (!f.metavar.empty()) s.append(" ").append(f.metavar);
    if (!f.required) s += ']';
    if (f.repeatable) s += "...";
  }
  s += "\n\n" + spec.summary + "\n";
  if (!spec.flags.empty()) {
    s += "\nflags:\n";
    for (const auto& f : spec.flags) {
      std::string item = f.name + (f.metavar.empty() ? "" : " " + f.metavar);
      if (item.size() < 24)
        item.resize(24, ' ');
      else
        item += "  ";
      s += "  " + item + f.doc + "\n";
    }
  }
  if (!spec.notes.empty()) s += "\n" + spec.notes + "\n";
  if (!spec.examples.empty()) {
    s += "\nexamples:\n";
    for (const auto& e : spec.examples) s += "  " + e + "\n";
  }
  return s;
}

}  // namespace optiml::cli
