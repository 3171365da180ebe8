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
// Waits for a started child.
ProcessResult wait_for(pid_t pid);

}  // namespace descent::test
