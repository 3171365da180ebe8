// The line searches: every accepted step satisfies the conditions its search claims, the
// accepted point's values are the ones left for the driver, and failure is a status.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <numbers>
#include <random>

#include "descent/line_search/armijo.hpp"
#include "descent/line_search/more_thuente.hpp"
#include "descent/line_search/strong_wolfe.hpp"
#include "descent/objectives/classic/beale.hpp"
#include "descent/objectives/quadratic/quadratic.hpp"
#include "descent/objectives/classic/rosenbrock.hpp"
#include "descent/objectives/saddles/saddles.hpp"
#include "descent/objectives/training/logistic_regression.hpp"
#include "descent/objectives/training/softmax_regression.hpp"
#include "support/classification_data.hpp"
#include "support/local_objectives.hpp"
#include "support/run_method.hpp"
#include "support/tolerances.hpp"

using namespace descent;
using Catch::Matchers::WithinRel;

namespace {

struct Line {
  double f0, slope0;
  Vector x, d;
};

// A random point in the box [-2, 2]ⁿ and a descent direction there: −g turned by a random
// perturbation of up to 80% of its length.
Line random_line(const Objective& objective, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> box(-2.0, 2.0);
  const Index n = objective.dim();
  Line line{0.0, 0.0, Vector(n), Vector(n)};
  do {
    for (Index i = 0; i < n; ++i) line.x[i] = box(rng);
    Vector g(n), noise(n);
    line.f0 = objective.value_gradient(line.x, g);
    for (Index i = 0; i < n; ++i) noise[i] = box(rng);
    line.d = -g + 0.8 * g.norm() / noise.norm() * noise * 0.5;
    line.slope0 = g.dot(line.d);
  } while (!(line.slope0 < 0.0));
  return line;
}

}  // namespace

TEST_CASE("accepted steps satisfy the conditions their search claims",
          "[line_search][theory]") {
  std::mt19937_64 rng(Catch::rngSeed());
  const Rosenbrock rosenbrock;
  const Beale beale;
  const Quadratic quadratic({.dim = 5, .kappa = 100.0, .spectrum = Spectrum::kLogUniform,
                             .eigenvalues = {}, .rotation = {.rotate = true, .seed = 1}});
  const Objective* objective = GENERATE_REF(as<const Objective*>{}, &rosenbrock, &beale, &quadratic);
  const auto [c1, c2] = GENERATE(std::pair{1e-4, 0.9}, std::pair{1e-4, 0.1}, std::pair{0.3, 0.4});
  const double t0 = GENERATE(1e-3, 1.0, 10.0);

  LineSearchOptions options;
  options.c1 = c1;
  options.c2 = c2;
  options.max_trials = 40;
  const Index n = objective->dim();
  Vector trial_x(n), trial_g(n), g(n);
  int accepted_wolfe = 0, accepted_armijo = 0, accepted_more_thuente = 0;
  for (int k = 0; k < 50; ++k) {
    const Line l = random_line(*objective, rng);
    for (auto kind : {LineSearchKind::kArmijo, LineSearchKind::kStrongWolfe,
                      LineSearchKind::kMoreThuente}) {
      options.line_search = kind;
      Evaluator evaluator(*objective);
      LineFunction line(evaluator, l.x, l.d, trial_x, trial_g);
      const auto result = search_line(line, l.f0, l.slope0, t0, options);
      INFO("search " << static_cast<int>(kind));
      REQUIRE(result.trials == evaluator.counts().f);
      if (result.status != LineSearchStatus::kAccepted) continue;
      // Armijo evaluates ∇f once, at the accepted step; the Wolfe searches at every trial.
      REQUIRE(evaluator.counts().grad ==
              (kind == LineSearchKind::kArmijo ? 1 : evaluator.counts().f));
      // Recomputed independently at x + t d.
      const Vector x = l.x + result.step * l.d;
      const double f = objective->value_gradient(x, g);
      REQUIRE(f <= l.f0 + c1 * result.step * l.slope0);
      REQUIRE_THAT(result.f, WithinRel(f, test::kExactStep));
      REQUIRE((trial_x - x).norm() <= test::kExactStep * x.norm());
      REQUIRE((trial_g - g).norm() <= 1e-12 * std::max(1.0, g.norm()));
      REQUIRE_THAT(result.slope, WithinRel(g.dot(l.d), 1e-12));
      if (kind == LineSearchKind::kArmijo) {
        ++accepted_armijo;
      } else {
        REQUIRE(std::fabs(g.dot(l.d)) <= c2 * std::fabs(l.slope0));
        ++(kind == LineSearchKind::kStrongWolfe ? accepted_wolfe : accepted_more_thuente);
      }
    }
  }
  // The searches succeed on smooth functions from these starts; failure is the exception.
  REQUIRE(accepted_armijo >= 45);
  REQUIRE(accepted_wolfe >= 45);
  REQUIRE(accepted_more_thuente >= 45);
}

