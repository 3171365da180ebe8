#include "descent/store/merge_results.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "descent/core/config_error.hpp"
#include "descent/store/results_join.hpp"
#include "descent/store/results_schema.hpp"

namespace descent {

MergeSummary merge_results(const std::filesystem::path& output,
                           const std::vector<std::filesystem::path>& parts) {
  if (parts.empty())
    throw ConfigError("PART.h5", "merge: no part files given (descent merge OUT.h5 PART.h5...)");
  join::check_output_location(output);
  const auto held = h5::lock();

  std::vector<join::Source> sources;
  std::vector<ResultsFileInfo> infos;
  std::error_code error;
  if (std::filesystem::exists(output, error)) sources.push_back(join::open_source(output));
  for (const auto& part : parts) {
    // The output or a part named twice is read once.
    const bool seen = std::any_of(sources.begin(), sources.end(), [&](const join::Source& s) {
      return std::filesystem::equivalent(s.path, part, error);
    });
    if (!seen) sources.push_back(join::open_source(part));
  }
  for (const auto& source : sources) infos.push_back(schema::read_root(source.file));
  for (std::size_t i = 1; i < sources.size(); ++i)
    if (infos[i].suite_sha256 != infos[0].suite_sha256) {
      const std::string name = sources[i].path.string();
      throw ConfigError(name, name + ": holds runs of suite '" + infos[i].suite_name +
                                  "' (sha256 " + infos[i].suite_sha256 + "), " +
                                  sources[0].path.string() + " of suite '" +
                                  infos[0].suite_name + "' (sha256 " + infos[0].suite_sha256 +
                                  "): only results of one suite file merge into one file");
    }

  MergeSummary summary;
  summary.files = static_cast<std::int64_t>(sources.size());
  std::set<std::string> seen;
  std::vector<std::string> order;
  for (const auto& source : sources)
    for (const auto& row : source.rows) {
      if (seen.insert(row.run_id).second)
        order.push_back(row.run_id);
      else
        ++summary.duplicates;
    }
  summary.runs = static_cast<std::int64_t>(order.size());
  join::write_joined(output,
                     current_file_info(infos[0].suite_name, infos[0].suite_toml, infos[0].suite_sha256),
                     sources, order);
  return summary;
}

}  // namespace descent
