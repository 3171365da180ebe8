#include "descent/suite/memory_limit.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>

namespace descent {

namespace {

// "MemAvailable:   23951616 kB" → bytes; 0 when absent.
std::uint64_t meminfo_available() {
  std::ifstream meminfo("/proc/meminfo");
  std::string key;
  std::uint64_t kib = 0;
  std::string unit;
  while (meminfo >> key >> kib) {
    std::getline(meminfo, unit);
    if (key == "MemAvailable:") return kib * 1024;
  }
  return 0;
}

// memory.max − memory.current of the process's cgroup (v2); 0 when there is no limit.
std::uint64_t cgroup_available() {
  std::ifstream max_file("/sys/fs/cgroup/memory.max"), current_file("/sys/fs/cgroup/memory.current");
  std::string max_text;
  std::uint64_t current = 0;
  if (!(max_file >> max_text) || max_text == "max" || !(current_file >> current)) return 0;
  const std::uint64_t max = std::stoull(max_text);
  return max > current ? max - current : 1;
}

}  // namespace

std::uint64_t available_memory_bytes() {
  std::uint64_t available = meminfo_available();
  if (available == 0) {
    const long pages = ::sysconf(_SC_AVPHYS_PAGES), page = ::sysconf(_SC_PAGESIZE);
    if (pages > 0 && page > 0) available = static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page);
  }
  if (const std::uint64_t cgroup = cgroup_available(); cgroup > 0)
    available = available == 0 ? cgroup : std::min(available, cgroup);
  return available;
}

std::string describe_bytes(double bytes) {
  static constexpr const char* kUnits[] = {"bytes", "kB", "MB", "GB", "TB", "PB"};
  std::size_t unit = 0;
  double scaled = bytes;
  while (scaled >= 1000.0 && unit + 1 < std::size(kUnits)) {
    scaled /= 1000.0;
    ++unit;
  }
  char text[64];
  std::snprintf(text, sizeof text, "%.0f bytes (%.3g %s)", bytes, scaled, kUnits[unit]);
  return text;
}

std::string memory_rule(const std::string& what, double needed, std::uint64_t available) {
  if (needed <= static_cast<double>(available)) return "";
  return what + " need " + describe_bytes(needed) + " of memory, more than the " +
         describe_bytes(static_cast<double>(available)) + " available";
}

}  // namespace descent
