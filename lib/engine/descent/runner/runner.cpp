#include "descent/runner/runner.hpp"

#include <atomic>
#include <exception>
#include <limits>
#include <mutex>
#include <thread>

#include "descent/core/config_error.hpp"
#include "descent/driver/driver.hpp"
#include "descent/core/catalog.hpp"

namespace descent {

Shard parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  const auto fail = [&] {
    throw ConfigError("--shard", "--shard must be K/N with 1 <= K <= N, got '" + text + "'");
  };
  if (slash == std::string::npos) fail();
  Shard shard;
  try {
    std::size_t used = 0;
    shard.index = std::stoll(text.substr(0, slash), &used);
    if (used != slash) fail();
    const std::string count = text.substr(slash + 1);
    shard.count = std::stoll(count, &used);
    if (used != count.size()) fail();
  } catch (const std::logic_error&) {
    fail();
  }
  if (shard.count < 1 || shard.index < 1 || shard.index > shard.count) fail();
  return shard;
}

namespace {

// f* of the objective: the smallest f among its minima listed as global, NaN when it lists
// none (stored as `f_star` with each run, docs/results.md).
double known_minimum_value(const Objective& objective) {
  double best = std::numeric_limits<double>::quiet_NaN();
  for (const auto& minimum : objective.minima())
    if (minimum.global && !(minimum.f >= best)) best = minimum.f;  // also replaces the NaN
  return best;
}

}  // namespace

const Objective& ObjectiveOfLastRun::of(const RunSpec& spec, const Catalog& catalog) {
  if (objective_ && spec.objective == name_ && spec.objective_params == params_) return *objective_;
  objective_.reset();
  const auto* entry = catalog.find_objective(spec.objective);
  if (!entry) throw ConfigError("objective", "unknown objective '" + spec.objective + "'");
  objective_ = entry->make(spec.objective_params);
  name_ = spec.objective;
  params_ = spec.objective_params;
  return *objective_;
}

RunResult execute_run(const RunSpec& spec, const Catalog& catalog, ObjectiveOfLastRun& objectives) {
  const auto* optimizer_entry = catalog.find_optimizer(spec.optimizer);
  if (!optimizer_entry) throw ConfigError("optimizer", "unknown optimizer '" + spec.optimizer + "'");
  const Objective& objective = objectives.of(spec, catalog);
  if (const auto conflict = dense_matrix_conflict(*optimizer_entry, objective))
    throw ConfigError("optimizer", *conflict);
  const auto optimizer = optimizer_entry->make(spec.optimizer_params);
  RunResult result = run_optimizer(objective, *optimizer, spec.x0, spec.settings, spec.seed);
  result.f_star = known_minimum_value(objective);
  return result;
}

RunResult execute_run(const RunSpec& spec, const Catalog& catalog) {
  ObjectiveOfLastRun objective;
  return execute_run(spec, catalog, objective);
}

void run_all(const std::vector<const RunSpec*>& runs, int threads, const Catalog& catalog,
             const RunFinished& on_finished) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  const auto fail = [&](std::exception_ptr error) {
    std::lock_guard lock(failure_mutex);
    if (!failure) failure = std::move(error);
    failed = true;
  };
  // Which run an error came from, for the message.
  const auto where = [](const RunSpec& spec) {
    return std::string("run ").append(spec.run_id).append(" (").append(spec.label).append(" on ")
        .append(spec.objective).append(", start ").append(std::to_string(spec.start_index))
        .append("): ");
  };

  const auto worker = [&] {
    ObjectiveOfLastRun objectives;
    while (!failed) {
      const std::size_t i = next++;
      if (i >= runs.size()) return;
      RunResult result;
      try {
        result = execute_run(*runs[i], catalog, objectives);
      } catch (const ConfigError& error) {
        fail(std::make_exception_ptr(ConfigError(error.key(), where(*runs[i]) + error.what())));
        continue;
      } catch (const std::exception& error) {
        fail(std::make_exception_ptr(std::runtime_error(where(*runs[i]) + error.what())));
        continue;
      } catch (...) {
        fail(std::current_exception());
        continue;
      }
      // What the caller does with the result (storing it) fails as itself: the run is fine.
      try {
        on_finished(*runs[i], result);
      } catch (...) {
        fail(std::current_exception());
      }
    }
  };

  const int count = std::max(1, std::min<int>(threads, static_cast<int>(runs.size())));
  std::vector<std::jthread> pool;
  for (int t = 1; t < count; ++t) pool.emplace_back(worker);
  worker();
  pool.clear();  // joins
  if (failure) std::rethrow_exception(failure);
}

}  // namespace descent
