#pragma once
// Transparent huge pages for large work vectors: on Linux with THP in
// "madvise" mode, advising a buffer before its first touch cuts page faults
// and TLB misses of streaming solvers (L-BFGS at n = 10^6) by up to 512x.
#include <cstddef>

#include "optiml/core/types.hpp"

namespace optiml {

// Advises the 2 MiB-aligned interior of [data, data + bytes); a no-op below 4 MiB
// or where madvise is unavailable. Call before the memory is first written.
void advise_huge_pages(void* data, std::size_t bytes);
inline void advise_huge_pages(Vector& v) {
  advise_huge_pages(v.data(), static_cast<std::size_t>(v.size()) * sizeof(double));
}

}  // namespace optiml
