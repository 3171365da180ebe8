// vanishing_exploding: gradients through time and depth at the start
// (docs/studies.md#vanishing_exploding).
//
// Linear recurrence hₜ = W hₜ₋₁ + U xₜ with symmetric start W = Q diag(λ) Qᵀ: ∂f/∂hₜ =
//   W^(T−t) ∂f/∂h_T, so along qᵢ the gradient scales like λᵢ^(T−t) and its norm, once the
//   largest |λᵢ| dominates, by ρ = max|λᵢ| per step back in time. Predicted: the objective's
//   constant rho (from its stored rho or eigenvalues). Measured: exp of the least-squares
//   slope of log ‖∂f/∂hₜ‖ (trace columns hidden_grad_norm_t, first row) on T − t over the far
//   half, T − t ≥ T/2, where the smaller eigenvalues have faded.
// Deep linear network, Wₖ = s Qₖ at the start: ∂f/∂W₁ = (W_L⋯W₂)ᵀ R Xᵀ/m, so ‖∂f/∂W₁‖ =
//   s^(L−1) ‖R Xᵀ‖/m with the residual R = s^L Q_L⋯Q₁X − Y. For small s the residual is −Y
//   whatever s is (s^L ≪ 1), which isolates the factor s^(L−1): predicted log-log slope of
//   ‖∂f/∂W₁‖ against s over the stored s ≤ kSmallScale is L − 1 (L the stored depth).
// Training outcome: log₁₀(f_final/f₀) of every run, a heat map over (ρ or s) × lr.
#include <algorithm>
#include <cmath>
#include <map>

#include "descent/analysis/studies/fits.hpp"
#include "descent/analysis/studies/study_runs.hpp"

namespace descent::studies {

namespace {

constexpr double kSmallScale = 0.5;

void recurrence_rows(const StudyRun& run, StudyResult& result, Figure& figure) {
  const auto steps = static_cast<std::int64_t>(run.objective_param("steps"));
  std::vector<double> back, norms;
  for (std::int64_t t = 0; t <= steps; ++t) {
    back.push_back(static_cast<double>(steps - t));
    norms.push_back(run.column("hidden_grad_norm_" + std::to_string(t)).front());
  }
  std::vector<double> far_back, far_logs;
  for (std::size_t i = 0; i < back.size(); ++i)
    if (2 * back[i] >= static_cast<double>(steps)) {
      far_back.push_back(back[i]);
      far_logs.push_back(std::log(norms[i]));
    }
  const double rho = run.constant("rho");
  const double factor = std::exp(least_squares_slope(far_back, far_logs));
  StudyRow row = row_for(run, "per-step factor of ‖∂f/∂h_{T−k}‖ (fit over k ≥ T/2)",
                         parameters_text({{"rho", rho}, {"steps", static_cast<double>(steps)}}), rho, factor);
  row.label = "start";  // the start's gradients, the same for every method
  result.rows.push_back(row);
  const std::string series = "ρ=" + number_text(rho, 3);
  figure.line("through time", series, "measured", back, norms);
  std::vector<double> predicted;
  for (double k : back) predicted.push_back(norms.front() * std::pow(rho, k - back.front()));
  figure.line("through time", series, "predicted", back, predicted);
}

}  // namespace

StudyResult analyse_vanishing_exploding(const StudyContext& context) {
  const auto runs = load_runs(context);
  StudyResult result;
  Figure gradients{"gradients", "Gradients at the start through time (‖∂f/∂h_{T−k}‖) and depth (‖∂f/∂W₁‖ against s)", {}, {}};
  gradients.panel("through time", "k (steps back from T)", "‖∂f/∂h_{T−k}‖ at the start", "linear", "log");
  Figure outcome{"outcome", "Training outcome log₁₀(f_final/f₀) over the start's scale and the learning rate", {}, {}};

  std::map<std::string, bool> seen_instance;  // one row per objective instance: the start is shared
  std::map<double, std::pair<std::vector<double>, std::vector<double>>> by_depth;  // depth → (s, ‖∂f/∂W₁‖)
  for (const StudyRun& run : runs) {
    const std::string instance = run.index.objective + " " + to_text(run.stored.spec.objective_params);
    const bool first = !seen_instance[instance];
    seen_instance[instance] = true;
    double scale = 0.0;
    if (run.index.objective == "linear_recurrence") {
      if (first) recurrence_rows(run, result, gradients);
      scale = run.constant("rho");
    } else if (run.index.objective == "deep_linear") {
      scale = run.objective_param("init_scale");
      if (first) {
        auto& [s, g] = by_depth[run.objective_param("depth")];
        s.push_back(scale);
        g.push_back(run.column("grad_norm_W1").front());
      }
    } else {
      continue;
    }
    const bool deep = run.index.objective == "deep_linear";
    const std::string panel = deep ? "deep_linear, depth " + number_text(run.objective_param("depth")) : run.index.objective;
    auto& p = outcome.panel(panel, deep ? "s (init_scale)" : "ρ", "learning rate", deep ? "log" : "linear", "log");
    p.value_label = "log₁₀(f_final/f₀), capped at 3";
    const double f0 = run.trace().f.front();
    const double ratio = run.index.f_final / f0;
    outcome.cell(panel, scale, run.trace().lr.size() > 1 ? run.trace().lr[1] : run.optimizer_param("lr"),
                 std::isfinite(ratio) ? std::min(std::log10(ratio), 3.0) : 3.0);
  }
  for (auto& [depth, points] : by_depth) {
    auto& [s, g] = points;
    std::vector<double> small_s, small_g;
    for (std::size_t i = 0; i < s.size(); ++i)
      if (s[i] <= kSmallScale) {
        small_s.push_back(s[i]);
        small_g.push_back(g[i]);
      }
    const std::string panel = "through depth";
    gradients.panel(panel, "s (init_scale)", "‖∂f/∂W₁‖ at the start", "log", "log");
    const std::string series = "depth " + number_text(depth, 3);
    gradients.line(panel, series, "measured", s, g);
    if (small_s.size() < 2) continue;
    StudyRow slope;
    slope.quantity = "log-log slope of ‖∂f/∂W₁‖ against s (s ≤ 0.5): L − 1";
    slope.objective = "deep_linear";
    slope.label = "start";
    slope.parameters = parameters_text({{"depth", depth},
                                        {"s_min", *std::min_element(small_s.begin(), small_s.end())},
                                        {"s_max", *std::max_element(small_s.begin(), small_s.end())}});
    slope.predicted = depth - 1;
    slope.measured = loglog_slope(small_s, small_g);
    result.rows.push_back(slope);
    std::vector<double> predicted;
    for (double x : s) predicted.push_back(small_g.front() * std::pow(x / small_s.front(), depth - 1));
    gradients.line(panel, series, "predicted", s, predicted);
  }
  result.figures = {gradients, outcome};
  result.notes = {"Deep linear networks: for s > 1/2 the residual grows like s^L and the slope rises "
                  "towards 2L - 1; the figure shows the whole range."};
  return result;
}

}  // namespace descent::studies
