// The subcommands of the `descent` program. Each lives in its own file and adds itself to
// the CLI11 application; `main` dispatches and maps errors to exit status (docs/cli.md):
// 0 success, 2 usage or configuration error, 1 any other failure.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace descent::cli {

// A subcommand's action, run after parsing; returns the exit status.
using Action = std::function<int()>;

// A subcommand as its file declares it: the CLI11 command its options and flags are added to,
// and the options they fill.
template <class Options>
struct Command {
  CLI::App* app;
  Options* options;
};

// Adds the subcommand NAME to `app` with fresh options; once the command line is parsed,
// `action` runs `body` on them (main maps its exceptions to the exit status).
template <class Options>
Command<Options> add_command(CLI::App& app, Action& action, const std::string& name,
                             const std::string& summary, int (*body)(const Options&)) {
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand(name, summary);
  command->callback([&action, options, body] { action = [options, body] { return body(*options); }; });
  return {command, options.get()};
}

// The options and flags that mean the same in several subcommands.
// --json: print WHAT as JSON (one object on standard output) instead of the text.
void add_json_flag(CLI::App& command, bool& json, const std::string& what);
// -j,--threads: runs in parallel, 1 … 1024.
void add_threads_option(CLI::App& command, int& threads);
// --no-figures: tables only, no matplotlib figures.
void add_no_figures_flag(CLI::App& command, bool& figures);

void add_run_command(CLI::App& app, Action& action);
void add_study_command(CLI::App& app, Action& action);
void add_list_command(CLI::App& app, Action& action);
void add_show_command(CLI::App& app, Action& action);
void add_check_command(CLI::App& app, Action& action);
void add_inspect_command(CLI::App& app, Action& action);
void add_merge_command(CLI::App& app, Action& action);
void add_report_command(CLI::App& app, Action& action);

// `descent run`'s options, shared with `descent study`, which runs its suite the same way.
struct RunOptions {
  std::string suite;
  std::optional<std::string> output;
  int threads = 1;
  std::string shard = "1/1";
  bool mpi = false;      // one rank of an MPI job (descent/mpi/task_farm.hpp)
  bool quiet = false;    // no progress and no summary table
  bool json = false;     // the summary as one JSON object on standard output
  bool summary = true;   // the summary table after the runs
};

// Runs (or resumes) a suite into its results file; the exit status.
int run_suite(const RunOptions& options);

// Writes a study's report (study.csv, study.tex, figure data and figures) from a results file
// whose suite has a [study] table into `directory` and prints its table; the exit status.
int report_study(const std::string& results, const std::string& directory, bool figures);

// The .toml files of experiments/FOLDER (suites, studies) in the source tree, sorted.
std::vector<std::filesystem::path> shipped_toml_files(const std::string& folder);

// The matplotlib program `script` (under analysis/plots/) run with /usr/bin/python3 on the
// arguments; false (after a message) when it fails.
bool run_plot_script(const std::string& script, const std::vector<std::string>& arguments);

// The message for a command-line error, in descent's words: an unknown command or option is
// named as typed, with the closest known ones ("did you mean …"), and the message says where
// the usage is (`descent [COMMAND] --help`).
std::string usage_error_text(const CLI::App& app, int argc, char** argv, const CLI::ParseError& error);

}  // namespace descent::cli
