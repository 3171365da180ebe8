// summarize_results: what a results file holds (`descent inspect OUT.h5`): its provenance, how
// many runs, how they ended, a line per optimizer label and per objective instance, and the
// columns it stores.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "descent/store/results_reader.hpp"

namespace descent {

struct LabelSummary {
  std::string label;
  std::int64_t runs = 0;
  std::int64_t converged = 0;      // status "converged"
  double median_iterations = 0.0;  // over all runs of the label (mean of the middle two if even)
};

// An objective instance (the objective with its parameters), named as InstanceNames names it
// (descent/suite/instance_name.hpp): "quadratic κ=1000".
struct InstanceSummary {
  std::string name;
  std::int64_t runs = 0;
  double f_star = 0.0;  // NaN when unknown
  std::string f_star_source;
};

struct ResultsSummary {
  std::filesystem::path path;
  ResultsFileInfo info;
  std::int64_t runs = 0;
  std::map<std::string, std::int64_t> by_status;
  std::map<std::string, std::int64_t> by_stop_reason;
  std::vector<LabelSummary> by_label;  // in order of first appearance in /index
  std::vector<InstanceSummary> by_instance;  // in order of first appearance in /index
  std::vector<std::string> index_columns;
  // Every trace column of any run: the standard ones, then x, then method-specific ones.
  std::vector<std::string> trace_columns;
};

// ConfigError naming the path if it is missing or not a descent results file.
ResultsSummary summarize_results(const std::filesystem::path& path);

}  // namespace descent
