// merge: shards of one suite join into the file one process would have written; a run in
// several shards is stored once; bad inputs are configuration errors that write nothing.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "descent/core/config_error.hpp"
#include "descent/store/merge_results.hpp"
#include "descent/store/results_reader.hpp"
#include "descent/store/results_store.hpp"
#include "sample_runs.hpp"
#include "support/temporary_directory.hpp"

using namespace descent;
using test::TemporaryDirectory;

namespace {

struct Shards {
  std::vector<RunSpec> runs;
  std::vector<RunResult> results;
  Suite suite;
};

Shards four_runs() {
  Shards s;
  s.runs = {test::quadratic_run("gd", 0.01), test::quadratic_run("gd", 0.02),
            test::quadratic_run("adam", 0.1), test::quadratic_run("adam", 0.2)};
  for (const auto& spec : s.runs) s.results.push_back(test::run(spec));
  s.suite = test::suite_of(s.runs);
  return s;
}

void write_file(const std::filesystem::path& path, const Shards& s, std::vector<std::size_t> which) {
  ResultsStore store(path, s.suite);
  for (std::size_t i : which) store.write_run(s.runs[i], s.results[i]);
  store.compact();
}

std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("merging two shards gives the file with all runs, a shared run stored once",
          "[store][merge]") {
  const TemporaryDirectory dir;
  const Shards s = four_runs();
  write_file(dir / "all.h5", s, {0, 1, 2, 3});
  write_file(dir / "part1.h5", s, {0, 1, 2});
  write_file(dir / "part2.h5", s, {2, 3});

  const auto summary = merge_results(dir / "merged.h5", {dir / "part1.h5", dir / "part2.h5"});
  REQUIRE(summary.files == 2);
  REQUIRE(summary.runs == 4);
  REQUIRE(summary.duplicates == 1);

  const ResultsReader merged(dir / "merged.h5");
  const ResultsReader all(dir / "all.h5");
  REQUIRE(merged.index() == all.index());
  REQUIRE(merged.info().suite_toml == all.info().suite_toml);
  REQUIRE(merged.info().suite_sha256 == all.info().suite_sha256);
  for (std::size_t i = 0; i < s.runs.size(); ++i)
    test::require_same_run(merged.run(s.runs[i].run_id), s.runs[i], s.results[i]);
}

TEST_CASE("merging into an existing file keeps its runs and adds the parts'", "[store][merge]") {
  const TemporaryDirectory dir;
  const Shards s = four_runs();
  write_file(dir / "out.h5", s, {0});
  write_file(dir / "part.h5", s, {1, 3});
  // The output named again as a part, and a part named twice, are read once.
  const auto summary =
      merge_results(dir / "out.h5", {dir / "part.h5", dir / "out.h5", dir / "." / "part.h5"});
  REQUIRE(summary.files == 2);
  REQUIRE(summary.runs == 3);
  REQUIRE(summary.duplicates == 0);
  const ResultsReader merged(dir / "out.h5");
  REQUIRE(merged.index().size() == 3);
  REQUIRE(merged.index()[0].run_id == s.runs[0].run_id);
  REQUIRE(merged.index()[1].run_id == s.runs[1].run_id);
  REQUIRE(merged.index()[2].run_id == s.runs[3].run_id);
}

TEST_CASE("merge refuses bad inputs before writing anything", "[store][merge][config]") {
  const TemporaryDirectory dir;
  const Shards s = four_runs();
  write_file(dir / "part.h5", s, {0, 1});
  write_file(dir / "out.h5", s, {2});
  const auto out_bytes = file_bytes(dir / "out.h5");

  SECTION("a missing part") {
    REQUIRE_THROWS_WITH(merge_results(dir / "out.h5", {dir / "part.h5", dir / "absent.h5"}),
                        Catch::Contains((dir / "absent.h5").string()));
  }
  SECTION("a part that is not a results file") {
    std::ofstream(dir / "notes.h5") << "not HDF5";
    REQUIRE_THROWS_AS(merge_results(dir / "out.h5", {dir / "notes.h5"}), ConfigError);
  }
  SECTION("a part of another suite") {
    ResultsStore store(dir / "other.h5", test::suite_of({s.runs[3]}, "another-suite"));
    store.write_run(s.runs[3], s.results[3]);
    store.compact();
    REQUIRE_THROWS_WITH(merge_results(dir / "out.h5", {dir / "other.h5"}),
                        Catch::Contains((dir / "other.h5").string()) &&
                            Catch::Contains("another-suite"));
  }
  SECTION("no part at all") {
    REQUIRE_THROWS_AS(merge_results(dir / "out.h5", {}), ConfigError);
  }
  SECTION("an output directory that does not exist") {
    REQUIRE_THROWS_AS(merge_results(dir / "missing" / "out.h5", {dir / "part.h5"}), ConfigError);
    REQUIRE_FALSE(std::filesystem::exists(dir / "missing"));
  }
  REQUIRE(file_bytes(dir / "out.h5") == out_bytes);
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
    names.push_back(entry.path().filename().string());
  for (const auto& name : names) REQUIRE(name.find(".tmp") == std::string::npos);
}

TEST_CASE("merge leaves a file that is not a results file alone", "[store][merge][config]") {
  const TemporaryDirectory dir;
  const Shards s = four_runs();
  write_file(dir / "part.h5", s, {0});
  std::ofstream(dir / "notes.txt") << "precious";
  REQUIRE_THROWS_WITH(merge_results(dir / "notes.txt", {dir / "part.h5"}),
                      Catch::Contains("not a descent results file"));
  REQUIRE(file_bytes(dir / "notes.txt") == "precious");
}

TEST_CASE("a merge records its parts' processes together and says which runs are missing",
          "[store][merge]") {
  const TemporaryDirectory dir;
  const Shards s = four_runs();
  const auto part = [&](const char* name, Parallelism parallelism, std::vector<std::size_t> which) {
    ResultsStore store(dir / name, s.suite, parallelism);
    for (std::size_t i : which) store.write_run(s.runs[i], s.results[i]);
    store.compact();
  };
  part("part1.h5", {.ranks = 1, .threads = 4, .hosts = {"node1"}}, {0, 2});
  part("part2.h5", {.ranks = 2, .threads = 2, .hosts = {"node2", "node3"}}, {1});
  merge_results(dir / "merged.h5", {dir / "part1.h5", dir / "part2.h5"});

  const ResultsReader merged(dir / "merged.h5");
  REQUIRE(merged.info().ranks == 3);
  REQUIRE(merged.info().threads == 4);
  REQUIRE(merged.info().hosts == "node1,node2,node3");
  const auto missing = runs_missing_from(dir / "merged.h5", s.suite);
  REQUIRE(missing.size() == 1);
  REQUIRE(missing[0]->run_id == s.runs[3].run_id);

  part("part3.h5", {}, {3});
  merge_results(dir / "merged.h5", {dir / "part3.h5"});
  REQUIRE(runs_missing_from(dir / "merged.h5", s.suite).empty());
}
