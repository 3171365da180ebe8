// descent show NAME [--param KEY=VALUE]... [--json [--grid XMIN,XMAX,YMIN,YMAX,N]]: an
// objective's or optimizer's formula, parameters, defaults, rules, and for objectives its known
// minima, standard starts, domain and constants (for the parameters given); with --json the
// same as data, and with --grid f of a 2-D objective on an N × N grid (the figures' contours);
// `descent show OPTIMIZER --preset torch`: the values a framework preset sets, as the defaults;
// `descent show run`: the run settings of a suite's [run] table and their sub-tables.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "descent/core/config_error.hpp"
#include "descent/driver/run_settings.hpp"
#include "descent/optimizers/presets.hpp"
#include "descent/optimizers/registry.hpp"
#include "command.hpp"
#include "descent/objectives/registry.hpp"

namespace descent::cli {

namespace {

struct ShowOptions {
  std::string name;
  std::vector<std::string> params;
  bool json = false;
  std::string grid;
  std::string preset;
};

// KEY=VALUE with VALUE read as JSON (a number, true or false, a list of numbers), or else as
// a string: spectrum=linear, a=2.0, eigenvalues=[1, 4].
ParamMap objective_params(const std::vector<std::string>& texts) {
  ParamMap params;
  for (const auto& text : texts) {
    const auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0)
      throw ConfigError("--param", "--param '" + text + "' must have the form KEY=VALUE");
    const std::string key = text.substr(0, eq), value = text.substr(eq + 1);
    const auto parsed = nlohmann::json::parse(value, nullptr, false);
    if (parsed.is_boolean())
      params[key] = parsed.get<bool>();
    else if (parsed.is_number_integer())
      params[key] = parsed.get<std::int64_t>();
    else if (parsed.is_number())
      params[key] = parsed.get<double>();
    else if (parsed.is_array())
      params[key] = parsed.get<std::vector<double>>();
    else
      params[key] = value;
  }
  return params;
}

nlohmann::json point_json(const Vector& x) { return std::vector<double>(x.begin(), x.end()); }

// f on the grid XMIN,XMAX,YMIN,YMAX,N: x and y evenly spaced, f[row j][column i] = f(xᵢ, yⱼ).
nlohmann::json grid_json(const Objective& objective, const std::string& spec) {
  std::vector<double> numbers;
  std::istringstream fields(spec);
  for (std::string field; std::getline(fields, field, ',');) {
    char* end = nullptr;
    numbers.push_back(std::strtod(field.c_str(), &end));
    if (field.empty() || *end != '\0' || !std::isfinite(numbers.back())) numbers.clear();
    if (numbers.empty()) break;
  }
  const bool shaped = numbers.size() == 5 && numbers[0] < numbers[1] && numbers[2] < numbers[3] &&
                      numbers[4] >= 2 && numbers[4] <= 2000 && numbers[4] == std::floor(numbers[4]);
  if (!shaped)
    throw ConfigError("--grid", "--grid '" + spec + "' must be XMIN,XMAX,YMIN,YMAX,N with XMIN < XMAX, "
                                "YMIN < YMAX and N an integer, 2 <= N <= 2000");
  if (objective.dim() != 2)
    throw ConfigError("--grid", "--grid needs a 2-D objective (this one has dimension " +
                                    std::to_string(objective.dim()) + ")");
  const auto n = static_cast<Index>(numbers[4]);
  const Vector xs = Vector::LinSpaced(n, numbers[0], numbers[1]);
  const Vector ys = Vector::LinSpaced(n, numbers[2], numbers[3]);
  nlohmann::json rows = nlohmann::json::array();
  for (Index j = 0; j < n; ++j) {
    std::vector<double> row(static_cast<std::size_t>(n));
    for (Index i = 0; i < n; ++i) row[static_cast<std::size_t>(i)] = objective.value(Vector{{xs[i], ys[j]}});
    rows.push_back(row);
  }
  return {{"x", point_json(xs)}, {"y", point_json(ys)}, {"f", rows}};
}

// Everything the entry and the objective built from `params` know, as data.
nlohmann::json objective_json(const ObjectiveEntry& entry, const ParamMap& params, const std::string& grid) {
  nlohmann::json fields = nlohmann::json::array();
  for (const auto& f : entry.fields)
    fields.push_back({{"name", f.name}, {"type", f.type}, {"default", f.default_text}, {"rule", f.rule},
                      {"doc", f.doc}});
  nlohmann::json values = nlohmann::json::object();
  // Not a structured binding: clang 14 cannot capture one in a lambda.
  for (const auto& named : entry.normalize(params))
    std::visit([&values, &key = named.first](const auto& v) { values[key] = v; }, named.second);
  const auto objective = entry.make(params);
  nlohmann::json minima = nlohmann::json::array();
  for (const auto& m : objective->minima())
    minima.push_back({{"x", point_json(m.x)}, {"f", m.f}, {"global", m.global}});
  nlohmann::json starts = nlohmann::json::array();
  for (const auto& start : objective->standard_starts()) starts.push_back(point_json(start));
  const Box box = objective->domain();
  nlohmann::json constants = nlohmann::json::object();
  for (const auto& [name, value] : objective->constants()) constants[name] = value;
  nlohmann::json out = {{"kind", "objective"},
                        {"name", entry.name},
                        {"family", entry.family},
                        {"summary", entry.summary},
                        {"formula", entry.formula},
                        {"source", entry.source},
                        {"fields", fields},
                        {"params", values},
                        {"dim", objective->dim()},
                        {"terms", objective->num_terms()},
                        {"minima", minima},
                        {"starts", starts},
                        {"domain", {{"lower", point_json(box.lower)}, {"upper", point_json(box.upper)}}},
                        {"constants", constants}};
  if (!grid.empty()) out["grid"] = grid_json(*objective, grid);
  return out;
}

void print_indented(const std::string& text) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) std::cout << "  " << line << "\n";
}

