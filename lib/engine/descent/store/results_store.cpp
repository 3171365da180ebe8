#include "descent/store/results_store.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <system_error>
#include <thread>

#include "descent/core/config_error.hpp"
#include "descent/store/output_lock.hpp"
#include "descent/store/results_columns.hpp"
#include "descent/store/results_join.hpp"
#include "descent/store/results_schema.hpp"

namespace descent {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

fs::path segments_directory_of(const fs::path& output) {
  auto path = output;
  path += ".segments";
  return path;
}

std::vector<fs::path> segment_files(const fs::path& directory) {
  std::vector<fs::path> files;
  std::error_code error;
  if (!fs::is_directory(directory, error)) return files;
  for (const auto& entry : fs::directory_iterator(directory))
    if (entry.is_regular_file() && entry.path().extension() == ".h5") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// The number in "segment-NNNNNN.h5", or 0 for any other name.
long long segment_number(const fs::path& path) {
  long long number = 0;
  char rest = 0;
  const std::string name = path.filename().string();
  if (std::sscanf(name.c_str(), "segment-%lld.h%c", &number, &rest) == 2 && rest == '5') return number;
  return 0;
}

void check_segments_location(const fs::path& directory) {
  const std::string name = directory.string();
  std::error_code error;
  if (!fs::exists(directory, error)) return;
  if (!fs::is_directory(directory, error))
    throw ConfigError(name, name + ": cannot write result segments: it exists and is not a directory");
  if (::access(directory.c_str(), W_OK | X_OK) != 0)
    throw ConfigError(name, name + ": cannot write result segments: directory not writable (" +
                                std::strerror(errno) + ")");
}

// Resuming into a file of the same suite (even an edited version of it) keeps its runs; a
// file of another suite is never mixed into.
void check_same_suite(const fs::path& file, const std::string& stored, const std::string& running) {
  if (stored == running) return;
  const std::string name = file.string();
  throw ConfigError(name, name + ": holds the results of suite '" + stored +
                              "', not of suite '" + running +
                              "'; give this suite its own output (-o), or remove the file");
}

// A segment that does not read as a results file (cut short by a full disk, a stray file) is
// not stored: its runs are run again and joined from their new segment.
std::optional<join::Source> read_segment(const fs::path& path, const std::string& suite_name) {
  std::optional<join::Source> segment;
  try {
    segment = join::read_source(path);
  } catch (const ConfigError&) {
    return std::nullopt;
  }
  check_same_suite(path, segment->info.suite_name, suite_name);
  return segment;
}

// The segment the writer thread appends to.
struct OpenSegment {
  fs::path path;
  fs::path temporary;
  h5::Handle file;
  std::unique_ptr<columns::RunsWriter> writer;
  std::vector<schema::IndexEntry> entries;
  Clock::time_point opened;
};

struct PendingRun {
  RunSpec spec;
  RunResult result;
  std::size_t bytes;  // ResultsStore::queued_bytes
};

}  // namespace

struct ResultsStore::Impl {
  fs::path output;
  fs::path segments;
  std::string suite_name;
  std::string suite_toml;
  std::string suite_sha256;
  std::vector<std::string> suite_order;
  Parallelism parallelism;
  std::string segment_prefix = "segment-";
  std::optional<OutputLock> lock;  // empty in a segment writer

  std::mutex mutex;  // guards every member below
  std::condition_variable changed;
  std::set<std::string> stored;
  std::deque<PendingRun> queue;
  std::size_t queue_bytes = 0;  // Σ PendingRun::bytes over the queue
  std::uint64_t commits_requested = 0;
  std::uint64_t commits_done = 0;
  bool stopping = false;
  std::exception_ptr failure;
  long long next_segment = 1;
  std::thread writer;

