// Schema 1 of the results file (docs/results.md), private to the
// store: how the root attributes, the /index table and one /runs/<run_id> group are written
// and read. Callers hold h5::lock().
//
//   /                 attrs: schema, schema_version, provenance, suite_name, suite_toml, ...
//   /index            compound table, one row per run (IndexRow, text as variable-length UTF-8)
//   /runs/<run_id>/   attrs: the run's identity and outcome (the index columns and the seed)
//     params/ objective_params/ settings/   attrs: one per parameter (settings: dotted keys)
//     x0 x_final      [dim]
//     trace/          [records] each (chunked, compressed); x [records × dim]; extra columns
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "descent/core/config_error.hpp"
#include "descent/store/hdf5_layer.hpp"
#include "descent/store/results_reader.hpp"

namespace descent::schema {

// "FILE: not a valid results file: WHAT" (exit status 2).
ConfigError invalid_file(const std::string& file, const std::string& what);

// Runs `read` on a results file, turning an HDF5 failure (a damaged structure) into
// invalid_file.
template <class Read>
auto validated_read(const std::string& file, Read&& read) -> decltype(read()) {
  try {
    return read();
  } catch (const h5::Error& error) {
    throw invalid_file(file, error.what());
  }
}

inline constexpr const char* kIndex = "index";
inline constexpr const char* kRuns = "runs";

void write_root(const h5::Handle& file, const ResultsFileInfo& info);
ResultsFileInfo read_root(const h5::Handle& file);

// Opens an existing results file read-only; ConfigError naming the path if it is missing,
// not HDF5, not a descent results file, of another schema version, or lacks /index or /runs.
h5::Handle open_results(const std::filesystem::path& path);

IndexRow index_row(const RunSpec& spec, const RunResult& result);
void write_index(const h5::Handle& file, std::span<const IndexRow> rows);
std::vector<IndexRow> read_index(const h5::Handle& file);

// Throws std::invalid_argument when the run cannot be stored as it is: an id that is not a
// group name, columns of unequal length, a method-specific column named like a standard one.
void check_storable(const RunSpec& spec, const RunResult& result);
// Writes /runs/<spec.run_id> under `runs`.
void write_run(const h5::Handle& runs, const RunSpec& spec, const RunResult& result);
StoredRun read_run(const h5::Handle& file, const std::string& run_id);
// The specification part of read_run (attributes, parameters, x0), without the trace.
RunSpec read_spec(const h5::Handle& file, const std::string& run_id);
std::vector<std::string> trace_columns(const h5::Handle& file, const std::string& run_id);

}  // namespace descent::schema
