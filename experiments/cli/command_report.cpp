// descent report OUT.h5 [-o DIR] [--no-figures]
// Tables (runs.csv, traces.csv, summary.tex) and, unless --no-figures, the figures drawn by
// analysis/plots/lecture_figures.py (matplotlib), all into DIR. A results file of a study
// (a suite with a [study] table) also gets the study's report in DIR (report_study).
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "descent/analysis/studies/study.hpp"
#include "descent/analysis/tables.hpp"
#include "descent/objectives/registry.hpp"
#include "command.hpp"

namespace descent::cli {

namespace {

struct ReportOptions {
  std::string results;
  std::string directory;
  bool figures = true;
};

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'')
      out.append("'\\''");
    else
      out.push_back(c);
  }
  return out.append("'");
}

}  // namespace

bool run_plot_script(const std::string& script, const std::vector<std::string>& arguments) {
  std::string command = "/usr/bin/python3 " + shell_quote(std::string(DESCENT_SOURCE_DIR) + "/analysis/plots/" + script);
  for (const auto& argument : arguments) command += " " + shell_quote(argument);
  std::cout.flush();
  if (std::system(command.c_str()) == 0) return true;
  std::cerr << "descent: failure: drawing the figures failed (" << command << ")\n";
  return false;
}

int report_study(const std::string& results_path, const std::string& directory, bool figures) {
  const ResultsReader results(results_path);
  const Catalog catalog = builtin_catalog();
  const studies::StudyReport report = studies::write_study_report(results, catalog, directory);
  for (const auto& path : report.written) std::cout << "wrote " << path.string() << "\n";
  std::cout << "\n";
  studies::print_study_table(report, std::cout);
  if (!figures) return 0;
  return run_plot_script("study_figures.py", {report.figure_directory.string()}) ? 0 : 1;
}

namespace {

int report(const ReportOptions& options) {
  const ResultsReader results(options.results);
  const std::filesystem::path directory =
      options.directory.empty() ? std::filesystem::path(options.results).replace_extension("") / "report"
                                : std::filesystem::path(options.directory);
  for (const auto& path : write_tables(results, directory)) std::cout << "wrote " << path.string() << "\n";
  if (options.figures && !run_plot_script("lecture_figures.py", {options.results, "-o", (directory / "figures").string()}))
    return 1;
  if (study_settings_of(results.info().suite_toml, options.results)) return report_study(options.results, directory.string(), options.figures);
  return 0;
}

}  // namespace

void add_report_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<ReportOptions>();
  auto* cmd = app.add_subcommand("report", "Write tables (CSV, LaTeX) and figures from a results file");
  cmd->add_option("RESULTS", options->results, "results file (HDF5)")->required();
  cmd->add_option("-o,--output", options->directory, "output directory (default: next to the results file)");
  cmd->add_flag("!--no-figures", options->figures, "tables only, no matplotlib figures");
  cmd->callback([&action, options] { action = [options] { return report(*options); }; });
}

}  // namespace descent::cli
