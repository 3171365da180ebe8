// merge_results: joins results files (shards of one suite run with --shard K/N, MPI ranks,
// job-array tasks) into one (docs/results.md; `descent merge OUT.h5 PART.h5...`).
// A run id present in several files is stored once. An existing OUT.h5 is one of the inputs,
// so merging shard by shard works. The output is written under a temporary name and renamed.
// The merged file records the parts' processes together (docs/results.md): ranks summed,
// threads the most of any part, hosts joined.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "descent/suite/suite.hpp"

namespace descent {

struct MergeSummary {
  std::int64_t files = 0;       // distinct inputs read, an existing output included
  std::int64_t runs = 0;        // runs in the merged file
  std::int64_t duplicates = 0;  // rows skipped because their run id was already taken
};

// Runs are ordered by first appearance: the existing output's, then each part's in turn.
// ConfigError naming the path, before anything is written, when: no part is given; a part
// or an existing output is missing or not a descent results file; the parts come from
// different suites (suite_sha256 differs); the output's directory is missing or unwritable.
MergeSummary merge_results(const std::filesystem::path& output,
                           const std::vector<std::filesystem::path>& parts);

// The runs of `suite` that the results file `file` does not hold, in suite order: what a merge
// of shards still lacks (`descent merge` expands the suite stored in the file, suite_toml).
std::vector<const RunSpec*> runs_missing_from(const std::filesystem::path& file, const Suite& suite);

}  // namespace descent
