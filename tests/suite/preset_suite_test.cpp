// A suite with `preset = "torch"` on its optimizers: each run's hyperparameters are the values
// the preset resolves to, the preset's name is among its settings, and run through the driver
// each reproduces, step for step, torch.optim's documented algorithm with torch's defaults
// (support/framework_reference.hpp; torch itself is not needed).
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "descent/driver/driver.hpp"
#include "descent/objectives/registry.hpp"
#include "descent/suite/suite.hpp"
#include "support/config_errors.hpp"
#include "support/framework_reference.hpp"
#include "support/pinned_quadratic.hpp"
#include "support/run_method.hpp"
#include "support/tolerances.hpp"

using namespace descent;
using Catch::Matchers::Contains;

namespace {

constexpr int kSteps = 4;

const std::string kTorchSuite = std::string(R"(name = "torch defaults"
[run]
max_iter = 4
record = { x = true }

)") + test::pinned::kObjectiveToml + R"(
[[optimizer]]
name = "gd"
preset = "torch"
lr = 0.05

[[optimizer]]
name = "momentum"
preset = "torch"
lr = 0.05

[[optimizer]]
name = "adagrad"
preset = "torch"

[[optimizer]]
name = "rmsprop"
preset = "torch"

[[optimizer]]
name = "adam"
preset = "torch"
)";

Suite parse(const std::string& text) { return parse_suite(text, "torch.toml", builtin_catalog()); }

using test::pinned::grad;

// torch.optim with its defaults (lr where torch has none, and SGD's momentum, as the suite gives).
test::Iterates torch_reference(const std::string& optimizer, const Vector& x0) {
  if (optimizer == "gd") return test::torch_sgd({.lr = 0.05}, grad, x0, kSteps);
  if (optimizer == "momentum")
    return test::torch_sgd({.lr = 0.05, .momentum = 0.9}, grad, x0, kSteps);
  if (optimizer == "adagrad") return test::torch_adagrad({}, grad, x0, kSteps);
  if (optimizer == "rmsprop") return test::torch_rmsprop({}, grad, x0, kSteps);
  return test::torch_adam({}, grad, x0, kSteps);
}

}  // namespace

TEST_CASE("a suite with preset = \"torch\" reproduces torch.optim step for step",
          "[suite][presets][exact]") {
  const Suite suite = parse(kTorchSuite);
  REQUIRE(suite.runs.size() == 5);
  for (const RunSpec& run : suite.runs) {
    INFO(run.optimizer);
    const auto objective = find_objective(run.objective)->make(run.objective_params);
    const RunResult result =
        test::run_method(run.optimizer, run.optimizer_params, *objective, run.x0, run.settings);
    const test::Iterates torch = torch_reference(run.optimizer, run.x0);
    for (int k = 1; k <= kSteps; ++k) {
      INFO("step " << k);
      test::pinned::require_equal(test::iterate(result, static_cast<std::size_t>(k)),
                                  torch[static_cast<std::size_t>(k - 1)]);
    }
  }
}

TEST_CASE("a preset resolves to values among the hyperparameters and its name among the settings",
          "[suite][presets]") {
  const Suite suite = parse(kTorchSuite);
  const RunSpec& adam = suite.runs.back();
  REQUIRE(adam.optimizer == "adam");
  CHECK(std::get<double>(adam.optimizer_params->at("eps")) == 1e-8);
  CHECK(adam.optimizer_params->count("preset") == 0);
  CHECK(adam.settings->preset == "torch");
  const ParamMap settings = params_of(*adam.settings);
  CHECK(std::get<std::string>(settings.at("preset")) == "torch");
  CHECK(run_settings_from(settings).preset == "torch");
  CHECK(adam.label == "adam");
}

TEST_CASE("an explicit key overrides the preset, and a preset can be swept", "[suite][presets]") {
  const Suite suite = parse(
      "name = \"p\"\n[[objective]]\nname = \"rosenbrock\"\n"
      "[[optimizer]]\nname = \"adam\"\neps = 1e-6\nsweep = { preset = [\"lecture\", \"torch\", "
      "\"keras\"] }\n");
  REQUIRE(suite.runs.size() == 3);
  std::map<std::string, const RunSpec*> by_preset;
  for (const auto& run : suite.runs) by_preset[run.settings->preset] = &run;
  REQUIRE(by_preset.size() == 3);
  for (const auto& [preset, run] : by_preset)
    CHECK(std::get<double>(run->optimizer_params->at("eps")) == 1e-6);
  CHECK(std::get<std::string>(by_preset.at("keras")->optimizer_params->at("eps_placement")) ==
        "outside_uncorrected");
  CHECK(by_preset.at("torch")->label == "adam preset=torch");
}

TEST_CASE("a bad preset in a suite is located at its key", "[suite][presets][errors]") {
  const std::string head = "name = \"p\"\n[[objective]]\nname = \"rosenbrock\"\n[[optimizer]]\n";
  CHECK_THAT(test::suite_error_of(head + "name = \"adam\"\npreset = \"pytorch\"\n", "torch.toml"),
             Contains("torch.toml:6:10: optimizer[0].preset: ") &&
                 Contains("\"lecture\", \"torch\", \"optax\", \"keras\""));
  CHECK_THAT(test::suite_error_of(head + "name = \"bfgs\"\npreset = \"optax\"\n", "torch.toml"),
             Contains("torch.toml:6:10: optimizer[0].preset: ") &&
                 Contains("no defaults for optimizer 'bfgs'"));
}
