// ResultsReader: reads a results file (schema version 2, or 1 as earlier versions wrote it;
// docs/results.md):
// the provenance attributes of the root, the /index table, and whole runs (specification,
// result, trace). Used by `inspect`, `merge` and the analysis.
#pragma once

#include <cstdint>
#include <filesystem>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "descent/driver/run_result.hpp"
#include "descent/suite/run_spec.hpp"

namespace descent {

inline constexpr const char* kResultsSchema = "descent.results";
inline constexpr std::int64_t kResultsSchemaVersion = 2;  // the version written; 1 is still read

// The root attributes: what wrote the file, when, where, and from which suite.
struct ResultsFileInfo {
  std::string schema = kResultsSchema;
  std::int64_t schema_version = kResultsSchemaVersion;
  std::string software_version;
  std::string git_commit;
  std::string compiler;
  std::string build_type;
  std::string created;  // ISO 8601, UTC
  std::string host;
  std::string suite_name;
  std::string suite_toml;  // verbatim
  std::string suite_sha256;
  // Who ran the runs (docs/results.md): processes (MPI ranks; job-array tasks after merge),
  // threads per process, and the machines they ran on, sorted, comma-separated. Files
  // written before these attributes existed read as 1 × 1 on `host`.
  std::int64_t ranks = 1;
  std::int64_t threads = 1;
  std::string hosts;
};

// The parallelism a writer records in ResultsFileInfo.
struct Parallelism {
  std::int64_t ranks = 1;
  std::int64_t threads = 1;
  std::vector<std::string> hosts;  // empty: this machine
};

inline constexpr const char* kFStarKnown = "known";
inline constexpr const char* kFStarNone = "none";

// One row of /index: a run's identity and outcome.
struct IndexRow {
  std::string run_id;
  std::string objective;
  std::string optimizer;
  std::string label;
  std::int64_t dim = 0;
  std::int64_t start_index = 0;
  std::int64_t repeat = 0;
  std::string status;       // to_string(RunStatus)
  std::string stop_reason;  // to_string(StopReason)
  std::int64_t iterations = 0;
  double f_final = 0.0;
  double grad_norm_final = 0.0;
  std::int64_t evals_f = 0;
  std::int64_t evals_grad = 0;
  std::int64_t evals_hess = 0;
  std::int64_t evals_hvp = 0;
  double seconds = 0.0;
  // The objective's known minimum value f*, NaN when it lists none; f_star_source is
  // kFStarKnown or kFStarNone. Files written before these columns read as NaN and kFStarNone.
  double f_star = std::numeric_limits<double>::quiet_NaN();
  std::string f_star_source = kFStarNone;

  // Equal field by field, NaN f_star equal to NaN f_star.
  bool operator==(const IndexRow& other) const;
};

// The columns of /index, in order.
const std::vector<std::string>& index_columns();
// The standard trace columns, in order (`x` and method-specific columns come after).
const std::vector<std::string>& standard_trace_columns();

// The current writer's provenance for a file holding runs of the given suite.
ResultsFileInfo current_file_info(std::string suite_name, std::string suite_toml,
                                  std::string suite_sha256, const Parallelism& parallelism = {});
// This machine's name.
std::string host_name();
// Host names as stored in `hosts`: sorted, duplicates removed, comma-separated.
std::string hosts_text(std::vector<std::string> hosts);

struct StoredRun {
  RunSpec spec;  // run_id as stored; every field as written
  RunResult result;
};

class ResultsReader {
 public:
  // Opens a results file read-only. A missing file, a file that is not HDF5, or an HDF5 file
  // that is not a descent results file of a known schema version is a ConfigError naming
  // the path.
  explicit ResultsReader(const std::filesystem::path& path);
  ~ResultsReader();
  ResultsReader(ResultsReader&&) noexcept;
  ResultsReader& operator=(ResultsReader&&) noexcept;

  const std::filesystem::path& path() const;
  const ResultsFileInfo& info() const;
  // The /index rows, in file order.
  const std::vector<IndexRow>& index() const;
  bool contains(const std::string& run_id) const;
  // A whole run; ConfigError if the file holds no run with this id.
  StoredRun run(const std::string& run_id) const;
  // A run's specification only (no trace read); ConfigError as for run().
  RunSpec spec(const std::string& run_id) const;
  // A run's trace only (no specification, no x_final), as run() reads it, but only the
  // columns named in `columns` (names of trace_columns(run_id)): the others are left empty
  // (x_dim 0 without x), and iter, which counts the records, is always read. Empty `columns`
  // reads them all. ConfigError as for run().
  Trace trace(const std::string& run_id, const std::vector<std::string>& columns = {}) const;
  // The same read into `trace`, replacing what it held; its columns keep their capacity, so
  // that a reader walking many runs with one Trace allocates for the longest, not per run.
  void trace_into(const std::string& run_id, const std::vector<std::string>& columns, Trace& trace) const;
  // Names of the run's trace datasets: standard columns, then `x`, then method-specific ones.
  std::vector<std::string> trace_columns(const std::string& run_id) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace descent
