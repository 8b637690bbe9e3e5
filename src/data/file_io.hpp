#pragma once
// Internal to the data module: whole-file reads (plain or gzip, through zlib)
// and writes that never leave a half-written file behind.
#include <cstdio>
#include <string>
#include <string_view>

namespace optiml::data_detail {

// The whole file as bytes; gzip files are decompressed (zlib reads plain files
// through unchanged). Throws InvalidArgument when the file cannot be opened and
// ParseError(path, 0, ...) on a corrupt gzip stream.
std::string read_file(const std::string& path);

// Writes to a temporary file next to `path` and renames it onto `path` in
// commit(); a writer destroyed before commit() removes the temporary file.
class AtomicFileWriter {
 public:
  explicit AtomicFileWriter(std::string path);
  ~AtomicFileWriter();
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

  void write(std::string_view bytes);
  // Appends `buffer` and clears it once it exceeds a few megabytes (callers build rows in it).
  void flush_if_large(std::string& buffer);
  void commit();

 private:
  std::string path_;
  std::string temp_path_;
  std::FILE* file_ = nullptr;
};

// Appends the shortest decimal text that reads back to exactly `value`.
void append_double(std::string& out, double value);

// The byte column (1-based) of `p` within the line that starts at `line_start`.
inline long column_of(const char* line_start, const char* p) { return static_cast<long>(p - line_start) + 1; }

}  // namespace optiml::data_detail

namespace optiml::data_detail {

// Parses [first, last) as a whole decimal number (a leading '+' allowed, as
// printf-style writers emit it); false when any character is left over.
bool parse_double(const char* first, const char* last, double& out);

// `token` shortened for an error message and put in quotes.
std::string quoted(std::string_view token);

}  // namespace optiml::data_detail
