// conditioning: rates against κ on quadratics (docs/studies.md#conditioning).
//
// Predictions, from the stored lr (ε), momentum (α) and the objective's constants μ, L:
//   gradient descent   r = max(|1 − εμ|, |1 − εL|)      ((κ − 1)/(κ + 1) at ε = 2/(L + μ))
//   heavy ball         r = max over λ ∈ {μ, L} of the larger |root| of z² − (1 + α − ελ)z + α
//                      ((√κ − 1)/(√κ + 1) at ε = 4/(√L + √μ)², α = r²); the extreme eigenvalues
//                      are the worst (the root modulus is √α inside [μ, L] where the roots are
//                      complex and grows outside it)
//   iterations to ‖xₖ − x*‖ ≤ 10⁻⁶‖x₀ − x*‖:  the k with rᵏ = 10⁻⁶ (k rᵏ = 10⁻⁶ for the double
//                      root); omits the constant C of eₖ ≈ C rᵏ, which depends on how much of
//                      x₀ − x* lies along the extreme eigenvectors, so these rows have the
//                      tolerance 0.3 and the slopes below carry the comparison
//   the log-log slope of those counts over the κ of the file: the same slope of the predicted
//                      counts (→ 1 for gradient descent, → ½ for heavy ball as κ grows)
//   Newton             1 iteration;   CG with exact line searches  ≤ n iterations
// Measurements: rates by fit_linear_rate on ‖xₖ − x*‖ (fits.hpp); at the optimal heavy-ball
// parameters the roots at μ and L are double, eₖ ≈ C k rᵏ, and the fit divides by k.
#include <cmath>
#include <complex>
#include <algorithm>
#include <map>

#include "descent/analysis/studies/fits.hpp"
#include "descent/analysis/studies/study_runs.hpp"

