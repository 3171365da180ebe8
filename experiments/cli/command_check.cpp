// descent check OBJECTIVE [--dim N] [--points K] [--param KEY=VALUE]... [--plot FILE] [--json]
// The derivative check (descent/check/derivative_check.hpp): central- and forward-
// difference errors of the gradient and Hessian against the step size, the best step and
// a verdict. Exit status 0 when the derivatives pass, 1 when they look wrong, 2 for bad
// input (an unknown objective, --dim for an objective of fixed dimension, a figure name not
// ending in .png, .pdf or .svg or in a missing directory). `--plot FILE` also writes the
// table as CSV next to FILE and draws it with analysis/plots/derivative_check.py. `--json`
// prints the same report as one JSON object (the exit status is the same).
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include <nlohmann/json.hpp>

#include "descent/check/derivative_check.hpp"
#include "descent/core/config_error.hpp"
#include "descent/core/counted.hpp"
#include "command.hpp"
#include "descent/objectives/registry.hpp"

namespace descent::cli {

namespace {

struct CheckOptions {
  std::string name;
  std::optional<std::int64_t> dim;
  std::int64_t points = 3;
  std::int64_t seed = 1;
  std::vector<std::string> params;
  std::string plot;
  bool json = false;
};

// KEY=VALUE with VALUE read as bool, integer, real, [list of reals] or else string. Every
// real parameter of an objective is finite: inf, nan and overflowing numbers are refused
// here, naming the option, before any objective sees them.
void add_param(ParamMap& params, const std::string& text) {
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0)
    throw ConfigError("--param", "--param '" + text + "' must have the form KEY=VALUE");
  const std::string key = text.substr(0, eq), value = text.substr(eq + 1);
  const auto require_finite = [&](double x) {
    if (!std::isfinite(x))
      throw ConfigError(key, "--param " + text + ": '" + value +
                                 "' is not a finite number (objective parameters are finite)");
    return x;
  };
  char* end = nullptr;
  if (value == "true" || value == "false") {
    params[key] = value == "true";
    return;
  }
  errno = 0;
  const long long integer = std::strtoll(value.c_str(), &end, 10);
  if (!value.empty() && *end == '\0' && errno == 0) {
    params[key] = static_cast<std::int64_t>(integer);
    return;
  }
  const double real = std::strtod(value.c_str(), &end);
  if (!value.empty() && *end == '\0') {
    params[key] = require_finite(real);
    return;
  }
  if (value.size() >= 2 && value.front() == '[' && value.back() == ']') {
    std::vector<double> list;
    std::string inner = value.substr(1, value.size() - 2);
    for (char& c : inner)
      if (c == ',') c = ' ';
    const char* p = inner.c_str();
    for (;;) {
      const double x = std::strtod(p, &end);
      if (end == p) break;
      list.push_back(require_finite(x));
      p = end;
    }
    while (*p == ' ') ++p;
    if (*p != '\0') throw ConfigError(key, "--param " + key + ": '" + value + "' is not a list of reals");
    params[key] = list;
    return;
  }
  params[key] = value;
}

void write_csv(const std::filesystem::path& path, const DerivativeCheckReport& report) {
  std::ofstream out(path);
  if (!out) throw std::runtime_error("cannot write " + path.string());
  out << "step,gradient_central,gradient_forward,hessian_central,hessian_forward\n";
  out.precision(17);
  for (const auto& e : report.errors)
    out << e.step << ',' << e.gradient_central << ',' << e.gradient_forward << ',' << e.hessian_central
        << ',' << e.hessian_forward << '\n';
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

// The figure's name is checked before the derivatives are: a bad one is a usage error, and
// the CSV written beside it (FILE with extension .csv) never replaces some other file.
void check_plot_path(const std::filesystem::path& figure) {
  namespace fs = std::filesystem;
  const std::string name = figure.string();
  const auto extension = figure.extension().string();
  if (extension != ".png" && extension != ".pdf" && extension != ".svg")
    throw ConfigError("--plot", "--plot " + name + ": the figure must end in .png, .pdf or .svg");
  const fs::path directory = figure.parent_path().empty() ? fs::path(".") : figure.parent_path();
  std::error_code error;
  if (!fs::is_directory(directory, error))
    throw ConfigError("--plot", "--plot " + name + ": directory " + directory.string() +
                                    " does not exist");
  if (fs::is_directory(figure, error))
    throw ConfigError("--plot", "--plot " + name + ": it is a directory");
}

// The report as a table, the best steps and the verdict.
void print_report(const std::string& name, const DerivativeCheckReport& report, double tolerance,
                  const std::string& figure, const std::filesystem::path& csv) {
  std::printf("derivative check of %s (dim %lld, %s, %s)\n", name.c_str(),
              static_cast<long long>(report.dim), counted(report.points, "point").c_str(),
              report.directional ? "along random directions" : "all coordinates");
  std::printf("relative error, worst point:  |difference − analytic|∞ / max(1, |analytic|∞)\n\n");
  std::printf("%10s  %12s  %12s  %12s  %12s\n", "step h", "grad central", "grad forward", "hess central",
              "hess forward");
  for (const auto& e : report.errors)
    std::printf("%10.0e  %12.3e  %12.3e  %12.3e  %12.3e\n", e.step, e.gradient_central, e.gradient_forward,
                e.hessian_central, e.hessian_forward);
  std::printf("\nbest step: gradient h = %.0e (error %.2e), Hessian h = %.0e (error %.2e)\n",
              report.best_gradient_step, report.best_gradient_error, report.best_hessian_step,
              report.best_hessian_error);
  std::printf("verdict: %s (tolerance %.0e)\n",
              report.passed ? "pass, the analytic derivatives agree with finite differences"
                            : "FAIL, the analytic derivatives disagree with finite differences",
              tolerance);
  if (!figure.empty()) std::printf("figure: %s (data %s)\n", figure.c_str(), csv.string().c_str());
}

// The same report as data.
nlohmann::json report_json(const std::string& name, const DerivativeCheckReport& report, double tolerance,
                           const std::string& figure, const std::filesystem::path& csv) {
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& e : report.errors)
    errors.push_back({{"step", e.step},
                      {"gradient_central", e.gradient_central},
                      {"gradient_forward", e.gradient_forward},
                      {"hessian_central", e.hessian_central},
                      {"hessian_forward", e.hessian_forward}});
  nlohmann::json out = {{"objective", name},
                        {"dim", report.dim},
                        {"points", report.points},
                        {"directional", report.directional},
                        {"errors", errors},
                        {"best_gradient_step", report.best_gradient_step},
                        {"best_gradient_error", report.best_gradient_error},
                        {"best_hessian_step", report.best_hessian_step},
                        {"best_hessian_error", report.best_hessian_error},
                        {"tolerance", tolerance},
                        {"passed", report.passed}};
  if (!figure.empty()) out["figure"] = {{"file", figure}, {"data", csv.string()}};
  return out;
}

int check(const CheckOptions& options) {
  const auto* entry = find_objective(options.name);
  if (!entry)
    throw ConfigError("OBJECTIVE", "no objective named '" + options.name + "' (see `descent list objectives`)");
  if (!options.plot.empty()) check_plot_path(options.plot);
  ParamMap params;
  for (const auto& p : options.params) add_param(params, p);
  const bool has_dim = std::any_of(entry->fields.begin(), entry->fields.end(),
                                   [](const FieldInfo& field) { return field.name == "dim"; });
  if (options.dim && !has_dim)
    throw ConfigError("--dim", "--dim: objective '" + entry->name + "' has the fixed dimension " +
                                   std::to_string(entry->make(params)->dim()) +
                                   "; --dim applies to objectives with a dim parameter (`descent "
                                   "show " + entry->name + "`)");
  if (options.dim) params["dim"] = *options.dim;
  const auto objective = entry->make(params);
  const DerivativeCheckOptions check_options{.points = options.points, .seed = options.seed};
  const auto report = check_derivatives(*objective, check_options);
  std::filesystem::path csv;
  if (!options.plot.empty()) {
    csv = std::filesystem::path(options.plot).replace_extension(".csv");
    write_csv(csv, report);
    if (!run_plot_script("derivative_check.py", {csv.string(), options.plot, "--title", entry->name}))
      return 1;
  }
  if (options.json)
    std::cout << report_json(entry->name, report, check_options.tolerance, options.plot, csv).dump(2) << "\n";
  else
    print_report(entry->name, report, check_options.tolerance, options.plot, csv);
  return report.passed ? 0 : 1;
}

}  // namespace

void add_check_command(CLI::App& app, Action& action) {
  const auto [cmd, options] = add_command<CheckOptions>(
      app, action, "check", "Check an objective's gradient and Hessian against finite differences",
      check);
  cmd->add_option("OBJECTIVE", options->name, "objective name")->required();
  cmd->add_option("--dim", options->dim, "dimension (objectives with a dim parameter)");
  cmd->add_option("--points", options->points, "random points of the domain (default 3)")
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--seed", options->seed, "seed of the points (default 1)")->check(CLI::NonNegativeNumber);
  cmd->add_option("--param", options->params, "objective parameter KEY=VALUE (repeatable)");
  cmd->add_option("--plot", options->plot, "draw error against step size into FILE (.png, .pdf, .svg)");
  add_json_flag(*cmd, options->json, "the report");
}

}  // namespace descent::cli
