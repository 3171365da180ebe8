// Objective instances named by the parameters that differ among them.
#include <catch2/catch.hpp>

#include "descent/suite/instance_name.hpp"

using namespace descent;

TEST_CASE("instances are named by the parameters that differ, Greek names as letters",
          "[suite][instance_name]") {
  InstanceNames names;
  const ParamMap low{{"dim", std::int64_t{10}}, {"kappa", 10.0}, {"spectrum", std::string("linear")}};
  const ParamMap high{{"dim", std::int64_t{10}}, {"kappa", 1e3}, {"spectrum", std::string("linear")}};
  const ParamMap beale{{"a", 1.5}};
  names.add("quadratic", low);
  names.add("quadratic", high);
  names.add("quadratic", low);  // seen before: changes nothing
  names.add("beale", beale);
  REQUIRE(names.name("quadratic", low) == "quadratic κ=10");
  REQUIRE(names.name("quadratic", high) == "quadratic κ=1000");
  REQUIRE(names.name("beale", beale) == "beale");  // a single instance: the objective alone

  SECTION("several differing parameters in key order; long lists by their length") {
    InstanceNames more;
    const ParamMap a{{"alpha", 0.5}, {"eigenvalues", std::vector<double>{1, 2, 3, 4, 5}}, {"n", std::int64_t{2}}};
    const ParamMap b{{"alpha", 0.25}, {"eigenvalues", std::vector<double>{1, 2}}, {"n", std::int64_t{2}}};
    more.add("f", a);
    more.add("f", b);
    REQUIRE(more.name("f", a) == "f α=0.5, eigenvalues=[5 values]");
    REQUIRE(more.name("f", b) == "f α=0.25, eigenvalues=[1, 2]");
  }
}

TEST_CASE("parameter values are written exactly and plainly", "[suite][instance_name]") {
  REQUIRE(parameter_text(ParamValue(1000.0)) == "1000");
  REQUIRE(parameter_text(ParamValue(0.1)) == "0.1");
  REQUIRE(parameter_text(ParamValue(1e20)) == "1e+20");
  REQUIRE(parameter_text(ParamValue(std::string("outside"))) == "outside");
  REQUIRE(parameter_text(ParamValue(true)) == "true");
  REQUIRE(parameter_text(ParamValue(std::vector<double>{1.0, 2.5})) == "[1, 2.5]");
  REQUIRE(parameter_symbol("kappa") == "κ");
  REQUIRE(parameter_symbol("lr") == "lr");
}