TEST_CASE("armijo evaluates f at its trials and the gradient only at the accepted step",
          "[line_search][armijo][evaluations]") {
  // f = (x + y)² from (1, 0) along d = (−1, 0): φ(t) = (1 − t)², φ(0) = 1, φ'(0) = −2.
  // Trial t = 10: φ = 81 > 1 − 2·10⁻⁴·10, rejected; the quadratic through φ(0), φ'(0), φ(10)
  // is φ itself, so t_q = 2·100 / (2 (81 − 1 + 20)) = 1, inside [0.1·10, 0.5·10] = [1, 5].
  // Trial t = 1: φ = 0, accepted, φ'(1) = 0. Two f evaluations, one ∇f.
  const test::Valley valley;
  const Vector x{{1.0, 0.0}}, d{{-1.0, 0.0}};
  Vector trial_x(2), trial_g(2);
  Evaluator evaluator(valley);
  LineFunction line(evaluator, x, d, trial_x, trial_g);
  LineSearchOptions options;
  options.line_search = LineSearchKind::kArmijo;
  const auto result = search_line(line, 1.0, -2.0, 10.0, options);
  REQUIRE(result.status == LineSearchStatus::kAccepted);
  REQUIRE(result.step == 1.0);
  REQUIRE(result.f == 0.0);
  REQUIRE(result.slope == 0.0);
  REQUIRE(result.trials == 2);
  REQUIRE(evaluator.counts().f == 2);
  REQUIRE(evaluator.counts().grad == 1);
  REQUIRE(trial_g == Vector::Zero(2));
}