namespace descent::studies {

namespace {

constexpr double kTarget = 1e-6;       // relative distance for the iteration counts
constexpr double kCountTolerance = 0.3;
constexpr double kDoubleRoot = 1e-6;   // relative discriminant below which a root is double

struct HeavyBallRoots {
  double modulus;
  bool double_root;
};

HeavyBallRoots heavy_ball_roots(double lr, double momentum, double lambda) {
  const double b = 1.0 + momentum - lr * lambda;
  const double discriminant = b * b - 4.0 * momentum;
  const std::complex<double> root = std::sqrt(std::complex<double>(discriminant));
  const double modulus = std::max(std::abs((b + root) / 2.0), std::abs((b - root) / 2.0));
  return {modulus, std::abs(discriminant) <= kDoubleRoot * std::max(b * b, 4.0 * momentum)};
}

// The smallest k with k rᵏ ≤ target (Newton's iteration on log k + k log r = log target).
double double_root_count(double rate, double target) {
  double k = std::log(target) / std::log(rate);
  for (int i = 0; i < 50; ++i) k -= (std::log(k) + k * std::log(rate) - std::log(target)) / (1.0 / k + std::log(rate));
  return k;
}

// The first recorded iteration at or below the target, without interpolation (Newton and CG
// converge in finitely many steps, not at a linear rate).
std::optional<double> first_iteration_at(const std::vector<std::int64_t>& k, const std::vector<double>& e,
                                         double target) {
  for (std::size_t i = 0; i < e.size(); ++i)
    if (e[i] <= target) return static_cast<double>(k[i]);
  return std::nullopt;
}

struct Prediction {
  double rate;
  bool polynomial_factor = false;
};

std::optional<Prediction> predicted_rate(const StudyRun& run) {
  const double mu = run.constant("mu"), L = run.constant("L");
  if (run.index.optimizer == "gd") {
    const double lr = run.optimizer_param("lr");
    return Prediction{std::max(std::abs(1 - lr * mu), std::abs(1 - lr * L))};
  }
  if (run.index.optimizer == "momentum") {
    const double lr = run.optimizer_param("lr"), momentum = run.optimizer_param("momentum");
    const auto low = heavy_ball_roots(lr, momentum, mu), high = heavy_ball_roots(lr, momentum, L);
    const auto& worst = low.modulus >= high.modulus ? low : high;
    return Prediction{worst.modulus, worst.double_root};
  }
  return std::nullopt;
}

std::string instance_text(const StudyRun& run) {
  return parameters_text({{"kappa", run.constant("kappa")}, {"dim", run.constant("dim")}});
}

}  // namespace

StudyResult analyse_conditioning(const StudyRuns& runs) {
  StudyResult result;
  Figure rates{"rates", "Linear rate of ‖x − x*‖ against κ: fitted (markers) and predicted (lines)", {}, {}};
  rates.panel("rate", "condition number κ", "1 − rate", "log", "log");
  rates.panel("iterations", "condition number κ", "iterations to 1e-6 relative distance", "log", "log");
  Figure traces{"traces", "‖xₖ − x*‖/‖x₀ − x*‖ against k (markers) and the predicted C·rᵏ (lines)", {}, {}};

  struct SlopePoints {
    std::vector<double> kappa, measured, predicted;
  };
  std::map<std::string, SlopePoints> slopes;  // by label
  std::map<std::string, std::vector<double>> rate_kappa, rate_measured, rate_predicted;

  for (const StudyRun& run : runs) {
    const double kappa = run.constant("kappa");
    const std::vector<double> e = run.distances();
    std::vector<double> relative;
    for (double d : e) relative.push_back(d / e.front());
    const auto& k = run.trace().iter;
    const auto count = iterations_to(k, relative, kTarget);
    const std::string params = instance_text(run);
    const std::string& opt = run.index.optimizer;
    StudyRow count_row = row_for(run, "iterations to ‖x−x*‖ ≤ 1e-6‖x₀−x*‖", params, std::nullopt,
                                 count ? *count : std::nan(""), Comparison::kEqual, kCountTolerance);

    if (const auto prediction = predicted_rate(run)) {
      const auto fit = fit_linear_rate(k, e, prediction->polynomial_factor);
      result.rows.push_back(row_for(run, prediction->polynomial_factor ? "linear rate of ‖x−x*‖/k" : "linear rate of ‖x−x*‖",
                                    params, prediction->rate, fit ? fit->rate : std::nan("")));
      const double predicted_count = prediction->polynomial_factor
                                         ? double_root_count(prediction->rate, kTarget)
                                         : std::log(kTarget) / std::log(prediction->rate);
      count_row.predicted = predicted_count;
      result.rows.push_back(count_row);
      if (count) {
        slopes[run.index.label].kappa.push_back(kappa);
        slopes[run.index.label].measured.push_back(*count);
        slopes[run.index.label].predicted.push_back(predicted_count);
      }
      if (fit) {
        rate_kappa[run.index.label].push_back(kappa);
        rate_measured[run.index.label].push_back(1 - fit->rate);
        rate_predicted[run.index.label].push_back(1 - prediction->rate);
      }
      const std::string panel = run.index.label;
      traces.panel(panel, "iteration k", "relative distance", "linear", "log");
      const std::string series = "κ=" + number_text(kappa, 3) + ", n=" + number_text(run.constant("dim"), 3);
      traces.line(panel, series, "measured", std::vector<double>(k.begin(), k.end()), relative);
      std::vector<double> kx, ky;
      const double last = static_cast<double>(k.back());
      for (int i = 0; i <= 50; ++i) {
        const double kk = last * i / 50.0;
        kx.push_back(kk);
        ky.push_back(std::pow(prediction->rate, kk) * (prediction->polynomial_factor ? std::max(kk, 1.0) : 1.0));
      }
      traces.line(panel, series, "predicted", kx, ky);
    } else if (opt == "newton") {
      const auto steps = first_iteration_at(k, relative, kTarget);
      count_row.measured = steps ? *steps : std::nan("");
      count_row.quantity = "iterations to ‖x−x*‖ ≤ 1e-6‖x₀−x*‖ (Newton: one step)";
      count_row.predicted = 1.0;
      count_row.tolerance = 0.0;
      result.rows.push_back(count_row);
    } else if (opt == "cg") {
      const auto steps = first_iteration_at(k, relative, kTarget);
      count_row.measured = steps ? *steps : std::nan("");
      count_row.quantity = "iterations to ‖x−x*‖ ≤ 1e-6‖x₀−x*‖ (CG: at most n)";
      count_row.predicted = run.constant("dim");
      count_row.comparison = Comparison::kAtMost;
      count_row.tolerance = 0.0;
      result.rows.push_back(count_row);
    } else {
      if (!count) count_row.quantity = "‖x−x*‖/‖x₀−x*‖ at the last iteration (target not reached)";
      if (!count) count_row.measured = relative.back();
      result.rows.push_back(count_row);
    }
  }
  for (const auto& [label, points] : slopes) {
    if (points.kappa.size() < 2) continue;
    StudyRow slope;
    slope.quantity = "log-log slope of iterations against κ";
    slope.objective = "quadratic";
    slope.label = label;
    slope.parameters = parameters_text({{"kappa_min", *std::min_element(points.kappa.begin(), points.kappa.end())},
                                        {"kappa_max", *std::max_element(points.kappa.begin(), points.kappa.end())}});
    slope.predicted = loglog_slope(points.kappa, points.predicted);
    slope.measured = loglog_slope(points.kappa, points.measured);
    slope.tolerance = 0.1;
    result.rows.push_back(slope);
    rates.line("iterations", label, "measured", points.kappa, points.measured);
    rates.line("iterations", label, "predicted", points.kappa, points.predicted);
  }
  for (const auto& [label, kappa] : rate_kappa) {
    rates.line("rate", label, "measured", kappa, rate_measured[label]);
    rates.line("rate", label, "predicted", kappa, rate_predicted[label]);
  }
  result.figures = {rates, traces};
  result.notes = {
      "Iteration counts omit the constant C of e_k ~ C r^k and have the tolerance 0.3; slopes 0.1.",
      "CG's bound of n iterations holds for exact line searches in exact arithmetic; descent's CG "
      "uses a strong Wolfe search and restarts every n steps, and in double precision loses "
      "conjugacy on ill-conditioned spectra, so extra iterations are measured, not hidden."};
  return result;
}

}  // namespace descent::studies
