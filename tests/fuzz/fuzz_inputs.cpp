#include "fuzz/fuzz_inputs.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "descent/analysis/report.hpp"
#include "descent/core/config_error.hpp"
#include "descent/objectives/registry.hpp"
#include "descent/store/inspect_results.hpp"
#include "descent/store/results_reader.hpp"
#include "descent/suite/suite.hpp"

namespace descent::fuzz {

void parse_suite_input(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    (void)parse_suite(text, "fuzz.toml", builtin_catalog());
  } catch (const ConfigError&) {
    // A refusal with a located message: the expected outcome for most inputs.
  }
}

void read_results_input(const std::uint8_t* data, std::size_t size) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("descent-fuzz-" + std::to_string(::getpid()) + ".h5");
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  try {
    (void)summarize_results(path);
    const ResultsReader reader(path);
    for (const auto& row : reader.index()) {
      if (!reader.contains(row.run_id)) continue;
      (void)reader.run(row.run_id);
      (void)reader.trace_columns(row.run_id);
    }
    ReportOptions report;
    report.results = {path};
    report.directory = path.string() + ".report";
    report.traces = true;
    report.per_run = true;
    report.bootstrap_samples = 20;
    (void)write_report(report);
  } catch (const ConfigError&) {
    // "not a valid results file" and its kin.
  }
  std::filesystem::remove_all(path.string() + ".report");
  std::filesystem::remove(path);
}

}  // namespace descent::fuzz
