// One [[optimizer]] table of a suite:
//   name = "adam"                       required, a method of the optimizer registry
//   label = "adam, lecture code"        optional display name (default: the name)
//   lr = 1e-3                           every hyperparameter as a direct key
//   lr = "2/(L + mu)"                   or, for a real or integer one, a formula over the
//                                       objective's constants (formula.hpp)
//   sweep = { lr = [1e-4, 1e-3] }       a grid over hyperparameters (sweep_grid.hpp)
//   run = { max_iter = 2000 }           overrides of the suite's [run] (run_table.hpp)
// read as one variant per sweep point, with normalised hyperparameters (every default
// filled in). With a sweep the label gets the swept values appended: "adam lr=0.001" (a swept
// formula as written: "gd lr=1/L"). A variant with formulas is normalised once per objective
// instance, when its values are known (hyperparameters_for); its formulas' texts go into its
// run settings.
#pragma once

#include <string>
#include <vector>

#include "descent/core/catalog.hpp"
#include "descent/core/params.hpp"
#include "descent/driver/run_settings.hpp"
#include "descent/suite/formula.hpp"
#include "descent/suite/located_params.hpp"
#include "descent/suite/objective_section.hpp"
#include "descent/suite/source_file.hpp"

namespace descent::suite_toml {

struct HyperparameterFormula {
  std::string key;
  Formula formula;
  Origin origin;  // of the string in the file
};

struct OptimizerVariant {
  const OptimizerEntry* entry = nullptr;
  std::string label;
  LocatedParams given;  // the values given directly and swept, formulas aside
  std::vector<HyperparameterFormula> formulas;
  ParamMap params;      // normalised; without formulas only (else hyperparameters_for)
  RunSettings settings;
  std::size_t index = 0;  // of the [[optimizer]] table in the file
  Origin origin;          // the [[optimizer]] table
  Origin sweep_origin;    // its sweep (the table when it has none)

  const std::string& name() const { return entry->doc.name; }
};

// `table` is the index-th [[optimizer]]; `defaults` are the settings of the suite's [run].
std::vector<OptimizerVariant> read_optimizer(const SourceFile& file, const toml::table& table,
                                             std::size_t index, const RunSettings& defaults,
                                             const Catalog& catalog);

// The normalised hyperparameters of the variant's runs on `objective`: its params, or its
// formulas evaluated with the objective's constants and normalised with the given values.
// A formula naming a constant the objective does not know, a value that is not finite or
// breaks a rule is a located error naming the objective.
ParamMap hyperparameters_for(const SourceFile& file, const OptimizerVariant& variant,
                             const ObjectiveSetup& objective);

}  // namespace descent::suite_toml
