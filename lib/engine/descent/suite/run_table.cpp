#include "descent/suite/run_table.hpp"

#include <string>
#include <vector>

#include "descent/suite/located_params.hpp"

namespace descent::suite_toml {

namespace {

struct SubTableNames {
  std::vector<std::string> names;

  template <class Sub>
  void table(std::string_view name, Sub&) {
    names.emplace_back(name);
  }
};

std::vector<std::string> sub_table_names() {
  RunSettings settings;
  SubTableNames collector;
  settings.visit_tables(collector);
  return std::move(collector.names);
}

// Fills each sub-table the run table names, starting from its current value.
struct SubTableApplier {
  const SourceFile& file;
  const toml::table& run;
  const Origin& run_origin;

  template <class Sub>
  void table(std::string_view name, Sub& sub) {
    const toml::node* node = run.get(name);
    if (!node) return;
    const Origin origin = origin_of(*node, child_key(run_origin.key, name));
    const toml::table* values = node->as_table();
    if (!values)
      file.fail(origin, std::string("key '")
                            .append(name)
                            .append("' must be a table such as ")
                            .append(name)
                            .append(" = { ... }, got ")
                            .append(describe_node(*node)));
    const LocatedParams params = read_params(file, *values, origin);
    sub = located(file, params, [&] { return options_from(params.values, sub); });
  }
};

// Every key a [run] table may hold: the top-level fields, then the sub-table names.
std::vector<std::string> run_table_keys() {
  std::vector<std::string> keys;
  for (const auto& field : fields_of<RunSettings>()) keys.push_back(field.name);
  for (auto& name : sub_table_names()) keys.push_back(std::move(name));
  return keys;
}

}  // namespace

void apply_run_table(const SourceFile& file, const toml::table& table, const Origin& origin,
                     RunSettings& settings) {
  reject_unknown_keys(file, table, origin.key, run_table_keys());
  SubTableApplier applier{file, table, origin};
  settings.visit_tables(applier);
  // The top-level fields last, so that cross-field rules of RunSettings (if any) see the
  // sub-tables already applied.
  const LocatedParams top = read_params(file, table, origin, sub_table_names());
  settings = located(file, top, [&] { return options_from(top.values, settings); });
}

}  // namespace descent::suite_toml
