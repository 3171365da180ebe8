// An [[objective]] table's `sweep` expands to one objective instance per grid point, like an
// optimizer's sweep, each with its own parameters, objective, constants and start points.
#include <catch2/catch.hpp>

#include <string>

#include "descent/objectives/registry.hpp"
#include "descent/suite/suite.hpp"

using namespace descent;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

Suite parse(const std::string& objective_lines, const std::string& optimizer_lines = "name = \"gd\"\n") {
  return parse_suite("name = \"s\"\n[[objective]]\n" + objective_lines + "[[optimizer]]\n" + optimizer_lines,
                     "sweep.toml", builtin_catalog());
}

double real(const ParamMap& params, const char* key) { return std::get<double>(params.at(key)); }
std::int64_t integer(const ParamMap& params, const char* key) { return std::get<std::int64_t>(params.at(key)); }

}  // namespace

TEST_CASE("an objective sweep runs every optimizer on each instance, in sweep order",
          "[suite][objective_sweep]") {
  const Suite suite = parse("name = \"quadratic\"\nparams = { dim = 3, kappa = 2 }\n"
                            "sweep = { kappa = [20, 3e3] }\n",
                            "name = \"gd\"\nsweep = { lr = [0.004, 0.03] }\n");
  REQUIRE(suite.runs.size() == 4);
  const double kappas[] = {20.0, 20.0, 3e3, 3e3};
  const double lrs[] = {0.004, 0.03, 0.004, 0.03};
  for (std::size_t i = 0; i < 4; ++i) {
    INFO(i);
    CHECK(real(suite.runs[i].objective_params, "kappa") == kappas[i]);  // the swept value replaces params'
    CHECK(integer(suite.runs[i].objective_params, "dim") == 3);
    CHECK(real(suite.runs[i].optimizer_params, "lr") == lrs[i]);
  }

  SECTION("each instance is the run a table of its own would describe, id included") {
    const Suite single = parse("name = \"quadratic\"\nparams = { dim = 3, kappa = 3000 }\n",
                               "name = \"gd\"\nlr = 0.03\n");
    REQUIRE(single.runs.size() == 1);
    CHECK(single.runs[0].run_id == suite.runs[3].run_id);
    CHECK(single.runs[0].seed == suite.runs[3].seed);
  }
}

TEST_CASE("an objective sweep over two keys is their cartesian product, last key fastest",
          "[suite][objective_sweep]") {
  const Suite suite = parse("name = \"quadratic\"\nsweep = { kappa = [5, 50], dim = [2, 3] }\n");
  REQUIRE(suite.runs.size() == 4);
  const std::int64_t dims[] = {2, 2, 3, 3};
  const double kappas[] = {5.0, 50.0, 5.0, 50.0};
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(integer(suite.runs[i].objective_params, "dim") == dims[i]);
    CHECK(real(suite.runs[i].objective_params, "kappa") == kappas[i]);
    CHECK(suite.runs[i].dim() == dims[i]);  // the standard start of each instance
  }
}

TEST_CASE("random starts depend on the table, so instances of one dimension share them",
          "[suite][objective_sweep][starts]") {
  const Suite suite = parse("name = \"quadratic\"\nparams = { dim = 4 }\n"
                            "sweep = { kappa = [7, 70] }\nstarts = { random = 2, box = [-3, 3] }\n");
  REQUIRE(suite.runs.size() == 4);
  CHECK(suite.runs[0].x0 == suite.runs[2].x0);
  CHECK(suite.runs[1].x0 == suite.runs[3].x0);
  CHECK(suite.runs[0].x0 != suite.runs[1].x0);
}

TEST_CASE("bad objective sweeps are located errors", "[suite][objective_sweep][errors]") {
  SECTION("a key the objective does not have") {
    REQUIRE_THROWS_WITH(parse("name = \"quadratic\"\nsweep = { kapa = [7] }\n"),
                        StartsWith("sweep.toml:4:11: objective[0].sweep.kapa: unknown key 'kapa'") &&
                            Contains("dim, kappa, spectrum"));
  }
  SECTION("a value out of range, at the value") {
    REQUIRE_THROWS_WITH(parse("name = \"quadratic\"\nsweep = { kappa = [7, 0.5] }\n"),
                        StartsWith("sweep.toml:4:23: objective[0].sweep.kappa[1]: key 'kappa' = 0.5 "
                                   "breaks the rule 1 <= kappa"));
  }
  SECTION("a start of the wrong dimension for one instance") {
    REQUIRE_THROWS_WITH(parse("name = \"quadratic\"\nsweep = { dim = [2, 3] }\nstarts = [[1, 1]]\n"),
                        StartsWith("sweep.toml:5:11: objective[0].starts[0]: start 0 has 2 coordinates, "
                                   "but objective 'quadratic' has dimension 3"));
  }
  SECTION("a repeated value is a duplicate cell, at the sweep") {
    REQUIRE_THROWS_WITH(parse("name = \"quadratic\"\nsweep = { kappa = [7, 7.0] }\n"),
                        StartsWith("sweep.toml:4:9: objective[0].sweep: duplicate cell: run objective[0] "
                                   "(quadratic kappa=7) start 0") &&
                            Contains("objective[0] (quadratic kappa=7) start 0 × optimizer[0] (gd)"));
  }
  SECTION("a sweep that is not a table") {
    REQUIRE_THROWS_WITH(parse("name = \"quadratic\"\nsweep = [7]\n"),
                        StartsWith("sweep.toml:4:9: objective[0].sweep: key 'sweep' must be a table"));
  }
  SECTION("a list in params is still a type error: lists of values belong in sweep") {
    REQUIRE_THROWS_WITH(parse("name = \"quadratic\"\nparams = { kappa = [10, 100] }\n"),
                        StartsWith("sweep.toml:4:20: objective[0].params.kappa: "));
  }
}
