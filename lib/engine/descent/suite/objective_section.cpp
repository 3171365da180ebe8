#include "descent/suite/objective_section.hpp"

#include "descent/suite/located_params.hpp"
#include "descent/suite/registered_name.hpp"

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

ObjectiveSetup read_objective(const SourceFile& file, const toml::table& table, std::size_t index,
                              std::uint64_t suite_seed, const Catalog& catalog) {
  const Origin origin = origin_of(table, element_key("objective", index));
  reject_unknown_keys(file, table, origin.key, {"name", "params", "starts"});
  const ObjectiveEntry& entry = find_named_entry(
      file, table, origin, catalog.objectives, [](const ObjectiveEntry& e) { return e.name; }, "objective");
  const LocatedParams given = read_objective_params(file, table, origin);
  ParamMap params = located(file, given, [&] { return entry.normalize(given.values); });
  std::shared_ptr<const Objective> objective =
      located(file, given, [&] { return entry.make(params); });
  auto starts = read_starts(file, table, origin, entry.name, *objective, suite_seed, index);
  return {entry.name, std::move(params), std::move(objective), std::move(starts), index, origin};
}

}  // namespace descent::suite_toml
