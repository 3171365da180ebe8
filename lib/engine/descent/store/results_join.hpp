// Writing a results file from runs already stored in other results files: compaction (the
// output file and its segments) and merge (shards) both go through here. Private to the
// store; callers hold h5::lock().
//
// Streaming: the sources' indexes are read first (each file opened, read, closed); then the
// sources are opened one at a time and their runs copied (version-2 sources in blocks of
// consecutive rows, version-1 sources run by run), so memory holds the index rows and one
// block or run, and at most two files are open, whatever the number of sources.
//
// Crash safety: the new file is written under a temporary name beside the output, closed
// (every failure reported, a full disk included), read back (its index must list exactly
// the runs written), flushed to disk (fsync) and only then renamed over the output, so the
// output is at every moment either the old file or the new, and nothing a caller deletes
// afterwards (segments) is gone before its runs are safely in the new file.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "descent/store/hdf5_layer.hpp"
#include "descent/store/results_reader.hpp"
#include "descent/store/results_schema.hpp"

namespace descent::join {

// A results file's root attributes and index, read and closed. Rows whose data are missing
// (a damaged file: no /runs group in version 1, rows or parameter sets out of range in
// version 2) are left out: those runs are not stored.
struct Source {
  std::filesystem::path path;
  ResultsFileInfo info;
  std::vector<schema::IndexEntry> entries;
};
// Reads a results file as a source (ConfigError naming the path if it is not a valid one).
Source read_source(const std::filesystem::path& path);

// Writes `output` in the current schema: root attributes `info`, then the runs `run_ids`
// (the index in that order), each taken from the first source that holds it. See the header for the guarantees.
// The sources' index rows are released as each source is copied.
void write_joined(const std::filesystem::path& output, const ResultsFileInfo& info,
                  std::vector<Source> sources, const std::vector<std::string>& run_ids);

// A file name for writing `target` under: beside it, unique to this process.
std::filesystem::path temporary_path(const std::filesystem::path& target);
// Whether `candidate` is a temporary file for `target` left by some process.
bool is_temporary_of(const std::filesystem::path& candidate, const std::filesystem::path& target);
// Removes every temporary file of `target` (the caller holds the target's OutputLock).
void remove_temporaries_of(const std::filesystem::path& target);

// Makes a completed file durable: fsync of the file, and of its directory after a rename.
void sync_file(const std::filesystem::path& path);
void sync_directory_of(const std::filesystem::path& path);

// ConfigError naming the path unless a results file can be created at `output`: its
// directory exists and is writable, `output` is not a directory, and an existing `output`
// can be replaced (not immutable).
void check_output_location(const std::filesystem::path& output);

}  // namespace descent::join
