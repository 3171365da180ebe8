// regularized_newton: regularized Newton θ ← θ − Q diag(1/(m(λᵢ) + α)) Qᵀ g between Newton and
// gradient descent, and near saddles (docs/studies.md#regularized_newton).
//
// Path distance (objective "quadratic"): regularized Newton with fixed α against gradient
//   descent with lr = 1/α, paired by lr·α = 1 in the stored hyperparameters. Since
//   (H + αI)⁻¹ = α⁻¹(I − H/α + O(α⁻²)), the paths part by a relative O(L/α):
//   D(α) = maxₖ ‖xₖ − x̃ₖ‖ / maxₖ ‖x̃ₖ − x₀‖ (x̃ the GD path) has log-log slope −1 in α; the
//   slope is fitted over the pairs with α ≥ 10 L, where the expansion holds.
// Saddles (objectives saddle, monkey_saddle, indefinite_quadratic, each with its saddle at
//   the origin as their formulas state): over the stored starts,
//   - pure Newton (no line search) lands on the saddle: fraction of starts with final
//     ‖x‖ ≤ kAtSaddle; predicted 1 (for a quadratic the Newton step is −x, for the cubic
//     monkey saddle −x/2: Newton is attracted to every critical point);
//   - the other variants (but the fixed-α runs paired with GD above) escape: along eigenvector qᵢ of H = ∇²f(0) one step multiplies the
//     component by 1 − λᵢ/(m(λᵢ) + α) (m(λ) = λ fixed, |λ| abs_eigen, max(λ, δ) clamp); the
//     predicted per-step growth is the largest |factor| over i, from the stored regularization,
//     α and δ and the Hessian of the objective rebuilt from its stored parameters. Measured:
//     the median over starts of the linear rate fitted to ‖xₖ‖ (fits.hpp). Skipped where
//     ∇²f(0) is zero (the monkey saddle), whose growth is not linear.
#include <algorithm>
#include <cmath>
#include <map>

#include <Eigen/Eigenvalues>

#include "descent/analysis/studies/fits.hpp"
#include "descent/analysis/studies/study_runs.hpp"

