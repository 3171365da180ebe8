// ConfigError: the one exception for bad user input (suite files, parameters, command line).
// It names the key and the rule broken; the suite loader adds file and line. The command
// line turns it into exit status 2. Numerical trouble is never a ConfigError: it is data.
#pragma once

#include <stdexcept>
#include <string>

namespace descent {

class ConfigError : public std::runtime_error {
 public:
  ConfigError(std::string key, const std::string& message)
      : std::runtime_error(message), key_(std::move(key)) {}

  // Dotted path of the offending key, e.g. "optimizer[2].lr"; empty when none applies.
  const std::string& key() const { return key_; }

 private:
  std::string key_;
};

}  // namespace descent
