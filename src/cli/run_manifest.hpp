#pragma once
// Run manifests: everything needed to rerun a `minimize` (version, problem and
// dimension, x0, solver, every option value including defaults) together with
// the recorded result and trace, so that `optiml replay` can check that the
// rerun is bit-identical. Numbers are stored with every digit (Json round-trips doubles).
#include <string>
#include <vector>

#include "optiml/core/json.hpp"
#include "optiml/core/options.hpp"
#include "optiml/core/result.hpp"

namespace optiml::cli {

struct RunManifest {
  std::string version;  // optiml version that wrote it
  std::string problem;
  Index dim = 0;
  Vector x0;
  std::string solver;
  Settings options;  // every option, defaults included
  // Recorded outcome.
  Vector x;
  double value = 0.0;
  std::string status;
  long iterations = 0;
  Evaluations evaluations;
};

// The manifest as JSON: {"format": "optiml-run", "format_version": 1, "optiml_version",
// "problem": {"name", "dim"}, "x0", "solver", "options": {key: value-text},
// "result": Result::to_json with x, "trace": Trace::to_json}.
Json manifest_json(const std::string& problem, const Vector& x0, const std::string& solver,
                   const Settings& resolved_options, const Result& result);
// Reads a manifest; throws ParseError (file:line) for malformed JSON and
// InvalidArgument naming the file and the missing or mistyped field.
RunManifest parse_manifest(const Json& j, const std::string& name);
RunManifest load_manifest(const std::string& path);

// Lines describing how the rerun differs from the recording (x, f, status,
// iterations, evaluation counts), compared bit for bit; empty when identical.
std::vector<std::string> manifest_differences(const RunManifest& recorded, const Result& rerun);

}  // namespace optiml::cli
