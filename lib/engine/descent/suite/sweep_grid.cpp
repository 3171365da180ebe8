#include "descent/suite/sweep_grid.hpp"

#include <algorithm>

#include "descent/suite/located_params.hpp"

namespace descent::suite_toml {

std::vector<SweepAxis> read_sweep(const SourceFile& file, const toml::node& node,
                                  const Origin& origin,
                                  const std::vector<std::string>& hyperparameters) {
  const toml::table* table = node.as_table();
  if (!table)
    file.fail(origin,
              "key 'sweep' must be a table of value lists such as { lr = [1e-3, 1e-2] }, got " +
                  describe_node(node));
  std::vector<SweepAxis> axes;
  for (const auto& [key, values_node] : *table) {  // toml::table iterates in sorted key order
    if (std::find(hyperparameters.begin(), hyperparameters.end(), key.str()) ==
        hyperparameters.end())
      file.fail_unknown_key(key, origin.key, hyperparameters);
    SweepAxis axis{std::string(key.str()), {}, {}};
    const Origin axis_origin = origin_of(values_node, child_key(origin.key, axis.key));
    const toml::array* values = values_node.as_array();
    if (!values || values->empty())
      file.fail(axis_origin,
                "key '" + axis.key + "' in sweep must be a non-empty list of values, got " +
                    (values ? std::string("an empty list") : describe_node(values_node)));
    for (std::size_t i = 0; i < values->size(); ++i) {
      Origin value_origin = origin_of((*values)[i], element_key(axis_origin.key, i));
      axis.values.push_back(param_value(file, (*values)[i], value_origin));
      axis.origins.push_back(std::move(value_origin));
    }
    axes.push_back(std::move(axis));
  }
  return axes;
}

std::vector<std::vector<SweepValue>> grid_points(const std::vector<SweepAxis>& axes) {
  std::vector<std::vector<SweepValue>> points{{}};
  for (const auto& axis : axes) {
    std::vector<std::vector<SweepValue>> extended;
    for (const auto& point : points)
      for (std::size_t i = 0; i < axis.values.size(); ++i) {
        extended.push_back(point);
        extended.back().push_back({&axis, i});
      }
    points = std::move(extended);
  }
  return points;
}

}  // namespace descent::suite_toml
