#include <exception>
#include <string>

#include "commands.hpp"
#include "optiml/core/error.hpp"

namespace optiml::cli {

namespace {

// Messages stay on one line whatever the exception carried.
std::string one_line(std::string message) {
  for (auto& c : message)
    if (c == '\n' || c == '\r') c = ' ';
  return message;
}

int help_command(const Arguments& args, std::ostream& out) {
  if (args.operands.empty()) {
    out << usage_text();
  } else {
    out << command_usage_text(find_command(args.operands[0]));
  }
  return 0;
}

int dispatch(const Arguments& args, std::ostream& out) {
  if (args.help) {
    out << command_usage_text(find_command(args.command));
    return 0;
  }
  if (args.command == "minimize") return minimize_command(args, out);
  if (args.command == "compare") return compare_command(args, out);
  if (args.command == "list") return list_command(args, out);
  if (args.command == "replay") return replay_command(args, out);
  if (args.command == "tour") return tour_command(args, out);
  if (args.command == "train") return train_command(args, out);
  if (args.command == "help") return help_command(args, out);
  out << "optiml " << OPTIML_VERSION << "\n";
  return 0;
}

}  // namespace

int run_cli(const std::vector<std::string>& words, std::ostream& out, std::ostream& err) {
  try {
    return dispatch(parse_arguments(words), out);
  } catch (const UsageError& e) {
    out.flush();
    err << "optiml: error: " << one_line(e.what()) << "\n";
    return 2;
  } catch (const std::exception& e) {
    // InvalidArgument, ParseError (file:line), I/O and allocation failures.
    out.flush();
    err << "optiml: error: " << one_line(e.what()) << "\n";
    return 1;
  } catch (...) {
    out.flush();
    err << "optiml: error: unknown failure\n";
    return 1;
  }
}

}  // namespace optiml::cli
