// descent inspect OUT.h5 [--json]: what a results file holds: provenance, run count, counts by
// status and stop reason, a line per optimizer label, and the columns stored.
#include <cmath>
#include <iomanip>
#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include "descent/core/counted.hpp"
#include "descent/runner/summary.hpp"
#include "descent/store/inspect_results.hpp"
#include "command.hpp"

namespace descent::cli {

namespace {

struct InspectOptions {
  std::string path;
  bool json = false;
};

nlohmann::json to_json(const ResultsSummary& s) {
  nlohmann::json labels = nlohmann::json::array();
  for (const auto& l : s.by_label)
    labels.push_back({{"label", l.label},
                      {"runs", l.runs},
                      {"converged", l.converged},
                      {"median_iterations", l.median_iterations}});
  nlohmann::json instances = nlohmann::json::array();
  for (const auto& o : s.by_instance)
    instances.push_back({{"name", o.name},
                         {"runs", o.runs},
                         {"f_star", std::isnan(o.f_star) ? nlohmann::json() : nlohmann::json(o.f_star)},
                         {"f_star_source", o.f_star_source}});
  const ResultsFileInfo& i = s.info;
  return {{"path", s.path.string()},
          {"schema", i.schema},
          {"schema_version", i.schema_version},
          {"software_version", i.software_version},
          {"git_commit", i.git_commit},
          {"compiler", i.compiler},
          {"build_type", i.build_type},
          {"created", i.created},
          {"host", i.host},
          {"ranks", i.ranks},
          {"threads", i.threads},
          {"hosts", i.hosts},
          {"suite_name", i.suite_name},
          {"suite_sha256", i.suite_sha256},
          {"suite_toml", i.suite_toml},
          {"runs", s.runs},
          {"by_status", s.by_status},
          {"by_stop_reason", s.by_stop_reason},
          {"labels", labels},
          {"instances", instances},
          {"index_columns", s.index_columns},
          {"trace_columns", s.trace_columns}};
}

std::string counts_text(const std::map<std::string, std::int64_t>& counts) {
  std::string text;
  for (const auto& [name, count] : counts)
    text.append(text.empty() ? "" : ", ").append(name).append(" ").append(std::to_string(count));
  return text.empty() ? "none" : text;
}

std::string list_text(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text.append(text.empty() ? "" : ", ").append(name);
  return text;
}

void print_text(const ResultsSummary& s) {
  const ResultsFileInfo& i = s.info;
  const auto field = [](const char* name) -> std::ostream& {
    return std::cout << std::left << std::setw(15) << name;
  };
  field("file") << s.path.string() << "\n";
  field("schema") << i.schema << ", version " << i.schema_version << "\n";
  field("suite") << i.suite_name << " (sha256 " << i.suite_sha256.substr(0, 12) << ")\n";
  field("written by") << "descent " << i.software_version << ", git " << i.git_commit << ", "
                      << i.build_type << ", " << i.compiler << "\n";
  field("") << "on " << i.host << " at " << i.created << "\n";
  field("ran on") << counted(i.ranks, "process", "processes") << " x " << counted(i.threads, "thread")
                  << " on " << i.hosts << "\n";
  field("runs") << s.runs << "\n";
  field("by status") << counts_text(s.by_status) << "\n";
  field("by stop reason") << counts_text(s.by_stop_reason) << "\n";
  if (!s.by_label.empty()) {
    std::size_t width = 5;
    for (const auto& l : s.by_label) width = std::max(width, l.label.size());
    std::cout << "\n" << std::left << std::setw(static_cast<int>(width + 2)) << "label" << std::right
              << std::setw(8) << "runs" << std::setw(11) << "converged" << std::setw(19)
              << "median iterations" << "\n";
    for (const auto& l : s.by_label)
      std::cout << std::left << std::setw(static_cast<int>(width + 2)) << l.label << std::right
                << std::setw(8) << l.runs << std::setw(11) << l.converged << std::setw(19)
                << l.median_iterations << "\n";
    std::cout << "\n";
  }
  if (!s.by_instance.empty()) {
    std::size_t width = 9;
    for (const auto& o : s.by_instance) width = std::max(width, display_width(o.name));
    std::cout << "objective" << std::string(width + 2 - 9, ' ') << std::right << std::setw(8)
              << "runs" << "  f*\n";
    for (const auto& o : s.by_instance) {
      std::cout << o.name << std::string(width + 2 - display_width(o.name), ' ') << std::right
                << std::setw(8) << o.runs << "  ";
      if (std::isnan(o.f_star))
        std::cout << "unknown\n";
      else
        std::cout << o.f_star << "\n";
    }
    std::cout << "\n";
  }
  field("index columns") << list_text(s.index_columns) << "\n";
  field("trace columns") << list_text(s.trace_columns) << "\n";
}

int inspect(const InspectOptions& options) {
  const ResultsSummary summary = summarize_results(options.path);
  if (options.json)
    std::cout << to_json(summary).dump(2) << "\n";
  else
    print_text(summary);
  return 0;
}

}  // namespace

void add_inspect_command(CLI::App& app, Action& action) {
  const auto [cmd, options] = add_command<InspectOptions>(
      app, action, "inspect", "Show what a results file holds", inspect);
  cmd->add_option("OUT.h5", options->path, "results file")->required();
  add_json_flag(*cmd, options->json, "what the file holds");
}

}  // namespace descent::cli
