// What bad input is refused with, as text for the tests to match: the message of the
// ConfigError a suite, a method or an objective throws, or kAccepted when it throws none.
#pragma once

#include <string>

#include "descent/core/config_error.hpp"
#include "descent/core/params.hpp"
#include "descent/objectives/registry.hpp"
#include "descent/optimizers/registry.hpp"
#include "descent/suite/suite.hpp"

namespace descent::test {

inline const std::string kAccepted = "accepted, no ConfigError";

// The message of the ConfigError `call` throws; `keyed` puts the key it names first
// ("KEY: MESSAGE"), for messages that are not located in a file.
template <class Call>
std::string config_error_of(Call&& call, bool keyed = false) {
  try {
    call();
  } catch (const ConfigError& error) {
    return keyed ? error.key() + ": " + error.what() : std::string(error.what());
  }
  return kAccepted;
}

// Suite `text` parsed as `file` with the built-in catalog: "FILE:LINE:COL: KEY: RULE".
inline std::string suite_error_of(const std::string& text, const std::string& file) {
  return config_error_of([&] { parse_suite(text, file, builtin_catalog()); });
}

// The built-in method `name` made with `params`: "KEY: MESSAGE".
inline std::string optimizer_error_of(const std::string& name, const ParamMap& params) {
  return config_error_of([&] { find_optimizer(name)->make(params); }, true);
}

// The built-in objective `name` made with `params`: "KEY: MESSAGE".
inline std::string objective_error_of(const std::string& name, const ParamMap& params) {
  return config_error_of([&] { find_objective(name)->make(params); }, true);
}

}  // namespace descent::test
