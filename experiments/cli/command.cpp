// What the subcommands share (command.hpp): the options that mean the same in several of them,
// the shipped suite and study files, and the plotting scripts they run.
#include <sys/wait.h>
#include <spawn.h>

#include <algorithm>
#include <cstring>
#include <iostream>

#include "command.hpp"

extern char** environ;

namespace descent::cli {

void add_json_flag(CLI::App& command, bool& json, const std::string& what) {
  command.add_flag("--json", json, "Print " + what + " as JSON");
}

void add_threads_option(CLI::App& command, int& threads) {
  command.add_option("-j,--threads", threads, "runs in parallel")->check(CLI::Range(1, 1024));
}

void add_no_figures_flag(CLI::App& command, bool& figures) {
  command.add_flag("!--no-figures", figures, "tables only, no matplotlib figures");
}

std::vector<std::filesystem::path> shipped_toml_files(const std::string& folder) {
  std::vector<std::filesystem::path> files;
  const std::filesystem::path dir = std::filesystem::path(DESCENT_SOURCE_DIR) / "experiments" / folder;
  if (std::filesystem::is_directory(dir))
    for (const auto& entry : std::filesystem::directory_iterator(dir))
      if (entry.path().extension() == ".toml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// The script is spawned directly, without a shell: no file name is ever parsed as a command.
bool run_plot_script(const std::string& script, const std::vector<std::string>& arguments) {
  std::vector<std::string> args = {"/usr/bin/python3", std::string(DESCENT_SOURCE_DIR) + "/analysis/plots/" + script};
  args.insert(args.end(), arguments.begin(), arguments.end());
  std::string command_line;
  std::vector<char*> argv;
  for (auto& a : args) {
    command_line += (command_line.empty() ? "" : " ") + a;
    argv.push_back(a.data());
  }
  argv.push_back(nullptr);
  std::cout.flush();
  pid_t pid = 0;
  int status = 0;
  if (const int error = posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ); error != 0) {
    std::cerr << "descent: failure: cannot run /usr/bin/python3: " << std::strerror(error) << "\n";
    return false;
  }
  if (waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0) return true;
  std::cerr << "descent: failure: drawing the figures failed (" << command_line << ")\n";
  return false;
}

}  // namespace descent::cli
