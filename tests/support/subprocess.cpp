#include "support/subprocess.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace descent::test {

namespace {

std::vector<char*> argv_of(std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  return argv;
}

pid_t spawn_program(std::vector<std::string> full, const std::string& out_path,
                    const std::string& err_path) {
  auto argv = argv_of(full);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + full[0]);
  return pid;
}

pid_t spawn(const std::vector<std::string>& args, const std::string& out_path,
            const std::string& err_path) {
  std::vector<std::string> full{descent_program()};
  full.insert(full.end(), args.begin(), args.end());
  return spawn_program(std::move(full), out_path, err_path);
}

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string capture_path(pid_t parent, const char* stream) {
  return std::string(DESCENT_BINARY_DIR) + "/tests/capture-" + std::to_string(parent) + "-" +
         std::to_string(reinterpret_cast<std::uintptr_t>(&parent)) + "." + stream;
}

}  // namespace

std::string descent_program() { return std::string(DESCENT_BINARY_DIR) + "/descent"; }

ProcessResult run_descent(const std::vector<std::string>& args) {
  std::vector<std::string> full{descent_program()};
  full.insert(full.end(), args.begin(), args.end());
  return run_program(full);
}

ProcessResult run_program(const std::vector<std::string>& argv) {
  const std::string out = capture_path(getpid(), "out"), err = capture_path(getpid(), "err");
  ProcessResult result = wait_for(spawn_program(argv, out, err));
  result.out = slurp(out);
  result.err = slurp(err);
  std::remove(out.c_str());
  std::remove(err.c_str());
  return result;
}

pid_t start_descent(const std::vector<std::string>& args) { return spawn(args, "/dev/null", "/dev/null"); }

pid_t start_program(const std::vector<std::string>& argv, const std::string& out_path,
                    const std::string& err_path) {
  return spawn_program(argv, out_path, err_path);
}

ProcessResult wait_for(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  ProcessResult result;
  if (WIFEXITED(status)) result.exit_status = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  return result;
}

}  // namespace descent::test
