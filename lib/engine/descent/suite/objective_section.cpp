#include "descent/suite/objective_section.hpp"

#include "descent/suite/located_params.hpp"
#include "descent/suite/registered_name.hpp"
#include "descent/suite/sweep_grid.hpp"

namespace descent::suite_toml {

namespace {

LocatedParams read_objective_params(const SourceFile& file, const toml::table& table,
                                    const Origin& origin) {
  const toml::node* node = table.get("params");
  if (!node) return LocatedParams{{}, {}, {child_key(origin.key, "params"), origin.position}};
  const Origin params_origin = origin_of(*node, child_key(origin.key, "params"));
  const toml::table* params = node->as_table();
  if (!params)
    file.fail(params_origin, "key 'params' must be a table such as params = { dim = 10 }, got " +
                                 describe_node(*node));
  return read_params(file, *params, params_origin);
}

}  // namespace

std::string describe(const ObjectiveSetup& objective) {
  return objective.origin.key + " '" + objective.label + "' (line " +
         std::to_string(objective.origin.position.line) + ")";
}

std::vector<ObjectiveSetup> read_objective(const SourceFile& file, const toml::table& table,
                                           std::size_t index, std::uint64_t suite_seed,
                                           const Catalog& catalog) {
  const Origin origin = origin_of(table, element_key("objective", index));
  reject_unknown_keys(file, table, origin.key, {"name", "params", "sweep", "starts"});
  const ObjectiveEntry& entry = find_named_entry(
      file, table, origin, catalog.objectives, [](const ObjectiveEntry& e) { return e.name; }, "objective");
  const LocatedParams given = read_objective_params(file, table, origin);

  std::vector<SweepAxis> axes;
  Origin sweep_origin = origin;
  if (const toml::node* sweep = table.get("sweep")) {
    sweep_origin = origin_of(*sweep, child_key(origin.key, "sweep"));
    std::vector<std::string> parameters;
    for (const auto& field : entry.fields) parameters.push_back(field.name);
    axes = read_sweep(file, *sweep, sweep_origin, parameters);
  }

  std::vector<ObjectiveSetup> instances;
  for (const auto& point : grid_points(axes)) {
    LocatedParams located_params = given;
    std::string label = entry.name;
    for (const auto& value : point) {
      located_params.set(value.axis->key, value.axis->values[value.index],
                         value.axis->origins[value.index]);
      label.append(" ").append(swept_text(value));
    }
    ParamMap params =
        located(file, located_params, [&] { return entry.normalize(located_params.values); });
    std::shared_ptr<const Objective> objective =
        located(file, located_params, [&] { return entry.make(params); });
    auto starts = read_starts(file, table, origin, entry.name, *objective, suite_seed, index);
    ObjectiveConstants constants = objective->constants();
    instances.push_back({entry.name, std::move(label), std::move(params), std::move(objective),
                         std::move(constants), std::move(starts), index, origin, sweep_origin});
  }
  return instances;
}

}  // namespace descent::suite_toml
