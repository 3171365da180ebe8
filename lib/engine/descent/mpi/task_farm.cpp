#include "descent/mpi/task_farm.hpp"

#include <mpi.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>

#include "descent/core/counted.hpp"
#include "descent/core/config_error.hpp"
#include "descent/runner/progress.hpp"
#include "descent/runner/runner.hpp"
#include "descent/store/results_reader.hpp"
#include "descent/store/results_store.hpp"

namespace descent::mpi {

namespace {

using Position = std::int64_t;  // of a run in the selection every rank holds
using Clock = std::chrono::steady_clock;

enum class Tag : int {
  kRequest = 1,  // rank → 0: the positions stored since the last request; answered by kBatch
  kBatch,        // 0 → rank: positions to run; empty when there are no more
  kFinished,     // rank → 0: the last positions stored; the rank sends nothing more
  kFailed,       // rank → 0: text naming a run that failed; kFinished follows
};

// How long rank 0's dispatching thread sleeps when no message is waiting; a rank asks for
// its next batch while it still has runs queued, so the delay is hidden.
constexpr auto kIdlePoll = std::chrono::microseconds(200);
// How long rank 0 waits for the segments of other hosts to appear in its listing of
// OUT.h5.segments (a network file system caches directory listings for some seconds).
constexpr auto kSegmentVisibility = std::chrono::seconds(30);
constexpr std::size_t kHostNameBytes = 256;

class Session {
 public:
  Session() {
    int provided = 0;
    MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
  }
  ~Session() { MPI_Finalize(); }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }

 private:
  int rank_ = 0;
  int size_ = 1;
};

// SIGTERM (Open MPI stopping the job) and SIGINT, blocked in every thread of the process so
// that rank 0 can take them at a moment of its choosing (see StopReporter).
class StopSignals {
 public:
  StopSignals() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGTERM);
    sigaddset(&set_, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set_, &previous_);
  }
  ~StopSignals() { restore(); }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  // Back to the default action (killing the process), for the ranks that report nothing.
  void restore() {
    if (restored_) return;
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
    restored_ = true;
  }
  const sigset_t& set() const { return set_; }

 private:
  sigset_t set_{};
  sigset_t previous_{};
  bool restored_ = false;
};

void send(const std::vector<Position>& values, int to, Tag tag) {
  MPI_Send(values.data(), static_cast<int>(values.size()), MPI_INT64_T, to, static_cast<int>(tag),
           MPI_COMM_WORLD);
}

std::vector<Position> receive_positions(const MPI_Status& probed) {
  int count = 0;
  MPI_Get_count(&probed, MPI_INT64_T, &count);
  std::vector<Position> values(static_cast<std::size_t>(count));
  MPI_Recv(values.data(), count, MPI_INT64_T, probed.MPI_SOURCE, probed.MPI_TAG, MPI_COMM_WORLD,
           MPI_STATUS_IGNORE);
  return values;
}

std::string receive_text(const MPI_Status& probed) {
  int count = 0;
  MPI_Get_count(&probed, MPI_CHAR, &count);
  std::string text(static_cast<std::size_t>(count), '\0');
  MPI_Recv(text.data(), count, MPI_CHAR, probed.MPI_SOURCE, probed.MPI_TAG, MPI_COMM_WORLD,
           MPI_STATUS_IGNORE);
  return text;
}

double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

std::string describe(const RunSpec& spec) {
  return spec.run_id + " (" + spec.label + " on " + spec.objective + ", start " +
         std::to_string(spec.start_index) + ", repeat " + std::to_string(spec.repeat) + ")";
}

// Rank 0's ledger: which runs are still to hand out, which each rank holds, which are stored.
class Dispatcher {
 public:
  Dispatcher(const std::vector<const RunSpec*>& runs, std::vector<Position> pending, int ranks,
             Progress& progress)
      : runs_(runs),
        pending_(std::move(pending)),
        in_flight_(static_cast<std::size_t>(ranks)),
        progress_(progress) {}

