// The MPI task farm of `descent run --mpi` (docs/cluster.md): the runs of a suite spread over
// the ranks of an MPI job, dynamically, since runs differ in cost by orders of magnitude.
//
// Rank 0 holds the output's lock (the ResultsStore) and hands out positions of runs in
// batches, on demand: guided self-scheduling, a batch is ⌈remaining / (2 · ranks)⌉ runs,
// at most kMaxBatch, so early requests take many runs (few messages while most work remains)
// and the last take one each (the ranks finish together). Every rank, rank 0 included, runs
// its batches on T threads and stores each run in its own segment files
// (OUT.h5.segments/segment-rank<R>-NNNNNN.h5; rank 0 through its store), and asks for the next
// batch while fewer than T runs remain queued. A request first commits the rank's segment
// and reports the runs it now holds, so rank 0 knows at every moment which runs are stored
// and which are in flight (handed out, not yet reported stored). When every rank has
// finished, rank 0 compacts the segments into OUT.h5: the same file as `descent run -j 1`
// but for the provenance (ranks, threads, hosts, created, host) and the timings.
//
// Failures: a run that throws stops the dispatch; the other ranks finish their runs, rank 0
// compacts what is stored and the job fails naming the run. A rank that dies makes Open MPI
// stop the job (SIGTERM to every rank, SIGKILL two seconds later): rank 0 then names the runs
// in flight before it exits; committed segments are complete files and are kept, so
// rerunning the command (or `descent run` without --mpi) runs only what is missing. If rank 0
// itself dies no rank can name the lost runs; the rerun still completes the file.
#pragma once

#include <cstddef>
#include <filesystem>
#include <vector>

#include "descent/core/catalog.hpp"
#include "descent/suite/suite.hpp"

namespace descent::mpi {

inline constexpr std::size_t kMaxBatch = 64;

struct FarmOptions {
  int threads = 1;  // per rank (-j)
  bool quiet = false;
};

// What rank 0 learns; the other ranks get root = false and nothing else.
struct FarmOutcome {
  bool root = false;
  int ranks = 1;
  std::size_t runs_to_do = 0;    // not stored when the job started
  std::size_t runs_already = 0;  // stored before
  std::size_t batches = 0;       // handed out
  double seconds = 0.0;          // from the first batch to the last run stored
  double dispatch_cpu_seconds =
      0.0;  // CPU time of rank 0's dispatching thread, idle polls included
  double handling_cpu_seconds = 0.0;  // of which answering messages
};

// Called by every rank with the same suite and the same selection of its runs (`runs`, in
// suite order: the whole suite or a --shard). Initialises and finalises MPI. On rank 0: a
// ConfigError when the output cannot be written or the ranks loaded different suites
// (nothing written); std::runtime_error naming the run when a run failed (after storing the
// others). The other ranks return quietly in both cases: rank 0 tells.
FarmOutcome run_farm(const Suite& suite, const std::vector<const RunSpec*>& runs,
                     const std::filesystem::path& output, const Catalog& catalog,
                     const FarmOptions& options);

}  // namespace descent::mpi
