#include "optiml/autodiff/tape.hpp"

namespace optiml::ad {

// The two value types every build uses, compiled once here.
template class Tape<double>;
template class Tape<Dual<double>>;

}  // namespace optiml::ad
