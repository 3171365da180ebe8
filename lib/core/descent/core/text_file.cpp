#include "descent/core/text_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "descent/core/file_descriptor.hpp"

namespace descent {

namespace {

const char* kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a file";
}

std::string size_rule(std::uintmax_t max_bytes) {
  return "it is larger than " + std::to_string(max_bytes) + " bytes, the most read from such a file";
}

}  // namespace

std::string read_text_file(const std::filesystem::path& path, std::uintmax_t max_bytes) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    if (errno == ENOENT) throw TextFileRefused("it does not exist");
    throw TextFileRefused(std::string("it cannot be opened (") + std::strerror(errno) + ")");
  }
  const FileDescriptor file(fd);
  struct stat status {};
  if (::fstat(file.fd(), &status) != 0)
    throw TextFileRefused(std::string("it cannot be examined (") + std::strerror(errno) + ")");
  if (!S_ISREG(status.st_mode))
    throw TextFileRefused(std::string("it is ") + kind_of(status.st_mode) +
                          ", not a regular file");
  if (static_cast<std::uintmax_t>(status.st_size) > max_bytes) throw TextFileRefused(size_rule(max_bytes));

  std::string text;
  text.resize(static_cast<std::size_t>(status.st_size));
  std::size_t filled = 0;
  while (true) {
    // One byte beyond the limit tells a file that grew past it since fstat.
    if (filled == text.size()) {
      if (text.size() > max_bytes) throw TextFileRefused(size_rule(max_bytes));
      text.resize(std::min<std::size_t>(max_bytes + 1, std::max<std::size_t>(2 * text.size(), 4096)));
    }
    const ssize_t got = ::read(file.fd(), text.data() + filled, text.size() - filled);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw TextFileRefused(std::string("it cannot be read (") + std::strerror(errno) + ")");
    }
    if (got == 0) break;
    filled += static_cast<std::size_t>(got);
  }
  text.resize(filled);
  return text;
}

}  // namespace descent