TEST_CASE("the Moré–Thuente step follows the four cases of §4 on known cubics",
          "[line_search][more_thuente][exact]") {
  using Sample = LineFunction::Sample;
  SECTION("case 1, a higher value: the cubic step unless the quadratic one is closer to tₓ") {
    // φ(t) = t³ − 3t: tₓ = 0 (φ = 0, φ' = −3), trial 2 (φ = 2, φ' = 9). The cubic step is the
    // minimiser 1; the quadratic through φ(0), φ'(0), φ(2) has its minimum at 0.75, closer to
    // tₓ, so the step is their mean 0.875. The trial becomes the far end of a bracket.
    MoreThuenteInterval interval{{0.0, 0.0, -3.0}, {0.0, 0.0, -3.0}, false};
    const double next = more_thuente_step(interval, Sample{2.0, 2.0, 9.0}, 0.0, 10.0);
    REQUIRE_THAT(next, WithinRel(0.875, test::kExactStep));
    REQUIRE(interval.bracketed);
    REQUIRE(interval.x.t == 0.0);
    REQUIRE(interval.y.t == 2.0);
  }
  SECTION("case 2, a lower value and slopes of opposite signs: the step farther from t") {
    // φ(t) = t³ − 3t: trial 1.5 (φ = −1.125, φ' = 3.75). Cubic step 1 (0.5 from t), secant
    // step 1.5 − 3.75/6.75 · 1.5 = 2/3 (5/6 from t): the secant one. tₓ ← 1.5, t_y ← 0.
    MoreThuenteInterval interval{{0.0, 0.0, -3.0}, {0.0, 0.0, -3.0}, false};
    const double next = more_thuente_step(interval, Sample{1.5, -1.125, 3.75}, 0.0, 10.0);
    REQUIRE_THAT(next, WithinRel(2.0 / 3.0, test::kExactStep));
    REQUIRE(interval.bracketed);
    REQUIRE(interval.x.t == 1.5);
    REQUIRE(interval.y.t == 0.0);
  }
  SECTION("case 3, the slope shrinking in magnitude: extrapolation kept in its range") {
    // φ(t) = (t − 3)²: tₓ = 0 (9, −6), trial 1 (4, −4); cubic and secant steps are both the
    // minimiser 3, inside [1.1, 4] but clamped to [1.5, 2].
    MoreThuenteInterval wide{{0.0, 9.0, -6.0}, {0.0, 9.0, -6.0}, false};
    REQUIRE_THAT(more_thuente_step(wide, Sample{1.0, 4.0, -4.0}, 1.1, 4.0),
                 WithinRel(3.0, test::kExactStep));
    REQUIRE_FALSE(wide.bracketed);
    REQUIRE(wide.x.t == 1.0);
    MoreThuenteInterval narrow{{0.0, 9.0, -6.0}, {0.0, 9.0, -6.0}, false};
    REQUIRE(more_thuente_step(narrow, Sample{1.0, 4.0, -4.0}, 1.5, 2.0) == 2.0);
    // In a bracket [0, 4] the step goes at most 0.66 of the way from t to t_y: 1 + 0.66·3.
    MoreThuenteInterval bracket{{0.0, 9.0, -6.0}, {4.0, 1.0, 2.0}, true};
    REQUIRE_THAT(more_thuente_step(bracket, Sample{1.0, 4.0, -4.0}, 0.0, 4.0),
                 WithinRel(1.0 + 0.66 * 3.0, test::kExactStep));
  }
  SECTION("case 4, the slope growing in magnitude: the range's end, or the cubic to t_y") {
    // φ(t) = t³/2 − 5t²/4 − t: φ' = 1.5 (t − 2)(t + 1/3), tₓ = 0 (0, −1), trial 1 (−1.75,
    // −2), t_y = 3 (−0.75, 5). Unbracketed: the far end of the allowed range; bracketed: the
    // cubic through the trial and t_y, whose minimiser is 2.
    MoreThuenteInterval open{{0.0, 0.0, -1.0}, {0.0, 0.0, -1.0}, false};
    REQUIRE(more_thuente_step(open, Sample{1.0, -1.75, -2.0}, 2.1, 5.0) == 5.0);
    MoreThuenteInterval bracket{{0.0, 0.0, -1.0}, {3.0, -0.75, 5.0}, true};
    REQUIRE_THAT(more_thuente_step(bracket, Sample{1.0, -1.75, -2.0}, 0.0, 3.0),
                 WithinRel(2.0, test::kExactStep));
    REQUIRE(bracket.x.t == 1.0);
    REQUIRE(bracket.y.t == 3.0);
  }
  SECTION("a trial that is not finite becomes the bracket's far end; the next is the midpoint") {
    MoreThuenteInterval interval{{0.5, -1.0, -1.0}, {0.5, -1.0, -1.0}, false};
    const double nan = std::numeric_limits<double>::quiet_NaN();
    REQUIRE(more_thuente_step(interval, Sample{4.5, nan, nan}, 0.0, 10.0) == 2.5);
    REQUIRE(interval.bracketed);
    REQUIRE(interval.y.t == 4.5);
    REQUIRE(interval.x.t == 0.5);
  }
}

