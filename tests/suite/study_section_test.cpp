// The [study] table: read with the suite, kept for `descent report` in the stored suite text,
// and refused with a located message when it names no known study; every shipped study loads.
#include <catch2/catch.hpp>

#include <filesystem>

#include "descent/objectives/registry.hpp"
#include "descent/suite/suite.hpp"
#include "support/config_errors.hpp"
#include "support/shipped_files.hpp"

using namespace descent;

namespace {

std::string suite_with(const std::string& study) {
  return "name = \"s\"\n" + study +
         "\n[[objective]]\nname = \"sphere\"\n[[optimizer]]\nname = \"gd\"\n";
}

std::string error_of(const std::string& text) { return test::suite_error_of(text, "study.toml"); }

}  // namespace

TEST_CASE("a [study] table names the analysis and an optional tolerance", "[suite][study]") {
  const Suite plain = parse_suite(suite_with(""), "s.toml", builtin_catalog());
  CHECK_FALSE(plain.study);
  const Suite study = parse_suite(suite_with("[study]\nkind = \"clipping\"\ntolerance = 0.2"), "s.toml",
                                  builtin_catalog());
  REQUIRE(study.study);
  CHECK(study.study->kind == "clipping");
  CHECK(study.study->tolerance == 0.2);
  CHECK(study_settings_of(study.toml_text, "stored") == study.study);
}

TEST_CASE("a bad [study] table is a located error naming the key and the rule", "[suite][study]") {
  CHECK(error_of(suite_with("[study]\nkind = \"conditionning\"")) ==
        "study.toml:3:8: study.kind: unknown study 'conditionning' (did you mean 'conditioning'?) "
        "(known studies: conditioning, lecture, second_order_rates, regularized_newton, "
        "vanishing_exploding, clipping, label_smoothing)");
  CHECK_THAT(error_of(suite_with("[study]\ntolerance = 0.1")),
             Catch::StartsWith("study.toml:2:1: study.kind: required key 'kind' is missing"));
  CHECK_THAT(error_of(suite_with("[study]\nkind = \"lecture\"\ntolerance = 2")),
             Catch::StartsWith("study.toml:4:13: study.tolerance: key 'tolerance' = 2") &&
                 Catch::Contains("0 < tolerance < 1"));
  CHECK_THAT(error_of(suite_with("[study]\nkind = \"lecture\"\ntolerence = 0.1")),
             Catch::StartsWith("study.toml:4:1: study.tolerence: unknown key 'tolerence'"));
  CHECK_THAT(error_of(suite_with("study = 3")), Catch::Contains("key 'study' must be a table"));
}

TEST_CASE("every shipped study loads and names its own kind", "[suite][study]") {
  const auto files = test::shipped_toml_files("studies");
  for (const auto& file : files) {
    INFO(file.string());
    const Suite suite = load_suite(file, builtin_catalog());
    REQUIRE(suite.study);
    CHECK(suite.study->kind == file.stem().string());
    CHECK(suite.name == file.stem().string());
  }
  CHECK(files.size() == study_kinds().size());
}
