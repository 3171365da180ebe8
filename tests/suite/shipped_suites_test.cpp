// Every suite shipped in experiments/suites/ loads, validates and expands.
#include <catch2/catch.hpp>

#include <filesystem>

#include "descent/objectives/registry.hpp"
#include "descent/suite/suite.hpp"

using namespace descent;

TEST_CASE("every shipped suite loads and describes at least one run", "[suite]") {
  const std::filesystem::path dir = std::filesystem::path(DESCENT_SOURCE_DIR) / "experiments/suites";
  std::size_t suites = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".toml") continue;
    INFO(entry.path().string());
    const Suite suite = load_suite(entry.path(), builtin_catalog());
    REQUIRE(suite.name == entry.path().stem().string());
    REQUIRE_FALSE(suite.runs.empty());
    ++suites;
  }
  REQUIRE(suites >= 1);
}
