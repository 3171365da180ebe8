// ResultsStore: the crash-safe writer of a results file (docs/results.md).
//
// Completed runs are handed to a writer thread, which appends them to a segment file it keeps
// open (OUT.h5.segments/segment-NNNNNN.h5, written under a temporary name) and commits it —
// writes its index, closes it, renames it — every kBatchRuns runs or kBatchSeconds after the
// first uncommitted run, whichever comes first, and when asked (commit(), compact(), the
// destructor). A kill -9 therefore loses at most the runs not yet committed: those finished
// in the last kBatchSeconds, at most kBatchRuns, plus the runs in flight (one per thread).
// `compact()` joins the existing OUT.h5 and all segments into a new file (temporary name,
// verified, then renamed; see results_join.hpp) and only then removes the segments. Opening a
// store reads the indexes of OUT.h5 and of the segments (one file open at a time), so running
// a suite again resumes.
//
// One process writes to a given output at a time: the store holds its OutputLock. Within the
// process any number of threads may call write_run. A segment is itself a results file
// (readable by ResultsReader, h5py, h5dump); temporary files ("*.tmp") left by a crash are
// ignored and removed by compact().
//
// A job whose processes share an output (`descent run --mpi`, docs/cluster.md) opens one
// locking store in the process that compacts and a segment writer (see its constructor) in
// every other: each writes its own segments, named by a prefix no other writer uses.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <set>
#include <string>

#include "descent/driver/run_result.hpp"
#include "descent/store/results_reader.hpp"
#include "descent/suite/suite.hpp"

namespace descent {

class ResultsStore {
 public:
  static constexpr std::size_t kBatchRuns = 256;
  static constexpr double kBatchSeconds = 1.0;
  // write_run waits while the writer thread's queue holds kQueueRuns runs or kQueueBytes of
  // their data (queued_bytes); a run larger than kQueueBytes waits for an empty queue. Memory
  // thus holds at most this much of finished runs, besides the run being written, the runs in
  // flight and the open segment's index rows, however fast the runs finish.
  static constexpr std::size_t kQueueRuns = 2 * kBatchRuns;
  static constexpr std::size_t kQueueBytes = std::size_t{32} << 20;

  // The data a finished run holds in the queue: its trace columns, iterates, x0 and x_final.
  static std::size_t queued_bytes(const RunSpec& spec, const RunResult& result);

  // Takes the output's lock (ConfigError naming the holder's PID if another process writes
  // there) and checks that the output can be written (its directory exists and is writable;
  // an existing OUT.h5 is a results file of this suite and can be replaced; OUT.h5.segments, if
  // present, is a writable directory holding segments of this suite), else ConfigError naming
  // the path. Reads the ids of the runs already stored. Writes nothing but the lock file.
  // `parallelism` is recorded in the files written (docs/results.md, root attributes).
  ResultsStore(std::filesystem::path output, const Suite& suite, const Parallelism& parallelism = {});
  // A segment writer, for a process that runs part of a suite while another process holds
  // the output's lock and has checked the output: takes no lock, reads nothing already
  // stored, and names its segments "<segment_prefix>NNNNNN.h5" in OUT.h5.segments.
  // compact() is a std::logic_error.
  ResultsStore(std::filesystem::path output, const Suite& suite, const Parallelism& parallelism,
               std::string segment_prefix);
  // Commits the runs written so far (a failure is dropped: the runs are run again on resume).
  ~ResultsStore();
  ResultsStore(const ResultsStore&) = delete;
  ResultsStore& operator=(const ResultsStore&) = delete;

  // The runs stored (in OUT.h5 or a segment) when the store was opened, and those written since.
  std::set<std::string> stored_run_ids() const;
  // Thread-safe; returns once the run is queued for the writer thread (waiting while the
  // queue is full: kQueueRuns, kQueueBytes). A run that cannot be stored as given (columns of
  // unequal length, x_final of the wrong size) is std::invalid_argument; a failure of the
  // writer thread (a full disk) is rethrown here, by commit() and by compact().
  void write_run(const RunSpec& spec, const RunResult& result);
  // Waits until every run written so far is in a committed segment.
  void commit();
  // Commits, then joins the output file and every segment into the output file; runs ordered
  // as in the suite, then any others by id; a run in both is taken from its segment.
  // Idempotent: with no segments and an existing output it changes nothing. A failure to
  // write the joined file (a full disk) leaves the output and the segments as they were, and
  // its message says so, as a failure of the writer thread's does.
  void compact();

  const std::filesystem::path& output() const;
  const std::filesystem::path& segments_directory() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace descent
