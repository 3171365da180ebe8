// The limits of a suite file: an empty file, and expansions beyond kMaxSuiteRuns runs (huge
// repeats, a sweep grid of millions of points, too many random starts, or a product of
// modest factors) are refused as located ConfigErrors before anything is expanded.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fstream>
#include <string>

#include "descent/objectives/registry.hpp"
#include "descent/core/config_error.hpp"
#include "descent/suite/suite.hpp"
#include "support/config_errors.hpp"
#include "support/temporary_directory.hpp"

using namespace descent;

namespace {

// "[first, first + step, …]" with n values.
std::string value_list(int n, double first, double step) {
  std::string text = "[";
  for (int i = 0; i < n; ++i)
    text.append(i ? ", " : "").append(std::to_string(first + step * i));
  return text + "]";
}

std::string error_of(const std::string& text) { return test::suite_error_of(text, "big.toml"); }

}  // namespace

TEST_CASE("an empty suite file is named as such", "[suite][errors]") {
  test::TemporaryDirectory dir;
  const auto path = dir / "empty.toml";
  std::ofstream(path).flush();
  REQUIRE_THROWS_MATCHES(load_suite(path, builtin_catalog()), ConfigError,
                         Catch::Matchers::Message(path.string() +
                                                  ":1:1: file: the suite file is empty (a suite "
                                                  "needs at least name, [[objective]] and "
                                                  "[[optimizer]]; see docs/suites.md)"));
}

TEST_CASE("a suite expanding to more runs than the limit is refused before expansion",
          "[suite][errors]") {
  const std::string objective = "[[objective]]\nname = \"beale\"\n";
  const std::string optimizer = "[[optimizer]]\nname = \"gd\"\n";

  SECTION("repeats above the limit") {
    REQUIRE(error_of("name = \"t\"\nrepeats = 100000000\n" + objective + optimizer) ==
            "big.toml:2:11: repeats: key 'repeats' = 1e+08 breaks the rule 1 <= repeats <= 1e+05");
  }
  SECTION("a sweep of a million points") {
    const std::string sweep = "sweep = { lr = " + value_list(100, 1e-3, 1e-3) +
                              ", beta1 = " + value_list(100, 0.0, 1e-3) +
                              ", beta2 = " + value_list(100, 0.9, 1e-4) + " }\n";
    REQUIRE(error_of("name = \"t\"\n" + objective + "[[optimizer]]\nname = \"adam\"\n" + sweep) ==
            "big.toml:6:9: optimizer[0].sweep: the sweep has more than 100000 points "
            "(100 × 100 × 100 so far), more runs than a suite may expand to; split the study "
            "into several suites");
  }
  SECTION("random starts above the limit") {
    REQUIRE_THAT(error_of("name = \"t\"\n[[objective]]\nname = \"beale\"\nstarts = { random = "
                          "1000000, box = [-1, 1] }\n" + optimizer),
                 Catch::StartsWith("big.toml:4:21: objective[0].starts.random: key 'random' = "
                                   "1e+06 breaks the rule 1 <= random <= 1e+05"));
  }
  SECTION("factors within their limits whose product is not") {
    REQUIRE(error_of("name = \"t\"\nrepeats = 60000\n[[objective]]\nname = \"beale\"\nstarts = "
                     "[[1.0, 1.0], [2.0, 2.0]]\n" + optimizer) ==
            "big.toml:1:1: runs: the suite expands to 2 starts × 1 optimizer variant × "
            "60000 repeats = 120000 runs, more than a suite may expand to (100000); split the "
            "study into several suites");
  }
}

TEST_CASE("a suite of exactly the limit expands", "[suite][slow]") {
  const Suite suite = parse_suite(
      "name = \"t\"\nrepeats = 50000\n[[objective]]\nname = \"beale\"\nstarts = [[1.0, 1.0], "
      "[2.0, 2.0]]\n[[optimizer]]\nname = \"gd\"\n",
      "limit.toml", builtin_catalog());
  REQUIRE(suite.runs.size() == 100000);
}

TEST_CASE("a suite whose runs' start points exceed the memory available is refused before "
          "expansion", "[suite][errors][memory]") {
  // One start of dimension 10⁷ (80 MB) in each of 10⁵ runs: 8·10¹² bytes.
  const std::string error = error_of(
      "name = \"t\"\nrepeats = 100000\n[[objective]]\nname = \"sphere\"\nparams = { dim = "
      "10000000 }\nstarts = { random = 1, box = [-1, 1] }\n[[optimizer]]\nname = \"gd\"\n");
  REQUIRE_THAT(error, Catch::StartsWith("big.toml:1:1: memory: the suite's 100000 runs, each "
                                        "holding its start point, need 8000000000000 bytes "
                                        "(8 TB) of memory, more than the ") &&
                          Catch::EndsWith(" available; use fewer starts, variants or repeats, "
                                          "or a smaller dimension"));
}

TEST_CASE("a suite file that is a FIFO or a device is refused before a byte is read",
          "[suite][errors][files]") {
  test::TemporaryDirectory dir;
  const auto fifo = dir / "suite.toml";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  REQUIRE_THROWS_MATCHES(load_suite(fifo, builtin_catalog()), ConfigError,
                         Catch::Matchers::Message(fifo.string() +
                                                  ":1:1: file: cannot read the suite file: it is "
                                                  "a FIFO (named pipe), not a regular file"));
  REQUIRE_THROWS_MATCHES(load_suite("/dev/zero", builtin_catalog()), ConfigError,
                         Catch::Matchers::Message("/dev/zero:1:1: file: cannot read the suite "
                                                  "file: it is a character device, not a "
                                                  "regular file"));
}

TEST_CASE("a suite file larger than the limit is refused", "[suite][errors][files]") {
  test::TemporaryDirectory dir;
  const auto path = dir / "large.toml";
  std::ofstream(path).flush();
  std::filesystem::resize_file(path, kMaxSuiteFileBytes + 1);  // sparse: nothing written
  REQUIRE_THROWS_MATCHES(load_suite(path, builtin_catalog()), ConfigError,
                         Catch::Matchers::Message(path.string() +
                                                  ":1:1: file: cannot read the suite file: it is "
                                                  "larger than 16777216 bytes, the most read "
                                                  "from such a file"));
}
