// Methods that form dense n×n matrices (Newton, regularized Newton, BFGS) against objectives
// above their dense-matrix limit: refused when the suite is loaded, located at the [[optimizer]]
// table and naming the [[objective]] and the limit; the runner refuses such a run as well,
// before allocating. Every other method runs on such an objective.
#include <catch2/catch.hpp>

#include <string>

#include "descent/core/config_error.hpp"
#include "descent/optimizers/registry.hpp"
#include "descent/runner/runner.hpp"
#include "descent/suite/suite.hpp"
#include "descent/objectives/registry.hpp"

using namespace descent;

namespace {

// A diagonal quadratic one coordinate above the limit: f, ∇f and Hv cost O(n).
const std::string kLargeQuadratic = "[[objective]]\nname = \"quadratic\"\nparams = { dim = " +
                                    std::to_string(kMaxDenseHessianDim + 1) + " }\n";

std::string suite_with(const std::string& optimizer) {
  return "name = \"large\"\n[run]\nmax_iter = 1\n[[objective]]\nname = \"beale\"\n" +
         kLargeQuadratic + "[[optimizer]]\nname = \"gd\"\n[[optimizer]]\nname = \"" + optimizer +
         "\"\n";
}

}  // namespace

TEST_CASE("the registry marks exactly the methods that hold n×n matrices", "[suite][dense]") {
  std::vector<std::string> dense;
  for (const auto& entry : optimizer_registry())
    if (entry.forms_dense_matrices) dense.push_back(entry.doc.name);
  REQUIRE(dense == std::vector<std::string>{"newton", "regularized_newton", "bfgs"});
}

TEST_CASE("a dense-matrix method on an objective above the limit is refused at load",
          "[suite][dense][errors]") {
  const std::string method = GENERATE("newton", "regularized_newton", "bfgs");
  INFO(method);
  try {
    parse_suite(suite_with(method), "suites/large.toml", builtin_catalog());
    FAIL("no ConfigError");
  } catch (const ConfigError& error) {
    const std::string message = error.what();
    INFO(message);
    REQUIRE(message.starts_with("suites/large.toml:11:1: optimizer[1]: "));
    REQUIRE(error.key() == "optimizer[1]");
    REQUIRE_THAT(message, Catch::Contains("objective[1] 'quadratic' (line 6)") &&
                              Catch::Contains("optimizer '" + method + "' forms dense n×n matrices") &&
                              Catch::Contains("dim 4097") && Catch::Contains("max_dense_dim 4096") &&
                              Catch::Contains("lbfgs, cg, newton_cg"));
  }
}

TEST_CASE("a dense-matrix method at the limit itself loads", "[suite][dense]") {
  const std::string text = "name = \"at_limit\"\n[[objective]]\nname = \"quadratic\"\n"
                           "params = { dim = " + std::to_string(kMaxDenseHessianDim) +
                           " }\n[[optimizer]]\nname = \"bfgs\"\n";
  REQUIRE(parse_suite(text, "at_limit.toml", builtin_catalog()).runs.size() == 1);
}

TEST_CASE("the runner refuses a dense-matrix run on a large objective before allocating",
          "[suite][dense]") {
  RunSpec spec;
  spec.objective = "extended_rosenbrock";
  spec.objective_params = find_objective(spec.objective)->normalize({{"dim", std::int64_t{1000000}}});
  const auto objective = find_objective(spec.objective)->make(spec.objective_params);
  spec.x0 = objective->standard_starts().front();
  spec.settings.edit().max_iter = 1;
  for (const auto& entry : optimizer_registry()) {
    INFO(entry.doc.name);
    spec.optimizer = entry.doc.name;
    spec.optimizer_params = entry.normalize({});
    if (entry.forms_dense_matrices) {
      REQUIRE_THROWS_MATCHES(execute_run(spec, builtin_catalog()), ConfigError,
                             Catch::Matchers::Message(*dense_matrix_conflict(entry, *objective)));
    } else {
      REQUIRE(execute_run(spec, builtin_catalog()).iterations <= 1);
    }
  }
}
