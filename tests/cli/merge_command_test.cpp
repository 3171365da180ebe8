// `descent merge` as a user meets it after a job array: shards join into the file one process
// writes, and a merge that lacks runs of the suite names them and fails unless --partial.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "descent/store/results_reader.hpp"
#include "support/run_suites.hpp"
#include "support/subprocess.hpp"
#include "support/temporary_directory.hpp"
#include "support/text_files.hpp"

using namespace descent;
namespace fs = std::filesystem;

namespace {

// Shard K of N of the suite, run into PARTK.h5 beside it.
std::string run_shard(const fs::path& suite, int k, int n) {
  const auto part = suite.parent_path() / ("part" + std::to_string(k) + ".h5");
  return test::run_quietly(suite, part, {"--shard", std::to_string(k) + "/" + std::to_string(n)}).string();
}

}  // namespace

TEST_CASE("shards run separately and merge into the file one run would write", "[cli][merge]") {
  const test::SuiteFiles files("small", test::kSmallSuite);
  const auto& [dir, suite, merged] = files;
  const auto part1 = run_shard(suite, 1, 2), part2 = run_shard(suite, 2, 2);
  REQUIRE(ResultsReader(part1).index().size() == 6);
  REQUIRE(ResultsReader(part2).index().size() == 6);
  const auto merge = test::run_descent({"merge", merged.string(), part1, part2});
  INFO(merge.err);
  REQUIRE(merge.exit_status == 0);
  REQUIRE(ResultsReader(merged).index().size() == 12);

  const auto inspect = test::run_descent({"inspect", merged.string(), "--json"});
  REQUIRE(inspect.exit_status == 0);
  REQUIRE_THAT(inspect.out, Catch::Contains("\"small\""));
  REQUIRE_THAT(inspect.out, Catch::Contains("\"ranks\": 2"));  // one process per shard

  REQUIRE(test::run_descent({"run", suite.string(), "--shard", "3/2"}).exit_status == 2);
}

TEST_CASE("merge of a job array's shards names the runs still missing and fails until they are in",
          "[cli][merge]") {
  const test::SuiteFiles files("small", test::kSmallSuite);
  const auto& [dir, suite, merged] = files;
  const auto whole = dir / "whole.h5";
  const auto part1 = run_shard(suite, 1, 3), part2 = run_shard(suite, 2, 3), part3 = run_shard(suite, 3, 3);

  const auto lacking = test::run_descent({"merge", merged.string(), part1, part3});
  INFO(lacking.err);
  REQUIRE(lacking.exit_status == 1);
  REQUIRE_THAT(lacking.out, Catch::Contains("merged 2 files into " + merged.string() + ": 8 runs"));
  REQUIRE_THAT(lacking.err,
               Catch::Contains(merged.string() + " lacks 4 of the 12 runs of suite 'small':"));
  // Shard 2 of 3 holds runs #1, #4, #7 and #10 (the run's position mod 3 is 1); #4 is gd
  // from beale's second start.
  const ResultsReader shard2(part2);
  REQUIRE(shard2.index().size() == 4);
  for (const auto& row : shard2.index()) REQUIRE_THAT(lacking.err, Catch::Contains(row.run_id));
  REQUIRE_THAT(lacking.err, Catch::Contains("#1 ") && Catch::Contains("#4 ") && Catch::Contains("#7 ") &&
                                Catch::Contains("#10 ") && Catch::Contains("gd on beale, start 1"));

  const auto partial =
      test::run_descent({"merge", (dir / "first.h5").string(), part1, "--partial"});
  REQUIRE(partial.exit_status == 0);
  REQUIRE_THAT(partial.err, Catch::Contains("lacks 8 of the 12 runs"));

  const auto complete = test::run_descent({"merge", merged.string(), part2});
  INFO(complete.err);
  REQUIRE(complete.exit_status == 0);
  REQUIRE(complete.err.empty());
  test::run_quietly(suite, whole);
  REQUIRE(ResultsReader(merged).info().ranks == 3);  // the three shards' processes
  // Merged in the order the parts came, not the suite's: compare run by run.
  const ResultsReader a(merged), b(whole);
  for (const auto& row : b.index()) REQUIRE(a.contains(row.run_id));
  REQUIRE(a.index().size() == b.index().size());
}
