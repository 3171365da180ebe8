// ResultsStore: the crash-safe writer of a results file (DESIGN.md, "Results file").
//
// Each completed run is written at once to its own small segment file in OUT.h5.segments/
// (written under a temporary name, then renamed), so that killing the program loses at most
// the runs in flight. `compact()` joins the existing OUT.h5 and all segments into a new file
// (temporary name, then rename) and removes the segments. Opening a store reports which runs
// are already stored (in OUT.h5 or in segments), so running a suite again resumes.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "descent/driver/run_result.hpp"
#include "descent/suite/suite.hpp"

namespace descent {

class ResultsStore {
 public:
  // Checks that the output can be written (else ConfigError naming the path), and reads the
  // ids of the runs already stored. Writes nothing yet.
  ResultsStore(std::filesystem::path output, const Suite& suite);
  ~ResultsStore();

  const std::set<std::string>& stored_run_ids() const { return stored_; }
  // Thread-safe. Writes the run as one segment file.
  void write_run(const RunSpec& spec, const RunResult& result);
  // Joins the output file and every segment into the output file; runs ordered as in the
  // suite, then any others by id. Idempotent.
  void compact();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::set<std::string> stored_;
};

}  // namespace descent
