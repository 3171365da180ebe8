// Runs the `descent` program as a child process, as a user would, capturing its output.
#pragma once

#include <string>
#include <vector>

#include <sys/types.h>

namespace descent::test {

struct ProcessResult {
  int exit_status = -1;  // -1 when killed by a signal
  int signal = 0;
  std::string out;
  std::string err;
};

// Path of the built `descent` program.
std::string descent_program();

// Runs `descent args...` to completion.
ProcessResult run_descent(const std::vector<std::string>& args);

// Starts `descent args...` with output discarded; returns its pid.
pid_t start_descent(const std::vector<std::string>& args);
// Runs any program (`argv[0]` a path) to completion, capturing its output.
ProcessResult run_program(const std::vector<std::string>& argv);
// Starts any program with its output written to the files given; returns its pid.
pid_t start_program(const std::vector<std::string>& argv, const std::string& out_path,
                    const std::string& err_path);

// Waits for a started child.
ProcessResult wait_for(pid_t pid);

}  // namespace descent::test
