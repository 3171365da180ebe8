// `preset = "torch" | "optax" | "keras"`: a framework's documented defaults as the defaults of a
// method's parameters, explicit keys overriding them; the table in presets.cpp agrees with
// docs/methods.md, and every preset reproduces its framework's algorithm step for step.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "descent/objectives/quadratic/quadratic.hpp"
#include "descent/optimizers/presets.hpp"
#include "descent/optimizers/registry.hpp"
#include "support/config_errors.hpp"
#include "support/framework_reference.hpp"
#include "support/pinned_quadratic.hpp"
#include "support/scripted_context.hpp"
#include "support/tolerances.hpp"

using namespace descent;
using Catch::Matchers::Contains;
using namespace test::pinned;

namespace {

ParamMap normalized(const char* name, const ParamMap& params) {
  return find_optimizer(name)->normalize(params);
}
std::string text(const char* s) { return s; }
double real(const ParamMap& params, const char* key) { return std::get<double>(params.at(key)); }

using test::optimizer_error_of;

// The row docs/methods.md gives a preset: "| `torch` | `adam` | torch.optim.Adam | key = value, …
// |".
std::string docs_row(const PresetDefaults& entry) {
  std::string values;
  for (const auto& [key, value] : entry.values)
    values.append(values.empty() ? "" : ", ").append(key + " = " + to_text(value));
  return "| `" + preset_name(entry.preset) + "` | `" + std::string(entry.optimizer) + "` | " +
         std::string(entry.source) + " | " + (values.empty() ? "nothing" : values) + " |";
}

}  // namespace

TEST_CASE("preset = \"torch\" gives adam torch.optim.Adam's defaults", "[optimizers][presets]") {
  const ParamMap adam = normalized("adam", {{"preset", text("torch")}});
  CHECK(real(adam, "lr") == 1e-3);
  CHECK(real(adam, "eps") == 1e-8);
  CHECK(real(adam, "beta2") == 0.999);
  CHECK(std::get<std::string>(adam.at("eps_placement")) == "outside");
  CHECK_FALSE(std::get<bool>(adam.at("amsgrad")));
  CHECK(adam.count("preset") == 0);
}

TEST_CASE("each preset sets ν, its placement, β and the accumulators as its framework documents",
          "[optimizers][presets]") {
  CHECK(real(normalized("rmsprop", {{"preset", text("torch")}}), "beta") == 0.99);
  CHECK(std::get<std::string>(
            normalized("rmsprop", {{"preset", text("torch")}}).at("eps_placement")) == "outside");
  CHECK(real(normalized("rmsprop", {{"preset", text("optax")}}), "beta") == 0.9);
  CHECK(std::get<std::string>(
            normalized("rmsprop", {{"preset", text("keras")}}).at("eps_placement")) == "inside");
  CHECK(real(normalized("adagrad", {{"preset", text("torch")}}), "eps") == 1e-10);
  CHECK(real(normalized("adagrad", {{"preset", text("torch")}}), "initial_accumulator") == 0.0);
  CHECK(real(normalized("adagrad", {{"preset", text("optax")}}), "initial_accumulator") == 0.1);
  CHECK(real(normalized("adagrad", {{"preset", text("keras")}}), "initial_accumulator") == 0.1);
  CHECK(real(normalized("adam", {{"preset", text("keras")}}), "eps") == 1e-7);
  CHECK(
      std::get<std::string>(normalized("adam", {{"preset", text("keras")}}).at("eps_placement")) ==
      "outside_uncorrected");
}

TEST_CASE("keys given explicitly override the preset", "[optimizers][presets]") {
  const ParamMap adam =
      normalized("adam", {{"preset", text("torch")}, {"eps", 1e-6}, {"amsgrad", true}});
  CHECK(real(adam, "eps") == 1e-6);
  CHECK(std::get<bool>(adam.at("amsgrad")));
  CHECK(real(adam, "beta1") == 0.9);
}

TEST_CASE("preset = \"lecture\" is every method's own defaults", "[optimizers][presets]") {
  for (const auto& entry : optimizer_registry()) {
    INFO(entry.doc.name);
    CHECK(entry.normalize({{"preset", text("lecture")}}) == entry.normalize({}));
  }
}

TEST_CASE("a preset that is unknown, or that does not cover the method, is a configuration error",
          "[optimizers][presets][errors]") {
  CHECK_THAT(optimizer_error_of("adam", {{"preset", text("pytorch")}}),
             Contains("preset: ") && Contains("\"lecture\", \"torch\", \"optax\", \"keras\""));
  CHECK_THAT(optimizer_error_of("adam", {{"preset", 1.0}}), Contains("preset: ") && Contains("string"));
  CHECK_THAT(optimizer_error_of("newton", {{"preset", text("torch")}}),
             Contains("preset: ") && Contains("no defaults for optimizer 'newton'") &&
                 Contains("gd, momentum, nesterov, adagrad, rmsprop, adam"));
}

TEST_CASE("every preset entry names a registered method and valid values",
          "[optimizers][presets]") {
  for (const auto& entry : preset_table()) {
    INFO(entry.source);
    const auto* method = find_optimizer(entry.optimizer);
    REQUIRE(method != nullptr);
    const ParamMap resolved = method->normalize(entry.values);
    for (const auto& [key, value] : entry.values) CHECK(resolved.at(key) == value);
  }
}

TEST_CASE("docs/methods.md lists every preset with the values it sets",
          "[optimizers][presets][docs]") {
  std::ifstream in(std::string(DESCENT_SOURCE_DIR) + "/docs/methods.md");
  REQUIRE(in);
  std::stringstream docs;
  docs << in.rdbuf();
  for (const auto& entry : preset_table()) {
    const std::string row = docs_row(entry);
    INFO("expected in docs/methods.md:\n" << row);
    CHECK(docs.str().find(row) != std::string::npos);
  }
}

namespace {

void require_same_iterates(const char* name, const ParamMap& params,
                           const test::Iterates& reference) {
  for (std::size_t k = 0; k < reference.size(); ++k) {
    INFO(name << " step " << k + 1);
    require_equal(test::run_steps(name, params, problem(), kStart, static_cast<int>(k + 1)),
                  reference[k]);
  }
}

}  // namespace

TEST_CASE("preset = \"optax\" runs optax.adagrad and optax.adam with their defaults",
          "[optimizers][presets][exact]") {
  require_same_iterates("adagrad", {{"preset", text("optax")}, {"lr", 0.5}},
                        test::optax_adagrad({.lr = 0.5}, grad, kStart, 3));
  require_same_iterates("adam", {{"preset", text("optax")}, {"lr", 0.01}},
                        test::optax_adam({.lr = 0.01}, grad, kStart, 3));
}

TEST_CASE("preset = \"keras\" runs Keras 3 Adam and RMSprop with their defaults",
          "[optimizers][presets][exact]") {
  require_same_iterates("adam", {{"preset", text("keras")}}, test::keras_adam({}, grad, kStart, 3));
  require_same_iterates("rmsprop", {{"preset", text("keras")}},
                        test::keras_rmsprop({}, grad, kStart, 3));
}
