// descent report OUT.h5 [-o DIR] [--no-figures]
// Tables (runs.csv, traces.csv, summary.tex) and, unless --no-figures, the figures drawn by
// analysis/plots/lecture_figures.py (matplotlib), all into DIR.
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "descent/analysis/tables.hpp"
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

int report(const ReportOptions& options) {
  const ResultsReader results(options.results);
  const std::filesystem::path directory =
      options.directory.empty() ? std::filesystem::path(options.results).replace_extension("") / "report"
                                : std::filesystem::path(options.directory);
  for (const auto& path : write_tables(results, directory)) std::cout << "wrote " << path.string() << "\n";
  if (!options.figures) return 0;
  const std::string script = std::string(DESCENT_SOURCE_DIR) + "/analysis/plots/lecture_figures.py";
  const std::string command = "/usr/bin/python3 " + shell_quote(script) + " " + shell_quote(options.results) +
                              " -o " + shell_quote((directory / "figures").string());
  std::cout.flush();
  const int status = std::system(command.c_str());
  if (status != 0) {
    std::cerr << "descent: failure: drawing the figures failed (" << command << ")\n";
    return 1;
  }
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
