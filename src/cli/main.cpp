// The optiml command-line tool; everything but main() lives in optiml_cli.
#include <iostream>
#include <string>
#include <vector>

#include "commands.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const std::vector<std::string> words(argv + 1, argv + argc);
  const int status = optiml::cli::run_cli(words, std::cout, std::cerr);
  std::cout.flush();
  return status;
}
