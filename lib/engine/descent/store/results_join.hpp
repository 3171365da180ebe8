// Writing a results file from runs already stored in other results files: compaction (the
// output file and its segments) and merge (shards) both go through here. Private to the
// store; callers hold h5::lock().
//
// Crash safety: the new file is written under a temporary name beside the output and renamed
// over it only when complete, so the output is at every moment either the old file or the new.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "descent/store/hdf5_layer.hpp"
#include "descent/store/results_reader.hpp"

namespace descent::join {

// An open results file and its index.
struct Source {
  std::filesystem::path path;
  h5::Handle file;
  std::vector<IndexRow> rows;
};
// Opens a results file as a source (ConfigError naming the path if it is not one).
Source open_source(const std::filesystem::path& path);

// Writes `output`: root attributes `info`, then the runs `run_ids` in that order, each read
// from the first source that holds it and written anew.
void write_joined(const std::filesystem::path& output, const ResultsFileInfo& info,
                  const std::vector<Source>& sources, const std::vector<std::string>& run_ids);

// A file name for writing `target` under: beside it, unique to this process.
std::filesystem::path temporary_path(const std::filesystem::path& target);
// Whether `candidate` is a temporary file for `target` left by some process.
bool is_temporary_of(const std::filesystem::path& candidate, const std::filesystem::path& target);

// ConfigError naming the path unless a results file can be created at `output`: its
// directory exists and is writable, and `output` is not a directory.
void check_output_location(const std::filesystem::path& output);

}  // namespace descent::join
