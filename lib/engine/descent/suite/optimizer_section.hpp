// One [[optimizer]] table of a suite:
//   name = "adam"                       required, a method of the optimizer registry
//   label = "adam, lecture code"        optional display name (default: the name)
//   lr = 1e-3                           every hyperparameter as a direct key
//   sweep = { lr = [1e-4, 1e-3] }       a grid over hyperparameters (sweep_grid.hpp)
//   run = { max_iter = 2000 }           overrides of the suite's [run] (run_table.hpp)
// read as one variant per sweep point, with normalised hyperparameters (every default
// filled in). With a sweep the label gets the swept values appended: "adam lr=0.001".
#pragma once

#include <string>
#include <vector>

#include "descent/core/params.hpp"
#include "descent/driver/run_settings.hpp"
#include "descent/core/catalog.hpp"
#include "descent/suite/source_file.hpp"

namespace descent::suite_toml {

struct OptimizerVariant {
  std::string name;
  std::string label;
  ParamMap params;
  RunSettings settings;
  std::size_t index = 0;  // of the [[optimizer]] table in the file
  Origin origin;          // the [[optimizer]] table
  Origin sweep_origin;    // its sweep (the table when it has none)
};

// `table` is the index-th [[optimizer]]; `defaults` are the settings of the suite's [run].
std::vector<OptimizerVariant> read_optimizer(const SourceFile& file, const toml::table& table,
                                             std::size_t index, const RunSettings& defaults,
                                             const Catalog& catalog);

}  // namespace descent::suite_toml
