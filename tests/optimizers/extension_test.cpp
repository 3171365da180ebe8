// Adding a method from outside the library (docs/extending.md): sign-SGD, defined in this file
// only and handed to the engine in a Catalog beside the built-in objectives, gets everything the
// library's methods get: exact steps, the run's schedule, counted evaluations, suites.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "descent/core/catalog.hpp"
#include "descent/driver/driver.hpp"
#include "descent/objectives/registry.hpp"
#include "descent/optimizers/elementwise.hpp"
#include "descent/optimizers/gradient_descent.hpp"
#include "descent/optimizers/lbfgs.hpp"
#include "descent/optimizers/optimizer_entry.hpp"
#include "descent/optimizers/registry.hpp"
#include "descent/runner/runner.hpp"
#include "descent/suite/suite.hpp"
#include "support/pinned_quadratic.hpp"
#include "support/tolerances.hpp"

using namespace descent;
using Catch::Matchers::WithinRel;

namespace {

struct SignSgdOptions {
  double lr = 1e-2;  // ε > 0

  template <class V>
  void visit(V& v) {
    v.real("lr", lr, Range::positive(), "learning rate ε");
  }
};

class SignSgd final : public OptimizerWith<SignSgdOptions> {
 public:
  static constexpr MethodDoc kDoc{
      .name = "sign_sgd",
      .summary = "sign gradient descent: a step of length ε in every coordinate",
      .formula = "θ ← θ − ε sign(g)",
      .source = "Bernstein, Wang, Azizzadenesheli & Anandkumar (2018), signSGD"};
  using OptimizerWith::OptimizerWith;

  void reset(Index) override {}
  StepStatus step(Vector& x, StepContext& context) override {
    const double lr = context.lr();
    const double* g = context.g().data();
    double* p = x.data();
    for_each_element(x.size(), [=](Index i) { p[i] -= lr * ((g[i] > 0.0) - (g[i] < 0.0)); });
    return StepStatus::kOk;
  }
};

// The built-in objectives and methods, and sign-SGD.
const Catalog& catalog() {
  static const std::vector<OptimizerEntry> methods = [] {
    std::vector<OptimizerEntry> all = optimizer_registry();
    all.push_back(optimizer_entry<SignSgd>());
    return all;
  }();
  static const Catalog with_sign_sgd{builtin_catalog().objectives, methods};
  return with_sign_sgd;
}

using test::pinned::kStart;
using test::pinned::problem;

// sign(g) with g = (x₁, 4x₂).
Vector sign_of_gradient(const Vector& x) {
  return Vector{{x[0] > 0 ? 1.0 : -1.0, x[1] > 0 ? 1.0 : -1.0}};
}

RunResult run_sign_sgd(double lr, const RunSettings& settings) {
  auto method = catalog().find_optimizer("sign_sgd")->make({{"lr", lr}});
  return run_optimizer(problem(), *method, kStart, settings);
}

Vector iterate(const RunResult& result, std::size_t k) {
  return Eigen::Map<const Vector>(result.trace.x.data() + 2 * k, 2);
}

void require_equal(const Vector& got, const Vector& expected) {
  for (Index i = 0; i < expected.size(); ++i)
    REQUIRE_THAT(got[i], WithinRel(expected[i], test::kExactStep));
}

}  // namespace

TEST_CASE("a method's documentation is its kDoc, completed with the text of the option groups it takes",
          "[optimizers][extension][docs]") {
  const OptimizerDoc own = optimizer_entry<SignSgd>().doc;
  REQUIRE(own.name == "sign_sgd");
  REQUIRE(own.summary == SignSgd::kDoc.summary);
  REQUIRE(own.formula == SignSgd::kDoc.formula);
  REQUIRE(own.source == SignSgd::kDoc.source);
  REQUIRE(optimizer_entry<GradientDescent>().doc.formula ==
          std::string(GradientDescent::kDoc.formula).append(kWeightDecayFormula));
  REQUIRE(optimizer_entry<Lbfgs>().doc.formula ==
          std::string(Lbfgs::kDoc.formula).append(kLineSearchFormula));
}

TEST_CASE("a method in a catalog takes its exact steps and follows the run's schedule",
          "[optimizers][extension]") {
  const double eps = 0.1;
  RunSettings settings;
  settings.max_iter = 2;
  const Vector x1 = kStart - eps * sign_of_gradient(kStart);

  SECTION("constant rate: θ − ε sign(g), twice") {
    const RunResult result = run_sign_sgd(eps, settings);
    require_equal(iterate(result, 1), x1);
    require_equal(iterate(result, 2), x1 - eps * sign_of_gradient(x1));
  }
  SECTION("a step schedule halves ε for the second step") {
    settings.schedule = {.kind = ScheduleKind::kStep, .period = 1, .factor = 0.5};
    const RunResult result = run_sign_sgd(eps, settings);
    require_equal(iterate(result, 1), x1);
    require_equal(iterate(result, 2), x1 - 0.5 * eps * sign_of_gradient(x1));
    REQUIRE(result.trace.lr[2] == 0.5 * eps);
  }
}

TEST_CASE("a method in a catalog has its evaluations counted by the driver",
          "[optimizers][extension]") {
  RunSettings settings;
  settings.max_iter = 7;
  const RunResult result = run_sign_sgd(0.1, settings);
  REQUIRE(result.iterations == 7);
  // One f and ∇f at each iterate, θ₀ included; no Hessian.
  REQUIRE(result.evals.f == 8);
  REQUIRE(result.evals.grad == 8);
  REQUIRE(result.evals.hess == 0);
  REQUIRE(result.evals.hvp == 0);
  for (std::size_t k = 0; k < result.trace.size(); ++k)
    REQUIRE(result.trace.evals_f[k] == static_cast<std::int64_t>(k) + 1);
}

TEST_CASE("a suite names a method of its catalog like a built-in one",
          "[optimizers][extension][suite]") {
  const std::string suite_text = std::string(R"(
name = "sign-sgd"
[run]
max_iter = 2
schedule = { kind = "step", period = 1, factor = 0.5 }
)") + test::pinned::kObjectiveToml + R"(
[[optimizer]]
name = "sign_sgd"
lr = 0.1
)";
  const Suite suite = parse_suite(suite_text, "sign_sgd.toml", catalog());
  REQUIRE(suite.runs.size() == 1);
  REQUIRE(suite.runs[0].optimizer_params == ParamMap{{"lr", 0.1}});
  const RunResult through_engine = execute_run(suite.runs[0], catalog());
  RunSettings settings;
  settings.max_iter = 2;
  settings.schedule = {.kind = ScheduleKind::kStep, .period = 1, .factor = 0.5};
  REQUIRE(through_engine.x_final == run_sign_sgd(0.1, settings).x_final);

  SECTION("and its parameters are checked like a built-in method's") {
    using Catch::Matchers::Contains;
    std::string bad = suite_text;
    bad.replace(bad.find("lr = 0.1"), 8, "lr = -1.0");
    REQUIRE_THROWS_WITH(parse_suite(bad, "sign_sgd.toml", catalog()), Contains("0 < lr"));
    REQUIRE_THROWS_WITH(parse_suite(suite_text + "momentum = 0.9\n", "sign_sgd.toml", catalog()),
                        Contains("unknown key 'momentum'"));
    REQUIRE_THROWS_AS(parse_suite(suite_text, "sign_sgd.toml", builtin_catalog()), ConfigError);
  }
}
