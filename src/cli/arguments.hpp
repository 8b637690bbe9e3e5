#pragma once
// Command-line parsing for the optiml tool, by hand: each command declares its
// flags once (CommandSpec), and that table drives parsing, validation and help.
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "optiml/core/types.hpp"

namespace optiml::cli {

// The command line does not parse (unknown command or flag, missing value or
// required flag): exit code 2. Everything else that goes wrong exits with 1.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct FlagSpec {
  std::string name;     // "--problem"
  std::string metavar;  // "NAME"; empty for a switch that takes no value
  std::string doc;
  bool repeatable = false;
  bool required = false;
};

struct CommandSpec {
  std::string name;
  std::string summary;   // one line, for `optiml help`
  std::string operands;  // positional operands for the synopsis, e.g. "problems|solvers"
  std::size_t min_operands = 0;
  std::size_t max_operands = 0;
  std::vector<FlagSpec> flags;
  std::vector<std::string> examples;
  std::string notes;  // extra paragraph for `optiml <command> --help`
};

// Every command, in the order `optiml help` lists them.
const std::vector<CommandSpec>& command_specs();
// Throws UsageError naming the command and listing the valid ones.
const CommandSpec& find_command(std::string_view name);

struct Arguments {
  std::string command;                                     // "help" for bare --help
  std::vector<std::string> operands;                       // positional words after the command
  std::vector<std::pair<std::string, std::string>> flags;  // in order; "" as a switch's value
  bool help = false;                                       // `optiml <command> --help`

  bool has(std::string_view flag) const;
  // The value of a non-repeatable flag, or nullopt when absent.
  std::optional<std::string> value(std::string_view flag) const;
  // Every value of a repeatable flag, in order.
  std::vector<std::string> values(std::string_view flag) const;
};

// Parses the words after the program name. Accepts `--flag value` and
// `--flag=value`; values may start with '-' (e.g. --x0 -1.2,1). Throws UsageError.
Arguments parse_arguments(const std::vector<std::string>& words);

// "a, b,c" -> {"a", "b", "c"}; throws UsageError naming `what` on an empty item.
std::vector<std::string> split_list(std::string_view text, std::string_view what);
// Comma-separated finite numbers; throws InvalidArgument naming `what` and the bad item.
Vector parse_vector(std::string_view text, std::string_view what);
// A positive integer; throws InvalidArgument naming `what`.
Index parse_positive_index(std::string_view text, std::string_view what);

// `optiml help` text and `optiml <command> --help` text.
std::string usage_text();
std::string command_usage_text(const CommandSpec& spec);

}  // namespace optiml::cli