namespace descent::studies {

namespace {

constexpr double kAtSaddle = 1e-6;
constexpr double kAsymptoticAlpha = 10.0;  // slope over α ≥ 10 L

bool is_saddle_objective(const std::string& name) {
  return name == "saddle" || name == "monkey_saddle" || name == "indefinite_quadratic";
}

bool is_pure_newton(const StudyRun& run) {
  return run.index.optimizer == "newton" && run.optimizer_text("line_search") == "none";
}

double modified(const StudyRun& run, double lambda) {
  const std::string regularization = run.optimizer_text("regularization");
  const double alpha = run.optimizer_param("alpha");
  if (regularization == "abs_eigen") return std::abs(lambda) + alpha;
  if (regularization == "clamp") return std::max(lambda, run.optimizer_param("delta")) + alpha;
  return lambda + alpha;
}

std::optional<double> predicted_growth(const StudyRun& run) {
  if (run.index.optimizer != "regularized_newton" || run.optimizer_text("regularization") == "adaptive")
    return std::nullopt;
  Matrix h;
  run.objective->hessian(Vector::Zero(run.objective->dim()), h);
  if (h.norm() == 0.0) return std::nullopt;
  const Eigen::SelfAdjointEigenSolver<Matrix> eigen(h);
  double growth = 0.0;
  for (const double lambda : eigen.eigenvalues()) growth = std::max(growth, std::abs(1.0 - lambda / modified(run, lambda)));
  return growth;
}

// A fixed-α run that some gradient-descent run pairs with (lr = 1/α) belongs to the path
// comparison, not to the saddle variants.
bool pairs_with_gd(const std::vector<StudyRun>& runs, const StudyRun& run) {
  if (run.index.optimizer != "regularized_newton" || run.optimizer_text("regularization") != "fixed") return false;
  const double alpha = run.optimizer_param("alpha");
  for (const StudyRun& gd : runs)
    if (gd.index.optimizer == "gd" && std::abs(gd.optimizer_param("lr") * alpha - 1.0) <= 1e-9) return true;
  return false;
}

void path_distances(const std::vector<StudyRun>& runs, StudyResult& result, Figure& figure) {
  std::vector<double> alphas, distances, asymptotic_alphas, asymptotic_distances;
  for (const StudyRun& newton : runs) {
    if (newton.index.objective != "quadratic" || newton.index.optimizer != "regularized_newton" ||
        newton.optimizer_text("regularization") != "fixed")
      continue;
    const double alpha = newton.optimizer_param("alpha");
    for (const StudyRun& gd : runs) {
      if (gd.index.optimizer != "gd" || gd.index.objective != "quadratic" ||
          gd.stored.spec.objective_params != newton.stored.spec.objective_params ||
          gd.index.start_index != newton.index.start_index ||
          std::abs(gd.optimizer_param("lr") * alpha - 1.0) > 1e-9)
        continue;
      double apart = 0.0, travelled = 0.0;
      const std::size_t rows = std::min(gd.trace().size(), newton.trace().size());
      for (std::size_t i = 0; i < rows; ++i) {
        apart = std::max(apart, (newton.iterate(i) - gd.iterate(i)).norm());
        travelled = std::max(travelled, (gd.iterate(i) - gd.iterate(0)).norm());
      }
      const double distance = apart / travelled;
      const double L = newton.constant("L");
      result.rows.push_back(row_for(newton, "relative distance to GD's path with lr = 1/α",
                                    parameters_text({{"alpha", alpha}, {"L", L}}), std::nullopt, distance));
      alphas.push_back(alpha);
      distances.push_back(distance);
      if (alpha >= kAsymptoticAlpha * L) {
        asymptotic_alphas.push_back(alpha);
        asymptotic_distances.push_back(distance);
      }
    }
  }
  if (asymptotic_alphas.size() >= 2) {
    StudyRow slope;
    slope.quantity = "log-log slope of the path distance against α (α ≥ 10L)";
    slope.objective = "quadratic";
    slope.label = "regularized_newton";
    slope.parameters = parameters_text({{"alpha_min", *std::min_element(asymptotic_alphas.begin(), asymptotic_alphas.end())},
                                        {"alpha_max", *std::max_element(asymptotic_alphas.begin(), asymptotic_alphas.end())}});
    slope.predicted = -1.0;
    slope.measured = loglog_slope(asymptotic_alphas, asymptotic_distances);
    result.rows.push_back(slope);
  }
  if (!alphas.empty()) {
    figure.panel("path distance", "α", "maxₖ‖xₖ − x̃ₖ‖ / maxₖ‖x̃ₖ − x₀‖", "log", "log");
    figure.line("path distance", "regularized Newton vs GD (lr = 1/α)", "measured", alphas, distances);
    // The predicted slope −1 through the largest α's point.
    std::vector<double> predicted;
    for (double a : alphas) predicted.push_back(distances.back() * alphas.back() / a);
    figure.line("path distance", "regularized Newton vs GD (lr = 1/α)", "predicted", alphas, predicted);
  }
}

}  // namespace

StudyResult analyse_regularized_newton(const StudyRuns& runs) {
  StudyResult result;
  Figure figure{"regularized_newton", "Regularized Newton: the path against GD's, and escape from saddles", {}, {}};
  path_distances(runs, result, figure);

  // Per saddle objective instance and method label: the runs over the starts.
  std::map<std::pair<std::string, std::string>, std::vector<const StudyRun*>> groups;
  for (const StudyRun& run : runs)
    if (is_saddle_objective(run.index.objective) && run.index.optimizer != "gd" && !pairs_with_gd(runs, run))
      groups[{run.index.objective, run.index.label}].push_back(&run);
  for (const auto& [key, group] : groups) {
    const StudyRun& first = *group.front();
    const std::string params = parameters_text({{"starts", static_cast<double>(group.size())}});
    if (is_pure_newton(first)) {
      double at_saddle = 0;
      for (const StudyRun* run : group) at_saddle += run->stored.result.x_final.norm() <= kAtSaddle;
      result.rows.push_back(row_for(first, "fraction of starts where pure Newton ends on the saddle", params, 1.0,
                                    at_saddle / static_cast<double>(group.size())));
      continue;
    }
    const auto growth = predicted_growth(first);
    if (!growth) continue;
    std::vector<double> rates;
    double escaped = 0;
    for (const StudyRun* run : group) {
      const std::vector<double> e = run->distances(Vector::Zero(run->objective->dim()));
      if (const auto fit = fit_linear_rate(run->trace().iter, e)) rates.push_back(fit->rate);
      escaped += e.back() > e.front();
    }
    if (rates.empty()) continue;
    std::string variant_params = "regularization=" + first.optimizer_text("regularization") + ";" +
                                 parameters_text({{"alpha", first.optimizer_param("alpha")}});
    result.rows.push_back(row_for(first, "per-step growth of ‖x − saddle‖ (median over starts)", variant_params,
                                  *growth, median(rates)));
    result.rows.push_back(row_for(first, "fraction of starts that escape the saddle", params, std::nullopt,
                                  escaped / static_cast<double>(group.size())));
    const std::string panel = "escape on " + first.index.objective;
    figure.panel(panel, "iteration k", "‖xₖ − saddle‖", "linear", "log");
    const StudyRun& shown = *group.front();
    const auto& k = shown.trace().iter;
    const std::vector<double> e = shown.distances(Vector::Zero(shown.objective->dim()));
    figure.line(panel, first.index.label, "measured", std::vector<double>(k.begin(), k.end()), e);
    std::vector<double> kx, ky;
    for (std::size_t i = 0; i < k.size(); ++i) {
      kx.push_back(static_cast<double>(k[i]));
      ky.push_back(e.back() * std::pow(*growth, static_cast<double>(k[i] - k.back())));
    }
    figure.line(panel, first.index.label, "predicted", kx, ky);
  }
  result.figures = {figure};
  result.notes = {"The saddle figures show the first start; the predicted line has the predicted growth and "
                  "ends at the last measured point."};
  return result;
}

}  // namespace descent::studies
