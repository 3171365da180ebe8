// `descent show NAME --json [--param KEY=VALUE]... [--grid ...]` as the figure scripts run it.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support/subprocess.hpp"

using namespace descent;
using Catch::Matchers::WithinULP;

TEST_CASE("show --json gives the instance's minima, starts, domain and constants as data", "[cli][show]") {
  const auto shown = test::run_descent({"show", "rosenbrock", "--json", "--param", "a=2", "--param", "b=50.0"});
  INFO(shown.err);
  REQUIRE(shown.exit_status == 0);
  const auto json = nlohmann::json::parse(shown.out);
  REQUIRE(json["name"] == "rosenbrock");
  REQUIRE(json["family"] == "classic 2-D");
  REQUIRE(json["params"]["a"] == 2.0);
  REQUIRE(json["params"]["b"] == 50.0);
  REQUIRE(json["fields"].size() == 2);
  REQUIRE(json["dim"] == 2);
  REQUIRE(json["minima"].size() == 1);
  REQUIRE(json["minima"][0]["x"] == nlohmann::json::array({2.0, 4.0}));
  REQUIRE(json["minima"][0]["f"] == 0.0);
  REQUIRE(json["starts"][0] == nlohmann::json::array({-1.2, 1.0}));
  REQUIRE(json["domain"]["lower"] == nlohmann::json::array({-2.0, -2.0}));
  REQUIRE(json["formula"].get<std::string>().find("(a − x)²") != std::string::npos);
  REQUIRE(json["constants"] == nlohmann::json({{"dim", 2.0}}));  // no exact L or mu

  const auto quadratic = test::run_descent({"show", "quadratic", "--json", "--param", "eigenvalues=[1, 4, 9]",
                                            "--param", "spectrum=linear"});
  REQUIRE(quadratic.exit_status == 0);
  const auto quadratic_json = nlohmann::json::parse(quadratic.out);
  REQUIRE(quadratic_json["dim"] == 3);
  REQUIRE(quadratic_json["constants"] == nlohmann::json({{"L", 9.0}, {"mu", 1.0}, {"kappa", 9.0}, {"dim", 3.0}}));
}

TEST_CASE("show --json --grid gives f on the grid to the last bit", "[cli][show]") {
  const auto shown = test::run_descent({"show", "six_hump_camel", "--json", "--grid", "-1.5,1.5,-1,2,4"});
  INFO(shown.err);
  REQUIRE(shown.exit_status == 0);
  const auto grid = nlohmann::json::parse(shown.out)["grid"];
  REQUIRE(grid["x"] == nlohmann::json::array({-1.5, -0.5, 0.5, 1.5}));
  REQUIRE(grid["y"] == nlohmann::json::array({-1.0, 0.0, 1.0, 2.0}));
  REQUIRE(grid["f"].size() == 4);
  for (std::size_t j = 0; j < 4; ++j) {
    REQUIRE(grid["f"][j].size() == 4);
    for (std::size_t i = 0; i < 4; ++i) {
      const double x = grid["x"][i], y = grid["y"][j], x2 = x * x, y2 = y * y;
      const double f = (4.0 - 2.1 * x2 + x2 * x2 / 3.0) * x2 + x * y + (4.0 * y2 - 4.0) * y2;
      REQUIRE_THAT(grid["f"][j][i].get<double>(), WithinULP(f, 0));
    }
  }
}

TEST_CASE("show refuses a grid it cannot draw and options that do not apply, with status 2", "[cli][show]") {
  const std::vector<std::vector<std::string>> refused = {
      {"show", "sphere", "--json", "--grid", "-1,1,-1,1,10"},    // not 2-D
      {"show", "beale", "--grid", "-1,1,-1,1,10"},               // without --json
      {"show", "beale", "--json", "--grid", "1,-1,-1,1,10"},     // xmin > xmax
      {"show", "beale", "--json", "--grid", "-1,1,-1,1,1"},      // N < 2
      {"show", "beale", "--json", "--grid", "-1,1,-1,1"},        // four numbers
      {"show", "gd", "--json"},                                  // an optimizer
      {"show", "rosenbrock", "--param", "b=-1"},                 // out of range
      {"show", "rosenbrock", "--param", "c=1"},                  // unknown key
      {"show", "rosenbrock", "--param", "a"},                    // no value
  };
  for (const auto& args : refused) {
    INFO(args[1] << " " << args.back());
    const auto result = test::run_descent(args);
    REQUIRE(result.exit_status == 2);
    REQUIRE(result.out.empty());
    REQUIRE_THAT(result.err, Catch::StartsWith("descent: error: "));
  }
}

TEST_CASE("show lists the constants an objective knows, to 15 digits", "[cli][show]") {
  const auto matyas = test::run_descent({"show", "matyas"});
  INFO(matyas.err);
  REQUIRE(matyas.exit_status == 0);
  REQUIRE_THAT(matyas.out, Catch::Contains("\n  constants L = 1 mu = 0.04 kappa = 25 dim = 2\n"));

  const auto beale = test::run_descent({"show", "beale"});
  REQUIRE(beale.exit_status == 0);
  REQUIRE_THAT(beale.out, Catch::Contains("\n  constants dim = 2\n"));
}
