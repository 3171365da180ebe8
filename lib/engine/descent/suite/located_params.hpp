// LocatedParams: a TOML table read as the param layer's ParamMap, remembering where each
// value came from. The param layer reports problems as a ConfigError naming the key
// ("key 'lr' = -1 breaks the rule 0 < lr"); `located` adds the file, line, column and the
// dotted path of that key's value.
//
// TOML values map to ParamValue as: boolean → bool, integer → int64, float → double,
// string → string, array of numbers (integers or floats) → list of reals. Integers are
// accepted for real fields by the param layer.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "descent/core/params.hpp"
#include "descent/suite/source_file.hpp"

namespace descent::suite_toml {

struct LocatedParams {
  ParamMap values;
  std::map<std::string, Origin, std::less<>> origins;  // for each key of `values`
  Origin table;                                        // where keys absent from it are reported

  // The origin of `key`'s value, or the table's (with the key appended) when it has none.
  Origin origin_of_key(std::string_view key) const;
  void set(std::string key, ParamValue value, Origin origin);
};

// One TOML value as a ParamValue; anything else (tables, dates, lists of non-numbers) is a
// located error.
ParamValue param_value(const SourceFile& file, const toml::node& node, const Origin& origin);

// Every key of `table` but those in `skip`.
LocatedParams read_params(const SourceFile& file, const toml::table& table,
                          const Origin& table_origin, const std::vector<std::string>& skip = {});

// Calls `apply` (which hands `params.values` to the param layer); a ConfigError it throws is
// thrown again located at the value it names.
template <class Apply>
auto located(const SourceFile& file, const LocatedParams& params, Apply&& apply)
    -> decltype(apply()) {
  try {
    return std::invoke(std::forward<Apply>(apply));
  } catch (const ConfigError& error) {
    file.fail(params.origin_of_key(error.key()), error.what());
  }
}

}  // namespace descent::suite_toml
