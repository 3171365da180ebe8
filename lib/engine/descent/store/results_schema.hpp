// The results file's schema (docs/results.md), private to the store: the root attributes, the
// /index table, and the version-1 run groups, which are still read. The body of a version-2
// file (parameter sets, points, columnar traces) is in results_columns.hpp. Callers hold
// h5::lock().
//
//   /          attrs: schema, schema_version, provenance, suite_name, suite_toml, ...
//   /index     compound table, one row per run: the IndexRow columns; version 2 adds where the
//              run's data lie (RunLocation), so the index alone locates every run
//   version 1: /runs/<run_id>/ with attributes, params/ objective_params/ settings/, x0,
//              x_final and trace/ (one small dataset per column)
//   version 2: /params/<k> /objective_params/<k> /settings/<k>, /points, /traces/<k>
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "descent/core/config_error.hpp"
#include "descent/store/hdf5_layer.hpp"
#include "descent/store/results_reader.hpp"

namespace descent::schema {

// "FILE: not a valid results file: WHAT" (exit status 2).
ConfigError invalid_file(const std::string& file, const std::string& what);

// Runs `read` on a results file, turning an HDF5 failure (a damaged structure) into
// invalid_file. A failure in another file (the output `read` copies into: a full disk) is
// not a verdict on this one and goes on as it is.
template <class Read>
auto validated_read(const std::string& file, Read&& read) -> decltype(read()) {
  try {
    return read();
  } catch (const h5::Error& error) {
    if (!error.file().empty() && error.file() != file) throw;
    throw invalid_file(file, error.what());
  }
}

inline constexpr const char* kIndex = "index";
inline constexpr const char* kRuns = "runs";  // version 1
inline constexpr std::int64_t kFirstVersion = 1;

void write_root(const h5::Handle& file, const ResultsFileInfo& info);
ResultsFileInfo read_root(const h5::Handle& file);

// Opens an existing results file read-only; ConfigError naming the path if it is missing,
// not HDF5, not a descent results file, of a schema version this descent does not read, or
// lacks /index (or, in version 1, /runs).
h5::Handle open_results(const std::filesystem::path& path);
// The file's schema_version (open_results has checked it).
std::int64_t version_of(const h5::Handle& file);

// Where a version-2 run's data lie: the ids of its parameter sets, its coordinates in
// /points, and its rows in /traces/<trace>. Zero in version-1 files.
struct RunLocation {
  std::uint64_t seed = 0;
  std::int64_t params = 0;
  std::int64_t objective_params = 0;
  std::int64_t settings = 0;
  std::int64_t x_start = 0;
  std::int64_t trace = 0;
  std::int64_t trace_start = 0;
  std::int64_t trace_rows = 0;
};

struct IndexEntry {
  IndexRow row;
  RunLocation location;
};

// One column of /index: its name and the member holding its value. A new column is a new
// member of IndexRow (or RunLocation) and one line in index_table().
using IndexField =
    std::variant<std::string IndexRow::*, std::int64_t IndexRow::*, double IndexRow::*,
                 std::int64_t RunLocation::*, std::uint64_t RunLocation::*>;
struct IndexColumn {
  const char* name;
  IndexField field;
  bool located;          // a RunLocation column: version 2 only
  bool optional = false;  // absent from files written before it existed; read when present
};
const std::vector<IndexColumn>& index_table();

IndexRow index_row(const RunSpec& spec, const RunResult& result);
void write_index(const h5::Handle& file, std::span<const IndexEntry> entries);
// The rows of /index, every column's presence and type checked first; version-1 files have
// no location columns (left zero).
std::vector<IndexEntry> read_index(const h5::Handle& file);
// The same rows one at a time, in file order, for a reader that keeps them in its own form:
// rows_ahead(n) first with the number of rows, then take(entry) for each (which may move
// from it). Only a block of rows is held at a time.
void for_each_index_entry(const h5::Handle& file, const std::function<void(std::size_t)>& rows_ahead,
                          const std::function<void(IndexEntry&)>& take);

// A standard trace column and the Trace member holding it, in standard_trace_columns() order.
using TraceField = std::variant<std::vector<std::int64_t> Trace::*, std::vector<double> Trace::*>;
struct StandardColumn {
  const char* name;
  TraceField field;
};
const std::vector<StandardColumn>& standard_columns();

// Throws std::invalid_argument when the run cannot be stored as it is: an id that is not a
// group name, columns of unequal length, a method-specific column named like a standard one.
void check_storable(const RunSpec& spec, const RunResult& result);
bool is_standard_column(const std::string& name);

// Version 1: whether /runs holds the run's group, the run itself, and its trace columns.
bool has_run_group(const h5::Handle& file, const std::string& run_id);
StoredRun read_run_v1(const h5::Handle& file, const std::string& run_id);
// The specification part of read_run_v1 (attributes, parameters, x0), without the trace.
RunSpec read_spec_v1(const h5::Handle& file, const std::string& run_id);
// The trace part of read_run_v1, the columns named in `columns` (ResultsReader::trace); the
// rest of the run is checked as read_run_v1 checks it.
Trace read_trace_v1(const h5::Handle& file, const std::string& run_id,
                    const std::vector<std::string>& columns);
std::vector<std::string> trace_columns_v1(const h5::Handle& file, const std::string& run_id);

// Trace column names in the documented order: standard columns, then x, then the others by
// name.
std::vector<std::string> ordered_trace_columns(const std::vector<std::string>& present);

}  // namespace descent::schema
