#pragma once
// IDX files, the layout of MNIST and Fashion-MNIST (LeCun et al.): a magic
// number 0x0000TTDD (TT the element type, DD the number of dimensions), DD
// big-endian 32-bit sizes, then the elements in C order, big-endian. Files are
// read through zlib, so gzip-compressed and plain files both work.
//
// Malformed files throw ParseError; binary files have no lines, so the message
// reads "file:0: byte N: ..." with the byte offset of the problem.
#include <string>
#include <vector>

#include "optiml/core/types.hpp"

namespace optiml {

// Element types by their IDX type code.
enum class IdxType : unsigned char {
  UInt8 = 0x08,
  Int8 = 0x09,
  Int16 = 0x0B,
  Int32 = 0x0C,
  Float32 = 0x0D,
  Float64 = 0x0E,
};

struct IdxArray {
  IdxType type = IdxType::UInt8;
  std::vector<Index> shape;
  std::vector<double> values;  // C order, converted to double
};

// Any IDX file, as doubles.
IdxArray read_idx(const std::string& path);

// An image file (n x rows x cols, or any n x ...): one row per image, pixels
// in row-major order; uint8 pixels are divided by 255 unless `scale_to_unit`
// is false (then they keep 0..255).
Matrix read_idx_images(const std::string& path, bool scale_to_unit = true);

// A 1-D label file as doubles (class ids).
Vector read_idx_labels(const std::string& path);

}  // namespace optiml
