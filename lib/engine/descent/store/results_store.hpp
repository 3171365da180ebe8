// ResultsStore: the crash-safe writer of a results file (docs/results.md).
//
// Each completed run is written at once to its own small segment file in OUT.h5.segments/
// (written under a temporary name, then renamed), so that killing the program loses at most
// the runs in flight. `compact()` joins the existing OUT.h5 and all segments into a new file
// (temporary name, then rename) and removes the segments. Opening a store reports which runs
// are already stored (in OUT.h5 or in segments), so running a suite again resumes.
//
// One process writes to a given output at a time; within it, any number of threads may call
// write_run. A segment is itself a results file holding one run (readable by ResultsReader,
// h5py, h5dump); temporary files ("*.tmp") left by a crash are ignored and removed by compact().
#pragma once

#include <filesystem>
#include <memory>
#include <set>
#include <string>

#include "descent/driver/run_result.hpp"
#include "descent/suite/suite.hpp"

namespace descent {

class ResultsStore {
 public:
  // Checks that the output can be written (its directory exists and is writable; an existing
  // OUT.h5 is a descent results file; OUT.h5.segments, if present, is a writable directory),
  // else ConfigError naming the path. Reads the ids of the runs already stored. Writes nothing.
  ResultsStore(std::filesystem::path output, const Suite& suite);
  ~ResultsStore();
  ResultsStore(const ResultsStore&) = delete;
  ResultsStore& operator=(const ResultsStore&) = delete;

  // The runs stored (in OUT.h5 or a segment) when the store was opened, and those written since.
  std::set<std::string> stored_run_ids() const;
  // Thread-safe. Writes the run as one segment file. A run that cannot be stored as given
  // (columns of unequal length, x_final of the wrong size) is std::invalid_argument.
  void write_run(const RunSpec& spec, const RunResult& result);
  // Joins the output file and every segment into the output file; runs ordered as in the
  // suite, then any others by id; a run in both is taken from its segment. Idempotent: with
  // no segments and an existing output it changes nothing.
  void compact();

  const std::filesystem::path& output() const;
  const std::filesystem::path& segments_directory() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace descent
