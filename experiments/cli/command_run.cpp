// descent run SUITE.toml [-o OUT.h5] [-j THREADS] [--shard K/N] [--quiet]
//
// Loads and validates the suite (any error: exit 2, nothing written), skips the runs already
// stored in OUT.h5 (resume), runs the rest on THREADS threads writing each finished run at
// once, joins everything into OUT.h5, and prints the summary table.
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>

#include "descent/core/config_error.hpp"

#include "descent/runner/progress.hpp"
#include "descent/runner/runner.hpp"
#include "descent/runner/summary.hpp"
#include "descent/objectives/registry.hpp"
#include "descent/store/results_reader.hpp"
#include "descent/store/results_store.hpp"
#include "descent/suite/suite.hpp"
#include "command.hpp"

namespace descent::cli {

namespace {

std::string describe(const RunSpec& spec, const RunResult& result) {
  char text[256];
  std::snprintf(text, sizeof text, "%s on %s, start %lld, repeat %lld: %s after %lld iterations, f = %.6g",
                spec.label.c_str(), spec.objective.c_str(), static_cast<long long>(spec.start_index),
                static_cast<long long>(spec.repeat), std::string(to_string(result.stop_reason)).c_str(),
                static_cast<long long>(result.iterations), result.f_final);
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

}  // namespace

int run_suite(const RunOptions& options) {
  const Catalog catalog = builtin_catalog();
  const Suite suite = load_suite(options.suite, catalog);
  const Shard shard = parse_shard(options.shard);
  if (options.output && options.output->empty())
    throw ConfigError("-o", "-o: the output path is empty");
  const std::filesystem::path output =
      options.output ? std::filesystem::path(*options.output) : default_output(suite);
  if (!options.output) std::filesystem::create_directories(output.parent_path());
  ResultsStore store(output, suite);

  std::vector<const RunSpec*> in_shard, pending;
  {
    const std::set<std::string> stored = store.stored_run_ids();
    for (std::size_t i = 0; i < suite.runs.size(); ++i) {
      if (!shard.contains(i)) continue;
      in_shard.push_back(&suite.runs[i]);
      if (!stored.contains(suite.runs[i].run_id)) pending.push_back(&suite.runs[i]);
    }
  }

  Progress progress(pending.size(), in_shard.size() - pending.size(), options.quiet);
  std::mutex rows_mutex;
  std::map<std::string, SummaryRow> rows;
  run_all(pending, options.threads, catalog, [&](const RunSpec& spec, const RunResult& result) {
    store.write_run(spec, result);
    SummaryRow row = summary_row(spec, std::string(to_string(result.stop_reason)), result.iterations,
                                 result.f_final, result.x_final, catalog);
    {
      std::lock_guard lock(rows_mutex);
      rows.emplace(spec.run_id, std::move(row));
    }
    progress.finished(describe(spec, result));
  });
  progress.close();
  store.compact();

  if (!options.quiet && options.summary) {
    std::vector<SummaryRow> table;
    std::optional<ResultsReader> reader;  // for runs stored by an earlier invocation
    for (const RunSpec* spec : in_shard) {
      if (auto it = rows.find(spec->run_id); it != rows.end()) {
        table.push_back(it->second);
        continue;
      }
      if (!reader) reader.emplace(output);
      const RunResult stored = reader->run(spec->run_id).result;
      table.push_back(summary_row(*spec, std::string(to_string(stored.stop_reason)),
                                  stored.iterations, stored.f_final, stored.x_final, catalog));
    }
    if (suite.description.empty())
      std::printf("\n%s\n\n", suite.name.c_str());
    else
      std::printf("\n%s: %s\n\n", suite.name.c_str(), suite.description.c_str());
    print_summary(table, stdout);
  }
  std::printf("\nwrote %s (%zu run(s) of this suite%s)\n", output.string().c_str(), in_shard.size(),
              shard.count > 1 ? (", shard " + options.shard).c_str() : "");
  return 0;
}

void add_run_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<RunOptions>();
  auto* cmd = app.add_subcommand("run", "Run a suite file and store every run in an HDF5 results file");
  cmd->add_option("SUITE", options->suite, "suite file (TOML, schema 1)")->required();
  cmd->add_option("-o,--output", options->output,
                  "results file (default results/<suite name>.h5); an existing one is resumed");
  cmd->add_option("-j,--threads", options->threads, "runs in parallel")
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--shard", options->shard, "run only shard K of N (K/N), for job arrays; join with merge");
  cmd->add_flag("--quiet", options->quiet, "no progress and no summary table");
  cmd->callback([&action, options] { action = [options] { return run_suite(*options); }; });
}

}  // namespace descent::cli
