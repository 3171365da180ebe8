#include "descent/analysis/report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>

#include "descent/analysis/latex.hpp"
#include "descent/analysis/profiles.hpp"
#include "descent/analysis/statistics.hpp"
#include "descent/analysis/tables.hpp"
#include "descent/core/config_error.hpp"
#include "descent/store/results_reader.hpp"
#include "descent/suite/instance_name.hpp"

namespace descent {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr const char* kBestObserved = "best_observed";

// An objective instance: its name (InstanceNames) and f* with its source.
struct Instance {
  std::string name;
  double f_star = kNaN;
  std::string f_star_source;
};

// A run as the report keeps it: what the aggregates need, the rest read from its /index row.
struct ReportRun {
  const IndexRow* row;  // in its reader's index
  std::size_t file;
  const Instance* instance;
  const std::string* solver;  // the label, prefixed by the suite when several suites are read
  Shared<ParamMap> objective_params;
  Shared<ParamMap> optimizer_params;
  std::uint64_t seed;
  double end_cost = kNaN;      // the cost of the whole run
  double profile_cost = kInf;  // the cost to the profiles' target, +∞ when not reached
  // The first hits of the targets the run reaches (a prefix of the descending targets), one
  // record per trace record that is the first hit of some (see hit_of).
  std::unique_ptr<HitRecord[]> hits{};
  std::uint32_t reached = 0;  // the number of targets reached
};

// The measures at the run's first hit of target t, nullptr when it never reaches it.
const Measures* hit_of(const ReportRun& run, std::size_t t) {
  if (t >= run.reached) return nullptr;
  const HitRecord* hit = run.hits.get();
  while (hit->levels_end <= t) ++hit;
  return &hit->measures;
}

std::string instance_key(const std::string& objective, const ParamMap& params) {
  return objective + "\n" + to_text(params);
}

// The value of column `key` for a run (the names runs.csv uses, and bare parameter names),
// nullopt when the run has no such column.
std::optional<std::string> column_value(const ReportRun& run, const std::string& suite,
                                        const std::string& key) {
  const IndexRow& r = *run.row;
  const std::map<std::string, std::function<std::string()>> fixed{
      {"suite", [&] { return suite; }},
      {"run_id", [&] { return r.run_id; }},
      {"instance", [&] { return run.instance->name; }},
      {"optimizer", [&] { return r.optimizer; }},
      {"label", [&] { return r.label; }},
      {"status", [&] { return r.status; }},
      {"stop_reason", [&] { return r.stop_reason; }},
      {"dim", [&] { return std::to_string(r.dim); }},
      {"start_index", [&] { return std::to_string(r.start_index); }},
      {"repeat", [&] { return std::to_string(r.repeat); }},
      {"seed", [&] { return std::to_string(run.seed); }},
      {"f_star_source", [&] { return run.instance->f_star_source; }}};
  if (const auto it = fixed.find(key); it != fixed.end()) return it->second();
  const auto parameter = [](const ParamMap& params, const std::string& name) -> std::optional<std::string> {
    const auto it = params.find(name);
    if (it == params.end()) return std::nullopt;
    return parameter_text(it->second);
  };
  if (key.starts_with("objective.")) return parameter(run.objective_params, key.substr(10));
  if (key.starts_with("optimizer.")) return parameter(run.optimizer_params, key.substr(10));
  if (auto value = parameter(run.objective_params, key)) return value;
  return parameter(run.optimizer_params, key);
}

struct Filter {
  std::string key;
  std::string value;
};

Filter parse_filter(const std::string& text) {
  const auto equals = text.find('=');
  if (equals == std::string::npos || equals == 0)
    throw ConfigError("--where", "--where '" + text + "' must be KEY=VALUE");
  return {text.substr(0, equals), text.substr(equals + 1)};
}

bool same_value(const std::string& stored, const std::string& wanted) {
  if (stored == wanted) return true;
  char* end_stored = nullptr;
  char* end_wanted = nullptr;
  const double a = std::strtod(stored.c_str(), &end_stored);
  const double b = std::strtod(wanted.c_str(), &end_wanted);
  return !stored.empty() && !wanted.empty() && *end_stored == '\0' && *end_wanted == '\0' && a == b;
}

// `objective=NAME` selects by objective name or instance name; any other key by its column.
bool matches(const ReportRun& run, const std::string& suite, const Filter& filter) {
  if (filter.key == "objective")
    return run.row->objective == filter.value || run.instance->name == filter.value;
  const auto value = column_value(run, suite, filter.key);
  return value && same_value(*value, filter.value);
}

struct Loaded {
  std::vector<ResultsReader> readers;
  std::deque<Instance> instances;  // deque: runs point to them
  std::map<std::pair<std::size_t, std::string>, std::string> solvers;  // (file, label) → solver
  std::vector<ReportRun> runs;  // the selected runs, in file order
  std::size_t runs_read = 0;
};

Loaded load_runs(const ReportOptions& options) {
  Loaded loaded;
  for (const auto& path : options.results) loaded.readers.emplace_back(path);
  std::set<std::string> suites;
  for (const auto& reader : loaded.readers) suites.insert(reader.info().suite_name);
  std::vector<ReportRun> all;
  // Instances by objective and parameters: by the parameter set a reader shares among its
  // runs first, by the parameters' text only for a set not seen before.
  std::map<std::pair<std::string, const ParamMap*>, Instance*> by_set;
  std::map<std::string, Instance*> by_key;
  std::map<Instance*, std::pair<std::string, Shared<ParamMap>>> named;  // objective, parameters
  std::map<Instance*, double> best_observed;  // the smallest finite f_final, NaN when none
  InstanceNames names;
  std::size_t rows = 0;
  for (const auto& reader : loaded.readers) rows += reader.index().size();
  all.reserve(rows);
  for (std::size_t f = 0; f < loaded.readers.size(); ++f)
    for (const IndexRow& row : loaded.readers[f].index()) {
      RunSpec spec = loaded.readers[f].spec(row.run_id);
      Instance*& instance = by_set[{spec.objective, &*spec.objective_params}];
      if (!instance) {
        Instance*& by_text = by_key[instance_key(spec.objective, spec.objective_params)];
        if (!by_text) {
          by_text = &loaded.instances.emplace_back(Instance{"", kNaN, kBestObserved});
          names.add(spec.objective, spec.objective_params);
          named.emplace(by_text, std::pair{spec.objective, spec.objective_params});
        }
        instance = by_text;
      }
      if (row.f_star_source == kFStarKnown) *instance = {"", row.f_star, kFStarKnown};
      double& best = best_observed.try_emplace(instance, kNaN).first->second;
      if (std::isfinite(row.f_final) && !(row.f_final >= best)) best = row.f_final;
      const std::string& suite = loaded.readers[f].info().suite_name;
      const std::string& solver =
          loaded.solvers.try_emplace({f, row.label}, suites.size() > 1 ? suite + ": " + row.label : row.label)
              .first->second;
      all.push_back({.row = &row,
                     .file = f,
                     .instance = instance,
                     .solver = &solver,
                     .objective_params = std::move(spec.objective_params),
                     .optimizer_params = std::move(spec.optimizer_params),
                     .seed = spec.seed});
    }
  loaded.runs_read = all.size();
  for (auto& [instance, identity] : named) instance->name = names.name(identity.first, identity.second);
  for (auto& [instance, best] : best_observed)
    if (instance->f_star_source != kFStarKnown) instance->f_star = best;

  std::vector<Filter> filters;
  for (const auto& text : options.where) filters.push_back(parse_filter(text));
  std::vector<bool> known_key(filters.size(), false);
  const auto selected = [&](const ReportRun& run) {
    const std::string& suite = loaded.readers[run.file].info().suite_name;
    bool all_hold = true;
    for (std::size_t i = 0; i < filters.size(); ++i) {
      known_key[i] = known_key[i] || filters[i].key == "objective" ||
                     column_value(run, suite, filters[i].key).has_value();
      all_hold = all_hold && matches(run, suite, filters[i]);
    }
    return all_hold;
  };
  std::erase_if(all, [&](const ReportRun& run) { return !selected(run); });
  for (std::size_t i = 0; i < filters.size(); ++i)
    if (!known_key[i] && loaded.runs_read > 0)
      throw ConfigError("--where", "--where " + filters[i].key + "=" + filters[i].value +
                                       ": no run has a column '" + filters[i].key +
                                       "' (columns of runs.csv, or a parameter name)");
  if (all.empty())
    throw ConfigError("--where", loaded.runs_read == 0 ? "the results files hold no runs"
                                                       : "--where selects none of the " +
                                                             std::to_string(loaded.runs_read) + " runs");
  loaded.runs = std::move(all);
  return loaded;
}

// One file of the report, written under a temporary name and renamed when complete.
class OutputFile {
 public:
  OutputFile(const std::filesystem::path& directory, const std::string& name)
      : path_(directory / name), temporary_(directory / (name + ".tmp")), out_(temporary_) {
    if (!out_) throw ConfigError("-o", "cannot write " + temporary_.string());
  }
  std::ostream& out() { return out_; }
  std::filesystem::path close() {
    out_.close();
    if (!out_) throw std::runtime_error("writing " + temporary_.string() + " failed");
    std::filesystem::rename(temporary_, path_);
    return path_;
  }

