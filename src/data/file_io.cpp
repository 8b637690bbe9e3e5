#include "file_io.hpp"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

#include "optiml/core/error.hpp"

namespace optiml::data_detail {

std::string read_file(const std::string& path) {
  gzFile in = gzopen(path.c_str(), "rb");
  if (in == nullptr)
    throw InvalidArgument("cannot open '" + path + "': " + std::strerror(errno ? errno : ENOMEM));
  gzbuffer(in, 1 << 18);
  std::string bytes;
  // The output size: a plain file's size, or a gzip file's ISIZE trailer (size
  // mod 2^32 of its last member; a wrong guess only costs a buffer growth).
  std::size_t capacity = 0;
  struct stat st{};
  if (stat(path.c_str(), &st) == 0 && st.st_size > 0) {
    capacity = static_cast<std::size_t>(st.st_size);
    if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
      unsigned char magic[2] = {0, 0}, trailer[4];
      if (std::fread(magic, 1, 2, f) == 2 && magic[0] == 0x1f && magic[1] == 0x8b && st.st_size >= 18 &&
          std::fseek(f, -4, SEEK_END) == 0 && std::fread(trailer, 1, 4, f) == 4) {
        const std::size_t isize = trailer[0] | (trailer[1] << 8) | (trailer[2] << 16) |
                                  (static_cast<std::size_t>(trailer[3]) << 24);
        // Deflate compresses at most about 1032:1; a larger ISIZE means a corrupt trailer.
        if (isize <= capacity * 1032) capacity = std::max(capacity, isize);
      }
      std::fclose(f);
    }
  }
  capacity = std::max<std::size_t>(capacity + 1, std::size_t{1} << 16);
  bytes.resize(capacity);
  std::size_t size = 0;
  for (;;) {
    if (size == bytes.size()) bytes.resize(bytes.size() * 2);
    const std::size_t want = std::min<std::size_t>(bytes.size() - size, std::size_t{1} << 30);
    const int got = gzread(in, bytes.data() + size, static_cast<unsigned>(want));
    if (got < 0) {
      int code = 0;
      const std::string message = gzerror(in, &code);
      gzclose(in);
      throw ParseError(path, 0, "corrupt gzip stream: " + message);
    }
    if (got == 0) break;
    size += static_cast<std::size_t>(got);
  }
  // A truncated gzip member reads as a short file; zlib flags it on close.
  int code = 0;
  const std::string message = gzerror(in, &code);
  gzclose(in);
  if (code != Z_OK && code != Z_BUF_ERROR) throw ParseError(path, 0, "corrupt gzip stream: " + message);
  if (code == Z_BUF_ERROR) throw ParseError(path, 0, "gzip stream ends early (truncated file)");
  bytes.resize(size);
  return bytes;
}

AtomicFileWriter::AtomicFileWriter(std::string path) : path_(std::move(path)) {
  std::string pattern = path_ + ".tmp-XXXXXX";
  const int fd = mkstemp(pattern.data());
  if (fd < 0) throw InvalidArgument("cannot write '" + path_ + "': " + std::strerror(errno));
  temp_path_ = pattern;
  file_ = fdopen(fd, "wb");
  if (file_ == nullptr) {
    close(fd);
    std::remove(temp_path_.c_str());
    throw InvalidArgument("cannot write '" + path_ + "': " + std::strerror(errno));
  }
}

AtomicFileWriter::~AtomicFileWriter() {
  if (file_ != nullptr) {
    std::fclose(file_);
    std::remove(temp_path_.c_str());
  }
}

void AtomicFileWriter::write(std::string_view bytes) {
  if (bytes.empty()) return;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size())
    throw InvalidArgument("cannot write '" + path_ + "': " + std::strerror(errno));
}

void AtomicFileWriter::flush_if_large(std::string& buffer) {
  if (buffer.size() < (std::size_t{1} << 22)) return;
  write(buffer);
  buffer.clear();
}

void AtomicFileWriter::commit() {
  // mkstemp creates 0600; give the file the permissions an ordinary fopen would.
  const mode_t mask = umask(0);
  umask(mask);
  fchmod(fileno(file_), 0666 & ~mask);
  const bool ok = std::fflush(file_) == 0 && std::ferror(file_) == 0;
  const int error = errno;
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (!ok || !closed || std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    const int e = ok && closed ? errno : error;
    std::remove(temp_path_.c_str());
    throw InvalidArgument("cannot write '" + path_ + "': " + std::strerror(e));
  }
}

void append_double(std::string& out, double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

}  // namespace optiml::data_detail

namespace optiml::data_detail {

bool parse_double(const char* first, const char* last, double& out) {
  if (first != last && *first == '+') {
    ++first;
    if (first != last && (*first == '-' || *first == '+')) return false;
  }
  if (first == last) return false;
  const auto result = std::from_chars(first, last, out);
  return result.ec == std::errc() && result.ptr == last;
}

std::string quoted(std::string_view token) {
  constexpr std::size_t max_length = 40;
  if (token.size() > max_length) return "'" + std::string(token.substr(0, max_length)) + "...'";
  return "'" + std::string(token) + "'";
}

}  // namespace optiml::data_detail
