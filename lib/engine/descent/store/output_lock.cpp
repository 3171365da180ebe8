#include "descent/store/output_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

#include "descent/core/config_error.hpp"

namespace descent {

namespace {

std::string holder_of(int fd) {
  char text[32] = {};
  const ssize_t got = ::pread(fd, text, sizeof text - 1, 0);
  std::string pid(text, static_cast<std::size_t>(std::max<ssize_t>(got, 0)));
  while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
  return pid.empty() ? "unknown" : pid;
}

// Whether `fd` is still the file at `path` (not removed or replaced by its last holder).
bool still_names(int fd, const std::filesystem::path& path) {
  struct stat held{}, named{};
  return ::fstat(fd, &held) == 0 && ::stat(path.c_str(), &named) == 0 &&
         held.st_dev == named.st_dev && held.st_ino == named.st_ino;
}

}  // namespace

std::filesystem::path OutputLock::lock_path(const std::filesystem::path& output) {
  auto path = output;
  path += ".lock";
  return path;
}

OutputLock::OutputLock(const std::filesystem::path& output) : path_(lock_path(output)) {
  const std::string name = output.string();
  for (;;) {
    const int fd = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
      throw ConfigError(name, name + ": cannot create the lock file " + path_.string() + " (" +
                                  std::strerror(errno) + ")");
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      const int error = errno;
      const std::string holder = holder_of(fd);
      ::close(fd);
      if (error == EWOULDBLOCK)
        throw ConfigError(name, name + ": is being written by process " + holder + " (lock " +
                                    path_.string() +
                                    "); wait for it to finish, or stop it and run again");
      throw ConfigError(name, name + ": cannot lock " + path_.string() + " (" +
                                  std::strerror(error) + ")");
    }
    if (!still_names(fd, path_)) {
      ::close(fd);
      continue;
    }
    const std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd, 0) != 0 ||
        ::pwrite(fd, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size())) {
      const int error = errno;
      ::unlink(path_.c_str());
      ::close(fd);
      throw std::runtime_error(name + ": cannot write the lock file " + path_.string() + " (" +
                               std::strerror(error) + ")");
    }
    fd_ = fd;
    return;
  }
}

OutputLock::~OutputLock() {
  ::unlink(path_.c_str());
  ::close(fd_);
}

}  // namespace descent
