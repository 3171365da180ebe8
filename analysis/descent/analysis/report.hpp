// The report of one or more results files (docs/report.md): runs, convergence-speed metrics
// and paper tables, all from the files alone.
//
//   runs.csv      one row per run: identity, outcome, cost, f* and its source, and every
//                 objective and optimizer parameter (objective.KEY, optimizer.KEY)
//   targets.csv   per group and target: runs, successes, success rate, and median and
//                 quartiles over the successful runs of iterations, evaluations, seconds, cost
//   ert.csv       per group and target: expected running time in cost units, 95% bootstrap
//                 interval
//   profiles.csv  Dolan–Moré performance and Moré–Wild data profiles over problems
//                 (objective instance × start × repeat)
//   summary.tex, ert.tex   table floats
//   traces.csv    only with `traces`: every recorded row of the selected runs
//   runs.tex      only with `per_run`: a table float with one row per run
//   ioh/, coco/   only with `exports`: the runs in IOHprofiler's and COCO's formats (export.hpp)
//
// A group is an objective instance (the objective with its parameters, named by
// InstanceNames) × an optimizer label (which includes a sweep point) × the suite. f* of an
// instance is the stored `f_star` when known; otherwise the smallest finite f_final among the
// instance's runs in all files read (`best_observed`), computed before `where` selects runs.
// Traces are read one run at a time.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "descent/analysis/export.hpp"
#include "descent/analysis/targets.hpp"
#include "descent/store/results_reader.hpp"

namespace descent {

struct ReportOptions {
  std::vector<std::filesystem::path> results;
  std::filesystem::path directory;
  TargetKind targets = TargetKind::kAbsolute;
  CostModel cost;
  std::vector<std::string> where;  // KEY=VALUE, all must hold
  bool traces = false;
  bool per_run = false;  // also runs.tex: one row per run
  int bootstrap_samples = 1000;
  std::uint64_t bootstrap_seed = 1;
  double profile_tau = 1e-3;  // the profiles' convergence test: f − f* ≤ τ (f(x₀) − f*)
  std::vector<ExportFormat> exports;
};

struct WrittenReport {
  std::vector<std::filesystem::path> files;
  std::vector<ResultsFileInfo> sources;  // the root attributes of options.results, in order
};

// Writes the files into options.directory (created if needed), each under a temporary name
// renamed when complete; returns their paths and what the results files say of themselves
// (so that a caller need not open them again). ConfigError (nothing written) for a file that
// is not a results file, a malformed or unknown --where, or a selection without runs.
WrittenReport write_report(const ReportOptions& options);

}  // namespace descent
