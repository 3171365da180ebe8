// OutputLock: one writer per results file. `run` holds it on its output and `merge` on its
// target, for as long as they may write there (docs/results.md, "Concurrent writers").
//
// The lock is an advisory flock(2) on OUT.h5.lock, which holds the PID of its holder. The
// kernel releases a flock when its holder dies, so a lock file left by a kill -9 is stale by
// construction: the next writer takes the lock (and rewrites the PID) without guessing from
// PIDs. The holder removes the file when it is done; a process that opened the old file
// before its removal notices that the path no longer names what it locked and tries again.
#pragma once

#include <filesystem>

namespace descent {

class OutputLock {
 public:
  // Takes the lock of `output`; ConfigError naming the output and the holder's PID if another
  // process holds it, or naming the lock file if it cannot be created.
  explicit OutputLock(const std::filesystem::path& output);
  ~OutputLock();
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

  static std::filesystem::path lock_path(const std::filesystem::path& output);

 private:
  std::filesystem::path path_;
  int fd_ = -1;
};

}  // namespace descent
