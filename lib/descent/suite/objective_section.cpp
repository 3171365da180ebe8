#include "descent/suite/objective_section.hpp"

#include "descent/suite/located_params.hpp"
#include "objectives/registry.hpp"

namespace descent::suite_toml {

namespace {

std::string known_objectives() {
  std::string names;
  for (const auto& entry : objective_registry())
    names.append(names.empty() ? "" : ", ").append(entry.name);
  return names;
}

const ObjectiveEntry& find_entry(const SourceFile& file, const toml::table& table,
                                 const Origin& origin) {
  const toml::node* node = table.get("name");
  const Origin name_origin = node ? origin_of(*node, child_key(origin.key, "name"))
                                  : Origin{child_key(origin.key, "name"), origin.position};
  if (!node)
    file.fail(name_origin,
              "required key 'name' is missing (known objectives: " + known_objectives() + ")");
  const auto name = node->value<std::string>();
  if (!name) file.fail(name_origin, "key 'name' must be string, got " + describe_node(*node));
  const ObjectiveEntry* entry = find_objective(*name);
  if (!entry)
    file.fail(name_origin,
              "unknown objective '" + *name + "' (known objectives: " + known_objectives() + ")");
  return *entry;
}

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

ObjectiveSetup read_objective(const SourceFile& file, const toml::table& table, std::size_t index,
                              std::uint64_t suite_seed) {
  const Origin origin = origin_of(table, element_key("objective", index));
  reject_unknown_keys(file, table, origin.key, {"name", "params", "starts"});
  const ObjectiveEntry& entry = find_entry(file, table, origin);
  const LocatedParams given = read_objective_params(file, table, origin);
  ParamMap params = located(file, given, [&] { return entry.normalize(given.values); });
  const auto objective = located(file, given, [&] { return entry.make(params); });
  auto starts = read_starts(file, table, origin, entry.name, *objective, suite_seed, index);
  return {entry.name, std::move(params), std::move(starts), index, origin};
}

}  // namespace descent::suite_toml
