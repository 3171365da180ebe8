// descent merge OUT.h5 PART.h5...: joins results files of one suite (shards) into OUT.h5.
#include <iostream>

#include "descent/core/counted.hpp"
#include "descent/store/merge_results.hpp"
#include "command.hpp"

namespace descent::cli {

namespace {

struct MergeOptions {
  std::string output;
  std::vector<std::string> parts;
};

int merge(const MergeOptions& options) {
  const std::vector<std::filesystem::path> parts(options.parts.begin(), options.parts.end());
  const MergeSummary summary = merge_results(options.output, parts);
  std::cout << "merged " << counted(summary.files, "file") << " into "
            << options.output << ": " << counted(summary.runs, "run");
  if (summary.duplicates > 0)
    std::cout << " (" << counted(summary.duplicates, "duplicate")
              << " skipped: a run in several files is stored once)";
  std::cout << "\n";
  return 0;
}

}  // namespace

void add_merge_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<MergeOptions>();
  auto* cmd = app.add_subcommand("merge", "Join results files of one suite (shards) into one");
  cmd->add_option("OUT.h5", options->output, "merged results file (an existing one is kept and added to)")
      ->required();
  cmd->add_option("PART.h5", options->parts, "results files to merge")->required();
  cmd->callback([&action, options] { action = [options] { return merge(*options); }; });
}

}  // namespace descent::cli
