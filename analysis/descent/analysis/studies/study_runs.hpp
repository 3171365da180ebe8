// The runs of a study's results file as the analyses read them: the index row, the stored
// run, and the objective rebuilt from its stored parameters through the catalog (for its
// constants L, mu, kappa and its known minima).
#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "descent/analysis/studies/study.hpp"
#include "descent/core/objective.hpp"

namespace descent::studies {

struct StudyRun {
  IndexRow index;
  StoredRun stored;
  std::shared_ptr<const Objective> objective;
  ObjectiveConstants constants;

  const Trace& trace() const { return stored.result.trace; }
  // A stored parameter as a real; ConfigError naming the run when it is absent.
  double objective_param(const std::string& key) const;
  double optimizer_param(const std::string& key) const;
  // A stored list parameter; empty when the run stores none under `key`.
  std::vector<double> objective_reals(const std::string& key) const;
  std::string optimizer_text(const std::string& key) const;
  // An objective constant (L, mu, kappa, dim); ConfigError when the objective does not know it.
  double constant(const std::string& name) const;
  // ‖xₖ − x*‖ for every recorded row, x* the objective's first known minimum (or `minimum`);
  // ConfigError when the trace holds no iterates.
  std::vector<double> distances() const;
  std::vector<double> distances(const Vector& minimum) const;
  Vector iterate(std::size_t row) const;
  // A trace column (standard or extra) by name; ConfigError when it was not recorded.
  std::vector<double> column(const std::string& name) const;
  // Whether the run recorded the extra (diagnostic) trace column `name`.
  bool recorded(const std::string& name) const { return trace().extra.contains(name); }
};

// A row about `run` (its objective and label filled in).
StudyRow row_for(const StudyRun& run, std::string quantity, std::string parameters,
                 std::optional<double> predicted, double measured,
                 Comparison comparison = Comparison::kEqual, std::optional<double> tolerance = std::nullopt);

// The runs of `results`, their objectives rebuilt through `catalog`; ConfigError for an
// objective the catalog does not know.
StudyRuns load_runs(const ResultsReader& results, const Catalog& catalog);

// Runs of one optimizer (by name) in file order.
std::vector<const StudyRun*> runs_of(const std::vector<StudyRun>& runs, const std::string& optimizer);

// "kappa=1000;lr=0.001998" with 4 significant digits.
std::string parameters_text(std::initializer_list<std::pair<std::string, double>> values);
std::string number_text(double value, int digits = 4);

}  // namespace descent::studies
