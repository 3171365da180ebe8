// Adding an objective takes one problem and the adaptor (docs/extending.md): Bohachevsky's
// function, defined here in the test tree only, passes the checks every registered objective
// passes and runs through the engine from a catalog that holds it with the built-in methods.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <random>

#include "descent/objectives/problem.hpp"
#include "descent/objectives/registry.hpp"
#include "descent/optimizers/registry.hpp"
#include "descent/runner/runner.hpp"
#include "descent/suite/suite.hpp"
#include "support/objective_checks.hpp"

using namespace descent;

namespace {

struct BohachevskyProblem {
  template <class T>
  T evaluate(std::span<const T> p) const {
    using std::cos;
    constexpr double pi = std::numbers::pi;
    return p[0] * p[0] + 2.0 * p[1] * p[1] - 0.3 * cos(3.0 * pi * p[0]) - 0.4 * cos(4.0 * pi * p[1]) + 0.7;
  }
  void gradient(const Vector& p, Vector& g) const {
    constexpr double pi = std::numbers::pi;
    g = Vector{{2.0 * p[0] + 0.9 * pi * std::sin(3.0 * pi * p[0]), 4.0 * p[1] + 1.6 * pi * std::sin(4.0 * pi * p[1])}};
  }
  void hessian(const Vector& p, Matrix& h) const {
    constexpr double pi = std::numbers::pi;
    h = Matrix{{2.0 + 2.7 * pi * pi * std::cos(3.0 * pi * p[0]), 0.0},
               {0.0, 4.0 + 6.4 * pi * pi * std::cos(4.0 * pi * p[1])}};
  }
  std::vector<KnownMinimum> minima() const { return {{Vector::Zero(2), 0.0, true}}; }
  std::vector<Vector> standard_starts() const { return {Vector{{0.6, -0.7}}}; }
  Box domain() const { return {Vector::Constant(2, -1.0), Vector::Constant(2, 1.0)}; }
  Index dim() const { return 2; }
  static ObjectiveDoc doc() {
    return {.name = "bohachevsky", .family = "classic 2-D",
            .summary = "Bohachevsky's function: a bowl with cosine ripples",
            .formula = R"(f(x, y) = x² + 2y² − 0.3 cos(3πx) − 0.4 cos(4πy) + 0.7
∇f = (2x + 0.9π sin(3πx), 4y + 1.6π sin(4πy))
∇²f = diag(2 + 2.7π² cos(3πx), 4 + 6.4π² cos(4πy))
global minimum f(0, 0) = 0; start (0.6, −0.7); domain [−1, 1]²)",
            .source = "I. O. Bohachevsky, M. E. Johnson & M. L. Stein (1986); Jamil & Yang (2013), no. 17"};
  }
};

const ObjectiveEntry& bohachevsky() {
  static const ObjectiveEntry entry = problem_entry<BohachevskyProblem>();
  return entry;
}

Catalog catalog() {
  static const std::vector<ObjectiveEntry> objectives{bohachevsky()};
  return {objectives, optimizer_registry()};
}

}  // namespace

TEST_CASE("an objective written with the adaptor alone has its documentation in its entry",
          "[objectives][extension]") {
  const ObjectiveEntry& entry = bohachevsky();
  REQUIRE(entry.name == "bohachevsky");
  REQUIRE(entry.family == "classic 2-D");
  REQUIRE(entry.fields.empty());
  REQUIRE(entry.normalize({}).empty());
  REQUIRE_THROWS_AS(entry.make({{"dim", std::int64_t{3}}}), ConfigError);
  const auto objective = entry.make({});
  REQUIRE(objective->dim() == 2);
  // f(½, ½) = ¼ + ½ − 0.3 cos(3π/2) − 0.4 cos(2π) + 0.7 = 1.05; the default Hv is H·v.
  REQUIRE_THAT(objective->value(Vector{{0.5, 0.5}}), Catch::Matchers::WithinRel(1.05, 1e-15));
  Vector hv;
  objective->hessian_vector(Vector::Zero(2), Vector{{1.0, 1.0}}, hv);
  const double pi2 = std::numbers::pi * std::numbers::pi;
  REQUIRE_THAT(hv[0], Catch::Matchers::WithinRel(2.0 + 2.7 * pi2, 1e-15));
  REQUIRE_THAT(hv[1], Catch::Matchers::WithinRel(4.0 + 6.4 * pi2, 1e-15));
}

TEST_CASE("an objective written with the adaptor passes the registry-wide checks",
          "[objectives][extension][autodiff]") {
  std::mt19937_64 rng(Catch::rngSeed());
  test::check_against_autodiff(bohachevsky(), rng);
  test::check_minima_and_starts(bohachevsky());
}

TEST_CASE("a suite runs an objective of the test tree through the engine", "[objectives][extension]") {
  const char* const text = R"(
name = "extension"
[run]
max_iter = 200
stop = { grad_norm = 1e-10 }
[[objective]]
name = "bohachevsky"
starts = [[0.05, -0.04]]
[[optimizer]]
name = "gd"
lr = 0.02
[[optimizer]]
name = "newton"
)";
  const Suite suite = parse_suite(text, "extension.toml", catalog());
  REQUIRE(suite.runs.size() == 2);
  REQUIRE_THROWS_AS(parse_suite(text, "extension.toml", builtin_catalog()), ConfigError);
  for (const auto& spec : suite.runs) {
    INFO(spec.label);
    const RunResult result = execute_run(spec, catalog());
    REQUIRE(result.stop_reason == StopReason::kConvergedGrad);
    REQUIRE(result.x_final.norm() < 1e-9);
    REQUIRE(std::abs(result.f_final) < 1e-15);  // 0.7 − 0.3 − 0.4 rounds to ~1e-16
  }
}