 private:
  std::filesystem::path path_, temporary_;
  std::ofstream out_;
};

void read_traces(Loaded& loaded, const ReportOptions& options, const std::vector<double>& levels,
                 std::ostream* traces, std::vector<std::unique_ptr<Exporter>>& exporters) {
  if (traces) write_trace_header(*traces);
  // traces.csv writes every standard column; the targets and the exports read fewer.
  const std::vector<std::string>& columns = traces ? standard_trace_columns() : hit_trace_columns();
  Trace trace;  // refilled run after run
  for (ReportRun& run : loaded.runs) {
    const IndexRow& row = *run.row;
    const double f_star = run.instance->f_star;
    loaded.readers[run.file].trace_into(row.run_id, columns, trace);
    const auto hits = first_hit_records(trace, row, f_star, options.targets, levels, options.cost);
    run.reached = hits.empty() ? 0 : hits.back().levels_end;
    run.hits = std::make_unique_for_overwrite<HitRecord[]>(hits.size());
    std::copy(hits.begin(), hits.end(), run.hits.get());
    const auto profile_hit =
        first_hit_records(trace, row, f_star, TargetKind::kRelative, {options.profile_tau}, options.cost);
    run.profile_cost = profile_hit.empty() ? kInf : profile_hit.front().measures[kCost];
    run.end_cost = final_measures(row, options.cost)[kCost];
    for (auto& exporter : exporters)
      exporter->add({.suite = loaded.readers[run.file].info().suite_name,
                     .instance = run.instance->name,
                     .algorithm = *run.solver,
                     .f_star = std::isnan(f_star) ? 0.0 : f_star,
                     .row = &row,
                     .trace = &trace});
    if (traces)
      write_trace_rows(*traces,
                       TraceKey{row.run_id, row.label, run.instance->name, row.start_index, row.repeat},
                       trace);
  }
}

struct Group {
  std::string suite, instance, label, solver;
  std::vector<const ReportRun*> runs;
};

std::vector<Group> groups_of(const Loaded& loaded) {
  std::vector<Group> groups;
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> index;
  for (const ReportRun& run : loaded.runs) {
    const std::string& suite = loaded.readers[run.file].info().suite_name;
    const auto key = std::tuple{suite, run.instance->name, run.row->label};
    const auto [it, inserted] = index.try_emplace(key, groups.size());
    if (inserted) groups.push_back({suite, run.instance->name, run.row->label, *run.solver, {}});
    groups[it->second].runs.push_back(&run);
  }
  return groups;
}

RunCost cost_to(const ReportRun& run, std::size_t target) {
  const Measures* hit = hit_of(run, target);
  return {hit ? (*hit)[kCost] : run.end_cost, hit != nullptr};
}

std::vector<RunCost> costs_to(const Group& group, std::size_t target) {
  std::vector<RunCost> costs;
  costs.reserve(group.runs.size());
  for (const ReportRun* run : group.runs) costs.push_back(cost_to(*run, target));
  return costs;
}

void write_runs(const Loaded& loaded, std::ostream& out) {
  std::set<std::string> objective_keys, optimizer_keys;
  for (const ReportRun& run : loaded.runs) {
    for (const auto& [key, value] : run.objective_params) objective_keys.insert(key);
    for (const auto& [key, value] : run.optimizer_params) optimizer_keys.insert(key);
  }
  out << "run_id,suite,objective,instance,optimizer,label,dim,start_index,repeat,seed,status,"
         "stop_reason,iterations,f_final,grad_norm_final,evals_f,evals_grad,evals_hess,evals_hvp,"
         "seconds,cost,f_star,f_star_source";
  for (const auto& key : objective_keys) out << ',' << csv_field("objective." + key);
  for (const auto& key : optimizer_keys) out << ',' << csv_field("optimizer." + key);
  out << '\n';
  // The parameter columns of a set, formatted once for all the runs that share it.
  using Formatted = std::map<const ParamMap*, std::string>;
  Formatted objective_columns, optimizer_columns;
  const auto columns = [](Formatted& formatted, const ParamMap& params,
                          const std::set<std::string>& keys) -> const std::string& {
    const auto [it, added] = formatted.try_emplace(&params);
    if (added)
      for (const auto& key : keys) {
        const auto value = params.find(key);
        it->second.append(",").append(value == params.end() ? std::string() : csv_field(parameter_text(value->second)));
      }
    return it->second;
  };
  for (const ReportRun& run : loaded.runs) {
    const IndexRow& r = *run.row;
    out << csv_field(r.run_id) << ',' << csv_field(loaded.readers[run.file].info().suite_name) << ','
        << csv_field(r.objective) << ',' << csv_field(run.instance->name) << ',' << csv_field(r.optimizer)
        << ',' << csv_field(r.label) << ',' << r.dim << ',' << r.start_index << ',' << r.repeat << ','
        << run.seed << ',' << r.status << ',' << r.stop_reason << ',' << r.iterations << ','
        << csv_number(r.f_final) << ',' << csv_number(r.grad_norm_final) << ',' << r.evals_f << ','
        << r.evals_grad << ',' << r.evals_hess << ',' << r.evals_hvp << ',' << csv_number(r.seconds)
        << ',' << csv_number(run.end_cost) << ',' << csv_number(run.instance->f_star) << ','
        << run.instance->f_star_source;
    out << columns(objective_columns, run.objective_params, objective_keys)
        << columns(optimizer_columns, run.optimizer_params, optimizer_keys) << '\n';
  }
}

void write_targets(const std::vector<Group>& groups, const std::vector<double>& levels,
                   TargetKind kind, std::ostream& out) {
  out << "objective,label,target,precision,runs,successes,success_rate";
  for (const char* name : measure_names()) out << ',' << name << "_median," << name << "_q1," << name << "_q3";
  out << ",suite\n";
  std::array<std::vector<double>, kMeasureCount> reached;  // refilled group and target after another
  for (const Group& group : groups)
    for (std::size_t t = 0; t < levels.size(); ++t) {
      for (auto& values : reached) values.clear();
      for (const ReportRun* run : group.runs)
        if (const Measures* hit = hit_of(*run, t))
          for (std::size_t m = 0; m < kMeasureCount; ++m) reached[m].push_back((*hit)[m]);
      const std::size_t successes = reached[0].size();
      out << csv_field(group.instance) << ',' << csv_field(group.label) << ','
          << csv_number(levels[t]) << ',' << to_string(kind) << ',' << group.runs.size() << ','
          << successes << ','
          << csv_number(static_cast<double>(successes) / static_cast<double>(group.runs.size()));
      for (auto& values : reached) {
        std::sort(values.begin(), values.end());
        out << ',' << csv_number(sorted_quantile(values, 0.5)) << ','
            << csv_number(sorted_quantile(values, 0.25)) << ',' << csv_number(sorted_quantile(values, 0.75));
      }
      out << ',' << csv_field(group.suite) << '\n';
    }
}

struct ErtCell {
  double ert, lower, upper;
  std::size_t successes;
};

std::vector<std::vector<ErtCell>> ert_cells(const std::vector<Group>& groups, std::size_t targets,
                                            const ReportOptions& options) {
  std::vector<std::vector<ErtCell>> cells;
  std::vector<std::vector<RunCost>> costs(targets);  // refilled group after group
  for (const Group& group : groups) {
    // Run after run, each run's hits read once while they are in cache.
    for (auto& to_target : costs) to_target.resize(group.runs.size());
    for (std::size_t i = 0; i < group.runs.size(); ++i)
      for (std::size_t t = 0; t < targets; ++t) costs[t][i] = cost_to(*group.runs[i], t);
    const auto intervals = bootstrap_ert_intervals(costs, options.bootstrap_samples, options.bootstrap_seed);
    auto& row = cells.emplace_back();
    for (std::size_t t = 0; t < targets; ++t) {
      const auto successes = static_cast<std::size_t>(
          std::count_if(costs[t].begin(), costs[t].end(), [](const RunCost& c) { return c.reached; }));
      row.push_back({expected_running_time(costs[t]), intervals[t].lower, intervals[t].upper, successes});
    }
  }
  return cells;
}

void write_ert(const std::vector<Group>& groups, const std::vector<double>& levels,
               const std::vector<std::vector<ErtCell>>& cells, const CostModel& cost,
               std::ostream& out) {
  out << "objective,label,target,runs,successes,ert,ert_lo,ert_hi,cost_unit,suite\n";
  for (std::size_t g = 0; g < groups.size(); ++g)
    for (std::size_t t = 0; t < levels.size(); ++t) {
      const ErtCell& c = cells[g][t];
      out << csv_field(groups[g].instance) << ',' << csv_field(groups[g].label) << ','
          << csv_number(levels[t]) << ',' << groups[g].runs.size() << ',' << c.successes << ','
          << csv_number(c.ert) << ',' << csv_number(c.lower) << ',' << csv_number(c.upper) << ','
          << csv_field(cost.text()) << ',' << csv_field(groups[g].suite) << '\n';
    }
}

void write_profiles(const Loaded& loaded, std::ostream& out) {
  std::vector<std::string> solvers;
  std::map<std::string, std::size_t> solver_index;
  std::map<std::tuple<std::string, std::int64_t, std::int64_t>, std::size_t> problem_index;
  for (const ReportRun& run : loaded.runs) {
    if (solver_index.try_emplace(*run.solver, solvers.size()).second) solvers.push_back(*run.solver);
    problem_index.try_emplace(std::tuple{run.instance->name, run.row->start_index, run.row->repeat},
                              problem_index.size());
  }
  ProfileInput input{solvers, std::vector<std::vector<double>>(problem_index.size(),
                                                               std::vector<double>(solvers.size(), kInf))};
  for (const ReportRun& run : loaded.runs) {
    double& cell = input.cost[problem_index.at(std::tuple{run.instance->name, run.row->start_index,
                                                          run.row->repeat})][solver_index.at(*run.solver)];
    cell = std::min(cell, run.profile_cost);
  }
  out << "profile,label,x,fraction,problems\n";
  const auto write = [&](const char* name, const std::vector<ProfilePoint>& points) {
    for (const auto& p : points)
      out << name << ',' << csv_field(solvers[p.solver]) << ',' << csv_number(p.x) << ','
          << csv_number(p.fraction) << ',' << input.cost.size() << '\n';
  };
  write("performance", performance_profile(input));
  write("data", data_profile(input));
}

// A cell of a sweep: the runs of one suite × objective instance × optimizer (by name) under
// more than one label. Its swept parameters are the optimizer parameters whose values differ
// among its runs.
struct SweepCell {
  std::string suite, instance, optimizer;
  std::vector<const Group*> groups;
  std::vector<std::string> parameters;
};

// The index of the sweeps' target in the grid: 10⁻⁴.
constexpr std::size_t kSweepTarget = 30;

std::vector<SweepCell> sweep_cells(const std::vector<Group>& groups) {
  std::vector<SweepCell> cells;
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> index;
  for (const Group& group : groups) {
    const std::string& optimizer = group.runs.front()->row->optimizer;
    const auto [it, inserted] = index.try_emplace({group.suite, group.instance, optimizer}, cells.size());
    if (inserted) cells.push_back({group.suite, group.instance, optimizer, {}, {}});
    cells[it->second].groups.push_back(&group);
  }
  std::erase_if(cells, [](const SweepCell& cell) { return cell.groups.size() < 2; });
  for (SweepCell& cell : cells) {
    std::map<std::string, std::set<std::string>> values;
    for (const Group* group : cell.groups)
      for (const ReportRun* run : group->runs)
        for (const auto& [key, value] : run->optimizer_params) values[key].insert(parameter_text(value));
    for (const auto& [key, seen] : values)
      if (seen.size() > 1) cell.parameters.push_back(key);
  }
  return cells;
}

std::string parameter_of(const ReportRun& run, const std::string& key) {
  const auto it = run.optimizer_params->find(key);
  return it == run.optimizer_params->end() ? std::string() : parameter_text(it->second);
}

// Values in numeric order when they all are numbers, else in text order.
std::vector<std::string> ordered_values(std::vector<std::string> values) {
  const auto numeric = [](const std::string& text, double& value) {
    char* end = nullptr;
    value = std::strtod(text.c_str(), &end);
    return !text.empty() && *end == '\0';
  };
  double a = 0, b = 0;
  const bool all_numbers = std::all_of(values.begin(), values.end(), [&](const std::string& v) { return numeric(v, a); });
  std::sort(values.begin(), values.end(), [&](const std::string& x, const std::string& y) {
    if (!all_numbers) return x < y;
    numeric(x, a);
    numeric(y, b);
    return a < b;
  });
  return values;
}

void write_sweeps(const std::vector<SweepCell>& cells, const std::vector<double>& levels, TargetKind kind,
                  std::ostream& out) {
  out << "suite,objective,optimizer,parameter,value,runs,successes,f_gap_median,f_gap_q1,f_gap_q3,"
         "cost_median,cost_q1,cost_q3,target,precision\n";
  for (const SweepCell& cell : cells)
    for (const std::string& parameter : cell.parameters) {
      std::map<std::string, std::vector<const ReportRun*>> by_value;
      for (const Group* group : cell.groups)
        for (const ReportRun* run : group->runs) by_value[parameter_of(*run, parameter)].push_back(run);
      std::vector<std::string> values;
      for (const auto& [value, runs] : by_value) values.push_back(value);
      for (const std::string& value : ordered_values(values)) {
        std::vector<double> gap, cost;
        for (const ReportRun* run : by_value.at(value)) {
          gap.push_back(run->row->f_final - run->instance->f_star);
          if (const Measures* hit = hit_of(*run, kSweepTarget)) cost.push_back((*hit)[kCost]);
        }
        out << csv_field(cell.suite) << ',' << csv_field(cell.instance) << ',' << csv_field(cell.optimizer)
            << ',' << csv_field(parameter) << ',' << csv_field(value) << ',' << gap.size() << ','
            << cost.size() << ',' << csv_number(quantile(gap, 0.5)) << ',' << csv_number(quantile(gap, 0.25))
            << ',' << csv_number(quantile(gap, 0.75)) << ',' << csv_number(quantile(cost, 0.5)) << ','
            << csv_number(quantile(cost, 0.25)) << ',' << csv_number(quantile(cost, 0.75)) << ','
            << csv_number(levels[kSweepTarget]) << ',' << to_string(kind) << '\n';
      }
    }
}

struct BestSetting {
  const SweepCell* cell;
  const Group* group;
  std::string setting;  // the swept parameters' values: "lr=0.1"
  double ert, gap;
  std::size_t successes;
};

// The rule: the smallest ERT to the target 10⁻⁴; among equal ERTs (all +∞ when none reaches
// it) the smallest median final f − f*; then the first in label order.
std::vector<BestSetting> best_settings(const std::vector<SweepCell>& cells) {
  std::vector<BestSetting> best;
  for (const SweepCell& cell : cells) {
    std::optional<BestSetting> choice;
    for (const Group* group : cell.groups) {
      const auto costs = costs_to(*group, kSweepTarget);
      std::vector<double> gap;
      for (const ReportRun* run : group->runs) gap.push_back(run->row->f_final - run->instance->f_star);
      std::string setting;
      for (const auto& parameter : cell.parameters)
        setting.append(setting.empty() ? "" : " ").append(parameter + "=" + parameter_of(*group->runs.front(), parameter));
      BestSetting candidate{&cell, group, setting, expected_running_time(costs), quantile(gap, 0.5),
                            static_cast<std::size_t>(std::count_if(costs.begin(), costs.end(),
                                                                   [](const RunCost& c) { return c.reached; }))};
      const auto key = [](const BestSetting& b) { return std::pair{b.ert, std::isnan(b.gap) ? kInf : b.gap}; };
      if (!choice || key(candidate) < key(*choice)) choice = candidate;
    }
    best.push_back(*choice);
  }
  return best;
}

void write_best_settings(const std::vector<BestSetting>& best, double target, TargetKind kind,
                         std::ostream& out) {
  out << "suite,objective,optimizer,settings,label,setting,runs,successes,ert,f_gap_median,target,"
         "precision\n";
  for (const BestSetting& b : best)
    out << csv_field(b.cell->suite) << ',' << csv_field(b.cell->instance) << ',' << csv_field(b.cell->optimizer)
        << ',' << b.cell->groups.size() << ',' << csv_field(b.group->label) << ',' << csv_field(b.setting)
        << ',' << b.group->runs.size() << ',' << b.successes << ',' << csv_number(b.ert) << ','
        << csv_number(b.gap) << ',' << csv_number(target) << ',' << to_string(kind) << '\n';
}

void write_best_settings_table(const std::vector<BestSetting>& best, TargetKind kind,
                               const std::string& provenance, std::ostream& out) {
  LatexTable table{.caption = "Best setting of each swept method: the smallest expected running time to $" +
                              latex_precision(kind) +
                              " \\leq 10^{-4}$, ties broken by the smaller median final $f - f^*$; " +
                              provenance + ".",
                   .label = "tab:descent-best-settings",
                   .columns = "lllrrrr",
                   .header = {"objective", "method", "best setting", "settings", "successes", "ERT",
                              "$f - f^*$"}};
  for (const BestSetting& b : best) {
    table.rows.push_back({b.cell->instance,
                          {latex_escape(b.cell->instance), latex_escape(b.cell->optimizer),
                           latex_escape(b.setting), std::to_string(b.cell->groups.size()),
                           std::to_string(b.successes) + "/" + std::to_string(b.group->runs.size()),
                           latex_number(b.ert), latex_number(b.gap)}});
  }
  write_table_float(out, table);
}

std::string provenance_caption(const Loaded& loaded, const ReportOptions& options) {
  std::string suites, software;
  std::set<std::string> seen_suites, seen_software;
  for (const auto& reader : loaded.readers) {
    const auto& info = reader.info();
    if (seen_suites.insert(info.suite_name).second)
      suites.append(suites.empty() ? "" : ", ").append(info.suite_name);
    const std::string version = info.software_version + " (git " + info.git_commit.substr(0, 12) + ")";
    if (seen_software.insert(version).second)
      software.append(software.empty() ? "" : ", ").append(version);
  }
  return latex_escape("suite " + suites + ", " + std::to_string(loaded.runs.size()) +
                      " runs; cost " + options.cost.text() + "; written by descent " + software);
}

void write_summary_table(const std::vector<Group>& groups, const std::string& provenance,
                         std::ostream& out) {
  LatexTable table{.caption = "Runs per objective and method: converged runs, median "
                              "iterations, cost and final $f - f^*$; " + provenance + ".",
                   .label = "tab:descent-summary",
                   .columns = "llrrrrr",
                   .header = {"objective", "method", "runs", "converged", "iterations", "cost",
                              "$f - f^*$"}};
  for (const Group& group : groups) {
    std::vector<double> iterations, cost, gap;
    std::size_t converged = 0;
    for (const ReportRun* run : group.runs) {
      iterations.push_back(static_cast<double>(run->row->iterations));
      cost.push_back(run->end_cost);
      gap.push_back(run->row->f_final - run->instance->f_star);
      converged += run->row->status == "converged" ? 1 : 0;
    }
    table.rows.push_back({group.instance,
                          {latex_escape(group.instance), latex_escape(group.solver),
                           std::to_string(group.runs.size()), std::to_string(converged),
                           latex_number(quantile(iterations, 0.5)),
                           latex_number(quantile(cost, 0.5)), latex_number(quantile(gap, 0.5))}});
  }
  write_table_float(out, table);
}

void write_ert_table(const std::vector<Group>& groups, const std::vector<double>& levels,
                     const std::vector<std::vector<ErtCell>>& cells, TargetKind kind,
                     const std::string& provenance, std::ostream& out) {
  // Three targets of the grid: 10^0, 10^-4, 10^-8 (indices 10, 30, 50).
  const std::array<std::size_t, 3> shown{10, 30, 50};
  const std::string precision = latex_precision(kind);
  LatexTable table{
      .caption = "Expected running time (cost units) to reach $" + precision +
                 " \\leq 10^{k}$, with successful runs of all runs in brackets; " + provenance + ".",
      .label = "tab:descent-ert",
      .columns = "llrrrrrr",
      .header = {"objective", "method"}};
  for (std::size_t t : shown) {
    table.header.push_back("$k = " + std::to_string(static_cast<int>(std::lround(std::log10(levels[t])))) + "$");
    table.header.push_back("");
  }
  for (std::size_t g = 0; g < groups.size(); ++g) {
    std::vector<std::string> row{latex_escape(groups[g].instance), latex_escape(groups[g].solver)};
    for (std::size_t t : shown) {
      row.push_back(latex_number(cells[g][t].ert));
      row.push_back(std::string("(")
                        .append(std::to_string(cells[g][t].successes))
                        .append("/")
                        .append(std::to_string(groups[g].runs.size()))
                        .append(")"));
    }
    table.rows.push_back({groups[g].instance, std::move(row)});
  }
  write_table_float(out, table);
}

void write_per_run_table(const Loaded& loaded, const std::string& provenance, std::ostream& out) {
  LatexTable table{.caption = "Every run: stop reason, iterations, evaluations and final $f - f^*$; " +
                              provenance + ".",
                   .label = "tab:descent-runs",
                   .columns = "llrrlrrrr",
                   .header = {"objective", "method", "start", "repeat", "stop reason", "iterations",
                              "$f$ evals", "$\\nabla f$ evals", "$f - f^*$"}};
  for (const ReportRun& run : loaded.runs) {
    const IndexRow& r = *run.row;
    table.rows.push_back({run.instance->name,
                          {latex_escape(run.instance->name), latex_escape(*run.solver),
                           std::to_string(r.start_index), std::to_string(r.repeat),
                           latex_escape(r.stop_reason), std::to_string(r.iterations),
                           std::to_string(r.evals_f), std::to_string(r.evals_grad),
                           latex_number(r.f_final - run.instance->f_star)}});
  }
  write_table_float(out, table);
}

}  // namespace

