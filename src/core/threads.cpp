#include "optiml/core/threads.hpp"

#include <cstdlib>
#include <thread>

namespace optiml {

int resolve_threads(long requested) {
  if (requested > 0) return static_cast<int>(requested);
  if (const char* env = std::getenv("OPTIML_NUM_THREADS")) {
    char* end = nullptr;
    const long v = std::strtol(env, &end, 10);
    if (end != env && *end == '\0' && v > 0) return static_cast<int>(v);
  }
  const unsigned cores = std::thread::hardware_concurrency();
  return cores > 0 ? static_cast<int>(cores) : 1;
}

}  // namespace optiml