  ResultsFileInfo file_info() const {
    return current_file_info(suite_name, suite_toml, suite_sha256, parallelism);
  }
  void describe(fs::path output_path, const Suite& suite, const Parallelism& writers);
  // A failure to write (a full disk) as the user meets it: its cause, and that nothing stored
  // is lost. A ConfigError (a damaged input) is returned as it is.
  std::exception_ptr with_runs_kept(std::exception_ptr error) const;
  void write_loop();
  OpenSegment begin_segment();
  void commit_segment(OpenSegment& segment);
  void abandon(std::optional<OpenSegment>& segment) noexcept;
  void wait_for_commit(std::unique_lock<std::mutex>& held);
};

OpenSegment ResultsStore::Impl::begin_segment() {
  fs::create_directories(segments);
  OpenSegment segment;
  char number[24];
  do {
    std::snprintf(number, sizeof number, "%06lld.h5", next_segment++);
    segment.path = segments / (segment_prefix + number);
  } while (fs::exists(segment.path));
  segment.temporary = join::temporary_path(segment.path);
  fs::remove(segment.temporary);
  segment.opened = Clock::now();
  const auto held = h5::lock();
  segment.file = h5::create_file(segment.temporary);
  schema::write_root(segment.file, file_info());
  segment.writer = std::make_unique<columns::RunsWriter>(segment.file, columns::Compression::kNone);
  return segment;
}

void ResultsStore::Impl::commit_segment(OpenSegment& segment) {
  {
    const auto held = h5::lock();
    segment.writer->flush();
    segment.writer.reset();
    schema::write_index(segment.file, segment.entries);
    h5::close_file(segment.file);
  }
  fs::rename(segment.temporary, segment.path);
}

void ResultsStore::Impl::abandon(std::optional<OpenSegment>& segment) noexcept {
  if (!segment) return;
  {
    const auto held = h5::lock();
    segment.reset();
  }
}

// The writer thread: appends queued runs to the open segment and commits it when it holds
// kBatchRuns runs, when kBatchSeconds have passed since it was opened, on request, and at
// the end. After a failure it discards what it is given (write_run reports the failure).
void ResultsStore::Impl::write_loop() {
  std::optional<OpenSegment> segment;
  std::unique_lock held(mutex);
  const auto fail = [&] {
    failure = with_runs_kept(std::current_exception());
    if (segment) {
      const fs::path temporary = segment->temporary;
      abandon(segment);
      std::error_code ignored;
      fs::remove(temporary, ignored);
    }
  };
  const auto commit = [&] {
    if (!segment) return;
    held.unlock();
    try {
      commit_segment(*segment);
      segment.reset();
    } catch (...) {
      held.lock();
      fail();
      return;
    }
    held.lock();
  };
  for (;;) {
    const auto ready = [&] { return !queue.empty() || commits_requested > commits_done || stopping; };
    if (segment)
      changed.wait_until(held, segment->opened + std::chrono::duration<double>(ResultsStore::kBatchSeconds), ready);
    else
      changed.wait(held, ready);

    while (!queue.empty()) {
      PendingRun run = std::move(queue.front());
      queue.pop_front();
      queue_bytes -= run.bytes;
      changed.notify_all();  // room in the queue
      if (failure) continue;
      held.unlock();
      try {
        if (!segment) segment = begin_segment();
        const auto h5_held = h5::lock();
        segment->entries.push_back(segment->writer->add(run.spec, run.result));
      } catch (...) {
        held.lock();
        fail();
        continue;
      }
      held.lock();
      if (segment->entries.size() >= ResultsStore::kBatchRuns ||
          Clock::now() - segment->opened >= std::chrono::duration<double>(ResultsStore::kBatchSeconds))
        commit();
    }
    const bool due = segment && Clock::now() - segment->opened >=
                                    std::chrono::duration<double>(ResultsStore::kBatchSeconds);
    // The requests made so far, taken while the queue is empty: every run written before them
    // is in the segment now. commit() lets go of the lock, and a request made meanwhile may
    // follow a run still queued, so it waits for the next turn of the loop.
    const std::uint64_t requested = commits_requested;
    if (due || requested > commits_done || stopping) commit();
    if (requested > commits_done) {
      commits_done = requested;
      changed.notify_all();
    }
    if (stopping && queue.empty()) return;
  }
}

std::exception_ptr ResultsStore::Impl::with_runs_kept(std::exception_ptr error) const {
  try {
    std::rethrow_exception(error);
  } catch (const ConfigError&) {
    return error;
  } catch (const std::exception& cause) {
    return std::make_exception_ptr(std::runtime_error(
        std::string(cause.what()) + "; every stored run is kept, in " + output.string() + " and " +
        segments.string() + ": run the suite again to go on"));
  } catch (...) {
    return error;
  }
}

void ResultsStore::Impl::wait_for_commit(std::unique_lock<std::mutex>& held) {
  const std::uint64_t ticket = ++commits_requested;
  changed.notify_all();
  changed.wait(held, [&] { return commits_done >= ticket; });
  if (failure) std::rethrow_exception(failure);
}

void ResultsStore::Impl::describe(fs::path output_path, const Suite& suite, const Parallelism& writers) {
  output = std::move(output_path);
  segments = segments_directory_of(output);
  suite_name = suite.name;
  suite_toml = suite.toml_text;
  suite_sha256 = suite.sha256;
  for (const auto& run : suite.runs) suite_order.push_back(run.run_id);
  parallelism = writers;
}

ResultsStore::ResultsStore(fs::path output, const Suite& suite, const Parallelism& parallelism,
                           std::string segment_prefix)
    : impl_(std::make_unique<Impl>()) {
  impl_->describe(std::move(output), suite, parallelism);
  impl_->segment_prefix = std::move(segment_prefix);
  impl_->writer = std::thread([impl = impl_.get()] { impl->write_loop(); });
}

ResultsStore::ResultsStore(fs::path output, const Suite& suite, const Parallelism& parallelism)
    : impl_(std::make_unique<Impl>()) {
  impl_->describe(std::move(output), suite, parallelism);

  join::check_output_location(impl_->output);
  check_segments_location(impl_->segments);
  std::error_code error;
  // A file that is not a results file of this suite is refused before a lock file appears.
  const bool output_exists = fs::exists(impl_->output, error);
  if (output_exists) {
    const auto held = h5::lock();
    const h5::Handle file = schema::open_results(impl_->output);
    const ResultsFileInfo info =
        schema::validated_read(impl_->output.string(), [&] { return schema::read_root(file); });
    check_same_suite(impl_->output, info.suite_name, suite.name);
  }
  impl_->lock.emplace(impl_->output);
  const auto held = h5::lock();
  if (output_exists) {
    const join::Source existing = join::read_source(impl_->output);
    check_same_suite(impl_->output, existing.info.suite_name, suite.name);
    for (const auto& entry : existing.entries) impl_->stored.insert(entry.row.run_id);
  }
  for (const auto& path : segment_files(impl_->segments)) {
    impl_->next_segment = std::max(impl_->next_segment, segment_number(path) + 1);
    if (const auto segment = read_segment(path, suite.name))
      for (const auto& entry : segment->entries) impl_->stored.insert(entry.row.run_id);
  }
  impl_->writer = std::thread([impl = impl_.get()] { impl->write_loop(); });
}

ResultsStore::~ResultsStore() {
  {
    const std::lock_guard held(impl_->mutex);
    impl_->stopping = true;
  }
  impl_->changed.notify_all();
  impl_->writer.join();
}

const fs::path& ResultsStore::output() const { return impl_->output; }
const fs::path& ResultsStore::segments_directory() const { return impl_->segments; }

std::set<std::string> ResultsStore::stored_run_ids() const {
  const std::lock_guard held(impl_->mutex);
  return impl_->stored;
}

std::size_t ResultsStore::queued_bytes(const RunSpec& spec, const RunResult& result) {
  const Trace& trace = result.trace;
  std::size_t values = trace.size() * schema::standard_columns().size() + trace.x.size() +
                       static_cast<std::size_t>(result.x_final.size() + spec.x0.size());
  for (const auto& [name, column] : trace.extra) values += column.size();
  return values * sizeof(double);
}

void ResultsStore::write_run(const RunSpec& spec, const RunResult& result) {
  schema::check_storable(spec, result);
  const std::size_t bytes = queued_bytes(spec, result);
  std::unique_lock held(impl_->mutex);
  const auto room = [&] {
    const Impl& store = *impl_;
    return store.queue.empty() ||
           (store.queue.size() < kQueueRuns && store.queue_bytes + bytes <= kQueueBytes);
  };
  impl_->changed.wait(held, [&] { return room() || impl_->failure; });
  if (impl_->failure) std::rethrow_exception(impl_->failure);
  impl_->queue.push_back({spec, result, bytes});
  impl_->queue_bytes += bytes;
  impl_->stored.insert(spec.run_id);
  impl_->changed.notify_all();
}

void ResultsStore::commit() {
  std::unique_lock held(impl_->mutex);
  impl_->wait_for_commit(held);
}

void ResultsStore::compact() {
  if (!impl_->lock) throw std::logic_error("compact: a segment writer does not hold the output's lock");
  std::unique_lock held(impl_->mutex);
  impl_->wait_for_commit(held);
  const auto h5_held = h5::lock();
  std::error_code error;
  const bool output_exists = fs::exists(impl_->output, error);

  std::vector<join::Source> sources;  // segments first: a run in both is taken from its segment
  const std::vector<fs::path> joined = segment_files(impl_->segments);
  for (const auto& path : joined)
    if (auto segment = read_segment(path, impl_->suite_name)) sources.push_back(std::move(*segment));
  if (!joined.empty() || !output_exists) {
    if (output_exists) sources.push_back(join::read_source(impl_->output));
    std::set<std::string> present;
    for (const auto& source : sources)
      for (const auto& entry : source.entries) present.insert(entry.row.run_id);
    std::vector<std::string> order;
    for (const auto& id : impl_->suite_order)
      if (present.erase(id) > 0) order.push_back(id);
    order.insert(order.end(), present.begin(), present.end());
    try {
      join::write_joined(impl_->output, impl_->file_info(), std::move(sources), order);
    } catch (...) {
      // The new file is gone and nothing else was touched (results_join.hpp).
      std::rethrow_exception(impl_->with_runs_kept(std::current_exception()));
    }
  }

  // Unreadable segments go too: their runs were run again when the store was opened.
  for (const auto& path : joined) fs::remove(path);
  join::remove_temporaries_of(impl_->output);
  if (fs::is_directory(impl_->segments, error)) {
    for (const auto& entry : fs::directory_iterator(impl_->segments))
      if (entry.path().extension() == ".tmp") fs::remove(entry.path(), error);
    if (fs::is_empty(impl_->segments, error)) fs::remove(impl_->segments, error);
  }
}

}  // namespace descent
