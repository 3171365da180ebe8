// Runs written in the data formats of two benchmarking analysers, so descent's runs can be
// loaded into them (docs/report.md, "Export").
//
// The mapping, the same for both formats:
//   algorithm    a label (its sweep point included; `SUITE: label` when several suites are
//                read): one directory per algorithm, as both analysers expect; in the
//                .info line its single quotes become backquotes, its commas semicolons
//   function     an objective instance (the objective with its parameters), numbered 1, 2, …
//                in the order the report first meets them, the same numbers in every
//                algorithm's directory; the instance name is written in the comment line
//   dimension    the run's dimension n
//   instance     the start: start_index + 1 (both formats number instances from 1); the
//                repeats of a start are further runs of that instance
//   evaluations  the run's cost under the report's cost model (CostModel), rounded up to an
//                integer and at least 1, so first- and second-order methods share one scale
//   f values     f − f* (the report's f*), best so far; a record whose f is not finite
//                leaves the best so far unchanged
//
// ioh — IOHprofiler (IOHanalyzer's documented format, its two-column variant):
//   ioh/ALG/IOHprofiler_fK.info   per dimension three lines:
//       suite = 'SUITE', funcId = K, DIM = n, algId = 'ALG', maximization = F
//       % INSTANCE NAME; descent suite SUITE; f* = …; cost …
//       data_fK/IOHprofiler_fK_DIMn.dat, I:EVALS|BEST, …        (one entry per run)
//   ioh/ALG/data_fK/IOHprofiler_fK_DIMn.dat   per run a block: the line
//       "function evaluation" "best-so-far f(x)"
//       then `EVALS BEST` at the first record and at each record that improves the best so
//       far, and always the run's end (its final counts and f_final), as the format requires.
// coco — COCO's bbob logger, format `bbob-new2` (what cocopp reads):
//   coco/ALG/bbobexp_fK.info   per dimension:
//       suite = 'bbob', funcId = K, DIM = n, Precision = 1.000e-08, algId = 'ALG',
//       coco_version = 'descent VERSION', logger = 'bbob', data_format = 'bbob-new2'
//       % INSTANCE NAME; descent suite SUITE; f* = …; cost …
//       data_fK/bbobexp_fK_DIMn.dat, I:EVALS|BEST, …   (BEST in %.1e)
//     The suite is declared `bbob`: cocopp processes only the suites it knows, and both
//     analysers take a bbob suite for minimisation; bbob's targets 10² … 10⁻⁸ are the report's.
//   coco/ALG/data_fK/bbobexp_fK_DIMn.{dat,tdat,rdat}: per run the header line
//       % f evaluations | g evaluations | best noise-free fitness - Fopt (F*) + sum g_i+ |
//         measured fitness | best measured fitness or single-digit g-values | x1 | x2...
//       then rows `EVALS 0 BEST−F* F BEST` (no constraints, so 0 g evaluations):
//       .dat  target-triggered: the first record and each record whose best f − f* first
//             reaches a new level 10^(i/5) (COCO's five targets per decade)
//       .tdat evaluation-triggered: the first record at or past 1, 2, 5, 10, 20, 50, …
//             evaluations, and the run's end
//       .rdat restarts: none (descent does not restart a run), the header only.
// Non-finite values are written `inf` and `nan`.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "descent/analysis/targets.hpp"

namespace descent {

enum class ExportFormat { kIoh, kCoco };

// "ioh", "coco"; anything else is a ConfigError naming --export.
ExportFormat export_format_from(const std::string& text);
std::string to_string(ExportFormat format);

struct ExportRun {
  std::string suite;
  std::string instance;   // the objective instance's name
  std::string algorithm;  // the label (suite-prefixed when several suites are read)
  double f_star = 0.0;
  const IndexRow* row = nullptr;
  const Trace* trace = nullptr;
};

// Collects the runs of one format and writes its directory tree in `finish`: under
// DIRECTORY/FORMAT.tmp, then renamed to DIRECTORY/FORMAT (an older export replaced).
class Exporter {
 public:
  Exporter(ExportFormat format, std::filesystem::path directory, CostModel cost,
           std::string software_version);
  ~Exporter();
  Exporter(const Exporter&) = delete;
  Exporter& operator=(const Exporter&) = delete;

  void add(const ExportRun& run);
  // Returns the algorithm directories written.
  std::vector<std::filesystem::path> finish();

 private:
  struct Block;
  ExportFormat format_;
  std::filesystem::path directory_;
  CostModel cost_;
  std::string software_version_;
  std::map<std::string, int> function_ids_;  // instance name → K
  std::vector<std::string> algorithms_;      // in order of first appearance
  std::map<std::string, std::string> algorithm_stems_;
  // (algorithm, K, dim) → the runs' data
  std::map<std::tuple<std::string, int, std::int64_t>, std::unique_ptr<Block>> blocks_;
};

}  // namespace descent