  // Takes the runs `rank` reports stored and hands it its next batch (empty: no more).
  std::vector<Position> next_batch(int rank, const std::vector<Position>& stored) {
    const std::lock_guard held(mutex_);
    take_stored(rank, stored);
    const std::size_t remaining = pending_.size() - next_;
    if (failure_ || remaining == 0) return {};
    const std::size_t share = 2 * in_flight_.size();
    const std::size_t size = std::min(kMaxBatch, (remaining + share - 1) / share);
    std::vector<Position> batch(pending_.begin() + static_cast<std::ptrdiff_t>(next_),
                                pending_.begin() + static_cast<std::ptrdiff_t>(next_ + size));
    next_ += size;
    ++batches_;
    in_flight_[static_cast<std::size_t>(rank)].insert(batch.begin(), batch.end());
    return batch;
  }
  void finished(int rank, const std::vector<Position>& stored) {
    const std::lock_guard held(mutex_);
    take_stored(rank, stored);
  }
  // Stops the dispatch: every later request gets an empty batch.
  void failed(int rank, const std::string& what) {
    const std::lock_guard held(mutex_);
    if (!failure_) failure_ = "rank " + std::to_string(rank) + ": " + what;
  }

  std::optional<std::string> failure() const {
    const std::lock_guard held(mutex_);
    return failure_;
  }
  std::size_t batches() const {
    const std::lock_guard held(mutex_);
    return batches_;
  }
  std::vector<Position> stored() const {
    const std::lock_guard held(mutex_);
    return stored_;
  }
  // Names, rank by rank, the runs handed out and not reported stored.
  std::string in_flight_report() const {
    const std::lock_guard held(mutex_);
    std::size_t count = 0;
    std::string ranks;
    for (std::size_t rank = 0; rank < in_flight_.size(); ++rank) {
      if (in_flight_[rank].empty()) continue;
      count += in_flight_[rank].size();
      ranks += "\n  rank " + std::to_string(rank) + ":";
      for (const Position position : in_flight_[rank])
        ranks += "\n    " + describe(*runs_[static_cast<std::size_t>(position)]);
    }
    return counted(static_cast<std::int64_t>(stored_.size()), "run") + " stored by this job are kept; " +
           counted(static_cast<std::int64_t>(count), "run") + " in flight were not stored" +
           (count ? ":" : "") + ranks;
  }

 private:
  void take_stored(int rank, const std::vector<Position>& stored) {
    auto& held_by_rank = in_flight_[static_cast<std::size_t>(rank)];
    for (const Position position : stored) {
      if (held_by_rank.erase(position) == 0) continue;
      stored_.push_back(position);
      const RunSpec& spec = *runs_[static_cast<std::size_t>(position)];
      progress_.finished(spec.label + " on " + spec.objective + ", start " +
                         std::to_string(spec.start_index) + ", repeat " +
                         std::to_string(spec.repeat) + " (rank " + std::to_string(rank) + ")");
    }
  }

  const std::vector<const RunSpec*>& runs_;
  const std::vector<Position> pending_;
  mutable std::mutex mutex_;  // guards every member below
  std::size_t next_ = 0;
  std::size_t batches_ = 0;
  std::vector<std::set<Position>> in_flight_;
  std::vector<Position> stored_;
  std::optional<std::string> failure_;
  Progress& progress_;
};

// Where a rank's batches come from: rank 0's dispatcher, directly or over MPI.
class BatchSource {
 public:
  virtual ~BatchSource() = default;
  // Reports the runs stored since the last call and returns the next batch (empty: no more).
  virtual std::vector<Position> next(const std::vector<Position>& stored) = 0;
  virtual void failed(const std::string& what) = 0;
  // The last report; nothing is asked after it.
  virtual void finished(const std::vector<Position>& stored) = 0;
};

class LocalSource final : public BatchSource {
 public:
  explicit LocalSource(Dispatcher& dispatcher) : dispatcher_(dispatcher) {}
  std::vector<Position> next(const std::vector<Position>& stored) override {
    return dispatcher_.next_batch(0, stored);
  }
  void failed(const std::string& what) override { dispatcher_.failed(0, what); }
  void finished(const std::vector<Position>& stored) override { dispatcher_.finished(0, stored); }

 private:
  Dispatcher& dispatcher_;
};

