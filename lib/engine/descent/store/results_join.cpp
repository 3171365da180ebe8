#include "descent/store/results_join.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <stdexcept>
#include <system_error>

#include "descent/core/config_error.hpp"
#include "descent/store/results_columns.hpp"
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
  bool same = check.entries.size() == run_ids.size();
  for (std::size_t i = 0; same && i < run_ids.size(); ++i)
    same = check.entries[i].row.run_id == run_ids[i];
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
    if (source.info.schema_version == schema::kFirstVersion) {
      std::erase_if(source.entries, [&](const schema::IndexEntry& entry) {
        return !schema::has_run_group(file, entry.row.run_id);
      });
      return source;
    }
    std::optional<columns::RunsReader> runs;
    try {
      runs.emplace(file);
    } catch (const h5::Error&) {
      source.entries.clear();  // no readable body: no run is stored
      return source;
    }
    std::erase_if(source.entries, [&](const schema::IndexEntry& entry) {
      try {
        runs->check(entry);
        return false;
      } catch (const h5::Error&) {
        return true;
      }
    });
    return source;
  });
}

void write_joined(const fs::path& output, const ResultsFileInfo& info, std::vector<Source> sources,
                  const std::vector<std::string>& run_ids) {
  std::unordered_map<std::string_view, std::size_t> position;  // run id → place in run_ids
  position.reserve(run_ids.size());
  for (std::size_t i = 0; i < run_ids.size(); ++i) position.emplace(run_ids[i], i);
  // Each run from the first source that holds it.
  std::vector<std::vector<const schema::IndexEntry*>> taken(sources.size());
  std::vector<bool> placed(run_ids.size(), false);
  for (std::size_t s = 0; s < sources.size(); ++s)
    for (const auto& entry : sources[s].entries) {
      const auto it = position.find(entry.row.run_id);
      if (it == position.end() || placed[it->second]) continue;
      placed[it->second] = true;
      taken[s].push_back(&entry);
    }
  for (std::size_t i = 0; i < run_ids.size(); ++i)
    if (!placed[i]) throw std::logic_error("write_joined: no source holds run '" + run_ids[i] + "'");

  const auto temporary = temporary_path(output);
  fs::remove(temporary);
  try {
    h5::Handle file = h5::create_file(temporary);
    {
      schema::write_root(file, info);
      columns::RunsWriter writer(file, columns::Compression::kDeflate);
      std::vector<schema::IndexEntry> ordered(run_ids.size());
      const auto place = [&](schema::IndexEntry entry) {
        const std::size_t at = position.at(entry.row.run_id);
        ordered[at] = std::move(entry);
      };
      for (std::size_t s = 0; s < sources.size(); ++s) {
        if (taken[s].empty()) continue;
        const h5::Handle source = schema::open_results(sources[s].path);
        const std::string name = sources[s].path.string();
        if (sources[s].info.schema_version == schema::kFirstVersion) {
          for (const auto* entry : taken[s]) {
            const StoredRun run = schema::validated_read(
                name, [&] { return schema::read_run_v1(source, entry->row.run_id); });
            place(writer.add(run.spec, run.result));
          }
        } else {
          std::vector<schema::IndexEntry> entries;
          entries.reserve(taken[s].size());
          for (const auto* entry : taken[s]) entries.push_back(*entry);
          for (auto& entry : schema::validated_read(name, [&] { return writer.copy(source, entries); }))
            place(std::move(entry));
        }
        taken[s].clear();
        std::vector<schema::IndexEntry>().swap(sources[s].entries);
      }
      writer.flush();
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
