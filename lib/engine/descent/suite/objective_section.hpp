// One [[objective]] table of a suite:
//   name = "quadratic"                        required, an objective of the registry
//   params = { dim = 100, kappa = 1e3 }       its parameters (default: all defaults)
//   sweep = { kappa = [10, 1e3, 1e5] }        a grid over parameters (sweep_grid.hpp)
//   starts = [[...]] | "standard" | { random = K, box = [lo, hi] }   (starts.hpp)
// read as one instance per sweep point, each with normalised parameters (every default filled
// in), the objective built from them, its constants, and its start points, checked against its
// dimension. Random starts depend on the table's index, not on the sweep point: instances of
// one dimension start from the same points.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "descent/core/catalog.hpp"
#include "descent/core/objective.hpp"
#include "descent/core/params.hpp"
#include "descent/suite/starts.hpp"

namespace descent::suite_toml {

struct ObjectiveSetup {
  std::string name;
  std::string label;  // for messages: the name, then the swept values ("quadratic kappa=1000")
  ParamMap params;
  std::shared_ptr<const Objective> objective;
  ObjectiveConstants constants;
  std::vector<Vector> starts;
  std::size_t index = 0;  // of the [[objective]] table in the file
  Origin origin;          // the [[objective]] table
  Origin sweep_origin;    // its sweep (the table when it has none)
};

// "objective[1] 'quadratic kappa=1000' (line 7)", for messages about runs on the instance.
std::string describe(const ObjectiveSetup& objective);

// `table` is the index-th [[objective]].
std::vector<ObjectiveSetup> read_objective(const SourceFile& file, const toml::table& table,
                                           std::size_t index, std::uint64_t suite_seed,
                                           const Catalog& catalog);

}  // namespace descent::suite_toml
