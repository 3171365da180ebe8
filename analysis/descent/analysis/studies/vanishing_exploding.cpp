// vanishing_exploding: gradients through time and depth at the start
// (docs/studies.md#vanishing_exploding).
//
// Linear recurrence hₜ = W hₜ₋₁ + U xₜ with symmetric start W = Q diag(λ) Qᵀ: ∂f/∂hₜ =
//   W^(T−t) ∂f/∂h_T, so along qᵢ the gradient scales like λᵢ^(T−t) and its norm, once the
//   largest |λᵢ| dominates, by ρ = max|λᵢ| per step back in time.
//   Norm: predicted the objective's constant rho (from its stored rho or eigenvalues); measured
//   exp of the least-squares slope of log ‖∂f/∂hₜ‖ (trace columns hidden_grad_norm_t, first
//   row) on T − t over the far half, T − t ≥ T/2, where the smaller eigenvalues have faded.
//   Per eigen-direction, for instances stored with eigen_components = true: predicted λᵢ (the
//   stored eigenvalues, or ρ(n − i)/n, the objective's rule without them); measured the
//   least-squares per-step factor of the component cᵢ,ₖ = cᵢ,_{T−k} (columns
//   hidden_grad_q<i>_<t>, linear_recurrence.hpp), Σ cₖcₖ₊₁ / Σ cₖ² — signed, so a negative
//   eigenvalue shows as one — over the k where |cᵢ,ₖ| ≥ kComponentFloor·‖∂f/∂h_{T−k}‖: below
//   it the component is rounding left by the larger directions (about 1e-16‖∂f/∂hₜ‖ per step).
//   Compared within kComponentTolerance: cᵢ,ₖ = λᵢᵏ cᵢ,₀ holds to rounding.
// Deep linear network, Wₖ = s Qₖ at the start: ∂f/∂W₁ = (W_L⋯W₂)ᵀ ∂f/∂M with M = W_L⋯W₁ and
//   ∂f/∂M = R Xᵀ/m, R = s^L Q_L⋯Q₁X − Y the residual. ‖∂f/∂W₁‖ itself mixes s^(L−1) with the
//   residual, which changes with s (−Y for small s, growing like s^L for s > 1); dividing by
//   ‖∂f/∂M‖ (trace column grad_norm_product, recorded with product_gradient = true) removes
//   the residual exactly: ‖∂f/∂W₁‖/‖∂f/∂M‖ = s^(L−1) for every s, as orthogonal factors keep
//   the norm. Predicted log-log slope L − 1 over all stored s (L the stored depth); the raw
//   slope of ‖∂f/∂W₁‖ is printed as measured only.
// Training outcome: log₁₀(f_final/f₀) of every run, a heat map over (ρ or s) × lr.
#include <algorithm>
#include <cmath>
#include <map>

#include "descent/analysis/studies/fits.hpp"
#include "descent/analysis/studies/study_runs.hpp"
#include "descent/core/config_error.hpp"

