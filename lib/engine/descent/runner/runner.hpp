// Runner: executes the runs of a suite on a pool of threads. Each run builds its own optimizer
// from the registries; each thread keeps the objective of its last run (ObjectiveOfLastRun)
// and builds it again only when a run names another instance. Objectives are immutable, so
// runs share no state and give the same result on any number of threads. Finished runs are
// handed to a callback (the store) at once, so an interrupted suite loses only the runs in
// flight.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "descent/driver/run_result.hpp"
#include "descent/suite/suite.hpp"

namespace descent {

struct Shard {
  std::int64_t index = 1;  // K of K/N, from 1
  std::int64_t count = 1;  // N

  // Run i of the suite belongs to shard ((i mod N) + 1).
  bool contains(std::size_t run_position) const {
    return static_cast<std::int64_t>(run_position % static_cast<std::size_t>(count)) + 1 == index;
  }
};

// Parses "K/N" (1 ≤ K ≤ N); ConfigError otherwise.
Shard parse_shard(const std::string& text);

// The objective of the last run a thread executed, kept for the next run of the same instance
// (objective name and parameters). A suite lists the runs of one instance together, and
// building an instance can cost far more than a short run: a rotated quadratic's QR
// factorisation, a generated data set. One instance at a time: the old one is freed before
// another is built.
class ObjectiveOfLastRun {
 public:
  const Objective& of(const RunSpec& spec, const Catalog& catalog);

 private:
  std::string name_;
  Shared<ParamMap> params_;  // a pointer to the runs' map: equal runs share it
  std::unique_ptr<Objective> objective_;
};

// Builds the optimizer of `spec`, takes its objective from `objectives`, and runs the driver.
RunResult execute_run(const RunSpec& spec, const Catalog& catalog, ObjectiveOfLastRun& objectives);
// The same with an objective built for this run alone.
RunResult execute_run(const RunSpec& spec, const Catalog& catalog);

// Called on the worker thread as soon as a run has finished.
using RunFinished = std::function<void(const RunSpec& spec, const RunResult& result)>;

// Runs, on `threads` threads, every run of `runs` in order of position (each thread takes the
// next one). `on_finished` must be thread-safe. Exceptions from a run are rethrown after the
// other threads stop taking new runs, their messages prefixed with the run; those of
// `on_finished` (a full disk while storing) as they are.
void run_all(const std::vector<const RunSpec*>& runs, int threads, const Catalog& catalog,
             const RunFinished& on_finished);

}  // namespace descent