void print_fields(const std::vector<FieldInfo>& fields) {
  if (fields.empty()) {
    std::cout << "parameters: none\n";
    return;
  }
  std::cout << "parameters:\n";
  std::size_t name_width = 18;  // a longer name widens the column, so name and type stay apart
  for (const auto& f : fields) name_width = std::max(name_width, f.name.size() + 2);
  for (const auto& f : fields) {
    std::cout << "  " << std::left << std::setw(static_cast<int>(name_width)) << f.name
              << std::setw(15) << f.type
              << "default " << std::setw(14) << f.default_text;
    if (!f.rule.empty()) std::cout << "  [" << f.rule << "]";
    std::cout << "\n      " << f.doc << "\n";
  }
}

std::string point_text(const Vector& x) {
  std::ostringstream out;
  out << "(";
  const Index shown = std::min<Index>(x.size(), 6);
  for (Index i = 0; i < shown; ++i) out << (i ? ", " : "") << x[i];
  if (x.size() > shown) out << ", … (" << x.size() << " coordinates)";
  out << ")";
  return out.str();
}

// The constants a suite's formulas may use (docs/suites.md), in the order of their names, to
// 15 digits (0.04, not the 0.040000000000000036 that 0.52 − 0.48 rounds to).
void print_constants(const ObjectiveConstants& constants) {
  std::ostringstream line;
  line << "  constants" << std::setprecision(15);
  for (const auto name : kObjectiveConstantNames)
    if (const auto it = constants.find(name); it != constants.end())
      line << " " << name << " = " << it->second;
  std::cout << line.str() << "\n";
}

// Prints each sub-table of the run settings with its fields.
struct SubTablePrinter {
  template <class Sub>
  void table(std::string_view name, Sub& sub) {
    std::cout << "\n" << name << " = { ... }\n";
    print_fields(fields_of(sub));
  }
};

int show_run_settings() {
  std::cout << "run settings: a suite's [run] table, or an optimizer's run = { ... } override "
               "(docs/training.md)\n\n";
  print_fields(fields_of<RunSettings>());
  RunSettings settings;
  SubTablePrinter printer;
  settings.visit_tables(printer);
  return 0;
}

