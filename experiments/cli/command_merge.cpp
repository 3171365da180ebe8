// descent merge OUT.h5 PART.h5... [--partial]: joins results files of one suite (shards) into
// OUT.h5, then checks that OUT.h5 holds every run of the suite the parts store (suite_toml,
// expanded by this build) and names those it lacks (exit status 1 unless --partial).
#include <iostream>

#include "descent/core/counted.hpp"
#include "command.hpp"
#include "descent/objectives/registry.hpp"
#include "descent/store/merge_results.hpp"
#include "descent/store/results_reader.hpp"
#include "descent/suite/suite.hpp"

namespace descent::cli {

namespace {

// Missing runs named one per line, at most this many (then a count).
constexpr std::size_t kMissingListed = 50;

struct MergeOptions {
  std::string output;
  std::vector<std::string> parts;
  bool partial = false;
};

// The runs of the stored suite that `output` lacks, described for the user (empty: none).
std::string missing_runs_text(const std::filesystem::path& output) {
  const ResultsReader reader(output);
  const Suite suite =
      parse_suite(reader.info().suite_toml, output.string() + " (suite_toml)", builtin_catalog());
  const std::vector<const RunSpec*> missing = runs_missing_from(output, suite);
  if (missing.empty()) return "";
  std::string text = output.string() + " lacks " + std::to_string(missing.size()) + " of the " +
                     std::to_string(suite.runs.size()) + " runs of suite '" + suite.name + "':";
  for (std::size_t i = 0; i < missing.size() && i < kMissingListed; ++i) {
    const RunSpec& spec = *missing[i];
    const auto position = static_cast<std::size_t>(missing[i] - suite.runs.data());
    text += "\n  #" + std::to_string(position) + " " + spec.run_id + " (" + spec.label + " on " +
            spec.objective + ", start " + std::to_string(spec.start_index) + ", repeat " +
            std::to_string(spec.repeat) + ")";
  }
  if (missing.size() > kMissingListed)
    text += "\n  ... and " + std::to_string(missing.size() - kMissingListed) + " more";
  return text;
}

int merge(const MergeOptions& options) {
  const std::vector<std::filesystem::path> parts(options.parts.begin(), options.parts.end());
  const MergeSummary summary = merge_results(options.output, parts);
  std::cout << "merged " << counted(summary.files, "file") << " into "
            << options.output << ": " << counted(summary.runs, "run");
  if (summary.duplicates > 0)
    std::cout << " (" << counted(summary.duplicates, "duplicate")
              << " skipped: a run in several files is stored once)";
  std::cout << "\n";
  const std::string missing = missing_runs_text(options.output);
  if (missing.empty()) return 0;
  std::cerr << "descent: merge: " << missing << "\n"
            << "(#i is the run's position in the suite: shard i mod N + 1 of N holds it; merge "
               "the parts that hold them, or run the suite with -o "
            << options.output << " to complete it)\n";
  return options.partial ? 0 : 1;
}

}  // namespace

void add_merge_command(CLI::App& app, Action& action) {
  const auto [cmd, options] = add_command<MergeOptions>(
      app, action, "merge", "Join results files of one suite (shards) into one", merge);
  cmd->add_option("OUT.h5", options->output,
                  "merged results file (an existing one is kept and added to)")
      ->required();
  cmd->add_option("PART.h5", options->parts, "results files to merge")->required();
  cmd->add_flag(
      "--partial", options->partial,
      "exit with status 0 when runs of the suite are still missing (they are still listed)");
}

}  // namespace descent::cli
