#include <csignal>
#include <cstdio>
#include <exception>
#include <iostream>

#include "descent/core/config_error.hpp"
#include "command.hpp"

int main(int argc, char** argv) {
  // A closed pipe (`descent run ... | head`) must not kill a run before its results are joined.
  std::signal(SIGPIPE, SIG_IGN);
  CLI::App app{"descent: a testbed for the optimization methods that train neural networks"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("descent ") + DESCENT_VERSION);
  descent::cli::Action action;
  descent::cli::add_run_command(app, action);
  descent::cli::add_list_command(app, action);
  descent::cli::add_show_command(app, action);
  descent::cli::add_check_command(app, action);
  descent::cli::add_inspect_command(app, action);
  descent::cli::add_merge_command(app, action);
  descent::cli::add_report_command(app, action);
  descent::cli::add_study_command(app, action);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "descent: error: " << descent::cli::usage_error_text(app, argc, argv, e) << "\n";
    return 2;
  }
  try {
    return action();
  } catch (const descent::ConfigError& e) {
    std::cerr << "descent: error: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "descent: failure: " << e.what() << "\n";
    return 1;
  }
}
