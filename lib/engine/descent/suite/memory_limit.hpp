// The memory a suite's start points take, checked against the memory available before it is
// allocated (docs/suites.md, next to the limit on the number of runs).
//
// A loaded suite holds each start point once per objective instance and once more in every
// run expanded from it (RunSpec::x0): 8 bytes a coordinate. Random starts are checked before
// they are drawn (K × dim × 8 bytes), the expanded runs before they are expanded
// (runs × dim × 8 bytes, summed over the objective instances). More than the memory available
// is a ConfigError naming both figures, where it would otherwise end in std::bad_alloc or in
// the kernel's out-of-memory killer. A run's own working memory (a few vectors of dim, and
// its trace) is not counted: the runner holds one run per thread.
#pragma once

#include <cstdint>
#include <string>

namespace descent {

// Bytes the process may still allocate: MemAvailable of /proc/meminfo, lowered to what the
// cgroup's memory.max leaves when there is one; without /proc, the free physical pages.
std::uint64_t available_memory_bytes();

// "80000000000 bytes (80 GB)".
std::string describe_bytes(double bytes);

// The rule broken when `needed` bytes exceed `available` ("... need N bytes (..), more than
// the M bytes (..) of memory available"); empty when they fit.
std::string memory_rule(const std::string& what, double needed, std::uint64_t available);

}  // namespace descent
