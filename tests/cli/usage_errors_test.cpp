// Command-line mistakes: every one is reported as `descent: error: …`, names what was typed,
// suggests the closest known word, and exits with status 2.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "support/subprocess.hpp"
#include "support/temporary_directory.hpp"

using namespace descent;

namespace {

struct UsageCase {
  std::vector<std::string> args;
  std::string expected;
};

}  // namespace

TEST_CASE("usage errors name what was typed, suggest the closest word and exit 2", "[cli]") {
  const auto [args, expected] = GENERATE(values<UsageCase>({
      {{"frobnicate"}, "unknown command 'frobnicate'; commands: run, list"},
      {{"inpsect", "x.h5"}, "unknown command 'inpsect' (did you mean 'inspect'?)"},
      {{"run", "--thread", "2", "suite.toml"},
       "unknown option '--thread' for 'descent run' (did you mean '--threads'?)"},
      {{"list", "--jsno"}, "unknown option '--jsno' for 'descent list' (did you mean '--json'?)"},
      {{"run"}, "run: SUITE is required (see 'descent run --help')"},
      {{}, "a command is required: run, list"},
  }));
  const auto result = test::run_descent(args);
  INFO(result.err);
  CHECK(result.exit_status == 2);
  CHECK(result.err.rfind("descent: error: ", 0) == 0);
  CHECK_THAT(result.err, Catch::Contains(expected));
  CHECK(result.out.empty());
}

TEST_CASE("a mistyped objective, method or key in a suite gets a suggestion", "[cli]") {
  test::TemporaryDirectory dir;
  const auto suite = dir.path() / "typo.toml";
  const auto write = [&](const std::string& text) {
    std::FILE* f = std::fopen(suite.c_str(), "w");
    std::fputs(text.c_str(), f);
    std::fclose(f);
  };
  const std::string head = "name = \"typo\"\n";
  write(head + "[[objective]]\nname = \"rosenbrok\"\n[[optimizer]]\nname = \"gd\"\n");
  auto result = test::run_descent({"run", suite.string(), "-o", (dir.path() / "o.h5").string()});
  CHECK(result.exit_status == 2);
  CHECK_THAT(result.err, Catch::Contains("unknown objective 'rosenbrok' (did you mean 'rosenbrock'?)"));

  write(head + "[[objective]]\nname = \"beale\"\n[[optimizer]]\nname = \"adma\"\n");
  result = test::run_descent({"run", suite.string(), "-o", (dir.path() / "o.h5").string()});
  CHECK(result.exit_status == 2);
  CHECK_THAT(result.err, Catch::Contains("unknown optimizer 'adma' (did you mean 'adam'?)"));

  write(head + "[[objective]]\nname = \"beale\"\n[[optimizer]]\nname = \"adam\"\nbeta22 = 0.9\n");
  result = test::run_descent({"run", suite.string(), "-o", (dir.path() / "o.h5").string()});
  CHECK(result.exit_status == 2);
  CHECK_THAT(result.err, Catch::Contains("unknown key 'beta22' (did you mean 'beta2'?)"));
  CHECK_FALSE(std::filesystem::exists(dir.path() / "o.h5"));
}
