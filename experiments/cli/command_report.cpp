// descent report RESULTS... [-o DIR] [--targets abs|rel|grad] [--cost W] [--where KEY=VALUE]...
//                [--traces] [--per-run] [--bootstrap B] [--bootstrap-seed S] [--profile-tau T] [--no-figures]
//                [--lecture-figures] [--export ioh|coco]... [--animate] [--frames N]
// The report of docs/report.md (analysis/descent/analysis/report.hpp) and, unless
// --no-figures, the figures analysis/plots/report_figures.py draws from its CSV files. A
// results file of a study (a suite with a [study] table) also gets the study's report in DIR
// (report_study). --animate writes analysis/plots/animate.py's animations of the first file.
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "descent/analysis/report.hpp"
#include "descent/core/config_error.hpp"
#include "descent/analysis/studies/study.hpp"
#include "descent/objectives/registry.hpp"
#include "command.hpp"

namespace descent::cli {

namespace {

struct ReportCommandOptions {
  std::vector<std::string> results;
  std::string directory;
  std::string targets = "abs";
  std::string cost = "f=1,grad=1,hess=n,hvp=2";
  std::vector<std::string> where;
  bool traces = false;
  bool per_run = false;
  int bootstrap_samples = 1000;
  std::uint64_t bootstrap_seed = 1;
  double profile_tau = 1e-3;
  bool figures = true;
  bool lecture_figures = false;
  std::vector<std::string> exports;
  bool animate = false;
  int frames = 120;
};

ReportOptions report_options(const ReportCommandOptions& command) {
  ReportOptions options{.results = {command.results.begin(), command.results.end()},
                        .directory = {},
                        .targets = target_kind_from(command.targets),
                        .cost = parse_cost_model(command.cost),
                        .where = command.where,
                        .traces = command.traces,
                        .per_run = command.per_run,
                        .bootstrap_samples = command.bootstrap_samples,
                        .bootstrap_seed = command.bootstrap_seed,
                        .profile_tau = command.profile_tau,
                        .exports = {}};
  for (const auto& format : command.exports) options.exports.push_back(export_format_from(format));
  options.directory = command.directory.empty()
                          ? std::filesystem::path(command.results.front()).replace_extension("") / "report"
                          : std::filesystem::path(command.directory);
  return options;
}

}  // namespace

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

// The figures of the report, drawn from the CSV files just written into `directory`, with
// --lecture-figures those of lecture_figures.py and with --animate the animations of
// animate.py, both from the (first) results file.
int draw_figures(const ReportCommandOptions& command, const std::filesystem::path& directory) {
  const auto figures = directory / "figures";
  if (command.figures &&
      !run_plot_script("report_figures.py", {directory.string(), "-o", figures.string()}))
    return 1;
  if (command.figures && command.lecture_figures &&
      !run_plot_script("lecture_figures.py", {command.results.front(), "-o", figures.string()}))
    return 1;
  if (command.animate &&
      !run_plot_script("animate.py", {command.results.front(), "-o", (directory / "animations").string(),
                                      "--frames", std::to_string(command.frames)}))
    return 1;
  return 0;
}

int report(const ReportCommandOptions& command) {
  if (command.frames < 2) throw ConfigError("--frames", "--frames must be at least 2");
  const ReportOptions options = report_options(command);
  const WrittenReport written = write_report(options);
  for (const auto& path : written.files) std::cout << "wrote " << path.string() << "\n";
  if (draw_figures(command, options.directory) != 0) return 1;
  // A study's own report, for a single results file of a study.
  if (command.results.size() == 1 &&
      study_settings_of(written.sources.front().suite_toml, command.results.front()))
    return report_study(command.results.front(), options.directory.string(), command.figures);
  return 0;
}

}  // namespace

void add_report_command(CLI::App& app, Action& action) {
  const auto [cmd, options] = add_command<ReportCommandOptions>(
      app, action, "report", "Write metrics, tables (CSV, LaTeX) and figures from results files",
      report);
  cmd->add_option("RESULTS", options->results,
                  "results files (HDF5); runs of several suites are compared")
      ->required();
  cmd->add_option("-o,--output", options->directory,
                  "output directory (default: next to the first results file)");
  cmd->add_option("--targets", options->targets,
                  "precision of the targets 10^k, k = 2..-8: abs (f - f*), rel ((f - f*)/(f(x0) - f*)), "
                  "grad (|grad f|)");
  cmd->add_option("--cost", options->cost, "weights of the evaluation counts in one cost (n: the dimension)");
  cmd->add_option("--where", options->where, "select runs: KEY=VALUE (a runs.csv column or parameter); repeatable")
      ->expected(1)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_flag("--traces", options->traces, "also write traces.csv (every recorded row of the selected runs)");
  cmd->add_flag("--per-run", options->per_run, "also runs.tex, a LaTeX table with one row per run");
  cmd->add_option("--bootstrap", options->bootstrap_samples, "bootstrap resamples for the ERT intervals");
  cmd->add_option("--bootstrap-seed", options->bootstrap_seed, "seed of the bootstrap resamples");
  cmd->add_option("--profile-tau", options->profile_tau,
                  "convergence test of the profiles: f - f* <= tau (f(x0) - f*)");
  add_no_figures_flag(*cmd, options->figures);
  cmd->add_flag("--lecture-figures", options->lecture_figures,
                "also the trajectories and loss curves of lecture_figures.py (first results file)");
  cmd->add_option("--export", options->exports,
                  "also the runs in an analyser's format: ioh (IOHprofiler/IOHanalyzer), coco (COCO's "
                  "cocopp); repeatable")
      ->expected(1)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_flag("--animate", options->animate,
                "also animations of the paths over the contours of each 2-D objective (GIF; MP4 with "
                "ffmpeg), from the first results file");
  cmd->add_option("--frames", options->frames, "frames of each animation (the recorded steps subsampled)");
}

}  // namespace descent::cli
