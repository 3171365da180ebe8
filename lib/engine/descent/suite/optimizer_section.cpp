#include "descent/suite/optimizer_section.hpp"

#include "descent/suite/located_params.hpp"
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

// "lr=0.001" for a swept value: numbers in canonical text, strings without quotes.
std::string swept_text(const std::string& key, const ParamValue& value) {
  const auto* text = std::get_if<std::string>(&value);
  return key + "=" + (text ? *text : to_text(value));
}

// The grid is built point by point: refuse one larger than a suite may run before building it.
void check_grid_size(const SourceFile& file, const std::vector<SweepAxis>& axes,
                     const Origin& origin) {
  std::int64_t points = 1;
  std::string product;
  for (const auto& axis : axes) {
    points *= static_cast<std::int64_t>(axis.values.size());  // each factor ≤ the file's size
    product.append(product.empty() ? "" : " × ").append(std::to_string(axis.values.size()));
    if (points > kMaxSuiteRuns)
      file.fail(origin, "the sweep has more than " + std::to_string(kMaxSuiteRuns) + " points (" +
                            product + " so far), more runs than a suite may expand to; split the "
                            "study into several suites");
  }
}

}  // namespace

std::vector<OptimizerVariant> read_optimizer(const SourceFile& file, const toml::table& table,
                                             std::size_t index, const RunSettings& defaults,
                                             const Catalog& catalog) {
  const Origin origin = origin_of(table, element_key("optimizer", index));
  const OptimizerEntry& entry = find_named_entry(
      file, table, origin, catalog.optimizers, [](const OptimizerEntry& e) { return e.doc.name; }, "optimizer");
  std::vector<std::string> hyperparameters;
  for (const auto& field : entry.fields) hyperparameters.push_back(field.name);
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
    check_grid_size(file, axes, sweep_origin);
  }

  std::vector<OptimizerVariant> variants;
  for (const auto& point : grid_points(axes)) {
    LocatedParams params = direct;
    std::string variant_label = label;
    for (const auto& [axis, i] : point) params.set(axis->key, axis->values[i], axis->origins[i]);
    ParamMap normalised = located(file, params, [&] { return entry.normalize(params.values); });
    for (const auto& [axis, i] : point)
      variant_label.append(" ").append(swept_text(axis->key, normalised.at(axis->key)));
    variants.push_back({entry.doc.name, std::move(variant_label), std::move(normalised), settings,
                        index, origin, sweep_origin});
  }
  return variants;
}

}  // namespace descent::suite_toml