// Called only from the main thread (MPI_THREAD_FUNNELED).
class RemoteSource final : public BatchSource {
 public:
  std::vector<Position> next(const std::vector<Position>& stored) override {
    send(stored, 0, Tag::kRequest);
    MPI_Status probed;
    MPI_Probe(0, static_cast<int>(Tag::kBatch), MPI_COMM_WORLD, &probed);
    return receive_positions(probed);
  }
  void failed(const std::string& what) override {
    MPI_Send(what.data(), static_cast<int>(what.size()), MPI_CHAR, 0,
             static_cast<int>(Tag::kFailed), MPI_COMM_WORLD);
  }
  void finished(const std::vector<Position>& stored) override { send(stored, 0, Tag::kFinished); }
};

// One rank's work: runs the batches of `source` on `threads` threads, storing each run, and
// asks for the next batch (committing and reporting what is stored) while fewer than
// `threads` runs are queued. Returns when the source has no more and every run taken is
// stored, or after a failure, which it reports to the source.
void work(BatchSource& source, const std::vector<const RunSpec*>& runs, const Catalog& catalog,
          int threads, ResultsStore& store) {
  std::mutex mutex;  // guards every variable below
  std::condition_variable changed;
  std::deque<Position> queue;
  std::vector<Position> written;  // stored in the store's open segment, not yet reported
  int running = 0;
  bool exhausted = false;
  std::optional<std::string> failure;
  const auto fail = [&](std::string what) {
    if (!failure) failure = std::move(what);
  };

  const auto compute = [&] {
    ObjectiveOfLastRun objectives;
    std::unique_lock held(mutex);
    for (;;) {
      changed.wait(held, [&] { return !queue.empty() || exhausted || failure; });
      if (failure || queue.empty()) return;
      const Position position = queue.front();
      queue.pop_front();
      ++running;
      changed.notify_all();
      held.unlock();
      const RunSpec& spec = *runs[static_cast<std::size_t>(position)];
      std::optional<std::string> error;
      try {
        store.write_run(spec, execute_run(spec, catalog, objectives));
      } catch (const std::exception& e) {
        error = "run " + describe(spec) + ": " + e.what();
      }
      held.lock();
      --running;
      if (error)
        fail(*error);
      else
        written.push_back(position);
      changed.notify_all();
    }
  };
  std::vector<std::jthread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(compute);

  {
    std::unique_lock held(mutex);
    for (;;) {
      changed.wait(held, [&] {
        return failure || (exhausted ? queue.empty() && running == 0
                                     : queue.size() < static_cast<std::size_t>(threads));
      });
      if (failure || exhausted) break;
      const std::vector<Position> stored = std::exchange(written, {});
      held.unlock();
      std::vector<Position> batch;
      std::optional<std::string> error;
      try {
        store.commit();
        batch = source.next(stored);
      } catch (const std::exception& e) {
        error = e.what();
      }
      held.lock();
      if (error) fail(*error);
      if (batch.empty()) exhausted = true;
      queue.insert(queue.end(), batch.begin(), batch.end());
      changed.notify_all();
    }
    changed.notify_all();
  }
  pool.clear();  // joins
  std::vector<Position> stored = std::exchange(written, {});
  try {
    store.commit();
  } catch (const std::exception& e) {
    fail(e.what());
    stored.clear();
  }
  if (failure) source.failed(*failure);
  source.finished(stored);
}

// On rank 0: takes the blocked stop signals; on one, names the runs in flight and ends the
// process (Open MPI sends SIGKILL two seconds after SIGTERM).
class StopReporter {
 public:
  StopReporter(const StopSignals& signals, const Dispatcher& dispatcher)
      : thread_([this, &signals, &dispatcher] {
          const timespec poll{0, 100'000'000};
          while (!done_) {
            const int signal = sigtimedwait(&signals.set(), nullptr, &poll);
            if (signal <= 0) continue;
            const std::string text =
                "descent: failure: the MPI job was stopped (signal " + std::to_string(signal) +
                ": a rank died, or the job was cancelled) before every run was stored. " +
                dispatcher.in_flight_report() +
                "\nRun the same command again (or descent run without --mpi) to run what is "
                "missing.\n";
            [[maybe_unused]] const auto written = ::write(STDERR_FILENO, text.data(), text.size());
            ::_exit(1);
          }
        }) {}
  ~StopReporter() {
    done_ = true;
    thread_.join();
  }
  StopReporter(const StopReporter&) = delete;
  StopReporter& operator=(const StopReporter&) = delete;

