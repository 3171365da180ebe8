#include "descent/store/results_join.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <system_error>

#include "descent/core/config_error.hpp"
#include "descent/store/results_schema.hpp"

namespace descent::join {

Source open_source(const std::filesystem::path& path) {
  Source source{path, schema::open_results(path), {}};
  source.rows = schema::read_index(source.file);
  return source;
}

void write_joined(const std::filesystem::path& output, const ResultsFileInfo& info,
                  const std::vector<Source>& sources, const std::vector<std::string>& run_ids) {
  std::map<std::string, const Source*, std::less<>> origins;
  for (const auto& source : sources)
    for (const auto& row : source.rows) origins.try_emplace(row.run_id, &source);

  const auto temporary = temporary_path(output);
  std::filesystem::remove(temporary);
  try {
    {
      const h5::Handle file = h5::create_file(temporary);
      schema::write_root(file, info);
      const h5::Handle runs = h5::create_group(file, schema::kRuns);
      std::vector<IndexRow> rows;
      rows.reserve(run_ids.size());
      for (const auto& id : run_ids) {
        const auto it = origins.find(id);
        if (it == origins.end())
          throw std::logic_error("write_joined: no source holds run '" + id + "'");
        // Read and written again rather than H5Ocopy'd: HDF5 before 1.14.4 crashes copying
        // variable-length string attributes held in dense storage (HDF5 issue #2414).
        const StoredRun run = schema::read_run(it->second->file, id);
        schema::write_run(runs, run.spec, run.result);
        rows.push_back(schema::index_row(run.spec, run.result));
      }
      schema::write_index(file, rows);
    }
    std::filesystem::rename(temporary, output);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw;
  }
}

std::filesystem::path temporary_path(const std::filesystem::path& target) {
  std::string suffix(".");
  suffix.append(std::to_string(::getpid())).append(".tmp");
  auto path = target;
  path += suffix;
  return path;
}

bool is_temporary_of(const std::filesystem::path& candidate, const std::filesystem::path& target) {
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

void check_output_location(const std::filesystem::path& output) {
  const std::string name = output.string();
  const auto directory = output.parent_path().empty() ? std::filesystem::path(".") : output.parent_path();
  std::error_code error;
  if (!std::filesystem::exists(directory, error))
    throw ConfigError(name, name + ": cannot write results: directory " + directory.string() +
                                " does not exist");
  if (!std::filesystem::is_directory(directory, error))
    throw ConfigError(name, name + ": cannot write results: " + directory.string() +
                                " is not a directory");
  if (::access(directory.c_str(), W_OK | X_OK) != 0)
    throw ConfigError(name, name + ": cannot write results: directory " + directory.string() +
                                " is not writable (" + std::strerror(errno) + ")");
  if (std::filesystem::is_directory(output, error))
    throw ConfigError(name, name + ": cannot write results: it is a directory");
}

}  // namespace descent::join
