// What the program prints besides its tables: `--json` on `check` and `run`, `show --preset`,
// suite paths relative to the working directory, counts in the right number ("1 run"), and a
// preset's values and name in the results file.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "descent/store/results_reader.hpp"
#include "support/run_suites.hpp"
#include "support/subprocess.hpp"
#include "support/temporary_directory.hpp"
#include "support/text_files.hpp"

using namespace descent;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

// One run of three iterations, with a torch preset on adam.
const char* const kOneRunSuite = R"(name = "one"
[run]
max_iter = 3
[[objective]]
name = "rosenbrock"
[[optimizer]]
name = "adam"
preset = "torch"
amsgrad = true
)";

}  // namespace

TEST_CASE("check --json gives the derivative check as data, with the same exit status",
          "[cli][check][json]") {
  const auto checked = test::run_descent({"check", "rosenbrock", "--points", "1", "--json"});
  INFO(checked.err);
  REQUIRE(checked.exit_status == 0);
  const auto json = nlohmann::json::parse(checked.out);
  CHECK(json["objective"] == "rosenbrock");
  CHECK(json["dim"] == 2);
  CHECK(json["points"] == 1);
  CHECK(json["passed"] == true);
  REQUIRE(json["errors"].size() == 12);
  CHECK(json["errors"][0]["step"].get<double>() == 0.1);
  CHECK(json["best_gradient_error"].get<double>() <= json["tolerance"].get<double>());
  CHECK_FALSE(json.contains("figure"));
}

TEST_CASE("counts take their noun in the right number", "[cli][plural]") {
  const auto checked = test::run_descent({"check", "rosenbrock", "--points", "1"});
  REQUIRE(checked.exit_status == 0);
  CHECK_THAT(checked.out, Contains("(dim 2, 1 point, all coordinates)"));
  const auto three = test::run_descent({"check", "rosenbrock", "--points", "3"});
  CHECK_THAT(three.out, Contains("3 points"));

  const test::SuiteFiles files("one", kOneRunSuite);
  const auto& [dir, suite, out] = files;
  const auto ran = test::run_descent({"run", suite.string(), "-o", out.string()});
  INFO(ran.err);
  REQUIRE(ran.exit_status == 0);
  CHECK_THAT(ran.out, Contains("(1 run of this suite)"));
  CHECK_THAT(ran.err, Contains("descent: 1 run to do"));
  CHECK_THAT(ran.err, !Contains("run(s)") && !Contains("1 runs"));
  CHECK_THAT(ran.err, Contains("after 3 iterations"));
}

TEST_CASE(
    "run --json prints the final summary as data; the file holds the preset's values and name",
    "[cli][run][json][presets]") {
  const test::SuiteFiles files("one", kOneRunSuite);
  const auto& [dir, suite, output] = files;
  const auto ran = test::run_descent({"run", suite.string(), "-o", output.string(), "--json"});
  INFO(ran.err);
  REQUIRE(ran.exit_status == 0);
  const auto json = nlohmann::json::parse(ran.out);  // nothing but the JSON on stdout
  CHECK(json["suite"] == "one");
  CHECK(json["output"] == output.string());
  CHECK(json["runs"] == 1);
  CHECK(json["ran"] == 1);
  CHECK(json["already_stored"] == 0);
  REQUIRE(json["summary"].size() == 1);
  const auto& row = json["summary"][0];
  CHECK(row["label"] == "adam");
  CHECK(row["objective"] == "rosenbrock");
  CHECK(row["stop_reason"] == "max_iter");
  CHECK(row["iterations"] == 3);
  CHECK(row["distance_to_minimum"].is_number());

  ResultsReader reader(output);
  const StoredRun stored = reader.run(row["run_id"].get<std::string>());
  CHECK(std::get<double>(stored.spec.optimizer_params->at("eps")) == 1e-8);
  CHECK(std::get<bool>(stored.spec.optimizer_params->at("amsgrad")));
  CHECK(stored.spec.optimizer_params->count("preset") == 0);
  CHECK(stored.spec.settings->preset == "torch");

  SECTION("on resume the summary counts the stored run") {
    const auto again =
        test::run_descent({"run", suite.string(), "-o", output.string(), "--json", "--quiet"});
    REQUIRE(again.exit_status == 0);
    CHECK(again.err.empty());
    const auto resumed = nlohmann::json::parse(again.out);
    CHECK(resumed["ran"] == 0);
    CHECK(resumed["already_stored"] == 1);
    CHECK(resumed["summary"][0]["run_id"] == row["run_id"]);
  }
}

TEST_CASE("list suites gives paths relative to the working directory", "[cli][list]") {
  const auto listed = test::run_descent({"list", "suites", "--json"});
  REQUIRE(listed.exit_status == 0);
  const auto json = nlohmann::json::parse(listed.out);
  REQUIRE_FALSE(json["suites"].empty());
  for (const auto& suite : json["suites"]) {
    const fs::path path = suite["path"].get<std::string>();
    INFO(path);
    CHECK(path.is_relative());
    CHECK(fs::is_regular_file(path));
    CHECK(fs::equivalent(path, fs::path(DESCENT_SOURCE_DIR) / "experiments/suites" /
                                   (suite["name"].get<std::string>() + ".toml")));
  }
  const auto text = test::run_descent({"list", "suites"});
  const std::string first = json["suites"][0]["path"];
  CHECK_THAT(text.out, Contains(" " + first + "\n"));
}

TEST_CASE("show --preset prints the values a framework preset resolves to",
          "[cli][show][presets]") {
  const auto shown = test::run_descent({"show", "adam", "--preset", "torch"});
  INFO(shown.err);
  REQUIRE(shown.exit_status == 0);
  CHECK_THAT(shown.out, Contains("preset torch: the defaults of torch.optim.Adam"));
  CHECK_THAT(shown.out, Contains("default 1e-08"));
  CHECK_THAT(shown.out, Contains("amsgrad") && Contains("default false"));
  const auto keras = test::run_descent({"show", "adam", "--preset", "keras"});
  CHECK_THAT(keras.out, Contains("default \"outside_uncorrected\""));
  const auto lecture = test::run_descent({"show", "adam"});
  CHECK_THAT(lecture.out, Contains("default 1e-07") && !Contains("preset"));

  for (const std::vector<std::string>& refused :
       {std::vector<std::string>{"show", "adam", "--preset", "pytorch"},
        std::vector<std::string>{"show", "bfgs", "--preset", "torch"},
        std::vector<std::string>{"show", "rosenbrock", "--preset", "torch"}}) {
    const auto result = test::run_descent(refused);
    INFO(refused[1] << " " << refused[3] << ": " << result.err);
    CHECK(result.exit_status == 2);
    CHECK_THAT(result.err, Contains("descent: error:"));
    CHECK(result.out.empty());
  }
}
