// Studies: each prediction of the lecture printed next to its measurement (docs/studies.md).
//
// A study is a suite with a [study] table (descent/suite/study_settings.hpp) and an analysis
// here that reads its results file and returns rows — one predicted and one measured number
// each — and figure data. Every prediction is computed from what the results file stores (the
// objective's parameters, its constants through the catalog, the optimizer's
// hyperparameters), never from numbers written into the analysis, so a copy of a study with
// other values is analysed correctly.
//
// A row's verdict: `agrees` when the comparison holds within the row's tolerance, `differs`
// when not, `measured_only` when there is no prediction. Comparisons:
//   equal     |measured − predicted| ≤ tolerance·s
//   at_most   measured ≤ predicted + tolerance·s      (a bound: step ≤ lr·c, ratio → 0)
//   at_least  measured ≥ predicted − tolerance·s
// with s = |predicted|, or 1 when the prediction is 0 (a limit such as eₖ₊₁/eₖ → 0);
// rel_error is |measured − predicted|/s in every case.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "descent/core/catalog.hpp"
#include "descent/store/results_reader.hpp"
#include "descent/suite/study_settings.hpp"

namespace descent::studies {

enum class Comparison { kEqual, kAtMost, kAtLeast };
enum class Verdict { kAgrees, kDiffers, kMeasuredOnly };

std::string to_string(Verdict verdict);

struct StudyRow {
  std::string quantity;
  std::string objective;
  std::string label;
  std::string parameters;  // key=value;key=value
  std::optional<double> predicted;
  double measured = 0.0;
  Comparison comparison = Comparison::kEqual;
  std::optional<double> tolerance;  // this row's own; default: the study's

  double rel_error() const;  // NaN without a prediction
  double scale() const;      // s above
  Verdict verdict(double study_tolerance) const;
};

// Figure data: lines (measured or predicted, x against y), bars (one per series, at position x,
// height y) and heat-map cells (x, y, value) in named panels; analysis/plots/study_figures.py
// draws them.
struct FigurePoint {
  std::string panel;
  std::string series;
  std::string role;  // "measured", "predicted", "bar" or "cell"
  double x = 0.0;
  double y = 0.0;
  double value = 0.0;  // cells only
};

struct FigurePanel {
  std::string name;
  std::string xlabel, ylabel;
  std::string xscale = "linear", yscale = "linear";  // "linear" or "log"
  std::string value_label;                           // heat maps: the colour bar
};

struct Figure {
  std::string name;  // file stem
  std::string title;
  std::vector<FigurePanel> panels;
  std::vector<FigurePoint> points;

  FigurePanel& panel(const std::string& panel_name, const std::string& xlabel, const std::string& ylabel,
                     const std::string& xscale = "linear", const std::string& yscale = "linear");
  void line(const std::string& panel, const std::string& series, const std::string& role,
            const std::vector<double>& x, const std::vector<double>& y);
  void bar(const std::string& panel, const std::string& series, double x, double height);
  void cell(const std::string& panel, double x, double y, double value);
};

struct StudyResult {
  std::vector<StudyRow> rows;
  std::vector<Figure> figures;
  std::vector<std::string> notes;  // caveats printed under the table and in the caption
};

// What an analysis reads: the runs of the results file, each with its objective rebuilt from its
// stored parameters through the catalog (study_runs.hpp).
struct StudyRun;
using StudyRuns = std::vector<StudyRun>;

struct StudyDefinition {
  std::string kind;
  std::string title;         // the caption's first sentence
  double default_tolerance;  // for `agrees`
  StudyResult (*analyse)(const StudyRuns&);
};

// The definition of each kind in study_kinds(); ConfigError for an unknown kind.
const StudyDefinition& study_definition(const std::string& kind);

// The analyses, one per file.
StudyResult analyse_conditioning(const StudyRuns& runs);
StudyResult analyse_lecture(const StudyRuns& runs);
StudyResult analyse_second_order_rates(const StudyRuns& runs);
StudyResult analyse_regularized_newton(const StudyRuns& runs);
StudyResult analyse_vanishing_exploding(const StudyRuns& runs);
StudyResult analyse_clipping(const StudyRuns& runs);
StudyResult analyse_label_smoothing(const StudyRuns& runs);

struct StudyReport {
  StudySettings settings;
  double tolerance = 0.0;
  StudyResult result;
  std::vector<std::filesystem::path> written;  // study.csv, study.tex, figures/<name>.csv
  std::filesystem::path figure_directory;      // where the figure data and figures go
};

// Runs the study named by the results file's [study] table and writes study.csv, study.tex
// and the figure data (figures/figures.csv, figures/<name>.csv) into `directory`. ConfigError
// when the results file holds no study.
StudyReport write_study_report(const ResultsReader& results, const Catalog& catalog,
                               const std::filesystem::path& directory);

// The table as the terminal shows it (aligned columns, notes below).
void print_study_table(const StudyReport& report, std::ostream& out);

void write_study_csv(const std::string& kind, const StudyResult& result, double tolerance,
                     std::ostream& out);
void write_study_latex(const ResultsReader& results, const StudyDefinition& definition,
                       const StudyResult& result, double tolerance, std::ostream& out);

}  // namespace descent::studies
