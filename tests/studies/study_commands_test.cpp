// `descent study` finds shipped studies by name, refuses what is not a study with status 2,
// `descent list studies` lists them, and `descent report` on a study's results file writes
// the same study.csv as `descent study`.
#include "support/study_copies.hpp"

using namespace descent;

TEST_CASE("descent list studies names every study of experiments/studies", "[studies][cli]") {
  const auto listed = test::run_descent({"list", "studies"});
  REQUIRE(listed.exit_status == 0);
  for (const auto& kind : {"conditioning", "lecture", "second_order_rates", "regularized_newton",
                           "vanishing_exploding", "clipping", "label_smoothing"})
    CHECK_THAT(listed.out, Catch::Contains(std::string("  ") + kind));
}

TEST_CASE("descent study refuses an unknown name and a suite without [study] with status 2",
          "[studies][cli]") {
  const auto unknown = test::run_descent({"study", "clipings"});
  CHECK(unknown.exit_status == 2);
  CHECK_THAT(unknown.err, Catch::Contains("unknown study 'clipings' (did you mean 'clipping'?)"));

  test::TemporaryDirectory directory;
  const auto plain = test::write_file(directory / "plain.toml",
                                      "name = \"plain\"\n[[objective]]\nname = \"sphere\"\n[[optimizer]]\nname = \"gd\"\n");
  const auto refused = test::run_descent({"study", plain.string(), "-o", (directory / "out").string()});
  CHECK(refused.exit_status == 2);
  CHECK_THAT(refused.err, Catch::Contains("has no [study] table"));
  CHECK_FALSE(std::filesystem::exists(directory / "out" / "plain.h5"));
}

TEST_CASE("descent report on a study's results file writes the study's table again", "[studies][cli]") {
  const test::StudyRun study({.kind = "clipping", .study = "tolerance = 0.5", .run = "max_iter = 50", .body = R"toml(
[[objective]]
name = "cliff"
[[optimizer]]
name = "gd"
lr = 0.05
run = { clip = { norm = 1.0 } }
)toml"});
  CHECK_THAT(study.process.out, Catch::Contains("largest step ≤ its bound"));
  const auto report = test::run_descent({"report", (study.output() / "clipping-copy.h5").string(), "-o",
                                         (study.directory / "report").string(), "--no-figures"});
  INFO(report.err);
  REQUIRE(report.exit_status == 0);
  CHECK(test::text_of(study.directory / "report" / "study.csv") == test::text_of(study.output() / "study.csv"));
  CHECK(std::filesystem::exists(study.directory / "report" / "runs.csv"));
  CHECK_THAT(test::text_of(study.output() / "study.tex"), Catch::Contains("\\begin{table}") &&
                                                           Catch::Contains("within a relative 0.5"));
}
