// Random start points: `starts = { random = K, box = [lo, hi] }` in a suite file.
//
// K points, each coordinate uniform in [lo, hi], reproducible bit for bit on every platform:
//   generator   std::mt19937_64 (its output sequence is fixed by the C++ standard), seeded
//               with the first 64 bits (16 hex digits, big-endian) of
//               SHA-256("descent.random_starts suite_seed=S objective=I"), S the suite seed,
//               I the objective's index in the file (from 0);
//   coordinate  lo + (hi − lo) · u,  u = (draw >> 11) · 2⁻⁵³   (53 random bits, u ∈ [0, 1)),
//               drawn point by point, coordinate by coordinate.
// (std::uniform_real_distribution is not used: its algorithm differs between libraries.)
#pragma once

#include <cstdint>
#include <vector>

#include "descent/core/params.hpp"
#include "descent/core/types.hpp"
#include "descent/suite/run_spec.hpp"

namespace descent {

struct RandomStarts {
  std::int64_t random = 1;  // K
  std::vector<double> box;  // [lo, hi]

  template <class V>
  void visit(V& v) {
    v.integer("random", random, Range::closed(1, kMaxSuiteRuns), "number of random start points K");
    v.reals("box", box, Range::any(), "[lo, hi]: every coordinate uniform in it");
  }
  void validate() const;  // box = [lo, hi] with lo < hi, both finite
};

std::uint64_t random_starts_seed(std::uint64_t suite_seed, std::size_t objective_index);

std::vector<Vector> random_starts(const RandomStarts& spec, Index dim, std::uint64_t seed);

}  // namespace descent
