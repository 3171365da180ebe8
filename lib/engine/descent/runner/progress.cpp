#include "descent/runner/progress.hpp"

#include <unistd.h>

#include <cmath>

#include "descent/core/counted.hpp"

namespace descent {

namespace {

std::string clock_text(double seconds) {
  const auto total = static_cast<long>(std::lround(seconds));
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%ld:%02ld:%02ld", total / 3600, (total / 60) % 60, total % 60);
  return buffer;
}

}  // namespace

Progress::Progress(std::size_t total, std::size_t already, bool quiet, std::FILE* out)
    : total_(total),
      quiet_(quiet),
      terminal_(isatty(fileno(out)) != 0),
      out_(out),
      start_(std::chrono::steady_clock::now()) {
  if (quiet_) return;
  std::fprintf(out_, "descent: %s to do", counted(static_cast<std::int64_t>(total_), "run").c_str());
  if (already > 0) std::fprintf(out_, ", %zu already stored", already);
  std::fprintf(out_, "\n");
}

void Progress::finished(const std::string& what) {
  if (quiet_) return;
  std::lock_guard lock(mutex_);
  ++done_;
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = elapsed > 0 ? static_cast<double>(done_) / elapsed : 0.0;
  const double eta = rate > 0 ? static_cast<double>(total_ - done_) / rate : 0.0;
  if (terminal_) {
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(kWidth * static_cast<double>(done_) / static_cast<double>(total_));
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(kWidth, '.');
    std::fprintf(out_, "\r[%s] %zu/%zu runs  %.1f runs/s  ETA %s ", bar.c_str(), done_, total_, rate,
                 clock_text(eta).c_str());
  } else {
    std::fprintf(out_, "[%zu/%zu] %s\n", done_, total_, what.c_str());
  }
  std::fflush(out_);
}

void Progress::close() {
  if (!quiet_ && terminal_ && done_ > 0) std::fprintf(out_, "\n");
}

}  // namespace descent
