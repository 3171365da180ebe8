// One [[objective]] table of a suite:
//   name = "quadratic"                        required, an objective of the registry
//   params = { dim = 100, kappa = 1e3 }       its parameters (default: all defaults)
//   starts = [[...]] | "standard" | { random = K, box = [lo, hi] }   (starts.hpp)
// read with normalised parameters (every default filled in), the objective built from them,
// and its start points, checked against the objective's dimension.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "descent/core/objective.hpp"
#include "descent/core/params.hpp"
#include "descent/core/catalog.hpp"
#include "descent/suite/starts.hpp"

namespace descent::suite_toml {

struct ObjectiveSetup {
  std::string name;
  ParamMap params;
  std::shared_ptr<const Objective> objective;
  std::vector<Vector> starts;
  std::size_t index = 0;  // of the [[objective]] table in the file
  Origin origin;
};

ObjectiveSetup read_objective(const SourceFile& file, const toml::table& table, std::size_t index,
                              std::uint64_t suite_seed, const Catalog& catalog);

}  // namespace descent::suite_toml
