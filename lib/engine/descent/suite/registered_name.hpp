// The registry entry that an [[objective]] or [[optimizer]] section's required `name` key
// names. A missing, mistyped or unknown name is a located error listing the known names.
#pragma once

#include <string>
#include <span>
#include <string_view>
#include <vector>

#include "descent/core/suggest.hpp"
#include "descent/suite/source_file.hpp"

namespace descent::suite_toml {

// `kind` is the registry's noun ("objective", "optimizer"); `name_of(entry)` its name.
template <class Entry, class NameOf>
const Entry& find_named_entry(const SourceFile& file, const toml::table& table, const Origin& origin,
                              std::span<const Entry> entries, NameOf name_of,
                              std::string_view kind) {
  std::vector<std::string> names;
  for (const Entry& entry : entries) names.push_back(name_of(entry));
  std::string known = " (known " + std::string(kind) + "s: ";
  for (std::size_t i = 0; i < names.size(); ++i) known.append(i ? ", " : "").append(names[i]);
  known.append(")");

  const toml::node* node = table.get("name");
  const Origin name_origin = node ? origin_of(*node, child_key(origin.key, "name"))
                                  : Origin{child_key(origin.key, "name"), origin.position};
  if (!node) file.fail(name_origin, "required key 'name' is missing" + known);
  const auto name = node->value<std::string>();
  if (!name) file.fail(name_origin, "key 'name' must be string, got " + describe_node(*node));
  for (const Entry& entry : entries)
    if (name_of(entry) == *name) return entry;
  file.fail(name_origin,
            "unknown " + std::string(kind) + " '" + *name + "'" + did_you_mean(*name, names) + known);
}

}  // namespace descent::suite_toml
