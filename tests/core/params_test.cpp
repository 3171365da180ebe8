// The parameter layer: one field list per options aggregate fills it from a map, writes it
// back, describes it and checks its ranges.
#include <catch2/catch.hpp>

#include <array>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "descent/core/params.hpp"

namespace descent {
namespace {

enum class Shape { kRound, kSquare };
constexpr std::array<std::pair<std::string_view, Shape>, 2> kShapes{
    {{"round", Shape::kRound}, {"square", Shape::kSquare}}};

struct Sample {
  double rate = 0.5;
  std::optional<double> limit;
  std::int64_t count = 3;
  std::optional<std::int64_t> cap;
  bool enabled = true;
  std::optional<bool> verbose;
  std::string tag = "t";
  std::vector<double> weights = {1.0, 2.0};
  Shape shape = Shape::kRound;

  template <class V>
  void visit(V& v) {
    v.real("rate", rate, Range::open_unit(), "a rate");
    v.optional_real("limit", limit, Range::positive(), "a limit");
    v.integer("count", count, Range::closed(1, 10), "a count");
    v.optional_integer("cap", cap, Range::at_least(0), "a cap");
    v.flag("enabled", enabled, "a switch");
    v.optional_flag("verbose", verbose, "an optional switch");
    v.text("tag", tag, "a tag");
    v.reals("weights", weights, Range::non_negative(), "weights");
    v.choice("shape", shape, kShapes, "a shape");
  }
  void validate() const {
    if (cap && *cap > count) throw ConfigError("cap", "cap must not exceed count");
  }
};

TEST_CASE("options from an empty map keep every default", "[params]") {
  const Sample s = options_from<Sample>({});
  CHECK(s.rate == 0.5);
  CHECK_FALSE(s.limit);
  CHECK(s.count == 3);
  CHECK(s.shape == Shape::kRound);
}

TEST_CASE("options from a map take every kind of value", "[params]") {
  const Sample s = options_from<Sample>({{"rate", 0.25},
                                         {"limit", std::int64_t{2}},
                                         {"count", 7.0},
                                         {"cap", std::int64_t{4}},
                                         {"enabled", false},
                                         {"verbose", true},
                                         {"tag", std::string("x")},
                                         {"weights", std::vector<double>{0.0, 3.0}},
                                         {"shape", std::string("square")}});
  CHECK(s.rate == 0.25);
  CHECK(s.limit == 2.0);  // an integer is accepted for a real
  CHECK(s.count == 7);    // and an integral real for an integer
  CHECK(s.cap == 4);
  CHECK_FALSE(s.enabled);
  CHECK(s.verbose == true);
  CHECK(s.tag == "x");
  CHECK(s.weights == std::vector<double>{0.0, 3.0});
  CHECK(s.shape == Shape::kSquare);
}

TEST_CASE("bad values are configuration errors naming the key and the rule", "[params]") {
  using Catch::Matchers::Contains;
  CHECK_THROWS_WITH(options_from<Sample>({{"rate", 1.0}}), Contains("0 < rate < 1"));
  CHECK_THROWS_WITH(options_from<Sample>({{"count", 2.5}}), Contains("'count' must be an integer"));
  CHECK_THROWS_WITH(options_from<Sample>({{"enabled", 1.0}}), Contains("'enabled' must be bool"));
  CHECK_THROWS_WITH(options_from<Sample>({{"shape", std::string("oval")}}),
                    Contains("\"round\", \"square\""));
  CHECK_THROWS_WITH(options_from<Sample>({{"weights", std::vector<double>{-1.0}}}),
                    Contains("0 <= weights"));
  CHECK_THROWS_WITH(options_from<Sample>({{"colour", 1.0}}),
                    Contains("unknown key 'colour'") && Contains("rate"));
  CHECK_THROWS_WITH(options_from<Sample>({{"cap", std::int64_t{9}}}),
                    Contains("cap must not exceed count"));
}

TEST_CASE("non-finite reals break every range, bounded or not", "[params]") {
  const double inf = std::numeric_limits<double>::infinity();
  CHECK_THROWS_AS(options_from<Sample>({{"limit", inf}}), ConfigError);
  CHECK_THROWS_AS(options_from<Sample>({{"limit", std::numeric_limits<double>::quiet_NaN()}}),
                  ConfigError);
  CHECK_FALSE(Range::any().contains(inf));
  CHECK_FALSE(Range::any().contains(-inf));
  CHECK(Range::any().contains(-1e300));
}

TEST_CASE("params_of writes every field back, and reads back to the same options", "[params]") {
  Sample s;
  s.limit = 3.0;
  const ParamMap map = params_of(s);
  CHECK(map.size() == 7);  // nine fields; verbose and cap are unset
  CHECK(std::get<double>(map.at("limit")) == 3.0);
  CHECK(std::get<std::string>(map.at("shape")) == "round");
  CHECK(params_of(options_from<Sample>(map)) == map);
  CHECK(to_text(map).find("rate=0.5;") != std::string::npos);
}

TEST_CASE("fields_of describes type, default and rule for `descent show`", "[params]") {
  const auto fields = fields_of<Sample>();
  REQUIRE(fields.size() == 9);
  CHECK(fields[0].name == "rate");
  CHECK(fields[0].type == "real");
  CHECK(fields[0].default_text == "0.5");
  CHECK(fields[0].rule == "0 < rate < 1");
  CHECK(fields[1].default_text == "none");
  CHECK(fields[8].rule == "one of round, square");
  CHECK(fields[8].default_text == "\"round\"");
}

TEST_CASE("real numbers are written as the shortest text that reads back exactly", "[params]") {
  CHECK(to_text(ParamValue(0.1)) == "0.1");
  CHECK(to_text(ParamValue(1e-7)) == "1e-07");
  CHECK(to_text(ParamValue(1.0 / 3.0)) == "0.3333333333333333");     // 16 digits suffice
  CHECK(to_text(ParamValue(0.1 + 0.2)) == "0.30000000000000004");  // 17 are needed
  CHECK(to_text(ParamValue(std::vector<double>{1.0, 0.5})) == "[1, 0.5]");
}

TEST_CASE("a real's text is the first \"%.Ng\" that reads back, N = 1 ... 16, else 17 digits",
          "[params]") {
  // Run ids hash this text, so it must follow the rule exactly, for every double: checked
  // against the search from N = 1 over random bit patterns (every exponent, subnormals
  // included) and over values near powers of ten with three-digit exponents.
  const auto searched = [](double value) {
    char text[32];
    for (int digits = 1; digits < 17; ++digits) {
      std::snprintf(text, sizeof text, "%.*g", digits, value);
      if (std::strtod(text, nullptr) == value) return std::string(text);
    }
    std::snprintf(text, sizeof text, "%.17g", value);
    return std::string(text);
  };
  std::mt19937_64 bits(20261129);
  std::vector<double> values;
  for (int i = 0; i < 100000; ++i) {
    const double value = std::bit_cast<double>(bits());
    if (std::isfinite(value)) values.push_back(value);
  }
  for (int exponent = -320; exponent <= 308; ++exponent) {
    const double power = std::pow(10.0, exponent);
    values.insert(values.end(), {power, std::nextafter(power, 0.0), std::nextafter(power, 2 * power),
                                 9.5 * power, 0.95 * power, -power});
  }
  values.insert(values.end(), {0.0, -0.0, std::numeric_limits<double>::denorm_min(),
                               std::numeric_limits<double>::max(), 123456.0, 1e5, 1e-4});
  for (const double value : values) {
    INFO(searched(value));
    REQUIRE(to_text(ParamValue(value)) == searched(value));
  }
}

TEST_CASE("validate_fields checks an aggregate built in code", "[params]") {
  Sample s;
  s.count = 11;
  CHECK_THROWS_AS(validate_fields(s), ConfigError);
  s.count = 5;
  CHECK_NOTHROW(validate_fields(s));
}

// An aggregate that holds Sample as a group of its keys, beside a key of its own.
struct Holder {
  Sample sample;
  std::int64_t floor = 0;