 private:
  std::atomic<bool> done_{false};
  std::thread thread_;
};

// Every rank must hold the same selection of the same suite: positions name runs.
bool same_suite_everywhere(const Suite& suite, const std::vector<const RunSpec*>& runs) {
  std::string sha = suite.sha256;
  sha.resize(64);
  std::string root_sha = sha;
  MPI_Bcast(root_sha.data(), 64, MPI_CHAR, 0, MPI_COMM_WORLD);
  std::int64_t count = static_cast<std::int64_t>(runs.size()), root_count = count;
  MPI_Bcast(&root_count, 1, MPI_INT64_T, 0, MPI_COMM_WORLD);
  int differs = (root_sha != sha || root_count != count) ? 1 : 0, any_differs = 0;
  MPI_Allreduce(&differs, &any_differs, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  return any_differs == 0;
}

std::vector<std::string> every_host(int ranks) {
  std::string mine = host_name();
  mine.resize(kHostNameBytes - 1);
  std::vector<char> all(kHostNameBytes * static_cast<std::size_t>(ranks));
  MPI_Allgather(mine.c_str(), static_cast<int>(kHostNameBytes), MPI_CHAR, all.data(),
                static_cast<int>(kHostNameBytes), MPI_CHAR, MPI_COMM_WORLD);
  std::vector<std::string> hosts;
  for (int rank = 0; rank < ranks; ++rank)
    hosts.emplace_back(all.data() + kHostNameBytes * static_cast<std::size_t>(rank));
  return hosts;
}

// Compacts until every run reported stored is in the output: segments written on other hosts
// may show in this host's listing of the segments directory only after a while.
void compact_everything(ResultsStore& store, const std::vector<const RunSpec*>& runs,
                        const std::vector<Position>& stored) {
  const auto deadline = Clock::now() + kSegmentVisibility;
  for (;;) {
    store.compact();
    const ResultsReader reader(store.output());
    std::size_t missing = 0;
    for (const Position position : stored)
      if (!reader.contains(runs[static_cast<std::size_t>(position)]->run_id)) ++missing;
    if (missing == 0) return;
    if (Clock::now() > deadline)
      throw std::runtime_error(
          counted(static_cast<std::int64_t>(missing), "run") + " reported stored by other ranks are not in " +
          store.segments_directory().string() + " as seen from this host after " +
          std::to_string(kSegmentVisibility.count()) +
          " s: is the output on a file system shared by every host? Rerun the command to "
          "join them when they appear (or run them again)");
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
}

FarmOutcome run_root(const Session& session, const StopSignals& signals, const Suite& suite,
                     const std::vector<const RunSpec*>& runs, const std::filesystem::path& output,
                     const Catalog& catalog, const FarmOptions& options,
                     const Parallelism& parallelism) {
  std::optional<ResultsStore> store;
  std::exception_ptr refused;
  try {
    store.emplace(output, suite, parallelism);
  } catch (...) {
    refused = std::current_exception();
  }
  int ready = refused ? 0 : 1;
  MPI_Bcast(&ready, 1, MPI_INT, 0, MPI_COMM_WORLD);
  if (refused) std::rethrow_exception(refused);

  std::vector<Position> pending;
  {
    const std::set<std::string> stored = store->stored_run_ids();
    for (std::size_t i = 0; i < runs.size(); ++i)
      if (!stored.contains(runs[i]->run_id)) pending.push_back(static_cast<Position>(i));
  }
  FarmOutcome outcome{.root = true,
                      .ranks = session.size(),
                      .runs_to_do = pending.size(),
                      .runs_already = runs.size() - pending.size()};
  Progress progress(pending.size(), outcome.runs_already, options.quiet);
  Dispatcher dispatcher(runs, std::move(pending), session.size(), progress);
  {
    const StopReporter reporter(signals, dispatcher);
    const auto start = Clock::now();
    const double cpu_start = thread_cpu_seconds();
    std::atomic<bool> local_done{false};
    std::jthread local([&] {
      LocalSource source(dispatcher);
      work(source, runs, catalog, options.threads, *store);
      local_done = true;
    });
    int open_ranks = session.size() - 1;
    while (open_ranks > 0 || !local_done) {
      int waiting = 0;
      MPI_Status probed;
      MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &waiting, &probed);
      if (!waiting) {
        std::this_thread::sleep_for(kIdlePoll);
        continue;
      }
      const double handling_start = thread_cpu_seconds();
      switch (static_cast<Tag>(probed.MPI_TAG)) {
        case Tag::kRequest:
          send(dispatcher.next_batch(probed.MPI_SOURCE, receive_positions(probed)),
               probed.MPI_SOURCE, Tag::kBatch);
          break;
        case Tag::kFinished:
          dispatcher.finished(probed.MPI_SOURCE, receive_positions(probed));
          --open_ranks;
          break;
        case Tag::kFailed:
          dispatcher.failed(probed.MPI_SOURCE, receive_text(probed));
          break;
        case Tag::kBatch:
          throw std::logic_error("rank 0 received a batch");
      }
      outcome.handling_cpu_seconds += thread_cpu_seconds() - handling_start;
    }
    outcome.dispatch_cpu_seconds = thread_cpu_seconds() - cpu_start;
    outcome.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  }
  progress.close();
  outcome.batches = dispatcher.batches();
  compact_everything(*store, runs, dispatcher.stored());
  if (const auto failure = dispatcher.failure()) throw std::runtime_error(*failure);

  if (!options.quiet) {
    const double per_run = 1e6 / static_cast<double>(std::max<std::size_t>(outcome.runs_to_do, 1));
    std::fprintf(
        stderr,
        "descent: mpi: %s x %s on %s: %s in %.3f s (%.1f runs/s), "
        "%s; rank 0 dispatch %.2f us CPU per run (%.2f us answering messages)\n",
        counted(session.size(), "rank").c_str(), counted(options.threads, "thread").c_str(),
        hosts_text(parallelism.hosts).c_str(),
        counted(static_cast<std::int64_t>(outcome.runs_to_do), "run").c_str(), outcome.seconds,
        static_cast<double>(outcome.runs_to_do) / outcome.seconds,
        counted(static_cast<std::int64_t>(outcome.batches), "batch", "batches").c_str(),
        outcome.dispatch_cpu_seconds * per_run, outcome.handling_cpu_seconds * per_run);
  }
  return outcome;
}

void run_worker(const Session& session, const Suite& suite, const std::vector<const RunSpec*>& runs,
                const std::filesystem::path& output, const Catalog& catalog,
                const FarmOptions& options, const Parallelism& parallelism) {
  int ready = 0;
  MPI_Bcast(&ready, 1, MPI_INT, 0, MPI_COMM_WORLD);
  if (!ready) return;
  char prefix[32];
  std::snprintf(prefix, sizeof prefix, "segment-rank%06d-", session.rank());
  ResultsStore store(output, suite, parallelism, prefix);
  RemoteSource source;
  work(source, runs, catalog, options.threads, store);
}

}  // namespace

FarmOutcome run_farm(const Suite& suite, const std::vector<const RunSpec*>& runs,
                     const std::filesystem::path& output, const Catalog& catalog,
                     const FarmOptions& options) {
  StopSignals signals;  // before MPI starts its threads, so that they block them too
  const Session session;
  if (session.rank() != 0) signals.restore();
  if (!same_suite_everywhere(suite, runs)) {
    if (session.rank() != 0) return {};
    throw ConfigError("--mpi", "--mpi: the ranks did not load the same suite (" +
                                   suite.path.string() +
                                   " differs between hosts, or changed while the job started)");
  }
  const Parallelism parallelism{
      .ranks = session.size(), .threads = options.threads, .hosts = every_host(session.size())};
  if (session.rank() != 0) {
    run_worker(session, suite, runs, output, catalog, options, parallelism);
    return {};
  }
  return run_root(session, signals, suite, runs, output, catalog, options, parallelism);
}

}  // namespace descent::mpi
