#include "descent/store/inspect_results.hpp"

#include <algorithm>
#include <set>

#include "descent/suite/instance_name.hpp"

namespace descent {

namespace {

double median(std::vector<std::int64_t> values) {
  if (values.empty()) return 0.0;
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  if (values.size() % 2 == 1) return static_cast<double>(values[mid]);
  return 0.5 * (static_cast<double>(values[mid - 1]) + static_cast<double>(values[mid]));
}

}  // namespace

ResultsSummary summarize_results(const std::filesystem::path& path) {
  const ResultsReader reader(path);
  ResultsSummary summary;
  summary.path = path;
  summary.info = reader.info();
  summary.runs = static_cast<std::int64_t>(reader.index().size());
  summary.index_columns = index_columns();

  std::vector<std::string> labels;
  std::map<std::string, std::vector<std::int64_t>> iterations;
  std::map<std::string, std::int64_t> converged;
  std::vector<std::string> columns;  // in order of first appearance
  InstanceNames names;
  std::vector<std::pair<RunSpec, const IndexRow*>> instances;  // first run of each
  std::map<std::string, std::int64_t> instance_runs;           // canonical parameters → runs
  for (const auto& row : reader.index()) {
    RunSpec spec = reader.spec(row.run_id);
    names.add(spec.objective, spec.objective_params);
    const std::string key = spec.objective + "\n" + to_text(spec.objective_params);
    if (instance_runs[key]++ == 0) instances.emplace_back(std::move(spec), &row);
    ++summary.by_status[row.status];
    ++summary.by_stop_reason[row.stop_reason];
    if (!iterations.contains(row.label)) labels.push_back(row.label);
    iterations[row.label].push_back(row.iterations);
    if (row.status == "converged") ++converged[row.label];
    for (auto& column : reader.trace_columns(row.run_id))
      if (std::find(columns.begin(), columns.end(), column) == columns.end())
        columns.push_back(std::move(column));
  }
  for (const auto& [spec, row] : instances)
    summary.by_instance.push_back(
        {names.name(spec.objective, spec.objective_params),
         instance_runs.at(spec.objective + "\n" + to_text(spec.objective_params)), row->f_star,
         row->f_star_source});
  for (const auto& label : labels)
    summary.by_label.push_back({label, static_cast<std::int64_t>(iterations[label].size()),
                                converged[label], median(iterations[label])});

  const auto& standard = standard_trace_columns();
  const auto rank = [&](const std::string& column) {
    const auto it = std::find(standard.begin(), standard.end(), column);
    if (it != standard.end()) return it - standard.begin();
    return static_cast<std::ptrdiff_t>(standard.size()) + (column == "x" ? 0 : 1);
  };
  std::stable_sort(columns.begin(), columns.end(), [&](const std::string& a, const std::string& b) {
    const auto ra = rank(a), rb = rank(b);
    return ra != rb ? ra < rb : a < b;
  });
  summary.trace_columns = std::move(columns);
  return summary;
}

}  // namespace descent
