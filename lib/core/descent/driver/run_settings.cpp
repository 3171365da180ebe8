#include "descent/driver/run_settings.hpp"

namespace descent {

namespace {

constexpr std::string_view kFormulaTable = "formula";
constexpr std::string_view kPresetKey = "preset";

struct PrefixedCollector {
  ParamMap& out;
  template <class Sub>
  void table(std::string_view prefix, const Sub& sub) {
    for (auto& [key, value] : params_of(sub)) out.emplace(std::string(prefix) + "." + key, value);
  }
};

using TableParams = std::map<std::string, ParamMap, std::less<>>;

// Fills each sub-table from its keys.
struct TableApplier {
  const TableParams& tables;
  template <class Sub>
  void table(std::string_view name, Sub& sub) {
    if (auto it = tables.find(name); it != tables.end()) sub = options_from<Sub>(it->second, sub);
  }
};

}  // namespace

ParamMap params_of(const RunSettings& settings) {
  ParamMap out = params_of<RunSettings>(settings);
  RunSettings copy = settings;
  PrefixedCollector collector{out};
  copy.visit_tables(collector);
  for (const auto& [key, text] : settings.formulas)
    out.emplace(std::string(kFormulaTable) + "." + key, text);
  if (!settings.preset.empty()) out.emplace(std::string(kPresetKey), settings.preset);
  return out;
}

RunSettings run_settings_from(const ParamMap& dotted) {
  ParamMap top;
  TableParams tables;
  std::string preset;
  for (const auto& [key, value] : dotted) {
    const auto dot = key.find('.');
    if (key == kPresetKey)
      preset = detail::as_alternative<std::string>(key, value, "string");
    else if (dot == std::string::npos)
      top.emplace(key, value);
    else
      tables[key.substr(0, dot)].emplace(key.substr(dot + 1), value);
  }
  RunSettings settings = options_from<RunSettings>(top);
  settings.preset = preset;
  TableApplier applier{tables};
  settings.visit_tables(applier);
  if (const auto it = tables.find(kFormulaTable); it != tables.end())
    for (const auto& [key, value] : it->second) {
      if (!std::holds_alternative<std::string>(value))
        throw ConfigError(std::string(kFormulaTable) + "." + key,
                          "key '" + key + "' of the formulas must be a string, got " + type_name(value));
      settings.formulas.emplace(key, std::get<std::string>(value));
    }
  return settings;
}

}  // namespace descent
