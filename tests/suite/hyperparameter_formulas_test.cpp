// Hyperparameters computed from the objective's constants: lr = "2/(L + mu)" in an
// [[optimizer]] table is evaluated for each objective instance, stored as a value in the run's
// hyperparameters (and so in its id), with the formula's text in its settings.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "descent/objectives/registry.hpp"
#include "descent/store/results_reader.hpp"
#include "descent/suite/suite.hpp"
#include "support/subprocess.hpp"
#include "support/temporary_directory.hpp"
#include "support/tolerances.hpp"

using namespace descent;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using Catch::Matchers::WithinRel;

namespace {

// A quadratic with λ from μ = 1 to L = 37 (loguniform, κ = 37), on lines 2 to 4.
const std::string kQuadratic37 =
    "name = \"f\"\n[[objective]]\nname = \"quadratic\"\nparams = { dim = 5, kappa = 37 }\n";

Suite parse(const std::string& text) { return parse_suite(text, "formulas.toml", builtin_catalog()); }

double real(const ParamMap& params, const char* key) { return std::get<double>(params.at(key)); }

}  // namespace

TEST_CASE("heavy ball's optimal parameters from the constants of a quadratic with κ = 37",
          "[suite][formulas]") {
  const Suite suite = parse(kQuadratic37 +
                            "[[optimizer]]\nname = \"momentum\"\n"
                            "lr = \"4/(sqrt(L) + sqrt(mu))^2\"\n"
                            "momentum = \"((sqrt(kappa) - 1)/(sqrt(kappa) + 1))^2\"\n");
  REQUIRE(suite.runs.size() == 1);
  const RunSpec& run = suite.runs[0];
  const double root = std::sqrt(37.0);
  CHECK_THAT(real(run.optimizer_params, "lr"), WithinRel(4.0 / ((root + 1.0) * (root + 1.0)), test::kExactStep));
  CHECK_THAT(real(run.optimizer_params, "momentum"),
             WithinRel(std::pow((root - 1.0) / (root + 1.0), 2), test::kExactStep));
  CHECK(run.label == "momentum");
  CHECK(run.settings->formulas ==
        std::map<std::string, std::string, std::less<>>{
            {"lr", "4/(sqrt(L) + sqrt(mu))^2"}, {"momentum", "((sqrt(kappa) - 1)/(sqrt(kappa) + 1))^2"}});
  const ParamMap settings = params_of(*run.settings);
  CHECK(std::get<std::string>(settings.at("formula.lr")) == "4/(sqrt(L) + sqrt(mu))^2");
  CHECK(run_settings_from(settings).formulas == run.settings->formulas);
}

TEST_CASE("a formula is evaluated for each instance of an objective sweep", "[suite][formulas]") {
  const Suite suite = parse(
      "name = \"f\"\n[[objective]]\nname = \"quadratic\"\nparams = { dim = 4 }\n"
      "sweep = { kappa = [19, 399] }\n"
      "[[objective]]\nname = \"sum_of_squares\"\nparams = { dim = 6 }\n"
      "[[optimizer]]\nname = \"gd\"\nlr = \"2/(L + mu)\"\n");
  REQUIRE(suite.runs.size() == 3);
  CHECK(real(suite.runs[0].optimizer_params, "lr") == 2.0 / 20.0);   // λ ∈ [1, 19]
  CHECK(real(suite.runs[1].optimizer_params, "lr") == 2.0 / 400.0);  // λ ∈ [1, 399]
  CHECK(real(suite.runs[2].optimizer_params, "lr") == 2.0 / 14.0);   // λ ∈ [2, 12]
  for (const auto& run : suite.runs) CHECK(run.label == "gd");

  SECTION("the value is what the run uses; the formula's text is part of its settings and id") {
    const Suite by_value = parse(
        "name = \"f\"\n[[objective]]\nname = \"quadratic\"\nparams = { dim = 4, kappa = 19 }\n"
        "[[optimizer]]\nname = \"gd\"\nlr = 0.1\n");
    CHECK(by_value.runs[0].optimizer_params == suite.runs[0].optimizer_params);
    CHECK(by_value.runs[0].run_id != suite.runs[0].run_id);
  }
}

TEST_CASE("swept formulas are labelled as written, and strings of choices stay choices",
          "[suite][formulas]") {
  const Suite suite = parse(kQuadratic37 +
                            "[[optimizer]]\nname = \"adam\"\neps_placement = \"inside\"\n"
                            "sweep = { lr = [\"1/L\", 0.5, \"2/(L + mu)\"] }\n");
  REQUIRE(suite.runs.size() == 3);
  CHECK(suite.runs[0].label == "adam lr=1/L");
  CHECK(suite.runs[1].label == "adam lr=0.5");
  CHECK(suite.runs[2].label == "adam lr=2/(L + mu)");
  CHECK(real(suite.runs[0].optimizer_params, "lr") == 1.0 / 37.0);
  CHECK(suite.runs[1].settings->formulas.empty());
  CHECK(std::get<std::string>(suite.runs[0].optimizer_params->at("eps_placement")) == "inside");
}

