// clipping: gradient clipping on the cliff and an exploding recurrence
// (docs/studies.md#clipping).
//
// The bound on the step, from the stored learning rate ε, the stored clip threshold c and, for
// heavy ball, the stored momentum α (a velocity v ← αv − εg with ‖g‖ ≤ c stays below εc/(1 − α)):
//   norm clipping,  gradient descent   ‖θₖ − θₖ₋₁‖ ≤ ε c
//   value clipping, gradient descent   ‖θₖ − θₖ₋₁‖ ≤ ε c √n      (every |gᵢ| ≤ c)
//   with momentum                      the same divided by 1 − α
// compared as at_most with the tolerance 1e-9 (rounding). Unclipped runs have no bound.
// Over the stored starts and objective instances (init seeds) and the repeats (each with its own
// seed: its own minibatches on a finite sum), per method: the largest step, the fraction of
// runs that diverged (stop reason diverged or non_finite), the median final f (the full loss)
// and the median number of iterations, measured only; `starts` counts the distinct
// (instance, start) pairs, `repeats` the distinct repeats, `runs` their product. The figure has
// one row of panels per objective: the final f of every run, the step norms of each method's
// first run with its bound, and the fraction diverged as one bar per method.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "descent/analysis/studies/fits.hpp"
#include "descent/analysis/studies/study_runs.hpp"

namespace descent::studies {

namespace {

constexpr double kBoundTolerance = 1e-9;

std::optional<double> step_bound(const StudyRun& run) {
  const ClipSettings& clip = run.stored.spec.settings->clip;
  if (!clip.active() || (run.index.optimizer != "gd" && run.index.optimizer != "momentum")) return std::nullopt;
  double bound = run.optimizer_param("lr");
  if (clip.norm)
    bound *= *clip.norm;
  else
    bound *= *clip.value * std::sqrt(static_cast<double>(run.objective->dim()));
  if (run.index.optimizer == "momentum") bound /= 1.0 - run.optimizer_param("momentum");
  return bound;
}

double largest_step(const StudyRun& run) {
  double largest = 0.0;
  for (double step : run.trace().step_norm)
    if (std::isfinite(step)) largest = std::max(largest, step);
  return largest;
}

}  // namespace

StudyResult analyse_clipping(const StudyRuns& runs) {
  StudyResult result;
  Figure figure{"clipping", "Final f of every run, largest step against its bound, and the fraction diverged", {}, {}};
  std::map<std::string, int> methods_drawn;  // per objective: the next bar's position

  std::map<std::pair<std::string, std::string>, std::vector<const StudyRun*>> groups;
  std::vector<std::pair<std::string, std::string>> order;
  for (const StudyRun& run : runs) {
    const auto key = std::make_pair(run.index.objective, run.index.label);
    if (!groups.contains(key)) order.push_back(key);
    groups[key].push_back(&run);
  }
  for (const auto& key : order) {
    const auto& group = groups[key];
    const StudyRun& first = *group.front();
    std::set<std::string> starts;
    std::set<std::int64_t> repeats;
    for (const StudyRun* run : group) {
      starts.insert(to_text(run->stored.spec.objective_params) + " start " + std::to_string(run->stored.spec.start_index));
      repeats.insert(run->stored.spec.repeat);
    }
    const std::string params = parameters_text({{"starts", static_cast<double>(starts.size())},
                                                {"repeats", static_cast<double>(repeats.size())},
                                                {"runs", static_cast<double>(group.size())}});
    double largest = 0.0, diverged = 0.0;
    std::vector<double> finals, iterations;
    for (const StudyRun* run : group) {
      largest = std::max(largest, largest_step(*run));
      diverged += run->index.stop_reason == "diverged" || run->index.stop_reason == "non_finite";
      finals.push_back(run->index.f_final);
      iterations.push_back(static_cast<double>(run->index.iterations));
    }
    const auto bound = step_bound(first);
    const ClipSettings& clip = first.stored.spec.settings->clip;
    std::string bound_params = parameters_text({{"lr", first.optimizer_param("lr")}});
    if (clip.norm) bound_params += ";clip_norm=" + number_text(*clip.norm);
    if (clip.value) bound_params += ";clip_value=" + number_text(*clip.value);
    result.rows.push_back(row_for(first, bound ? "largest step ≤ its bound (ε c, ε c √n, /(1 − α))" : "largest step",
                                  bound_params, bound, largest, Comparison::kAtMost, kBoundTolerance));
    const double diverged_fraction = diverged / static_cast<double>(group.size());
    result.rows.push_back(row_for(first, "fraction of runs diverged", params, std::nullopt, diverged_fraction));
    result.rows.push_back(row_for(first, "median final f", params, std::nullopt, median(finals)));
    result.rows.push_back(row_for(first, "median iterations", params, std::nullopt, median(iterations)));

    const std::string panel = first.index.objective;
    figure.panel(panel, "run (instance × start × repeat)", "final f (diverged: last finite f)", "linear", "log");
    std::vector<double> x, y;
    for (std::size_t i = 0; i < group.size(); ++i) {
      x.push_back(static_cast<double>(i));
      y.push_back(group[i]->index.f_final);
    }
    figure.line(panel, first.index.label, "measured", x, y);
    const std::string steps_panel = first.index.objective + ": step norms";
    figure.panel(steps_panel, "iteration k", "‖θₖ − θₖ₋₁‖", "log", "log");
    const auto& k = first.trace().iter;
    figure.line(steps_panel, first.index.label, "measured", std::vector<double>(k.begin(), k.end()),
                first.trace().step_norm);
    if (bound)
      figure.line(steps_panel, first.index.label, "predicted",
                  {static_cast<double>(std::max<std::int64_t>(k.front(), 1)), static_cast<double>(k.back())},
                  {*bound, *bound});
    const std::string diverged_panel = first.index.objective + ": runs diverged";
    figure.panel(diverged_panel, "method", "fraction of runs diverged");
    figure.bar(diverged_panel, first.index.label, methods_drawn[first.index.objective]++, diverged_fraction);
  }
  result.figures = {figure};
  result.notes = {"The step-norm panels show each method's first run; the dashed line is its bound."};
  return result;
}

}  // namespace descent::studies
