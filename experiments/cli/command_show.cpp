// descent show NAME: an objective's or optimizer's formula, parameters, defaults, rules,
// and for objectives its known minima, standard starts and constants; `descent show run`: the run
// settings of a suite's [run] table and their sub-tables.
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "descent/core/config_error.hpp"
#include "descent/driver/run_settings.hpp"
#include "descent/optimizers/registry.hpp"
#include "command.hpp"
#include "descent/objectives/registry.hpp"

namespace descent::cli {

namespace {

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

int show(const std::string& name) {
  if (name == "run") return show_run_settings();
  if (const auto* entry = find_optimizer(name)) {
    std::cout << "optimizer " << entry->doc.name << ": " << entry->doc.summary << "\n\nupdate rule:\n";
    print_indented(entry->doc.formula);
    std::cout << "\n";
    print_fields(entry->fields);
    std::cout << "\nsource: " << entry->doc.source << "\n";
    return 0;
  }
  if (const auto* entry = find_objective(name)) {
    std::cout << "objective " << entry->name << " (" << entry->family << "): " << entry->summary
              << "\n\n";
    print_indented(entry->formula);
    std::cout << "\n";
    print_fields(entry->fields);
    const auto objective = entry->make({});
    std::cout << "\nwith default parameters (dim " << objective->dim() << "):\n";
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
  auto name = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("show", "Show an objective's or optimizer's formulas, parameters and defaults");
  cmd->add_option("NAME", *name, "objective or optimizer name, or \"run\" for the run settings")->required();
  cmd->callback([&action, name] { action = [name] { return show(*name); }; });
}

}  // namespace descent::cli
