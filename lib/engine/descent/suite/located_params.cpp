#include "descent/suite/located_params.hpp"

#include <algorithm>

namespace descent::suite_toml {

Origin LocatedParams::origin_of_key(std::string_view key) const {
  if (const auto it = origins.find(key); it != origins.end()) return it->second;
  return {key.empty() ? table.key : child_key(table.key, key), table.position};
}

void LocatedParams::set(std::string key, ParamValue value, Origin origin) {
  values.insert_or_assign(key, std::move(value));
  origins.insert_or_assign(std::move(key), std::move(origin));
}

ParamValue param_value(const SourceFile& file, const toml::node& node, const Origin& origin) {
  const std::string key(last_key(origin.key));
  switch (node.type()) {
    case toml::node_type::boolean:
      return *node.value<bool>();
    case toml::node_type::integer:
      return *node.value<std::int64_t>();
    case toml::node_type::floating_point:
      return *node.value<double>();
    case toml::node_type::string:
      return std::string(*node.value<std::string_view>());
    case toml::node_type::array: {
      std::vector<double> reals;
      const auto& array = *node.as_array();
      for (std::size_t i = 0; i < array.size(); ++i) {
        const toml::node& element = array[i];
        if (!element.is_number())
          file.fail(origin_of(element, element_key(origin.key, i)),
                    "key '" + key + "' must be a list of numbers, element " + std::to_string(i) +
                        " is " + describe_node(element));
        reals.push_back(element.is_integer() ? static_cast<double>(*element.value<std::int64_t>())
                                             : *element.value<double>());
      }
      return reals;
    }
    default:
      file.fail(origin, "key '" + key +
                            "' must be a bool, number, string or list of numbers, got " +
                            describe_node(node));
  }
}

LocatedParams read_params(const SourceFile& file, const toml::table& table,
                          const Origin& table_origin, const std::vector<std::string>& skip) {
  LocatedParams params;
  params.table = table_origin;
  for (const auto& [key, node] : table) {
    if (std::find(skip.begin(), skip.end(), key.str()) != skip.end()) continue;
    Origin origin = origin_of(node, child_key(table_origin.key, key.str()));
    ParamValue value = param_value(file, node, origin);
    params.set(std::string(key.str()), std::move(value), std::move(origin));
  }
  return params;
}

}  // namespace descent::suite_toml
