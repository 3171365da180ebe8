// descent run SUITE.toml [-o OUT.h5] [-j THREADS] [--shard K/N] [--mpi] [--quiet] [--json]
//
// Loads and validates the suite (any error: exit 2, nothing written), skips the runs already
// stored in OUT.h5 (resume), runs the rest on THREADS threads writing each finished run at
// once, joins everything into OUT.h5, and prints the summary table (with --json: the summary
// as one JSON object on standard output, progress still on standard error). With --mpi, every
// rank of an MPI job does this together through the task farm (descent/mpi/task_farm.hpp), and
// rank 0 prints.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>

#include "descent/core/config_error.hpp"
#include "descent/core/counted.hpp"

#include "descent/runner/progress.hpp"
#include "descent/runner/runner.hpp"
#include "descent/runner/summary.hpp"
#include "descent/objectives/registry.hpp"
#include "descent/store/results_reader.hpp"
#include "descent/store/results_store.hpp"
#include "descent/suite/suite.hpp"
#include "descent/suite/instance_name.hpp"
#include "command.hpp"
#if DESCENT_HAVE_MPI
#include "descent/mpi/task_farm.hpp"
#endif

namespace descent::cli {

namespace {

std::string describe(const RunSpec& spec, const RunResult& result) {
  char text[256];
  std::snprintf(text, sizeof text, "%s on %s, start %lld, repeat %lld: %s after %s, f = %.6g",
                spec.label.c_str(), spec.objective.c_str(), static_cast<long long>(spec.start_index),
                static_cast<long long>(spec.repeat), std::string(to_string(result.stop_reason)).c_str(),
                counted(result.iterations, "iteration").c_str(), result.f_final);
  return text;
}

// Without -o: results/<suite name>.h5, for a name that is one plain file name.
std::filesystem::path default_output(const Suite& suite) {
  constexpr std::size_t kLongestName = 200;  // a file name holds 255 bytes; ".h5.segments" and more follow
  const std::string& name = suite.name;
  const auto refuse = [&](const std::string& why) {
    throw ConfigError("name", "suite name '" + name + "' " + why +
                                  ", so it cannot name the default output results/<name>.h5; "
                                  "give the output with -o OUT.h5");
  };
  if (name.empty() || name.find('/') != std::string::npos || name.front() == '.')
    refuse("is empty, holds '/' or begins with '.'");
  if (name.size() > kLongestName)
    refuse("is " + std::to_string(name.size()) + " bytes long, more than " +
           std::to_string(kLongestName));
  return std::filesystem::path("results") / (name + ".h5");
}

// The final summary as data: the suite, the output, and one row per run of the shard (in
// suite order) with its id; a distance to a minimum that is unknown is null.
nlohmann::json summary_json(const Suite& suite, const std::filesystem::path& output,
                            const std::string& shard, const std::vector<const RunSpec*>& in_shard,
                            std::size_t ran, const std::vector<SummaryRow>& table) {
  nlohmann::json rows = nlohmann::json::array();
  for (std::size_t i = 0; i < table.size(); ++i) {
    const SummaryRow& row = table[i];
    rows.push_back({{"run_id", in_shard[i]->run_id},
                    {"label", row.label},
                    {"objective", row.objective},
                    {"start", row.start},
                    {"repeat", row.repeat},
                    {"stop_reason", row.stop_reason},
                    {"iterations", row.iterations},
                    {"f_final", row.f_final},
                    {"distance_to_minimum", std::isnan(row.distance_to_minimum)
                                                ? nlohmann::json(nullptr)
                                                : nlohmann::json(row.distance_to_minimum)}});
  }
  return {{"suite", suite.name},
          {"description", suite.description},
          {"output", output.string()},
          {"shard", shard},
          {"runs", in_shard.size()},
          {"ran", ran},
          {"already_stored", in_shard.size() - ran},
          {"summary", rows}};
}

}  // namespace

int run_suite(const RunOptions& options) {
#if !DESCENT_HAVE_MPI
  if (options.mpi)
    throw ConfigError("--mpi", "--mpi: this descent was built without MPI (install Open MPI, "
                               "e.g. scripts/setup.sh, and rebuild); --shard K/N and merge spread "
                               "a suite over jobs without it (docs/cluster.md)");
#endif
  const Catalog catalog = builtin_catalog();
  const Suite suite = load_suite(options.suite, catalog);
  const Shard shard = parse_shard(options.shard);
  if (options.output && options.output->empty())
    throw ConfigError("-o", "-o: the output path is empty");
  const std::filesystem::path output =
      options.output ? std::filesystem::path(*options.output) : default_output(suite);
  if (!options.output) std::filesystem::create_directories(output.parent_path());

  std::vector<const RunSpec*> in_shard;
  for (std::size_t i = 0; i < suite.runs.size(); ++i)
    if (shard.contains(i)) in_shard.push_back(&suite.runs[i]);
  std::mutex rows_mutex;
  std::map<std::string, SummaryRow> rows;
  std::size_t ran = 0;  // runs this invocation ran (not stored before)
#if DESCENT_HAVE_MPI
  if (options.mpi) {
    const mpi::FarmOptions farm{.threads = options.threads, .quiet = options.quiet};
    const mpi::FarmOutcome outcome = mpi::run_farm(suite, in_shard, output, catalog, farm);
    if (!outcome.root) return 0;
    ran = outcome.runs_to_do;
  } else
#endif
  {
    ResultsStore store(output, suite, {.threads = options.threads, .hosts = {}});
    std::vector<const RunSpec*> pending;
    {
      const std::set<std::string> stored = store.stored_run_ids();
      for (const RunSpec* spec : in_shard)
        if (!stored.contains(spec->run_id)) pending.push_back(spec);
    }
    ran = pending.size();

    Progress progress(pending.size(), in_shard.size() - pending.size(), options.quiet);
    run_all(pending, options.threads, catalog, [&](const RunSpec& spec, const RunResult& result) {
      store.write_run(spec, result);
      if ((!options.quiet && options.summary) || options.json) {  // kept only for the summary
        SummaryRow row = summary_row(spec, std::string(to_string(result.stop_reason)),
                                     result.iterations, result.f_final, result.x_final, catalog);
        std::lock_guard lock(rows_mutex);
        rows.emplace(spec.run_id, std::move(row));
      }
      progress.finished(options.quiet ? std::string() : describe(spec, result));
    });
    progress.close();
    store.compact();
  }

  if ((!options.quiet && options.summary) || options.json) {
    std::vector<SummaryRow> table;
    std::optional<ResultsReader> reader;  // for runs stored by an earlier invocation
    InstanceNames instances;
    for (const RunSpec& spec : suite.runs) instances.add(spec.objective, spec.objective_params);
    for (const RunSpec* spec : in_shard) {
      if (auto it = rows.find(spec->run_id); it != rows.end()) {
        table.push_back(it->second);
      } else {
        if (!reader) reader.emplace(output);
        const RunResult stored = reader->run(spec->run_id).result;
        table.push_back(summary_row(*spec, std::string(to_string(stored.stop_reason)),
                                    stored.iterations, stored.f_final, stored.x_final, catalog));
      }
      table.back().objective = instances.name(spec->objective, spec->objective_params);
    }
    if (options.json) {
      std::printf("%s\n", summary_json(suite, output, options.shard, in_shard, ran, table).dump(2).c_str());
      return 0;
    }
    if (suite.description.empty())
      std::printf("\n%s\n\n", suite.name.c_str());
    else
      std::printf("\n%s: %s\n\n", suite.name.c_str(), suite.description.c_str());
    print_summary(table, stdout);
  }
  std::printf("\nwrote %s (%s of this suite%s)\n", output.string().c_str(),
              counted(static_cast<std::int64_t>(in_shard.size()), "run").c_str(),
              shard.count > 1 ? (", shard " + options.shard).c_str() : "");
  return 0;
}

void add_run_command(CLI::App& app, Action& action) {
  const auto [cmd, options] = add_command<RunOptions>(
      app, action, "run", "Run a suite file and store every run in an HDF5 results file",
      run_suite);
  cmd->add_option("SUITE", options->suite, "suite file (TOML, schema 1)")->required();
  cmd->add_option("-o,--output", options->output,
                  "results file (default results/<suite name>.h5); an existing one is resumed");
  add_threads_option(*cmd, options->threads);
  cmd->add_option("--shard", options->shard, "run only shard K of N (K/N), for job arrays; join with merge");
  cmd->add_flag("--mpi", options->mpi,
                "run as one rank of an MPI job (mpirun -n N descent run ... --mpi): rank 0 hands "
                "out the runs, every rank runs them on THREADS threads (docs/cluster.md)");
  cmd->add_flag("--quiet", options->quiet, "no progress and no summary table");
  cmd->add_flag("--json", options->json, "print the final summary as JSON (progress stays on stderr)");
}

}  // namespace descent::cli