namespace {

// φ(α) and φ'(α) of the one-dimensional test functions of Moré & Thuente (1994), §6, as an
// objective on the line x = α (direction d = 1 from x = 0, or d = −1 from x = 1).
class OneDimensional final : public Objective {
 public:
  using Phi = double (*)(double, const double*);
  OneDimensional(Phi phi, Phi dphi, std::initializer_list<double> beta)
      : value_(phi), slope_(dphi) {
    std::copy(beta.begin(), beta.end(), beta_);
  }
  Index dim() const override { return 1; }
  double value(const Vector& x) const override { return value_(x[0], beta_); }
  void gradient(const Vector& x, Vector& g) const override {
    g.setConstant(1, slope_(x[0], beta_));
  }
  void hessian(const Vector&, Matrix& h) const override { h.setZero(1, 1); }

 private:
  Phi value_, slope_;
  double beta_[2] = {0.0, 0.0};
};

// (1) φ = −α/(α² + β);  (2) φ = (α + β)⁵ − 2(α + β)⁴;  (3) φ = φ₀(α) + 2(1 − β)/(lπ)
// sin(lπα/2), l = 39, φ₀ = 1 − α below 1 − β, α − 1 above 1 + β, (α − 1)²/(2β) + β/2
// between;  (4–6) φ = γ(β₁)√((1 − α)² + β₂²) + γ(β₂)√(α² + β₁²), γ(β) = √(1 + β²) − β.
double phi1(double a, const double* b) { return -a / (a * a + b[0]); }
double dphi1(double a, const double* b) { return (a * a - b[0]) / std::pow(a * a + b[0], 2); }
double phi2(double a, const double* b) { return std::pow(a + b[0], 5) - 2.0 * std::pow(a + b[0], 4); }
double dphi2(double a, const double* b) {
  return 5.0 * std::pow(a + b[0], 4) - 8.0 * std::pow(a + b[0], 3);
}
constexpr double kWiggles = 39.0;
double phi3(double a, const double* b) {
  const double base = a <= 1.0 - b[0]   ? 1.0 - a
                      : a >= 1.0 + b[0] ? a - 1.0
                                        : (a - 1.0) * (a - 1.0) / (2.0 * b[0]) + b[0] / 2.0;
  return base + 2.0 * (1.0 - b[0]) / (kWiggles * std::numbers::pi) * std::sin(kWiggles * std::numbers::pi * a / 2.0);
}
double dphi3(double a, const double* b) {
  const double base = a <= 1.0 - b[0] ? -1.0 : a >= 1.0 + b[0] ? 1.0 : (a - 1.0) / b[0];
  return base + (1.0 - b[0]) * std::cos(kWiggles * std::numbers::pi * a / 2.0);
}
double gamma_of(double beta) { return std::sqrt(1.0 + beta * beta) - beta; }
double phi456(double a, const double* b) {
  return gamma_of(b[0]) * std::sqrt((1.0 - a) * (1.0 - a) + b[1] * b[1]) +
         gamma_of(b[1]) * std::sqrt(a * a + b[0] * b[0]);
}
double dphi456(double a, const double* b) {
  return gamma_of(b[0]) * (a - 1.0) / std::sqrt((1.0 - a) * (1.0 - a) + b[1] * b[1]) +
         gamma_of(b[1]) * a / std::sqrt(a * a + b[0] * b[0]);
}

struct SearchRun {
  double t0;
  std::int64_t trials;
  double step;
};

LineSearchResult more_thuente_on(const Objective& phi, double from, double direction, double t0,
                                 double c1, double c2) {
  const Vector x = Vector::Constant(1, from), d = Vector::Constant(1, direction);
  Vector g(1), trial_x(1), trial_g(1);
  const double f0 = phi.value_gradient(x, g);
  Evaluator evaluator(phi);
  LineFunction line(evaluator, x, d, trial_x, trial_g);
  LineSearchOptions options;
  options.line_search = LineSearchKind::kMoreThuente;
  options.c1 = c1;
  options.c2 = c2;
  return search_line(line, f0, g[0] * direction, t0, options);
}

}  // namespace