WrittenReport write_report(const ReportOptions& options) {
  if (options.bootstrap_samples < 1)
    throw ConfigError("--bootstrap", "--bootstrap must be at least 1");
  if (!(options.profile_tau > 0.0 && options.profile_tau < 1.0))
    throw ConfigError("--profile-tau", "--profile-tau must satisfy 0 < tau < 1");
  Loaded loaded = load_runs(options);
  std::vector<double> levels;
  for (double k : target_exponents()) levels.push_back(std::pow(10.0, k));

  std::error_code error;
  std::filesystem::create_directories(options.directory, error);
  if (error)
    throw ConfigError("-o", "cannot create the output directory " + options.directory.string() +
                                ": " + error.message());
  WrittenReport report;
  for (const auto& reader : loaded.readers) report.sources.push_back(reader.info());
  {
    std::optional<OutputFile> traces;
    if (options.traces) traces.emplace(options.directory, "traces.csv");
    std::vector<std::unique_ptr<Exporter>> exporters;
    for (const ExportFormat format : std::set(options.exports.begin(), options.exports.end()))
      exporters.push_back(std::make_unique<Exporter>(format, options.directory, options.cost,
                                                     loaded.readers.front().info().software_version));
    read_traces(loaded, options, levels, traces ? &traces->out() : nullptr, exporters);
    if (traces) report.files.push_back(traces->close());
    for (auto& exporter : exporters)
      for (auto& path : exporter->finish()) report.files.push_back(std::move(path));
  }
  const auto groups = groups_of(loaded);
  const auto cells = ert_cells(groups, levels.size(), options);
  const std::string provenance = provenance_caption(loaded, options);
  const auto write = [&](const std::string& name, const std::function<void(std::ostream&)>& body) {
    OutputFile file(options.directory, name);
    body(file.out());
    report.files.push_back(file.close());
  };
  write("runs.csv", [&](std::ostream& out) { write_runs(loaded, out); });
  write("targets.csv", [&](std::ostream& out) { write_targets(groups, levels, options.targets, out); });
  write("ert.csv", [&](std::ostream& out) { write_ert(groups, levels, cells, options.cost, out); });
  write("profiles.csv", [&](std::ostream& out) { write_profiles(loaded, out); });
  write("summary.tex", [&](std::ostream& out) { write_summary_table(groups, provenance, out); });
  write("ert.tex", [&](std::ostream& out) {
    write_ert_table(groups, levels, cells, options.targets, provenance, out);
  });
  const auto sweeps = sweep_cells(groups);
  if (!sweeps.empty()) {
    const auto best = best_settings(sweeps);
    write("sweeps.csv", [&](std::ostream& out) { write_sweeps(sweeps, levels, options.targets, out); });
    write("best_settings.csv", [&](std::ostream& out) {
      write_best_settings(best, levels[kSweepTarget], options.targets, out);
    });
    write("best_settings.tex", [&](std::ostream& out) {
      write_best_settings_table(best, options.targets, provenance, out);
    });
  }
  if (options.per_run)
    write("runs.tex", [&](std::ostream& out) { write_per_run_table(loaded, provenance, out); });
  return report;
}

}  // namespace descent
