#include "descent/suite/optimizer_section.hpp"

#include <cmath>

#include "descent/optimizers/presets.hpp"
#include "descent/suite/registered_name.hpp"
#include "descent/suite/run_spec.hpp"
#include "descent/suite/run_table.hpp"
#include "descent/suite/sweep_grid.hpp"

namespace descent::suite_toml {

namespace {

const std::vector<std::string> kStructureKeys = {"name", "label", "sweep", "run"};

std::string read_label(const SourceFile& file, const toml::table& table, const Origin& origin,
                       const std::string& name) {
  const toml::node* node = table.get("label");
  if (!node) return name;
  const auto label = node->value<std::string>();
  if (!label)
    file.fail(origin_of(*node, child_key(origin.key, "label")),
              "key 'label' must be string, got " + describe_node(*node));
  return *label;
}

// A string is a formula where the method expects a number.
bool takes_formula(const OptimizerEntry& entry, std::string_view key) {
  for (const auto& field : entry.fields)
    if (field.name == key) return field.type == "real" || field.type == "integer";
  return false;
}

std::string quoted(const HyperparameterFormula& f) {
  return "key '" + f.key + "' = \"" + f.formula.text() + "\"";
}

// Takes the formulas out of `params`, parsed.
std::vector<HyperparameterFormula> take_formulas(const SourceFile& file,
                                                 const OptimizerEntry& entry,
                                                 LocatedParams& params) {
  std::vector<HyperparameterFormula> formulas;
  for (auto it = params.values.begin(); it != params.values.end();) {
    const auto* text = std::get_if<std::string>(&it->second);
    if (!text || !takes_formula(entry, it->first)) {
      ++it;
      continue;
    }
    const Origin origin = params.origin_of_key(it->first);
    try {
      formulas.push_back({it->first, Formula::parse(*text), origin});
    } catch (const FormulaError& error) {
      file.fail(origin, "key '" + it->first + "' = \"" + *text + "\" is not a formula: at character " +
                            std::to_string(error.column()) + ", " + error.what());
    }
    it = params.values.erase(it);
  }
  return formulas;
}

std::string with_objective(const ObjectiveSetup& objective) { return "with " + describe(objective); }

}  // namespace

std::vector<OptimizerVariant> read_optimizer(const SourceFile& file, const toml::table& table,
                                             std::size_t index, const RunSettings& defaults,
                                             const Catalog& catalog) {
  const Origin origin = origin_of(table, element_key("optimizer", index));
  const OptimizerEntry& entry = find_named_entry(
      file, table, origin, catalog.optimizers, [](const OptimizerEntry& e) { return e.doc.name; }, "optimizer");
  std::vector<std::string> hyperparameters;
  for (const auto& field : entry.fields) hyperparameters.push_back(field.name);
  hyperparameters.emplace_back(kPresetKey);
  std::vector<std::string> known = kStructureKeys;
  known.insert(known.end(), hyperparameters.begin(), hyperparameters.end());
  reject_unknown_keys(file, table, origin.key, known);

  const std::string label = read_label(file, table, origin, entry.doc.name);
  const LocatedParams direct = read_params(file, table, origin, kStructureKeys);

  RunSettings settings = defaults;
  if (const toml::node* run = table.get("run")) {
    const Origin run_origin = origin_of(*run, child_key(origin.key, "run"));
    const toml::table* run_table = run->as_table();
    if (!run_table)
      file.fail(run_origin, "key 'run' must be a table such as run = { max_iter = 2000 }, got " +
                                describe_node(*run));
    apply_run_table(file, *run_table, run_origin, settings);
  }

  std::vector<SweepAxis> axes;
  Origin sweep_origin = origin;
  if (const toml::node* sweep = table.get("sweep")) {
    sweep_origin = origin_of(*sweep, child_key(origin.key, "sweep"));
    axes = read_sweep(file, *sweep, sweep_origin, hyperparameters);
  }

  std::vector<OptimizerVariant> variants;
  for (const auto& point : grid_points(axes)) {
    OptimizerVariant variant{&entry, label, direct, {}, {}, settings, index, origin, sweep_origin};
    for (const auto& value : point) {
      variant.given.set(value.axis->key, value.axis->values[value.index],
                        value.axis->origins[value.index]);
      variant.label.append(" ").append(swept_text(value));
    }
    if (const auto preset = variant.given.values.find(kPresetKey); preset != variant.given.values.end())
      if (const auto* name = std::get_if<std::string>(&preset->second)) variant.settings.preset = *name;
    variant.formulas = take_formulas(file, entry, variant.given);
    for (const auto& f : variant.formulas) variant.settings.formulas.emplace(f.key, f.formula.text());
    if (variant.formulas.empty())
      variant.params = located(file, variant.given, [&] { return entry.normalize(variant.given.values); });
    variants.push_back(std::move(variant));
  }
  return variants;
}

ParamMap hyperparameters_for(const SourceFile& file, const OptimizerVariant& variant,
                             const ObjectiveSetup& objective) {
  if (variant.formulas.empty()) return variant.params;
  LocatedParams values = variant.given;
  for (const auto& f : variant.formulas) {
    double value = 0.0;
    try {
      value = f.formula.evaluate(objective.constants);
    } catch (const FormulaError& error) {
      std::string known;
      for (const auto& [name, constant] : objective.constants)
        known.append(known.empty() ? "" : ", ").append(name);
      file.fail(f.origin, quoted(f) + " " + with_objective(objective) + ": at character " +
                              std::to_string(error.column()) + ", " + error.what() +
                              " (it knows " + known + ")");
    }
    if (!std::isfinite(value))
      file.fail(f.origin, quoted(f) + " " + with_objective(objective) + " evaluates to " +
                              detail::real_text(value) + ", not a finite number");
    values.set(f.key, value, f.origin);
  }
  try {
    return variant.entry->normalize(values.values);
  } catch (const ConfigError& error) {
    for (const auto& f : variant.formulas)
      if (f.key == error.key())
        file.fail(f.origin, quoted(f) + " " + with_objective(objective) + " evaluates to " +
                                to_text(values.values.at(f.key)) + ": " + error.what());
    file.fail(values.origin_of_key(error.key()), with_objective(objective) + ": " + error.what());
  }
}

}  // namespace descent::suite_toml
