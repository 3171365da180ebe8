// descent study NAME [-o DIR] [-j N] [--no-figures]
//
// NAME is a study of experiments/studies (NAME.toml) or the path of a study file (a suite with
// a [study] table, docs/studies.md). Runs it into DIR/NAME.h5 (resuming like `run`; DIR
// defaults to results/NAME), then writes the study's report into DIR: study.csv, study.tex
// and figures/ (the data CSVs and, unless --no-figures, their PNG and PDF), and prints the table.
#include <filesystem>
#include <iostream>

#include "descent/core/config_error.hpp"
#include "descent/core/suggest.hpp"
#include "descent/objectives/registry.hpp"
#include "descent/suite/suite.hpp"
#include "command.hpp"

namespace descent::cli {

namespace {

struct StudyOptions {
  std::string study;
  std::string directory;
  int threads = 1;
  bool figures = true;
};

std::filesystem::path study_file(const std::string& name) {
  const std::filesystem::path as_path(name);
  if (as_path.extension() == ".toml" || name.find('/') != std::string::npos) return as_path;
  const auto shipped = shipped_toml_files("studies");
  std::vector<std::string> names;
  for (const auto& path : shipped) {
    if (path.stem() == name) return path;
    names.push_back(path.stem().string());
  }
  std::string known;
  for (const auto& n : names) known.append(known.empty() ? "" : ", ").append(n);
  throw ConfigError("NAME", "unknown study '" + name + "'" + did_you_mean(name, names) + " (known studies: " +
                                known + "; or give the path of a study file)");
}

int study(const StudyOptions& options) {
  const std::filesystem::path file = study_file(options.study);
  const Suite suite = load_suite(file, builtin_catalog());
  if (!suite.study)
    throw ConfigError("study", file.string() + ": the suite has no [study] table, so it is not a study "
                               "(run it with `descent run`)");
  const std::string name = file.stem().string();
  const std::filesystem::path directory =
      options.directory.empty() ? std::filesystem::path("results") / name : std::filesystem::path(options.directory);
  std::filesystem::create_directories(directory);
  const std::filesystem::path output = directory / (name + ".h5");

  RunOptions run;
  run.suite = file.string();
  run.output = output.string();
  run.threads = options.threads;
  run.summary = false;
  if (const int status = run_suite(run); status != 0) return status;
  std::cout << "\n";
  return report_study(output.string(), directory.string(), options.figures);
}

}  // namespace

void add_study_command(CLI::App& app, Action& action) {
  const auto [cmd, options] = add_command<StudyOptions>(
      app, action, "study", "Run a study and print its predictions next to its measurements",
      study);
  cmd->add_option("NAME", options->study,
                  "a study of experiments/studies, or the path of a study file")
      ->required();
  cmd->add_option("-o,--output", options->directory, "output directory (default results/NAME)");
  add_threads_option(*cmd, options->threads);
  add_no_figures_flag(*cmd, options->figures);
}

}  // namespace descent::cli
