// Grids in sweeps: { linspace = [a, b, n] } and { logspace = [a, b, n] }, for optimizers and
// objectives, with their endpoints exactly as written.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "descent/objectives/registry.hpp"
#include "descent/suite/suite.hpp"
#include "support/tolerances.hpp"

using namespace descent;
using Catch::Matchers::StartsWith;
using Catch::Matchers::WithinRel;

namespace {

Suite with_sweep(const std::string& sweep) {
  return parse_suite("name = \"g\"\n[[objective]]\nname = \"beale\"\n[[optimizer]]\nname = \"gd\"\n"
                     "sweep = " + sweep + "\n",
                     "grid.toml", builtin_catalog());
}

std::vector<double> swept_lr(const Suite& suite) {
  std::vector<double> values;
  for (const auto& run : suite.runs) values.push_back(std::get<double>(run.optimizer_params->at("lr")));
  return values;
}

}  // namespace

TEST_CASE("logspace spaces n values evenly in log10 from a to b", "[suite][grid]") {
  const auto lr = swept_lr(with_sweep("{ lr = { logspace = [3e-5, 0.3, 9] } }"));
  REQUIRE(lr.size() == 9);
  CHECK(lr.front() == 3e-5);
  CHECK(lr.back() == 0.3);
  for (std::size_t i = 1; i + 1 < lr.size(); ++i)  // two points per decade: ratio √10
    CHECK_THAT(lr[i], WithinRel(3e-5 * std::pow(10.0, 0.5 * static_cast<double>(i)), test::kExactStep));
  const Suite suite = with_sweep("{ lr = { logspace = [3e-5, 0.3, 9] } }");
  CHECK(suite.runs[0].label == "gd lr=3e-05");
}

TEST_CASE("linspace spaces n values evenly from a to b", "[suite][grid]") {
  const auto lr = swept_lr(with_sweep("{ lr = { linspace = [0.002, 0.017, 4] } }"));
  REQUIRE(lr.size() == 4);
  CHECK(lr.front() == 0.002);
  CHECK(lr.back() == 0.017);
  CHECK_THAT(lr[1], WithinRel(0.007, test::kExactStep));
  CHECK_THAT(lr[2], WithinRel(0.012, test::kExactStep));
}

TEST_CASE("a grid sweeps objective parameters too, integers included", "[suite][grid]") {
  const Suite suite = parse_suite(
      "name = \"g\"\n[[objective]]\nname = \"quadratic\"\n"
      "sweep = { dim = { linspace = [2, 8, 3] }, kappa = { logspace = [1, 1e4, 3] } }\n"
      "[[optimizer]]\nname = \"gd\"\n",
      "grid.toml", builtin_catalog());
  REQUIRE(suite.runs.size() == 9);
  const std::int64_t dims[] = {2, 5, 8};
  const double kappas[] = {1.0, 100.0, 1e4};
  for (std::size_t i = 0; i < 9; ++i) {
    CHECK(std::get<std::int64_t>(suite.runs[i].objective_params->at("dim")) == dims[i / 3]);
    CHECK_THAT(std::get<double>(suite.runs[i].objective_params->at("kappa")),
               WithinRel(kappas[i % 3], test::kExactStep));
  }
}

TEST_CASE("bad grids are located errors", "[suite][grid][errors]") {
  const auto [sweep, message] = GENERATE(table<std::string, std::string>({
      {"{ lr = { logspace = [0, 1, 5] } }",
       "grid.toml:6:29: optimizer[0].sweep.lr.logspace: key 'logspace' must be [a, b, n] with finite a < b, "
       "0 < a and an integer 2 <= n <= 100000; got a = 0"},
      {"{ lr = { linspace = [1, 0.5, 5] } }",
       "grid.toml:6:29: optimizer[0].sweep.lr.linspace: key 'linspace' must be [a, b, n] with finite a < b "
       "and an integer 2 <= n <= 100000; got a = 1, b = 0.5"},
      {"{ lr = { linspace = [0.1, 0.5, 1] } }", "grid.toml:6:29: optimizer[0].sweep.lr.linspace: "},
      {"{ lr = { linspace = [0.1, 0.5, 2.5] } }", "grid.toml:6:29: optimizer[0].sweep.lr.linspace: "},
      {"{ lr = { linspace = [0.1, 0.5] } }", "grid.toml:6:29: optimizer[0].sweep.lr.linspace: "},
      {"{ lr = { linspace = [0.1, \"b\", 3] } }", "grid.toml:6:29: optimizer[0].sweep.lr.linspace: "},
      {"{ lr = { geomspace = [0.1, 1, 3] } }",
       "grid.toml:6:18: optimizer[0].sweep.lr.geomspace: unknown key 'geomspace' (did you mean "
       "'logspace'?) (known keys: linspace, logspace)"},
      {"{ lr = { linspace = [0.1, 1, 3], logspace = [0.1, 1, 3] } }",
       "grid.toml:6:16: optimizer[0].sweep.lr: key 'lr' in sweep must be a non-empty list of values, "
       "{ linspace = [a, b, n] } or { logspace = [a, b, n] }, got a table with 2 keys"},
      {"{ lr = { linspace = [-1, 1, 3] } }",
       "grid.toml:6:29: optimizer[0].sweep.lr.linspace[0]: key 'lr' = -1 breaks the rule 0 < lr"},
  }));
  INFO(sweep);
  REQUIRE_THROWS_WITH(with_sweep(sweep), StartsWith(message));
}
