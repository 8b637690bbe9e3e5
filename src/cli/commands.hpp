#pragma once
// The optiml tool's commands. Each takes the parsed command line and writes its
// report to `out`; it returns the exit status and throws for bad input
// (UsageError: exit 2; InvalidArgument, ParseError, other exceptions: exit 1).
#include <ostream>
#include <string>
#include <vector>

#include "arguments.hpp"

namespace optiml::cli {

int minimize_command(const Arguments& args, std::ostream& out);
int compare_command(const Arguments& args, std::ostream& out);
int list_command(const Arguments& args, std::ostream& out);
int replay_command(const Arguments& args, std::ostream& out);
int tour_command(const Arguments& args, std::ostream& out);
int train_command(const Arguments& args, std::ostream& out);

// The whole tool: parses, dispatches, and turns every exception into one line
// "optiml: error: <message>" on `err` with exit status 2 (usage) or 1.
int run_cli(const std::vector<std::string>& words, std::ostream& out, std::ostream& err);

}  // namespace optiml::cli
