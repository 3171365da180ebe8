// Version-1 results files (tests/store/fixtures/schema1.h5, written by the version-1 writer
// from fixtures/schema1.toml) stay readable by every reader, and the writers carry their runs
// into version 2 unchanged: merge, and a resumed suite's compaction.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "descent/objectives/registry.hpp"
#include "descent/store/inspect_results.hpp"
#include "descent/store/merge_results.hpp"
#include "descent/store/results_reader.hpp"
#include "descent/store/results_store.hpp"
#include "descent/suite/suite.hpp"
#include "sample_runs.hpp"
#include "support/temporary_directory.hpp"

using namespace descent;
namespace fs = std::filesystem;

namespace {

fs::path fixture(const char* name) { return fs::path(DESCENT_SOURCE_DIR) / "tests/store/fixtures" / name; }

// Every run of `expected` is in `got` with every field and column bit for bit.
void require_same_runs(const ResultsReader& got, const ResultsReader& expected) {
  for (const auto& row : expected.index()) {
    INFO("run " << row.run_id);
    REQUIRE(got.contains(row.run_id));
    const StoredRun run = expected.run(row.run_id);
    test::require_same_run(got.run(row.run_id), run.spec, run.result);
  }
}

}  // namespace

TEST_CASE("a version-1 file reads with its index, parameters and traces", "[store][schema1]") {
  const ResultsReader reader(fixture("schema1.h5"));
  REQUIRE(reader.info().schema_version == 1);
  REQUIRE(reader.info().suite_name == "schema1");
  REQUIRE(reader.index().size() == 6);
  const Suite suite = load_suite(fixture("schema1.toml"), builtin_catalog());
  for (const auto& spec : suite.runs) {
    INFO(spec.label << " from start " << spec.start_index);
    REQUIRE(reader.contains(spec.run_id));
    const StoredRun stored = reader.run(spec.run_id);
    REQUIRE(stored.spec.objective == spec.objective);
    REQUIRE(stored.spec.optimizer == spec.optimizer);
    REQUIRE(stored.spec.label == spec.label);
    REQUIRE(test::same_bits(stored.spec.x0, spec.x0));
    REQUIRE(stored.spec.seed == spec.seed);
    REQUIRE(stored.spec.settings->max_iter == 12);
    REQUIRE(stored.spec.optimizer_params->contains("lr") == (spec.optimizer != "lbfgs"));
    REQUIRE(stored.result.trace.size() == static_cast<std::size_t>(stored.result.iterations) + 1);
    REQUIRE(stored.result.trace.x_dim == 2);
    REQUIRE(stored.result.trace.extra.contains("ls_trials") == (spec.optimizer == "lbfgs"));
    test::require_trace_reads(reader, spec.run_id);
  }
  const ResultsSummary summary = summarize_results(fixture("schema1.h5"));
  REQUIRE(summary.runs == 6);
  REQUIRE(summary.info.schema_version == 1);
  REQUIRE(std::find(summary.trace_columns.begin(), summary.trace_columns.end(), "ls_trials") !=
          summary.trace_columns.end());
}

TEST_CASE("merging a version-1 file writes version 2 with the same runs", "[store][schema1]") {
  const test::TemporaryDirectory dir;
  const auto merged = dir / "merged.h5";
  REQUIRE(merge_results(merged, {fixture("schema1.h5")}).runs == 6);
  const ResultsReader got(merged), expected(fixture("schema1.h5"));
  REQUIRE(got.info().schema_version == 2);
  REQUIRE(got.index() == expected.index());
  require_same_runs(got, expected);
}

TEST_CASE("resuming into a version-1 file keeps its runs and compacts into version 2",
          "[store][schema1]") {
  const test::TemporaryDirectory dir;
  const auto out = dir / "out.h5";
  fs::copy_file(fixture("schema1.h5"), out);
  Suite suite = load_suite(fixture("schema1.toml"), builtin_catalog());
  RunSpec extra = test::quadratic_run("gd", 0.01);
  const RunResult extra_result = test::run(extra);
  suite.runs.push_back(extra);
  {
    ResultsStore store(out, suite);
    REQUIRE(store.stored_run_ids().size() == 6);
    store.write_run(extra, extra_result);
    store.compact();
  }
  const ResultsReader got(out), expected(fixture("schema1.h5"));
  REQUIRE(got.info().schema_version == 2);
  REQUIRE(got.index().size() == 7);
  require_same_runs(got, expected);
  test::require_same_run(got.run(extra.run_id), extra, extra_result);
}
