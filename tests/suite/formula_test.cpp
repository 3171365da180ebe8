// Formulas over an objective's constants (descent/suite/formula.hpp): the grammar's
// precedence and associativity, its functions, and errors that name the column at fault.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "descent/suite/formula.hpp"
#include "support/tolerances.hpp"

using namespace descent;
using Catch::Matchers::WithinRel;

namespace {

double value_of(const std::string& text, const ObjectiveConstants& constants = {}) {
  return Formula::parse(text).evaluate(constants);
}

// A formula refused, when parsed or else when evaluated with `constants`.
struct Bad {
  std::string text;
  std::size_t column;
  std::string message;  // a fragment
  ObjectiveConstants constants = {};
};

}  // namespace

TEST_CASE("operators bind as in arithmetic: ^ over unary minus over * / over + -",
          "[suite][formula]") {
  const auto [text, expected] = GENERATE(table<std::string, double>({
      {"1 + 2 * 3", 7.0},
      {"(1 + 2) * 3", 9.0},
      {"8 - 2 - 1", 5.0},        // left-associative
      {"8 / 2 / 2", 2.0},        // left-associative
      {"2^3^2", 512.0},          // right-associative: 2^(3^2)
      {"(2^3)^2", 64.0},
      {"-2^2", -4.0},            // -(2^2)
      {"2^-1", 0.5},
      {"--3", 3.0},
      {"2*-3", -6.0},
      {"3 - -3", 6.0},
      {"1e3 + .5 + 2. + 1E-1", 1002.6},
      {"  7  ", 7.0},
  }));
  INFO(text);
  CHECK_THAT(value_of(text), WithinRel(expected, test::kExactStep));
}

TEST_CASE("functions: sqrt, natural log, exp, and min and max of several arguments",
          "[suite][formula]") {
  CHECK(value_of("sqrt(16)") == 4.0);
  CHECK_THAT(value_of("log(exp(2.5))"), WithinRel(2.5, test::kExactStep));
  CHECK(value_of("min(3, 1, 2)") == 1.0);
  CHECK(value_of("max(3, 1 + 4, 2)") == 5.0);
  CHECK(value_of("sqrt(9)^2") == 9.0);
  CHECK(std::isnan(value_of("sqrt(-1)")));
  CHECK(std::isnan(value_of("min(sqrt(-1), 1)")));
  CHECK(std::isnan(value_of("max(1, sqrt(-1))")));  // NaN propagates, as in every operation
  CHECK(std::isinf(value_of("1/0")));
}

TEST_CASE("the lecture's step sizes from the constants of a quadratic with κ = 37",
          "[suite][formula]") {
  // Spectrum from μ = 1 to L = 37.
  const ObjectiveConstants c{{"L", 37.0}, {"mu", 1.0}, {"kappa", 37.0}, {"dim", 5.0}};
  CHECK_THAT(value_of("2/(L + mu)", c), WithinRel(2.0 / 38.0, test::kExactStep));
  CHECK_THAT(value_of("4/(sqrt(L) + sqrt(mu))^2", c),
             WithinRel(4.0 / std::pow(std::sqrt(37.0) + 1.0, 2), test::kExactStep));
  CHECK_THAT(value_of("((sqrt(kappa) - 1)/(sqrt(kappa) + 1))^2", c),
             WithinRel(std::pow((std::sqrt(37.0) - 1.0) / (std::sqrt(37.0) + 1.0), 2), test::kExactStep));
  CHECK(value_of("dim", c) == 5.0);
}

TEST_CASE("a formula lists the constants it uses", "[suite][formula]") {
  CHECK(Formula::parse("2/(L + mu) + L").constants() == std::vector<std::string>{"L", "mu"});
  CHECK(Formula::parse("0.1").constants().empty());
  CHECK(Formula::parse(" 1/L ").text() == " 1/L ");
}

TEST_CASE("malformed formulas, and a constant the objective does not know at its first use, are "
          "errors at the column of the character at fault",
          "[suite][formula][errors]") {
  const auto bad = GENERATE(values<Bad>({
      {"", 1, "empty"},
      {"   ", 1, "empty"},
      {"2/(L + nu)", 8,
       "unknown name 'nu' (did you mean 'mu'?) (known constants: L, mu, kappa, rho, dim; functions: sqrt"},
      {"2/(L + mu", 10, "missing ')' to close the '(' at column 3"},
      {"(1, 2)", 3, "expected ')' to close the '(' at column 1, got ','"},
      {"1 +", 4, "the formula ends where a number"},
      {"1 + * 2", 5, "unexpected '*' where a number"},
      {"2 L", 3, "unexpected 'L' after a complete expression"},
      {"1)", 2, "unexpected ')' after a complete expression"},
      {"sqrt 4", 1, "the function 'sqrt' needs its arguments in parentheses"},
      {"sqrt(1, 2)", 1, "sqrt takes 1 argument, got 2"},
      {"max(1)", 1, "max takes at least 2 arguments, got 1"},
      {"1e", 1, "malformed number '1e'"},
      {"1e999", 1, "out of the range of a double"},
      {"3 # 4", 3, "unexpected '#'"},
      {"+1", 1, "unexpected '+'"},
      {"1/L + 2/mu", 9, "does not know the constant 'mu'", {{"L", 2.0}, {"dim", 2.0}}},
  }));
  INFO("\"" << bad.text << "\"");
  try {
    Formula::parse(bad.text).evaluate(bad.constants);
    FAIL("no error");
  } catch (const FormulaError& error) {
    CHECK(error.column() == bad.column);
    CHECK_THAT(error.what(), Catch::Matchers::Contains(bad.message));
  }
}