TEST_CASE("more_thuente reproduces the evaluation counts of Moré & Thuente's Tables 1-6",
          "[line_search][more_thuente][paper]") {
  // Moré & Thuente (1994), §6, Tables 1–6: each function from α = 0 with α₀ = 10⁻³, 10⁻¹,
  // 10, 10³, the counts of evaluations the tables list (the steps they print to 1–2 digits
  // are given here to 5, as MINPACK's search computes them). The counts depend on the
  // extrapolation range [1.1, 4], the choice among the four cases and the bisection rule:
  // with the range [1.1, 3] instead, 7 of the 24 counts change.
  struct Table {
    int number;
    OneDimensional phi;
    double c1, c2;
    std::vector<SearchRun> runs;
  };
  const std::vector<Table> tables = {
      {1, {phi1, dphi1, {2.0}}, 1e-3, 0.1,
       {{1e-3, 6, 1.3650}, {1e-1, 3, 1.4414}, {1e1, 1, 10.0}, {1e3, 4, 36.888}}},
      {2, {phi2, dphi2, {0.004}}, 0.1, 0.1,
       {{1e-3, 12, 1.5960}, {1e-1, 8, 1.5960}, {1e1, 8, 1.5960}, {1e3, 11, 1.5960}}},
      {3, {phi3, dphi3, {0.01}}, 0.1, 0.1,
       {{1e-3, 12, 1.0}, {1e-1, 12, 1.0}, {1e1, 10, 1.0}, {1e3, 13, 1.0}}},
      {4, {phi456, dphi456, {0.001, 0.001}}, 1e-3, 1e-3,
       {{1e-3, 4, 0.085}, {1e-1, 1, 0.1}, {1e1, 3, 0.34910}, {1e3, 4, 0.82940}}},
      {5, {phi456, dphi456, {0.01, 0.001}}, 1e-3, 1e-3,
       {{1e-3, 6, 0.075011}, {1e-1, 3, 0.077510}, {1e1, 7, 0.073142}, {1e3, 8, 0.076159}}},
      {6, {phi456, dphi456, {0.001, 0.01}}, 1e-3, 1e-3,
       {{1e-3, 13, 0.92790}, {1e-1, 11, 0.92615}, {1e1, 8, 0.92478}, {1e3, 11, 0.92440}}},
  };
  for (const Table& table : tables) {
    for (const SearchRun& run : table.runs) {
      INFO("Table " << table.number << ", α₀ = " << run.t0);
      const auto result = more_thuente_on(table.phi, 0.0, 1.0, run.t0, table.c1, table.c2);
      REQUIRE(result.status == LineSearchStatus::kAccepted);
      CHECK(result.trials == run.trials);
      CHECK_THAT(result.step, WithinRel(run.step, 1e-4));
    }
  }
}

TEST_CASE("more_thuente's stage 1 searches on ψ where a step lowers φ without sufficient decrease",
          "[line_search][more_thuente][paper]") {
  // Functions 4–6 from α = 1 along d = −1, α₀ = 1, c₁ = 0.1, c₂ = 0.9: the first trials lower
  // φ without sufficient decrease, so the steps are chosen on ψ(t) = φ(t) − φ(0) − c₁tφ'(0).
  // Counts and steps as MINPACK's search gives them (Dianne O'Leary's MATLAB translation
  // of cvsrch/cstep agrees); steps chosen on φ instead find no acceptable step for 4 and 5.
  const std::vector<std::pair<OneDimensional, SearchRun>> cases = {
      {{phi456, dphi456, {0.001, 0.001}}, {1.0, 6, 0.0038522}},
      {{phi456, dphi456, {0.01, 0.001}}, {1.0, 6, 0.0040126}},
      {{phi456, dphi456, {0.001, 0.01}}, {1.0, 4, 0.043447}},
  };
  for (const auto& [phi, run] : cases) {
    const auto result = more_thuente_on(phi, 1.0, -1.0, run.t0, 0.1, 0.9);
    REQUIRE(result.status == LineSearchStatus::kAccepted);
    CHECK(result.trials == run.trials);
    CHECK_THAT(result.step, WithinRel(run.step, 1e-4));
  }
}

