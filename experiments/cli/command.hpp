// The subcommands of the `descent` program. Each lives in its own file and adds itself to
// the CLI11 application; `main` dispatches and maps errors to exit status (docs/cli.md):
// 0 success, 2 usage or configuration error, 1 any other failure.
#pragma once

#include <functional>
#include <string>

#include <CLI/CLI.hpp>

namespace descent::cli {

// A subcommand's action, run after parsing; returns the exit status.
using Action = std::function<int()>;

void add_run_command(CLI::App& app, Action& action);
void add_list_command(CLI::App& app, Action& action);
void add_show_command(CLI::App& app, Action& action);
void add_check_command(CLI::App& app, Action& action);
void add_inspect_command(CLI::App& app, Action& action);
void add_merge_command(CLI::App& app, Action& action);
void add_report_command(CLI::App& app, Action& action);

// The message for a command-line error, in descent's words: an unknown command or option is
// named as typed, with the closest known ones ("did you mean …"), and the message says where
// the usage is (`descent [COMMAND] --help`).
std::string usage_error_text(const CLI::App& app, int argc, char** argv, const CLI::ParseError& error);

}  // namespace descent::cli
