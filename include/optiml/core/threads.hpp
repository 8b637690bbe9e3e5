#pragma once
// How many threads a solver uses (DESIGN.md, Conventions: OpenMP, bounded by
// OPTIML_NUM_THREADS or an option, defaulting to the cores available).

namespace optiml {

// requested > 0: that many; otherwise OPTIML_NUM_THREADS when it is a positive
// integer; otherwise the number of cores.
int resolve_threads(long requested);

}  // namespace optiml