  template <class V>
  void visit(V& v) {
    v.integer("floor", floor, Range::at_least(0), "a floor");
    v.group(sample);
  }
  void validate() const {
    if (floor > sample.count) throw ConfigError("floor", "floor must not exceed count");
  }
};

TEST_CASE("a group's keys stand among its holder's, and its cross-field rules run first",
          "[params]") {
  const ParamMap given{{"floor", std::int64_t{2}}, {"count", std::int64_t{4}}, {"cap", std::int64_t{4}}};
  const Holder holder = options_from<Holder>(given);
  CHECK(holder.floor == 2);
  CHECK(holder.sample.count == 4);
  CHECK(params_of(holder).size() == params_of(holder.sample).size() + 1);
  CHECK(fields_of<Holder>().front().name == "floor");
  CHECK(fields_of<Holder>().size() == fields_of<Sample>().size() + 1);
  CHECK_THROWS_AS(options_from<Holder>({{"bogus", 1.0}}), ConfigError);

  // Both rules broken: the group's is reported.
  const ParamMap both{{"floor", std::int64_t{9}}, {"count", std::int64_t{4}}, {"cap", std::int64_t{5}}};
  CHECK_THROWS_WITH(options_from<Holder>(both), Catch::Contains("cap must not exceed count"));
  Holder built;
  built.sample.cap = 5;
  built.sample.count = 4;
  CHECK_THROWS_WITH(validate_fields(built), Catch::Contains("cap must not exceed count"));
  built.sample.cap.reset();
  built.floor = 5;
  CHECK_THROWS_WITH(validate_fields(built), Catch::Contains("floor must not exceed count"));
  built.floor = 4;
  CHECK_NOTHROW(validate_fields(built));
}

}  // namespace
}  // namespace descent