// The method's rule and parameters, with the defaults of `preset` (none when empty): the
// values it sets replace the defaults, and a line says whose defaults they are.
int show_optimizer(const OptimizerEntry& entry, const std::string& preset) {
  std::vector<FieldInfo> fields = entry.fields;
  std::string preset_text;
  if (!preset.empty()) {
    const ParamMap resolved = entry.normalize({{std::string(kPresetKey), preset}});
    for (auto& field : fields)
      if (const auto it = resolved.find(field.name); it != resolved.end()) field.default_text = to_text(it->second);
    for (const auto& [choice, value] : kPresetChoices)
      if (choice == preset) {
        const PresetDefaults* defaults = find_preset(value, entry.doc.name);
        preset_text = defaults == nullptr ? "preset lecture: the method's own defaults"
                                          : "preset " + preset + ": the defaults of " + std::string(defaults->source);
        if (defaults != nullptr && defaults->values.empty()) preset_text += ", which are the method's own";
      }
  }
  std::cout << "optimizer " << entry.doc.name << ": " << entry.doc.summary << "\n\nupdate rule:\n";
  print_indented(entry.doc.formula);
  std::cout << "\n";
  if (!preset_text.empty()) std::cout << preset_text << "\n";
  print_fields(fields);
  std::cout << "\nsource: " << entry.doc.source << "\n";
  return 0;
}

int show(const ShowOptions& options) {
  const std::string& name = options.name;
  const auto* objective_entry = find_objective(name);
  if (!options.preset.empty() && find_optimizer(name) == nullptr)
    throw ConfigError("--preset", "--preset applies to optimizers; '" + name + "' is not one");
  if ((!options.params.empty() || !options.grid.empty()) && objective_entry == nullptr)
    throw ConfigError(options.params.empty() ? "--grid" : "--param",
                      "--param and --grid apply to objectives; '" + name + "' is not one");
  if (!options.grid.empty() && !options.json)
    throw ConfigError("--grid", "--grid goes with --json");
  if (options.json && objective_entry == nullptr)
    throw ConfigError("--json", "--json applies to objectives; '" + name + "' is not one");
  const ParamMap params = objective_params(options.params);
  if (options.json) {
    std::cout << objective_json(*objective_entry, params, options.grid).dump() << "\n";
    return 0;
  }
  if (name == "run") return show_run_settings();
  if (const auto* entry = find_optimizer(name)) return show_optimizer(*entry, options.preset);
  if (const auto* entry = objective_entry) {
    const auto objective = entry->make(params);  // bad parameters fail before any output
    std::cout << "objective " << entry->name << " (" << entry->family << "): " << entry->summary
              << "\n\n";
    print_indented(entry->formula);
    std::cout << "\n";
    print_fields(entry->fields);
    std::cout << "\nwith " << (params.empty() ? "default parameters" : "parameters " + to_text(params))
              << " (dim " << objective->dim() << "):\n";
    for (const auto& m : objective->minima())
      std::cout << "  " << (m.global ? "global" : "local") << " minimum f = " << m.f << " at "
                << point_text(m.x) << "\n";
    for (const auto& s : objective->standard_starts())
      std::cout << "  standard start " << point_text(s) << "\n";
    const Box box = objective->domain();
    std::cout << "  domain " << point_text(box.lower) << " <= x <= " << point_text(box.upper) << "\n";
    print_constants(objective->constants());
    std::cout << "\nsource: " << entry->source << "\n";
    return 0;
  }
  throw ConfigError("NAME", "no objective or optimizer named '" + name +
                                "' (see `descent list`)");
}

}  // namespace

void add_show_command(CLI::App& app, Action& action) {
  const auto [cmd, options] = add_command<ShowOptions>(
      app, action, "show", "Show an objective's or optimizer's formulas, parameters and defaults",
      show);
  cmd->add_option("NAME", options->name,
                  "objective or optimizer name, or \"run\" for the run settings")
      ->required();
  cmd->add_option("--param", options->params,
                  "objective parameter KEY=VALUE, VALUE as JSON or else a string (repeatable)");
  add_json_flag(*cmd, options->json, "the objective");
  cmd->add_option("--preset", options->preset,
                  "optimizers: show the defaults of a framework preset (lecture, torch, optax, keras)");
  cmd->add_option("--grid", options->grid, "with --json: f of a 2-D objective on XMIN,XMAX,YMIN,YMAX,N");
}

}  // namespace descent::cli
