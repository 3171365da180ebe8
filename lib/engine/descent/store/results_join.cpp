#include "descent/store/results_join.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <stdexcept>
#include <system_error>

#include "descent/core/config_error.hpp"
#include "descent/core/counted.hpp"
#include "descent/store/results_schema.hpp"

namespace descent::join {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void io_failure(const std::string& what, const fs::path& path) {
  throw std::runtime_error(what + " " + path.string() + " failed: " + std::strerror(errno));
}

// The written file, opened again: its index must list exactly `run_ids`, in order, each with
// its /runs group.
void verify(const fs::path& written, const std::vector<std::string>& run_ids) {
  const Source check = read_source(written);
  bool same = check.rows.size() == run_ids.size();
  for (std::size_t i = 0; same && i < run_ids.size(); ++i) same = check.rows[i].run_id == run_ids[i];
  if (!same)
    throw std::runtime_error(written.string() + ": the file just written does not read back with " +
                             counted(static_cast<std::int64_t>(run_ids.size()), "run") +
                             "; the old files are kept");
}

}  // namespace

Source read_source(const fs::path& path) {
  const h5::Handle file = schema::open_results(path);
  return schema::validated_read(path.string(), [&] {
    Source source{path, schema::read_root(file), schema::read_index(file)};
    const h5::Handle runs = h5::open_group(file, schema::kRuns);
    std::erase_if(source.rows, [&](const IndexRow& row) { return !h5::has_link(runs, row.run_id); });
    return source;
  });
}

void write_joined(const fs::path& output, const ResultsFileInfo& info,
                  const std::vector<Source>& sources, const std::vector<std::string>& run_ids) {
  std::map<std::string, std::size_t, std::less<>> origin;  // run id → source
  for (std::size_t s = 0; s < sources.size(); ++s)
    for (const auto& row : sources[s].rows) origin.try_emplace(row.run_id, s);
  std::vector<std::vector<std::string>> taken(sources.size());
  for (const auto& id : run_ids) {
    const auto it = origin.find(id);
    if (it == origin.end()) throw std::logic_error("write_joined: no source holds run '" + id + "'");
    taken[it->second].push_back(id);
  }

  const auto temporary = temporary_path(output);
  fs::remove(temporary);
  try {
    h5::Handle file = h5::create_file(temporary);
    std::map<std::string, IndexRow, std::less<>> rows;
    {
      schema::write_root(file, info);
      const h5::Handle runs = h5::create_group(file, schema::kRuns);
      for (std::size_t s = 0; s < sources.size(); ++s) {
        if (taken[s].empty()) continue;
        const h5::Handle source = schema::open_results(sources[s].path);
        for (const auto& id : taken[s]) {
          // Read and written again rather than H5Ocopy'd: HDF5 before 1.14.4 crashes copying
          // variable-length string attributes held in dense storage (HDF5 issue #2414).
          const StoredRun run = schema::validated_read(
              sources[s].path.string(), [&] { return schema::read_run(source, id); });
          schema::write_run(runs, run.spec, run.result);
          rows.emplace(id, schema::index_row(run.spec, run.result));
        }
      }
      std::vector<IndexRow> ordered;
      ordered.reserve(run_ids.size());
      for (const auto& id : run_ids) ordered.push_back(std::move(rows.at(id)));
      rows.clear();
      schema::write_index(file, ordered);
    }
    h5::close_file(file);
    verify(temporary, run_ids);
    sync_file(temporary);
    fs::rename(temporary, output);
    sync_directory_of(output);
  } catch (...) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw;
  }
}

fs::path temporary_path(const fs::path& target) {
  std::string suffix(".");
  suffix.append(std::to_string(::getpid())).append(".tmp");
  auto path = target;
  path += suffix;
  return path;
}

bool is_temporary_of(const fs::path& candidate, const fs::path& target) {
  if (candidate.parent_path() != target.parent_path()) return false;
  const std::string name = candidate.filename().string();
  const std::string prefix = target.filename().string() + ".";
  const std::string suffix = ".tmp";
  if (name.size() <= prefix.size() + suffix.size() || !name.starts_with(prefix) ||
      !name.ends_with(suffix))
    return false;
  const std::string middle = name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
  return std::all_of(middle.begin(), middle.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void remove_temporaries_of(const fs::path& target) {
  const auto directory = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(directory, error)) {
    const auto candidate = target.parent_path().empty() ? entry.path().filename() : entry.path();
    if (is_temporary_of(candidate, target)) fs::remove(entry.path(), error);
  }
}

void sync_file(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) io_failure("opening", path);
  const int status = ::fsync(fd);
  ::close(fd);
  if (status != 0) io_failure("flushing", path);
}

void sync_directory_of(const fs::path& path) {
  const auto directory = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) io_failure("opening", directory);
  const int status = ::fsync(fd);
  ::close(fd);
  if (status != 0) io_failure("flushing", directory);
}

void check_output_location(const fs::path& output) {
  const std::string name = output.string();
  if (name.empty()) throw ConfigError("-o", "the output path is empty");
  const auto directory = output.parent_path().empty() ? fs::path(".") : output.parent_path();
  std::error_code error;
  if (!fs::exists(directory, error))
    throw ConfigError(name, name + ": cannot write results: directory " + directory.string() +
                                " does not exist");
  if (!fs::is_directory(directory, error))
    throw ConfigError(name, name + ": cannot write results: " + directory.string() +
                                " is not a directory");
  if (::access(directory.c_str(), W_OK | X_OK) != 0)
    throw ConfigError(name, name + ": cannot write results: directory " + directory.string() +
                                " is not writable (" + std::strerror(errno) + ")");
  if (fs::is_directory(output, error))
    throw ConfigError(name, name + ": cannot write results: it is a directory");
  if (fs::exists(output, error)) {
    // Replaced by rename at the end: an immutable file (chattr +i) refuses to be opened for
    // writing even by root, and would refuse the rename after all the runs.
    const int fd = ::open(output.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
      throw ConfigError(name, name + ": cannot write results: the existing file cannot be "
                                     "replaced (" + std::strerror(errno) + ")");
    ::close(fd);
  }
}

}  // namespace descent::join