namespace descent::studies {

namespace {

constexpr double kComponentFloor = 1e-8;
constexpr double kComponentTolerance = 1e-6;

// The stored eigenvalues, or λᵢ = ρ(n − i)/n (linear_recurrence.hpp) without them.
std::vector<double> start_eigenvalues(const StudyRun& run) {
  std::vector<double> eigenvalues = run.objective_reals("eigenvalues");
  if (!eigenvalues.empty()) return eigenvalues;
  const double n = run.objective_param("hidden");
  for (double i = 0; i < n; ++i) eigenvalues.push_back(run.constant("rho") * (n - i) / n);
  return eigenvalues;
}

void direction_rows(const StudyRun& run, const std::vector<double>& norms, StudyResult& result, Figure& figure) {
  const auto steps = static_cast<std::int64_t>(norms.size()) - 1;
  const auto eigenvalues = start_eigenvalues(run);
  figure.panel("along eigenvectors", "k (steps back from T)", "|qᵢᵀ∂f/∂h_{T−k}| at the start", "linear", "log");
  for (std::size_t i = 0; i < eigenvalues.size(); ++i) {
    std::vector<double> back, components;
    for (std::int64_t k = 0; k <= steps; ++k) {
      const double c = run.column("hidden_grad_q" + std::to_string(i) + "_" + std::to_string(steps - k)).front();
      if (std::abs(c) < kComponentFloor * norms[static_cast<std::size_t>(steps - k)]) break;
      back.push_back(static_cast<double>(k));
      components.push_back(c);
    }
    if (components.size() < 2) continue;
    double cross = 0.0, square = 0.0;
    for (std::size_t k = 0; k + 1 < components.size(); ++k) {
      cross += components[k] * components[k + 1];
      square += components[k] * components[k];
    }
    const double lambda = eigenvalues[i];
    StudyRow row = row_for(run, "per-step factor of qᵢᵀ∂f/∂h_{T−k} along eigenvector i: λᵢ",
                           parameters_text({{"i", static_cast<double>(i)},
                                            {"k_max", back.back()},
                                            {"steps", static_cast<double>(steps)}}),
                           lambda, cross / square, Comparison::kEqual, kComponentTolerance);
    row.label = "start";
    result.rows.push_back(row);
    const std::string series = "λ=" + number_text(lambda, 3);
    std::vector<double> measured, predicted;
    for (std::size_t k = 0; k < components.size(); ++k) {
      measured.push_back(std::abs(components[k]));
      predicted.push_back(std::abs(components.front()) * std::pow(std::abs(lambda), back[k]));
    }
    figure.line("along eigenvectors", series, "measured", back, measured);
    figure.line("along eigenvectors", series, "predicted", back, predicted);
  }
}

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
  if (run.recorded("hidden_grad_q0_0")) direction_rows(run, norms, result, figure);
}

// The start's gradients of one deep_linear instance.
struct DepthPoint {
  double s = 0.0;
  double first_layer = 0.0;  // ‖∂f/∂W₁‖
  double product = 0.0;      // ‖∂f/∂M‖
};

void depth_rows(double depth, const std::vector<DepthPoint>& points, StudyResult& result, Figure& figure) {
  std::vector<double> s, ratio, first_layer, product, predicted;
  for (const DepthPoint& point : points) {
    s.push_back(point.s);
    ratio.push_back(point.first_layer / point.product);
    first_layer.push_back(point.first_layer);
    product.push_back(point.product);
    predicted.push_back(std::pow(point.s, depth - 1));
  }
  const std::string series = "depth " + number_text(depth, 3);
  figure.line("through depth", series, "measured", s, ratio);
  figure.line("through depth", series, "predicted", s, predicted);
  figure.line("first layer, raw", series, "measured", s, first_layer);
  figure.line("first layer, raw", series + ", ‖∂f/∂M‖", "measured", s, product);
  if (s.size() < 2) return;
  const std::string parameters =
      parameters_text({{"depth", depth},
                       {"s_min", *std::min_element(s.begin(), s.end())},
                       {"s_max", *std::max_element(s.begin(), s.end())}});
  StudyRow slope;
  slope.quantity = "log-log slope of ‖∂f/∂W₁‖/‖∂f/∂M‖ against s: L − 1";
  slope.objective = "deep_linear";
  slope.label = "start";
  slope.parameters = parameters;
  slope.predicted = depth - 1;
  slope.measured = loglog_slope(s, ratio);
  result.rows.push_back(slope);
  StudyRow raw = slope;
  raw.quantity = "log-log slope of ‖∂f/∂W₁‖ against s (residual included)";
  raw.predicted.reset();
  raw.measured = loglog_slope(s, first_layer);
  result.rows.push_back(raw);
}

}  // namespace

StudyResult analyse_vanishing_exploding(const StudyRuns& runs) {
  StudyResult result;
  Figure gradients{"gradients",
                   "Gradients at the start through time (‖∂f/∂h_{T−k}‖, per eigenvector) and depth "
                   "(‖∂f/∂W₁‖/‖∂f/∂M‖ against s)",
                   {}, {}};
  gradients.panel("through time", "k (steps back from T)", "‖∂f/∂h_{T−k}‖ at the start", "linear", "log");
  Figure outcome{"outcome", "Training outcome log₁₀(f_final/f₀) over the start's scale and the learning rate", {}, {}};

  std::map<std::string, bool> seen_instance;  // one row per objective instance: the start is shared
  std::map<double, std::vector<DepthPoint>> by_depth;
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
        if (!run.recorded("grad_norm_product"))
          throw ConfigError("product_gradient", "deep_linear run " + run.index.run_id +
                                                    " recorded no grad_norm_product; the study divides "
                                                    "‖∂f/∂W₁‖ by it: set product_gradient = true");
        by_depth[run.objective_param("depth")].push_back(
            {scale, run.column("grad_norm_W1").front(), run.column("grad_norm_product").front()});
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
  if (!by_depth.empty()) {
    gradients.panel("through depth", "s (init_scale)", "‖∂f/∂W₁‖/‖∂f/∂M‖ at the start", "log", "log");
    gradients.panel("first layer, raw", "s (init_scale)", "‖∂f/∂W₁‖ and ‖∂f/∂M‖ at the start", "log", "log");
  }
  for (const auto& [depth, points] : by_depth) depth_rows(depth, points, result, gradients);
  result.figures = {gradients, outcome};
  result.notes = {"Deep linear networks: ‖∂f/∂W₁‖ alone also carries the residual, which grows like s^L "
                  "for s > 1, so its raw slope exceeds L - 1; the ratio to ‖∂f/∂M‖ removes it."};
  return result;
}

}  // namespace descent::studies
