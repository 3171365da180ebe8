#include "descent/store/results_store.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <optional>
#include <set>
#include <system_error>

#include "descent/core/config_error.hpp"
#include "descent/store/results_join.hpp"
#include "descent/store/results_schema.hpp"

namespace descent {

namespace {

namespace fs = std::filesystem;

fs::path segments_directory_of(const fs::path& output) {
  auto path = output;
  path += ".segments";
  return path;
}

bool is_segment(const fs::directory_entry& entry) {
  return entry.is_regular_file() && entry.path().extension() == ".h5";
}

std::vector<fs::path> segment_files(const fs::path& directory) {
  std::vector<fs::path> files;
  std::error_code error;
  if (!fs::is_directory(directory, error)) return files;
  for (const auto& entry : fs::directory_iterator(directory))
    if (is_segment(entry)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// A segment that does not open as a results file (a disk that filled up, a stray file) is
// not a stored run: its run is run again, and its new segment replaces it.
std::optional<join::Source> open_segment(const fs::path& path) {
  try {
    return join::open_source(path);
  } catch (const ConfigError&) {
    return std::nullopt;
  }
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
void check_same_suite(const fs::path& output, const std::string& stored, const std::string& running) {
  if (stored == running) return;
  const std::string name = output.string();
  throw ConfigError(name, name + ": holds the results of suite '" + stored +
                              "', not of suite '" + running +
                              "'; give this suite its own output (-o), or remove the file");
}

void remove_temporaries_of(const fs::path& target) {
  const auto directory = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(directory, error)) {
    const auto candidate = target.parent_path().empty() ? entry.path().filename() : entry.path();
    if (join::is_temporary_of(candidate, target)) fs::remove(entry.path(), error);
  }
}

}  // namespace

struct ResultsStore::Impl {
  fs::path output;
  fs::path segments;
  std::string suite_name;
  std::string suite_toml;
  std::string suite_sha256;
  std::vector<std::string> suite_order;
  mutable std::mutex mutex;  // guards `stored`; held around writing and compacting
  std::set<std::string> stored;

  ResultsFileInfo file_info() const { return current_file_info(suite_name, suite_toml, suite_sha256); }
  void write_segment(const RunSpec& spec, const RunResult& result);
};

ResultsStore::ResultsStore(fs::path output, const Suite& suite) : impl_(std::make_unique<Impl>()) {
  impl_->output = std::move(output);
  impl_->segments = segments_directory_of(impl_->output);
  impl_->suite_name = suite.name;
  impl_->suite_toml = suite.toml_text;
  impl_->suite_sha256 = suite.sha256;
  for (const auto& run : suite.runs) impl_->suite_order.push_back(run.run_id);

  join::check_output_location(impl_->output);
  check_segments_location(impl_->segments);
  const auto held = h5::lock();
  std::error_code error;
  if (fs::exists(impl_->output, error)) {
    const join::Source existing = join::open_source(impl_->output);
    check_same_suite(impl_->output, schema::read_root(existing.file).suite_name, suite.name);
    for (const auto& row : existing.rows) impl_->stored.insert(row.run_id);
  }
  for (const auto& path : segment_files(impl_->segments))
    if (const auto segment = open_segment(path))
      for (const auto& row : segment->rows) impl_->stored.insert(row.run_id);
}

ResultsStore::~ResultsStore() = default;

const fs::path& ResultsStore::output() const { return impl_->output; }
const fs::path& ResultsStore::segments_directory() const { return impl_->segments; }

std::set<std::string> ResultsStore::stored_run_ids() const {
  const std::lock_guard guard(impl_->mutex);
  return impl_->stored;
}

void ResultsStore::Impl::write_segment(const RunSpec& spec, const RunResult& result) {
  fs::create_directories(segments);
  const fs::path segment = segments / (spec.run_id + ".h5");
  const fs::path temporary = join::temporary_path(segment);
  fs::remove(temporary);
  try {
    {
      const h5::Handle file = h5::create_file(temporary);
      schema::write_root(file, file_info());
      schema::write_run(h5::create_group(file, schema::kRuns), spec, result);
      const IndexRow row = schema::index_row(spec, result);
      schema::write_index(file, std::span<const IndexRow>(&row, 1));
    }
    fs::rename(temporary, segment);
  } catch (...) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw;
  }
}

void ResultsStore::write_run(const RunSpec& spec, const RunResult& result) {
  schema::check_storable(spec, result);
  const std::lock_guard guard(impl_->mutex);
  {
    const auto held = h5::lock();
    impl_->write_segment(spec, result);
  }
  impl_->stored.insert(spec.run_id);
}

void ResultsStore::compact() {
  const std::lock_guard guard(impl_->mutex);
  const auto held = h5::lock();
  std::error_code error;
  const bool output_exists = fs::exists(impl_->output, error);
  const auto segment_paths = segment_files(impl_->segments);

  std::vector<join::Source> sources;  // segments first: a run in both is taken from its segment
  std::vector<fs::path> joined;
  for (const auto& path : segment_paths)
    if (auto segment = open_segment(path)) {
      sources.push_back(std::move(*segment));
      joined.push_back(path);
    }
  if (!joined.empty() || !output_exists) {
    if (output_exists) sources.push_back(join::open_source(impl_->output));
    std::set<std::string> present;
    for (const auto& source : sources)
      for (const auto& row : source.rows) present.insert(row.run_id);
    std::vector<std::string> order;
    for (const auto& id : impl_->suite_order)
      if (present.erase(id) > 0) order.push_back(id);
    order.insert(order.end(), present.begin(), present.end());
    join::write_joined(impl_->output, impl_->file_info(), sources, order);
    sources.clear();
  }

  for (const auto& path : joined) fs::remove(path);
  remove_temporaries_of(impl_->output);
  if (fs::is_directory(impl_->segments, error)) {
    for (const auto& entry : fs::directory_iterator(impl_->segments))
      if (entry.path().extension() == ".tmp") fs::remove(entry.path(), error);
    if (fs::is_empty(impl_->segments, error)) fs::remove(impl_->segments, error);
  }
}

}  // namespace descent