TEST_CASE("a search that fails at the rounding floor of f reports the precision limit",
          "[line_search][precision_limit]") {
  // Floor: φ'(0) < 0, but every trial returns φ(0) + 2 ulps.
  const test::Floor floor(3);
  const Vector x = Vector::Ones(3);
  Vector g(3), trial_x(3), trial_g(3);
  floor.gradient(x, g);
  const Vector d = -g / g.norm();
  LineSearchOptions options;
  options.max_trials = 10;
  for (auto kind : {LineSearchKind::kArmijo, LineSearchKind::kStrongWolfe,
                    LineSearchKind::kMoreThuente}) {
    options.line_search = kind;
    Evaluator evaluator(floor);
    LineFunction line(evaluator, x, d, trial_x, trial_g);
    const auto result = search_line(line, floor.value(x), g.dot(d), 1.0, options);
    INFO("search " << static_cast<int>(kind));
    REQUIRE(result.status == LineSearchStatus::kPrecisionLimit);
  }
}

TEST_CASE("the cubic and quadratic interpolants find the minimiser of a quadratic exactly",
          "[line_search][exact]") {
  // φ(t) = (t − 3)², φ' = 2(t − 3)
  const auto phi = [](double t) { return (t - 3.0) * (t - 3.0); };
  const auto dphi = [](double t) { return 2.0 * (t - 3.0); };
  REQUIRE_THAT(cubic_minimizer(0.0, phi(0.0), dphi(0.0), 5.0, phi(5.0), dphi(5.0)),
               WithinRel(3.0, test::kExactStep));
  REQUIRE_THAT(cubic_minimizer(4.0, phi(4.0), dphi(4.0), 1.0, phi(1.0), dphi(1.0)),
               WithinRel(3.0, test::kExactStep));
  REQUIRE_THAT(quadratic_minimizer(0.0, phi(0.0), dphi(0.0), 1.0, phi(1.0)),
               WithinRel(3.0, test::kExactStep));
  // φ(t) = t³ − 3t: local minimiser t = 1
  REQUIRE_THAT(cubic_minimizer(0.0, 0.0, -3.0, 2.0, 2.0, 9.0), WithinRel(1.0, test::kExactStep));
}

TEST_CASE("a line search with no acceptable step reports failure, never throws",
          "[line_search][failure]") {
  // f = x² − y² along d = (0, 1) from (0, 0.5): φ decreases without bound, and φ'(t) never
  // shrinks, so no strong Wolfe step exists; a claimed descent direction that is not one
  // (d = (0, −1)) leaves Armijo nothing to accept either.
  const Saddle saddle;
  const Vector x{{0.0, 0.5}};
  Vector trial_x(2), trial_g(2);
  LineSearchOptions options;
  options.max_trials = 10;

  Evaluator evaluator(saddle);
  const Vector up{{0.0, 1.0}};
  LineFunction line(evaluator, x, up, trial_x, trial_g);
  options.line_search = LineSearchKind::kStrongWolfe;
  const auto wolfe = search_line(line, saddle.value(x), -1.0, 1.0, options);
  REQUIRE(wolfe.status == LineSearchStatus::kFailed);
  REQUIRE(wolfe.trials == 10);
  LineFunction again(evaluator, x, up, trial_x, trial_g);
  options.line_search = LineSearchKind::kMoreThuente;
  const auto more_thuente = search_line(again, saddle.value(x), -1.0, 1.0, options);
  REQUIRE(more_thuente.status == LineSearchStatus::kFailed);
  REQUIRE(more_thuente.trials == 10);

  const Vector down{{0.0, -1.0}};
  LineFunction wrong(evaluator, x, down, trial_x, trial_g);
  options.line_search = LineSearchKind::kArmijo;
  const auto armijo = search_line(wrong, saddle.value(x), -1.0, 1.0, options);
  REQUIRE(armijo.status == LineSearchStatus::kFailed);
}

