// second_order_rates: orders of convergence near a minimum x* with eₖ = ‖xₖ − x*‖
// (docs/studies.md#second_order_rates), x* the objective's known minimum closest to the
// final iterate.
//
// Newton: eₖ₊₁/eₖ² → ½‖H*⁻¹ T[u, u]‖, H* = ∇²f(x*), T = ∇³f(x*), u the unit direction of
//   xₖ − x* (Taylor: xₖ₊₁ − x* = ½ H*⁻¹ T[eₖ, eₖ] + O(eₖ³)). The prediction is computed at the
//   measured step's direction from the objective rebuilt from its stored parameters, T[u, u]
//   by a central difference of Hessian-vector products, (∇²f(x* + hu) − ∇²f(x* − hu))u / 2h.
// BFGS: superlinear, eₖ₊₁/eₖ → 0: the ratio at the last measured step is compared with the
//   limit 0 (at most the tolerance, 0.1 unless the study sets another).
// L-BFGS and CG: linear; the fitted rate (fits.hpp) is measured only.
// The measured step is the last k with eₖ₊₁ ≥ kAboveRounding, so rounding does not decide it.
#include <cmath>
#include <limits>

#include <Eigen/Cholesky>

#include "descent/analysis/studies/fits.hpp"
#include "descent/analysis/studies/study_runs.hpp"

namespace descent::studies {

namespace {

constexpr double kAboveRounding = 1e-9;
constexpr double kThirdDerivativeStep = 1e-4;

Vector closest_minimum(const StudyRun& run) {
  const auto minima = run.objective->minima();
  Vector best = minima.front().x;
  for (const auto& minimum : minima)
    if ((minimum.x - run.stored.result.x_final).norm() < (best - run.stored.result.x_final).norm()) best = minimum.x;
  return best;
}

// ½‖H*⁻¹ T[u, u]‖.
double newton_constant(const Objective& objective, const Vector& minimum, const Vector& u) {
  Matrix h;
  objective.hessian(minimum, h);
  Vector plus, minus;
  objective.hessian_vector(minimum + kThirdDerivativeStep * u, u, plus);
  objective.hessian_vector(minimum - kThirdDerivativeStep * u, u, minus);
  const Vector t = (plus - minus) / (2 * kThirdDerivativeStep);
  return 0.5 * h.ldlt().solve(t).norm();
}

// The last k (as a row index) with eₖ₊₁ ≥ kAboveRounding; nothing when there is none.
std::optional<std::size_t> last_measured_step(const std::vector<double>& e) {
  std::optional<std::size_t> last;
  for (std::size_t i = 0; i + 1 < e.size(); ++i)
    if (e[i + 1] >= kAboveRounding && e[i] > 0.0) last = i;
  return last;
}

}  // namespace

StudyResult analyse_second_order_rates(const StudyRuns& runs) {
  StudyResult result;
  Figure figure{"errors", "‖xₖ − x*‖ against k: measured (markers) and Newton's predicted C·eₖ₋₁² (dashed)", {}, {}};
  for (const StudyRun& run : runs) {
    const Vector minimum = closest_minimum(run);
    const std::vector<double> e = run.distances(minimum);
    const auto& k = run.trace().iter;
    const std::string& opt = run.index.optimizer;
    const std::string params = parameters_text({{"dim", run.constant("dim")}});
    const std::string panel = run.index.objective;
    figure.panel(panel, "iteration k", "‖xₖ − x*‖", "linear", "log");
    figure.line(panel, run.index.label, "measured", std::vector<double>(k.begin(), k.end()), e);
    const auto step = last_measured_step(e);
    if (opt == "newton") {
      if (!step) continue;
      const Vector u = (run.iterate(*step) - minimum).normalized();
      const double constant = newton_constant(*run.objective, minimum, u);
      result.rows.push_back(row_for(run, "Newton: eₖ₊₁/eₖ² at the last step (→ ½‖H*⁻¹T[u,u]‖)", params, constant,
                                    e[*step + 1] / (e[*step] * e[*step])));
      std::vector<double> px, py;
      for (std::size_t i = 0; i + 1 < e.size(); ++i) {
        const Vector direction = (run.iterate(i) - minimum).normalized();
        px.push_back(static_cast<double>(k[i + 1]));
        py.push_back(newton_constant(*run.objective, minimum, direction) * e[i] * e[i]);
      }
      figure.line(panel, run.index.label, "predicted", px, py);
    } else if (opt == "bfgs") {
      if (!step) continue;
      result.rows.push_back(row_for(run, "BFGS: eₖ₊₁/eₖ at the last step (superlinear: → 0)", params, 0.0,
                                    e[*step + 1] / e[*step], Comparison::kAtMost));
    } else {
      const auto fit = fit_linear_rate(k, e);
      result.rows.push_back(row_for(run, "fitted linear rate of ‖x−x*‖", params, std::nullopt,
                                    fit ? fit->rate : std::nan("")));
    }
  }
  result.figures = {figure};
  result.notes = {"Newton's constant is evaluated at the direction of the measured step, its third "
                  "derivative by central differences of Hessian-vector products (h = 1e-4)."};
  return result;
}

}  // namespace descent::studies
