#include "descent/analysis/studies/study_runs.hpp"

#include <cstdio>

#include "descent/core/config_error.hpp"

namespace descent::studies {

namespace {

const ParamValue& find_param(const ParamMap& params, const std::string& key, const StudyRun& run,
                             const char* kind) {
  const auto it = params.find(key);
  if (it == params.end())
    throw ConfigError(key, "run " + run.index.run_id + " (" + run.index.label + " on " +
                               run.index.objective + ") stores no " + kind + " parameter '" + key +
                               "', which the study needs");
  return it->second;
}

double real_of(const std::string& key, const ParamValue& value) {
  if (const auto* real = std::get_if<double>(&value)) return *real;
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return static_cast<double>(*integer);
  throw ConfigError(key, "parameter '" + key + "' is " + type_name(value) + ", the study needs a number");
}

}  // namespace

StudyRow row_for(const StudyRun& run, std::string quantity, std::string parameters,
                 std::optional<double> predicted, double measured, Comparison comparison,
                 std::optional<double> tolerance) {
  StudyRow row;
  row.quantity = std::move(quantity);
  row.objective = run.index.objective;
  row.label = run.index.label;
  row.parameters = std::move(parameters);
  row.predicted = predicted;
  row.measured = measured;
  row.comparison = comparison;
  row.tolerance = tolerance;
  return row;
}

double StudyRun::objective_param(const std::string& key) const {
  return real_of(key, find_param(stored.spec.objective_params, key, *this, "objective"));
}

std::vector<double> StudyRun::objective_reals(const std::string& key) const {
  const auto it = stored.spec.objective_params->find(key);
  if (it == stored.spec.objective_params->end()) return {};
  if (const auto* list = std::get_if<std::vector<double>>(&it->second)) return *list;
  throw ConfigError(key, "parameter '" + key + "' is " + type_name(it->second) + ", the study needs a list of reals");
}

double StudyRun::optimizer_param(const std::string& key) const {
  return real_of(key, find_param(stored.spec.optimizer_params, key, *this, "optimizer"));
}

std::string StudyRun::optimizer_text(const std::string& key) const {
  const ParamValue& value = find_param(stored.spec.optimizer_params, key, *this, "optimizer");
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  throw ConfigError(key, "parameter '" + key + "' is " + type_name(value) + ", the study needs a string");
}

double StudyRun::constant(const std::string& name) const {
  const auto it = constants.find(name);
  if (it == constants.end())
    throw ConfigError(name, "objective " + index.objective + " of run " + index.run_id +
                                " does not know the constant " + name + ", which the study needs");
  return it->second;
}

Vector StudyRun::iterate(std::size_t row) const {
  const Trace& t = trace();
  if (t.x_dim == 0)
    throw ConfigError("record.x", "run " + index.run_id + " recorded no iterates; the study needs "
                                  "record = { x = true }");
  return Eigen::Map<const Vector>(t.x.data() + row * static_cast<std::size_t>(t.x_dim), t.x_dim);
}

std::vector<double> StudyRun::distances(const Vector& minimum) const {
  std::vector<double> out;
  for (std::size_t i = 0; i < trace().size(); ++i) out.push_back((iterate(i) - minimum).norm());
  return out;
}

std::vector<double> StudyRun::distances() const {
  const auto minima = objective->minima();
  if (minima.empty())
    throw ConfigError("objective", "objective " + index.objective + " knows no minimum to measure "
                                   "‖x − x*‖ from");
  return distances(minima.front().x);
}

std::vector<double> StudyRun::column(const std::string& name) const {
  const Trace& t = trace();
  if (name == "f") return t.f;
  if (name == "grad_norm") return t.grad_norm;
  if (name == "raw_grad_norm") return t.raw_grad_norm;
  if (name == "step_norm") return t.step_norm;
  if (name == "lr") return t.lr;
  const auto it = t.extra.find(name);
  if (it == t.extra.end())
    throw ConfigError(name, "run " + index.run_id + " recorded no trace column '" + name +
                                "' (record = { diagnostics = true } records them)");
  return it->second;
}

StudyRuns load_runs(const ResultsReader& results, const Catalog& catalog) {
  StudyRuns runs;
  for (const IndexRow& row : results.index()) {
    StudyRun run;
    run.index = row;
    run.stored = results.run(row.run_id);
    const ObjectiveEntry* entry = catalog.find_objective(row.objective);
    if (!entry)
      throw ConfigError("objective", "the results file holds runs of objective '" + row.objective +
                                         "', which this program does not know");
    run.objective = entry->make(run.stored.spec.objective_params);
    run.constants = run.objective->constants();
    runs.push_back(std::move(run));
  }
  return runs;
}

std::vector<const StudyRun*> runs_of(const std::vector<StudyRun>& runs, const std::string& optimizer) {
  std::vector<const StudyRun*> out;
  for (const auto& run : runs)
    if (run.index.optimizer == optimizer) out.push_back(&run);
  return out;
}

std::string number_text(double value, int digits) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
  return buffer;
}

std::string parameters_text(std::initializer_list<std::pair<std::string, double>> values) {
  std::string out;
  for (const auto& [key, value] : values) out.append(out.empty() ? "" : ";").append(key + "=" + number_text(value));
  return out;
}

}  // namespace descent::studies
