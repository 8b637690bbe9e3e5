#pragma once
// Exceptions for misuse and bad input. Numerical trouble is never an
// exception: a run ends with a Status instead (DESIGN.md, Conventions).
#include <stdexcept>
#include <string>

namespace optiml {

// Invalid user input: the message names the culprit and what was expected.
class InvalidArgument : public std::invalid_argument {
 public:
  explicit InvalidArgument(const std::string& what) : std::invalid_argument(what) {}
};

// Malformed file or text; the message starts with "file:line: ".
class ParseError : public std::runtime_error {
 public:
  ParseError(const std::string& file, long line, const std::string& what)
      : std::runtime_error(file + ":" + std::to_string(line) + ": " + what), file_(file), line_(line) {}
  const std::string& file() const { return file_; }
  long line() const { return line_; }

 private:
  std::string file_;
  long line_;
};

}  // namespace optiml
