// `descent check` and `report` as a user runs them.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "descent/store/results_reader.hpp"
#include "support/run_suites.hpp"
#include "support/subprocess.hpp"
#include "support/temporary_directory.hpp"
#include "support/text_files.hpp"

using namespace descent;
namespace fs = std::filesystem;

TEST_CASE("check passes a correct objective and refuses bad input with status 2", "[cli][check]") {
  const auto pass = test::run_descent({"check", "rosenbrock", "--points", "2"});
  INFO(pass.err);
  REQUIRE(pass.exit_status == 0);
  REQUIRE_THAT(pass.out, Catch::Contains("verdict: pass") && Catch::Contains("best step"));

  const auto large = test::run_descent({"check", "extended_rosenbrock", "--dim", "10000", "--points", "1"});
  REQUIRE(large.exit_status == 0);

  REQUIRE(test::run_descent({"check", "no_such_objective"}).exit_status == 2);
  REQUIRE(test::run_descent({"check", "beale", "--points", "0"}).exit_status == 2);
}

TEST_CASE("check refuses a parameter that is not finite with a message and status 2",
          "[cli][check][errors]") {
  for (const char* param : {"a=inf", "a=-inf", "a=nan", "a=1e999", "x0=[1, inf]"}) {
    const auto result = test::run_descent({"check", "rosenbrock", "--param", param});
    INFO(param << ": " << result.err);
    REQUIRE(result.exit_status == 2);
    REQUIRE_THAT(result.err, Catch::Contains(std::string("--param ") + param) &&
                                 Catch::Contains("is not a finite number"));
    REQUIRE(result.out.empty());
  }
}

TEST_CASE("check refuses --dim for a fixed dimension and a bad figure name before computing",
          "[cli][check][errors]") {
  const auto fixed = test::run_descent({"check", "beale", "--dim", "5"});
  REQUIRE(fixed.exit_status == 2);
  REQUIRE_THAT(fixed.err, Catch::Contains("--dim: objective 'beale' has the fixed dimension 2"));

  test::TemporaryDirectory dir;
  const auto notes = dir / "notes.txt";
  std::ofstream(notes) << "kept";
  struct Case {
    std::string figure;
    std::string message;
  };
  const Case cases[] = {
      {notes.string(), "the figure must end in .png, .pdf or .svg"},
      {dir.path().string(), "the figure must end in .png, .pdf or .svg"},
      {(dir / "missing" / "x.png").string(),
       "directory " + (dir / "missing").string() + " does not exist"},
  };
  for (const auto& c : cases) {
    INFO(c.figure);
    const auto result = test::run_descent({"check", "beale", "--points", "1", "--plot", c.figure});
    REQUIRE(result.exit_status == 2);
    REQUIRE(result.out.empty());
    REQUIRE_THAT(result.err, Catch::Contains("--plot " + c.figure + ": " + c.message));
  }
  REQUIRE(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
}

TEST_CASE("report writes the tables and the figures", "[cli][report][slow]") {
  test::TemporaryDirectory dir;
  const auto results = test::run_suite(dir, "small", test::kSmallSuite);
  const auto report = test::run_descent(
      {"report", results.string(), "-o", (dir / "report").string(), "--lecture-figures"});
  INFO(report.err);
  REQUIRE(report.exit_status == 0);
  for (const char* file :
       {"runs.csv", "targets.csv", "ert.csv", "profiles.csv", "summary.tex", "ert.tex",
        "figures/convergence_beale.png", "figures/convergence_beale.pdf",
        "figures/convergence_beale.csv", "figures/ert_beale.png", "figures/profiles.png",
        "figures/profiles.csv", "figures/trajectories_beale.png", "figures/trajectories_beale.pdf",
        "figures/loss_beale.png"})
    REQUIRE(fs::file_size(dir / "report" / file) > 0);
  REQUIRE_FALSE(fs::exists(dir / "report" / "traces.csv"));
  REQUIRE(test::run_descent({"report", (dir / "missing.h5").string()}).exit_status == 2);
}
