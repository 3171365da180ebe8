#include "descent/store/merge_results.hpp"

#include <algorithm>
#include <set>
#include <sstream>
#include <string>

#include "descent/core/config_error.hpp"
#include "descent/store/output_lock.hpp"
#include "descent/store/results_join.hpp"
#include "descent/store/results_schema.hpp"

namespace descent {

namespace {

// The files' processes together: job-array tasks (or MPI jobs) side by side.
Parallelism combined_parallelism(const std::vector<join::Source>& sources) {
  Parallelism combined{.ranks = 0, .threads = 1, .hosts = {}};
  for (const auto& source : sources) {
    combined.ranks += source.info.ranks;
    combined.threads = std::max(combined.threads, source.info.threads);
    std::stringstream hosts(source.info.hosts);
    for (std::string host; std::getline(hosts, host, ',');) combined.hosts.push_back(host);
  }
  return combined;
}

}  // namespace

MergeSummary merge_results(const std::filesystem::path& output,
                           const std::vector<std::filesystem::path>& parts) {
  if (parts.empty())
    throw ConfigError("PART.h5", "merge: no part files given (descent merge OUT.h5 PART.h5...)");
  join::check_output_location(output);
  std::error_code error;
  // A file that is not a results file is refused before a lock file appears beside it.
  if (std::filesystem::exists(output, error)) {
    const auto held = h5::lock();
    schema::open_results(output);
  }
  const OutputLock lock(output);
  const auto held = h5::lock();
  join::remove_temporaries_of(output);  // left by merges that were killed

  std::vector<join::Source> sources;
  if (std::filesystem::exists(output, error)) sources.push_back(join::read_source(output));
  for (const auto& part : parts) {
    // The output or a part named twice is read once.
    const bool seen = std::any_of(sources.begin(), sources.end(), [&](const join::Source& s) {
      return std::filesystem::equivalent(s.path, part, error);
    });
    if (!seen) sources.push_back(join::read_source(part));
  }
  const ResultsFileInfo& first = sources.front().info;
  for (std::size_t i = 1; i < sources.size(); ++i)
    if (sources[i].info.suite_sha256 != first.suite_sha256) {
      const std::string name = sources[i].path.string();
      throw ConfigError(name, name + ": holds runs of suite '" + sources[i].info.suite_name +
                                  "' (sha256 " + sources[i].info.suite_sha256 + "), " +
                                  sources[0].path.string() + " of suite '" + first.suite_name +
                                  "' (sha256 " + first.suite_sha256 +
                                  "): only results of one suite file merge into one file");
    }

  MergeSummary summary;
  summary.files = static_cast<std::int64_t>(sources.size());
  std::set<std::string> seen;
  std::vector<std::string> order;
  for (const auto& source : sources)
    for (const auto& entry : source.entries) {
      if (seen.insert(entry.row.run_id).second)
        order.push_back(entry.row.run_id);
      else
        ++summary.duplicates;
    }
  summary.runs = static_cast<std::int64_t>(order.size());
  const ResultsFileInfo info = current_file_info(first.suite_name, first.suite_toml,
                                                 first.suite_sha256, combined_parallelism(sources));
  join::write_joined(output, info, std::move(sources), order);
  return summary;
}

std::vector<const RunSpec*> runs_missing_from(const std::filesystem::path& file, const Suite& suite) {
  const ResultsReader reader(file);
  std::vector<const RunSpec*> missing;
  for (const auto& run : suite.runs)
    if (!reader.contains(run.run_id)) missing.push_back(&run);
  return missing;
}

}  // namespace descent
