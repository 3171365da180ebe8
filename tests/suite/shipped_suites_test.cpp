// Every suite shipped in experiments/suites/ loads, validates and expands.
#include <catch2/catch.hpp>

#include <filesystem>

#include "descent/objectives/registry.hpp"
#include "descent/suite/suite.hpp"
#include "support/shipped_files.hpp"

using namespace descent;

TEST_CASE("every shipped suite loads and describes at least one run", "[suite]") {
  const auto files = test::shipped_toml_files("suites");
  for (const auto& file : files) {
    INFO(file.string());
    const Suite suite = load_suite(file, builtin_catalog());
    REQUIRE(suite.name == file.stem().string());
    REQUIRE_FALSE(suite.runs.empty());
  }
  REQUIRE(files.size() >= 1);
}
