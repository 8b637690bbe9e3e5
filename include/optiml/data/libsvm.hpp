#pragma once
// LIBSVM / svmlight text format: one sample per line,
//
//   label index:value index:value ...  # comment
//
// read into CSR sparse features. Indices are 1-based by default; `qid:` tokens
// are ignored; blank and comment-only lines are skipped; '\r\n' line ends and
// trailing blanks are accepted. Errors are ParseError with the file, the line
// and the byte column of the offending token:
//   "data.svm:12: column 7: expected index:value, got 'abc'".
#include <string>
#include <string_view>

#include "optiml/data/dataset.hpp"

namespace optiml {

enum class IndexBase {
  Auto,      // 0-based if any index 0 occurs in the file, else 1-based (as scikit-learn's "auto")
  ZeroBased,
  OneBased,
};

struct LibsvmReadOptions {
  IndexBase index_base = IndexBase::Auto;
  // Number of features; 0 infers it from the largest index. A larger index is an error.
  Index n_features = 0;
};

// Reads a LIBSVM file (gzip-compressed or not). Throws InvalidArgument when the
// file cannot be opened and ParseError on malformed content or an empty file.
Dataset read_libsvm(const std::string& path, const LibsvmReadOptions& options = {});
// Parses LIBSVM text already in memory; `name` stands for the file in errors.
Dataset parse_libsvm(std::string_view text, const LibsvmReadOptions& options = {},
                     const std::string& name = "<text>");

struct LibsvmWriteOptions {
  bool zero_based = false;    // write index j as j (true) or j + 1 (false, the LIBSVM convention)
  bool write_zeros = false;   // also write explicit zero entries (dense rows always skip them unless set)
};

// Writes each sample as "label idx:val ..." with shortest round-trip decimals,
// into a temporary file renamed onto `path` when complete.
void write_libsvm(const std::string& path, const Dataset& data, const LibsvmWriteOptions& options = {});

}  // namespace optiml
