// label_smoothing: softmax regression trained on smoothed targets t = y(1 − α) + α/K
// (docs/studies.md#label_smoothing).
//
// At an optimum where every example's softmax output equals its target (possible in the limit
// λ → 0 when the classes are well separated), the logit of the labelled class exceeds every
// other by log((1 − α + α/K)/(α/K)) (Müller, Kornblith & Hinton 2019, §2). Predicted from the
// stored label_smoothing α and classes K; measured: the objective's logit_gap diagnostic at the
// last recorded iterate (the mean over examples of z_y − mean of the other logits). With α = 0
// the gap is unbounded (only λ stops it) and is measured only, as are the weight norm ‖W‖
// and the over-confidence, mean max pₖ − accuracy, which smoothing turns from positive
// towards negative.
#include <cmath>
#include <map>

#include "descent/analysis/studies/study_runs.hpp"

namespace descent::studies {

StudyResult analyse_label_smoothing(const StudyRuns& runs) {
  StudyResult result;
  Figure figure{"label_smoothing", "Label smoothing: logit gap, weight norm and calibration against α", {}, {}};
  figure.panel("logit gap", "label smoothing α", "mean z_y − mean of the other logits", "linear", "log");
  figure.panel("weight norm", "label smoothing α", "‖W‖", "linear", "linear");
  figure.panel("calibration", "label smoothing α", "mean confidence − accuracy", "linear", "linear");
  std::map<std::string, std::vector<double>> alphas, gaps, predicted_gaps, norms, overconfidence;
  std::vector<std::string> order;
  for (const StudyRun& run : runs) {
    if (run.index.objective != "softmax_regression") continue;
    const double alpha = run.objective_param("label_smoothing");
    const double classes = run.objective_param("classes");
    const double l2 = run.objective_param("l2");
    const double gap = run.column("logit_gap").back();
    const double over = run.column("confidence").back() - run.column("accuracy").back();
    const double norm = run.stored.result.x_final.norm();
    const std::string params = parameters_text({{"alpha", alpha}, {"K", classes}, {"l2", l2}});
    std::optional<double> predicted;
    if (alpha > 0.0) predicted = std::log((1.0 - alpha + alpha / classes) / (alpha / classes));
    result.rows.push_back(row_for(run, "logit gap z_y − mean z_k at the optimum", params, predicted, gap));
    result.rows.push_back(row_for(run, "weight norm ‖W‖", params, std::nullopt, norm));
    result.rows.push_back(row_for(run, "over-confidence: mean max p − accuracy", params, std::nullopt, over));
    const std::string& label = run.index.label;
    if (!alphas.contains(label)) order.push_back(label);
    alphas[label].push_back(alpha);
    gaps[label].push_back(gap);
    predicted_gaps[label].push_back(predicted ? *predicted : std::nan(""));
    norms[label].push_back(norm);
    overconfidence[label].push_back(over);
  }
  for (const auto& label : order) {
    figure.line("logit gap", label, "measured", alphas[label], gaps[label]);
    figure.line("logit gap", label, "predicted", alphas[label], predicted_gaps[label]);
    figure.line("weight norm", label, "measured", alphas[label], norms[label]);
    figure.line("calibration", label, "measured", alphas[label], overconfidence[label]);
  }
  result.figures = {figure};
  return result;
}

}  // namespace descent::studies
