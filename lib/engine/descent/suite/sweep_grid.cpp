#include "descent/suite/sweep_grid.hpp"

#include <algorithm>
#include <cmath>

#include "descent/suite/located_params.hpp"
#include "descent/suite/run_spec.hpp"

namespace descent::suite_toml {

namespace {

constexpr std::string_view kValueForms =
    "a non-empty list of values, { linspace = [a, b, n] } or { logspace = [a, b, n] }";

// a + (b − a)·i/(n − 1) with the endpoints exactly a and b.
std::vector<double> linspace(double a, double b, std::int64_t n) {
  std::vector<double> values;
  for (std::int64_t i = 0; i < n; ++i)
    values.push_back(a + (b - a) * static_cast<double>(i) / static_cast<double>(n - 1));
  values.back() = b;
  return values;
}

std::vector<double> logspace(double a, double b, std::int64_t n) {
  std::vector<double> values;
  for (const double exponent : linspace(std::log10(a), std::log10(b), n))
    values.push_back(std::pow(10.0, exponent));
  values.front() = a;
  values.back() = b;
  return values;
}

// The values of `{ linspace = [a, b, n] }` or `{ logspace = [a, b, n] }` at `origin`, each
// with the origin "...linspace[i]".
void read_grid(const SourceFile& file, const toml::table& grid, const Origin& origin,
               SweepAxis& axis) {
  if (grid.size() != 1)
    file.fail(origin, "key '" + axis.key + "' in sweep must be " + std::string(kValueForms) +
                          ", got a table with " + std::to_string(grid.size()) + " keys");
  const auto entry = grid.begin();  // toml++ hands out entries that live in the iterator
  const toml::key& kind_key = entry->first;
  const toml::node& spec = entry->second;
  const std::string kind(kind_key.str());
  if (kind != "linspace" && kind != "logspace")
    file.fail_unknown_key(kind_key, origin.key, {"linspace", "logspace"});
  const Origin spec_origin = origin_of(spec, child_key(origin.key, kind));
  const toml::array* numbers = spec.as_array();
  const auto rule = [&](const std::string& broken) {
    file.fail(spec_origin, "key '" + kind + "' must be [a, b, n] with finite a < b" +
                               (kind == "logspace" ? ", 0 < a" : "") + " and an integer 2 <= n <= " +
                               std::to_string(kMaxSuiteRuns) + "; " + broken);
  };
  const bool three_numbers =
      numbers && numbers->size() == 3 &&
      std::all_of(numbers->begin(), numbers->end(), [](const toml::node& n) { return n.is_number(); });
  if (!three_numbers)
    rule("got " + describe_node(spec) +
         (numbers ? " of " + std::to_string(numbers->size()) + " elements" : ""));
  const auto as_real = [](const toml::node& n) {
    return n.is_integer() ? static_cast<double>(*n.value<std::int64_t>()) : *n.value<double>();
  };
  const double a = as_real((*numbers)[0]), b = as_real((*numbers)[1]), count = as_real((*numbers)[2]);
  if (!std::isfinite(a) || !std::isfinite(b) || !(a < b))
    rule("got a = " + detail::real_text(a) + ", b = " + detail::real_text(b));
  if (kind == "logspace" && !(a > 0.0)) rule("got a = " + detail::real_text(a));
  if (!(count >= 2.0 && count <= static_cast<double>(kMaxSuiteRuns) && std::floor(count) == count))
    rule("got n = " + detail::real_text(count));
  const auto n = static_cast<std::int64_t>(count);
  const std::vector<double> values = kind == "linspace" ? linspace(a, b, n) : logspace(a, b, n);
  for (std::size_t i = 0; i < values.size(); ++i) {
    axis.values.emplace_back(values[i]);
    axis.origins.push_back({element_key(spec_origin.key, i), spec_origin.position});
  }
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

std::vector<SweepAxis> read_sweep(const SourceFile& file, const toml::node& node,
                                  const Origin& origin, const std::vector<std::string>& keys) {
  const toml::table* table = node.as_table();
  if (!table)
    file.fail(origin,
              "key 'sweep' must be a table of value lists such as { lr = [1e-3, 1e-2] }, got " +
                  describe_node(node));
  std::vector<SweepAxis> axes;
  for (const auto& [key, values_node] : *table) {  // toml::table iterates in sorted key order
    if (std::find(keys.begin(), keys.end(), key.str()) == keys.end())
      file.fail_unknown_key(key, origin.key, keys);
    SweepAxis axis{std::string(key.str()), {}, {}};
    const Origin axis_origin = origin_of(values_node, child_key(origin.key, axis.key));
    if (const toml::table* grid = values_node.as_table()) {
      read_grid(file, *grid, axis_origin, axis);
    } else {
      const toml::array* values = values_node.as_array();
      if (!values || values->empty())
        file.fail(axis_origin, "key '" + axis.key + "' in sweep must be " +
                                   std::string(kValueForms) + ", got " +
                                   (values ? std::string("an empty list") : describe_node(values_node)));
      for (std::size_t i = 0; i < values->size(); ++i) {
        Origin value_origin = origin_of((*values)[i], element_key(axis_origin.key, i));
        axis.values.push_back(param_value(file, (*values)[i], value_origin));
        axis.origins.push_back(std::move(value_origin));
      }
    }
    axes.push_back(std::move(axis));
  }
  check_grid_size(file, axes, origin);
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

std::string swept_text(const SweepValue& value) {
  const ParamValue& given = value.axis->values[value.index];
  const auto* text = std::get_if<std::string>(&given);
  return value.axis->key + "=" + (text ? *text : to_text(given));
}

}  // namespace descent::suite_toml