TEST_CASE("a line search that fails ends the run with line_search_failed",
          "[line_search][driver][failure]") {
  // On the unbounded saddle, L-BFGS's strong Wolfe search finds no step along −g once it
  // heads down the y axis: the run ends with the stop reason, not an exception.
  const Saddle saddle;
  RunSettings settings;
  settings.max_iter = 100;
  const auto result = test::run_method("lbfgs", {{"max_trials", std::int64_t{8}}}, saddle,
                                       Vector{{0.5, 0.5}}, settings);
  REQUIRE(result.stop_reason == StopReason::kLineSearchFailed);
  REQUIRE(result.status() == RunStatus::kFailed);
}

TEST_CASE("c1 and c2 must satisfy 0 < c1 < c2 < 1", "[line_search][config]") {
  for (const char* name : {"newton", "regularized_newton", "bfgs", "lbfgs", "cg", "newton_cg"}) {
    INFO(name);
    const auto* entry = find_optimizer(name);
    REQUIRE_THROWS_MATCHES(entry->make({{"c1", 0.5}, {"c2", 0.4}}), ConfigError,
                           Catch::Matchers::Predicate<ConfigError>(
                               [](const ConfigError& e) { return e.key() == "c2"; }));
    REQUIRE_THROWS_AS(entry->make({{"c1", 0.0}}), ConfigError);
    REQUIRE_THROWS_AS(entry->make({{"c2", 1.0}}), ConfigError);
    REQUIRE_THROWS_AS(entry->make({{"line_search", std::string("exact")}}), ConfigError);
    REQUIRE_NOTHROW(entry->make({{"c1", 0.2}, {"c2", 0.3}}));
    REQUIRE_NOTHROW(entry->make({{"line_search", std::string("more_thuente")}}));
  }
}

TEST_CASE("a run whose line search meets the rounding floor ends with precision_limit, converged",
          "[line_search][driver][precision_limit]") {
  // On Floor no step lowers f: every method's first search ends at the floor. (Ten trials
  // keep the steps above an ulp of x, where x + t d would round back onto the start.)
  const test::Floor floor(4);
  RunSettings settings;
  settings.stop.grad_norm_inf = 1e-40;
  for (const char* method : {"lbfgs", "bfgs", "cg", "newton_cg"}) {
    const auto result = test::run_method(method, {{"max_trials", std::int64_t{10}}}, floor,
                                         Vector::Ones(4), settings);
    INFO(method << ": " << to_string(result.stop_reason));
    REQUIRE(result.stop_reason == StopReason::kPrecisionLimit);
    REQUIRE(result.status() == RunStatus::kConverged);
    REQUIRE(result.iterations == 0);
  }
}

TEST_CASE("real-data runs to ‖∇f‖∞ ≤ 1e-10 end at the rounding floor with precision_limit",
          "[line_search][driver][precision_limit][training]") {
  // The built-in classification data: overlapping, badly scaled classes, so the optimum has a
  // loss of order one and a gradient that f can no longer resolve long before 1e-10.
  const ClassificationDataParams data = test::synthetic_classes(500, 8, 1.0, 30.0);
  const LogisticRegression logistic({.data = data, .loss = {.l2 = 1e-3}});
  const SoftmaxRegression softmax({.data = data, .classes = 4, .loss = {.l2 = 1e-3}});
  const Objective* objective = GENERATE_REF(as<const Objective*>{}, &logistic, &softmax);
  const std::string method = GENERATE("lbfgs", "bfgs", "cg");
  RunSettings settings;
  settings.max_iter = 20000;
  settings.stop.grad_norm_inf = 1e-10;
  const auto result =
      test::run_method(method, {}, *objective, objective->standard_starts().front(), settings);
  INFO(method << " on " << (objective == &logistic ? "logistic" : "softmax") << ": "
              << to_string(result.stop_reason) << " after " << result.iterations
              << ", ‖g‖ = " << result.grad_norm_final << ", f = " << result.f_final);
  REQUIRE(result.stop_reason == StopReason::kPrecisionLimit);
  REQUIRE(result.status() == RunStatus::kConverged);
  // At the floor: the gradient is tiny and f is the optimum to rounding.
  REQUIRE(result.grad_norm_final < 1e-6);
}
