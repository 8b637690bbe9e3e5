#pragma once
// NumPy .npy files (format versions 1.0, 2.0 and 3.0): the magic "\x93NUMPY",
// a version, a header length, a Python-literal header dict
//   {'descr': '<f8', 'fortran_order': False, 'shape': (60000, 784), }
// and the raw little-endian elements. 1-D and 2-D arrays of the dtypes below,
// C or Fortran order, are read (converted to double) and written (C order).
//
// Malformed headers throw ParseError "file:1: column N: ..." (the header is the
// file's first line; N counts bytes from the start of the file); problems with
// the data that follows read "file:0: byte N: ...".
#include <string>
#include <vector>

#include "optiml/core/types.hpp"

namespace optiml {

enum class NpyDtype {
  Float64,  // '<f8'
  Float32,  // '<f4'
  Int64,    // '<i8'
  Int32,    // '<i4'
  Int16,    // '<i2'
  Int8,     // '|i1'
  UInt8,    // '|u1'
  UInt16,   // '<u2'
  UInt32,   // '<u4'
  UInt64,   // '<u8'
  Bool,     // '|b1' (read only)
};

// The dtype's descr string, e.g. "<f8".
std::string npy_descr(NpyDtype dtype);

struct NpyHeader {
  int major_version = 1;
  NpyDtype dtype = NpyDtype::Float64;
  bool fortran_order = false;
  std::vector<Index> shape;
};

// The header alone (reads the file).
NpyHeader read_npy_header(const std::string& path);

// A 2-D array as a matrix; a 1-D array of length n as an n x 1 matrix.
Matrix read_npy_matrix(const std::string& path);
// A 1-D array, or a 2-D array with one row or one column.
Vector read_npy_vector(const std::string& path);

// Writes a 2-D (rows x cols) or 1-D array in C order, as a version 1.0 file
// through a temporary file. Integer dtypes require integral values in range
// (else InvalidArgument naming the element); Float32 rounds.
void write_npy_matrix(const std::string& path, const Matrix& array, NpyDtype dtype = NpyDtype::Float64);
void write_npy_vector(const std::string& path, const Vector& array, NpyDtype dtype = NpyDtype::Float64);

}  // namespace optiml
