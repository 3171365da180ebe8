// Progress: reports runs done out of the total. On a terminal, one self-updating line with
// a bar, rate and ETA; otherwise one plain line per finished run (for logs and batch jobs).
#pragma once

#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>

namespace descent {

class Progress {
 public:
  // `total` runs to do now; `already` were stored before and are skipped.
  Progress(std::size_t total, std::size_t already, bool quiet, std::FILE* out = stderr);

  // Thread-safe. `what` describes the finished run for the plain-line form.
  void finished(const std::string& what);
  // Ends the self-updating line.
  void close();

 private:
  std::size_t total_;
  std::size_t done_ = 0;
  bool quiet_;
  bool terminal_;
  std::FILE* out_;
  std::chrono::steady_clock::time_point start_;
  std::mutex mutex_;
};

}  // namespace descent