TEST_CASE("an integer hyperparameter may be a formula with a whole value", "[suite][formulas]") {
  const Suite suite = parse(kQuadratic37 + "[[optimizer]]\nname = \"lbfgs\"\nmemory = \"dim - 2\"\n");
  CHECK(std::get<std::int64_t>(suite.runs[0].optimizer_params->at("memory")) == 3);
  REQUIRE_THROWS_WITH(parse(kQuadratic37 + "[[optimizer]]\nname = \"lbfgs\"\nmemory = \"dim/2\"\n"),
                      StartsWith("formulas.toml:7:10: optimizer[0].memory: key 'memory' = \"dim/2\" with "
                                 "objective[0] 'quadratic' (line 2) evaluates to 2.5: ") &&
                          Contains("integer"));
}

TEST_CASE("bad formulas stop the load with the file, line, column, key and rule",
          "[suite][formulas][errors]") {
  const std::string optimizer = "[[optimizer]]\nname = \"gd\"\n";
  SECTION("an unknown name") {
    REQUIRE_THROWS_WITH(parse(kQuadratic37 + optimizer + "lr = \"2/(L + nu)\"\n"),
                        StartsWith("formulas.toml:7:6: optimizer[0].lr: key 'lr' = \"2/(L + nu)\" is not a "
                                   "formula: at character 8, unknown name 'nu' (did you mean 'mu'?) "
                                   "(known constants: L, mu, kappa, rho, dim; functions: sqrt, log, exp, "
                                   "min, max)"));
  }
  SECTION("a syntax error in a swept formula, at the list element") {
    REQUIRE_THROWS_WITH(parse(kQuadratic37 + optimizer + "sweep = { lr = [0.1, \"1/(L\"] }\n"),
                        StartsWith("formulas.toml:7:22: optimizer[0].sweep.lr[1]: key 'lr' = \"1/(L\" is not a "
                                   "formula: at character 5, missing ')'"));
  }
  SECTION("a constant the objective does not know, naming the objective and what it knows") {
    const std::string text = "name = \"f\"\n[[objective]]\nname = \"rosenbrock\"\n" + optimizer +
                             "lr = \"1/(L + mu)\"\n";
    REQUIRE_THROWS_WITH(parse(text),
                        StartsWith("formulas.toml:6:6: optimizer[0].lr: key 'lr' = \"1/(L + mu)\" with "
                                   "objective[0] 'rosenbrock' (line 2): at character 4, the objective does "
                                   "not know the constant 'L' (it knows dim)"));
  }
  SECTION("a value that is not finite") {
    REQUIRE_THROWS_WITH(parse(kQuadratic37 + optimizer + "lr = \"1/(L - 37)\"\n"),
                        StartsWith("formulas.toml:7:6: optimizer[0].lr: key 'lr' = \"1/(L - 37)\" with "
                                   "objective[0] 'quadratic' (line 2) evaluates to inf, not a finite number"));
  }
  SECTION("a value out of the hyperparameter's range") {
    REQUIRE_THROWS_WITH(parse(kQuadratic37 + optimizer + "lr = \"mu - L\"\n"),
                        StartsWith("formulas.toml:7:6: optimizer[0].lr: key 'lr' = \"mu - L\" with "
                                   "objective[0] 'quadratic' (line 2) evaluates to -36: key 'lr' = -36 "
                                   "breaks the rule 0 < lr"));
  }
  SECTION("a formula for a choice is not one: the choice's own rule applies") {
    REQUIRE_THROWS_WITH(parse(kQuadratic37 + "[[optimizer]]\nname = \"adam\"\neps_placement = \"L\"\n"),
                        StartsWith("formulas.toml:7:17: optimizer[0].eps_placement: key 'eps_placement' = \"L\""));
  }
}

TEST_CASE("descent run stores the value in params/ and the formula in settings/",
          "[suite][formulas][cli]") {
  test::TemporaryDirectory dir;
  const auto suite = dir / "formulas.toml";
  std::ofstream(suite) << kQuadratic37 + "[run]\nmax_iter = 50\nrecord = { log = 5 }\n"
                                         "[[optimizer]]\nname = \"gd\"\nlr = \"2/(L + mu)\"\n";
  const auto out = dir / "formulas.h5";
  const auto result = test::run_descent({"run", suite.string(), "-o", out.string(), "--quiet"});
  INFO(result.err);
  REQUIRE(result.exit_status == 0);
  const ResultsReader reader(out);
  REQUIRE(reader.index().size() == 1);
  const StoredRun run = reader.run(reader.index()[0].run_id);
  CHECK(std::get<double>(run.spec.optimizer_params->at("lr")) == 2.0 / 38.0);
  CHECK(run.spec.settings->formulas.at("lr") == "2/(L + mu)");
  CHECK(run.spec.settings->record.log == 5);
  CHECK(compute_run_id(run.spec) == run.spec.run_id);
  CHECK(run.result.trace.iter == std::vector<std::int64_t>{0, 1, 2, 3, 4, 7, 10, 16, 26, 40, 50});
}

TEST_CASE("descent run refuses a bad formula with status 2 and writes nothing",
          "[suite][formulas][cli][errors]") {
  test::TemporaryDirectory dir;
  const auto suite = dir / "bad.toml";
  std::ofstream(suite) << kQuadratic37 + "[[optimizer]]\nname = \"gd\"\nlr = \"1/(L - L)\"\n";
  const auto out = dir / "bad.h5";
  const auto result = test::run_descent({"run", suite.string(), "-o", out.string()});
  CHECK(result.exit_status == 2);
  CHECK_THAT(result.err, Contains("bad.toml:7:6: optimizer[0].lr: key 'lr' = \"1/(L - L)\" with "
                                  "objective[0] 'quadratic' (line 2) evaluates to "));
  CHECK_FALSE(std::filesystem::exists(out));
}
