// Data sets for the training objectives: seeded synthetic classes with a controllable class
// separation and feature scaling, or a CSV file of features and labels.
//
// Synthetic classes (`separation` s, `scale` c, `data_seed`): K class means μₖ = s·uₖ with
// uₖ random unit vectors; example i has label yᵢ = i mod K and features μ_{yᵢ} + N(0, I);
// then feature j is multiplied by c^(j/(d−1)), so the features' scales span [1, c] and the
// loss's Hessian has condition number growing like c². s = 0 makes the classes overlap.
//
// CSV (`csv = "path"`, relative to the working directory): one example per line, the
// features and then the label (an integer class from 0; for regression, a real target) in
// the last field; fields separated by commas, blank lines and lines starting with '#'
// ignored, and a first line with no number in it taken as a header. Every problem is a
// ConfigError on key "csv" whose message starts "FILE:LINE:COLUMN:". A file is parsed once
// per process while its modification time and size stay the same (every run of a suite
// builds its objective several times; all of them share the one table).
//
// Label smoothing (Szegedy et al. 2016; the lecture's aside): the hard target yₖ (1 for the
// true class, 0 for the others) becomes yₖ^LS = yₖ(1 − α) + α/K, which still sums to one.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "descent/core/params.hpp"
#include "descent/core/types.hpp"

namespace descent {

// The data-set fields shared by the classification objectives (`classes` is the objective's).
struct ClassificationDataParams {
  std::int64_t examples = 20;
  std::int64_t features = 3;
  double separation = 2.0;
  double scale = 1.0;
  std::int64_t data_seed = 0;
  std::string csv;

  template <class V>
  void visit(V& v) {
    v.integer("examples", examples, Range::closed(1, 1e8), "m, number of synthetic examples");
    v.integer("features", features, Range::closed(1, 1e6), "d, features per synthetic example");
    v.real("separation", separation, Range::non_negative(), "distance of the class means from the origin");
    v.real("scale", scale, Range::positive(), "feature j is scaled by scale^(j/(d−1)) (conditioning)");
    v.integer("data_seed", data_seed, Range::non_negative(), "seed of the synthetic data");
    v.text("csv", csv, "CSV file of features and a label per line (replaces the synthetic data)");
  }
};

// The loss fields shared by the classification objectives: a ridge penalty (λ/2)‖θ‖² on
// every parameter (the bias included) and label smoothing of the class targets (above;
// regression targets are not smoothed).
struct ClassificationLossParams {
  double l2 = 1e-2;
  double label_smoothing = 0.0;

  template <class V>
  void visit(V& v) {
    v.real("l2", l2, Range::non_negative(), "λ, weight of (λ/2)‖θ‖²");
    v.real("label_smoothing", label_smoothing, Range::closed(0.0, 1.0),
           "α, class targets yₖ(1 − α) + α/K (K = 2 for logistic regression)");
  }
};

struct LabelledData {
  Matrix inputs;              // d × m, one example per column
  std::vector<Index> labels;  // classification: the class of each example, from 0
  Vector targets;             // regression: the target of each example
  Index classes = 0;
};

// Synthetic classes as described above, or the CSV file when `params.csv` is set; then
// `classes` comes from the file (largest label + 1, at least 2, at most `max_classes` when
// that is > 0).
LabelledData load_classification(const ClassificationDataParams& params, Index classes,
                                 Index max_classes = 0);
// Features and a real target per line.
LabelledData load_regression_csv(const std::string& path);

// y^LS for the hard target `label` among `classes`: (1 − α) at the label plus α/K everywhere.
Vector smoothed_targets(Index label, Index classes, double alpha);

// A CSV file of numbers: one row per data line, and where each row's last field starts.
struct CsvTable {
  std::string path;
  Matrix values;                        // rows × fields
  std::vector<std::int64_t> lines;      // line of each row in the file, from 1
  std::vector<std::int64_t> last_field_columns;  // column of each row's last field, from 1
};
// The largest CSV file read (1 GiB); only a regular file is read (descent/core/text_file.hpp).
inline constexpr std::uintmax_t kMaxCsvFileBytes = std::uintmax_t{1} << 30;
// The table of the regular file `path`: parsed on first use, then shared from a cache keyed
// by the absolute path and checked against the file's modification time and size (a
// changed file is parsed again). Safe to call from several threads.
std::shared_ptr<const CsvTable> read_csv_table(const std::string& path);

}  // namespace descent
