// Runs a registered optimizer by name through the driver, for the tests of the
// search-direction methods.
#pragma once

#include <string>

#include "descent/driver/driver.hpp"
#include "descent/optimizers/registry.hpp"

namespace descent::test {

inline RunResult run_method(const std::string& name, const ParamMap& params,
                            const Objective& objective, const Vector& x0,
                            const RunSettings& settings) {
  auto optimizer = find_optimizer(name)->make(params);
  return run_optimizer(objective, *optimizer, x0, settings);
}

// The trace column `name`, which the run must have recorded.
inline const std::vector<double>& column(const RunResult& result, const std::string& name) {
  return result.trace.extra.at(name);
}

// Iterate k of a run that recorded x.
inline Vector iterate(const RunResult& result, std::size_t k) {
  const Index n = result.trace.x_dim;
  return Eigen::Map<const Vector>(result.trace.x.data() + k * static_cast<std::size_t>(n), n);
}

}  // namespace descent::test
