#include "descent/suite/starts.hpp"

#include <algorithm>
#include <cmath>

#include "descent/suite/located_params.hpp"
#include "descent/suite/memory_limit.hpp"
#include "descent/suite/random_starts.hpp"

namespace descent::suite_toml {

namespace {

constexpr std::string_view kStartForms =
    "a list of points such as [[2.0, -2.0]], \"standard\" or { random = K, box = [lo, hi] }";

std::vector<Vector> standard_starts(const SourceFile& file, const Origin& origin,
                                    std::string_view objective_name, const Objective& objective) {
  auto starts = objective.standard_starts();
  if (starts.empty())
    file.fail(origin,
              std::string("objective '")
                  .append(objective_name)
                  .append("' has no standard starts; give the points, e.g. starts = [[1.0, 1.0]]"));
  return starts;
}

std::vector<Vector> listed_starts(const SourceFile& file, const toml::array& points,
                                  const Origin& origin, std::string_view objective_name,
                                  const Objective& objective) {
  if (points.empty()) file.fail(origin, "key 'starts' must list at least one point");
  std::vector<Vector> starts;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const toml::node& point = points[i];
    const Origin point_origin = origin_of(point, element_key(origin.key, i));
    if (!point.is_array())
      file.fail(point_origin, "key 'starts' must be " + std::string(kStartForms) + "; start " +
                                  std::to_string(i) + " is " + describe_node(point) +
                                  ", not a point");
    const auto coordinates = std::get<std::vector<double>>(param_value(file, point, point_origin));
    if (!std::all_of(coordinates.begin(), coordinates.end(),
                     [](double c) { return std::isfinite(c); }))
      file.fail(point_origin, "start " + std::to_string(i) + " = " +
                                  to_text(ParamValue(coordinates)) +
                                  " has a coordinate that is not finite");
    const auto given = static_cast<Index>(coordinates.size());
    if (given != objective.dim())
      file.fail(point_origin, "start " + std::to_string(i) + " has " + std::to_string(given) +
                                  " coordinates, but objective '" + std::string(objective_name) +
                                  "' has dimension " + std::to_string(objective.dim()));
    starts.emplace_back(Eigen::Map<const Vector>(coordinates.data(), given));
  }
  return starts;
}

std::vector<Vector> drawn_starts(const SourceFile& file, const toml::table& table,
                                 const Origin& origin, const Objective& objective,
                                 std::uint64_t suite_seed, std::size_t index) {
  const LocatedParams params = read_params(file, table, origin);
  for (const char* required : {"random", "box"})
    if (!params.values.contains(required))
      file.fail(params.origin_of_key(required),
                std::string("random starts need both keys: { random = K, box = [lo, hi] }; '")
                    .append(required)
                    .append("' is missing"));
  const auto spec =
      located(file, params, [&] { return options_from<RandomStarts>(params.values); });
  const double bytes = static_cast<double>(spec.random) * static_cast<double>(objective.dim()) *
                       static_cast<double>(sizeof(double));
  if (const std::string rule = memory_rule(std::to_string(spec.random) +
                                               " random starts of dimension " +
                                               std::to_string(objective.dim()),
                                           bytes, available_memory_bytes());
      !rule.empty())
    file.fail(params.origin_of_key("random"), rule + "; draw fewer starts or lower the dimension");
  return random_starts(spec, objective.dim(), random_starts_seed(suite_seed, index));
}

}  // namespace

std::vector<Vector> read_starts(const SourceFile& file, const toml::table& objective_table,
                                const Origin& objective_origin, std::string_view objective_name,
                                const Objective& objective, std::uint64_t suite_seed,
                                std::size_t index) {
  const toml::node* node = objective_table.get("starts");
  if (!node)
    return standard_starts(file,
                           {child_key(objective_origin.key, "starts"), objective_origin.position},
                           objective_name, objective);
  const Origin origin = origin_of(*node, child_key(objective_origin.key, "starts"));
  if (const auto* name = node->as_string()) {
    if (name->get() != "standard")
      file.fail(origin,
                "key 'starts' = \"" + name->get() + "\" is not " + std::string(kStartForms));
    return standard_starts(file, origin, objective_name, objective);
  }
  if (const auto* points = node->as_array())
    return listed_starts(file, *points, origin, objective_name, objective);
  if (const auto* table = node->as_table())
    return drawn_starts(file, *table, origin, objective, suite_seed, index);
  file.fail(origin,
            "key 'starts' must be " + std::string(kStartForms) + ", got " + describe_node(*node));
}

}  // namespace descent::suite_toml
