// Tables from a real results file: a suite run through the runner and the store.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "descent/objectives/registry.hpp"
#include "descent/analysis/tables.hpp"
#include "descent/runner/runner.hpp"
#include "descent/store/results_store.hpp"
#include "descent/suite/suite.hpp"
#include "support/temporary_directory.hpp"

using namespace descent;

namespace {

const char* const kSuite = R"(
name = "tables"
[run]
max_iter = 40
record = { every = 10 }
[[objective]]
name = "beale"
starts = [[2.0, -2.0]]
[[objective]]
name = "rosenbrock"
[[optimizer]]
name = "gd"
label = "gd, small_step"
lr = 1e-4
[[optimizer]]
name = "gd"
label = "gd, diverging"
lr = 1.0
)";

std::size_t line_count(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

TEST_CASE("tables list every run and every recorded row", "[analysis]") {
  test::TemporaryDirectory dir;
  const Suite suite = parse_suite(kSuite, "tables.toml", builtin_catalog());
  const auto output = dir.path() / "tables.h5";
  {
    ResultsStore store(output, suite);
    for (const auto& spec : suite.runs) store.write_run(spec, execute_run(spec, builtin_catalog()));
    store.compact();
  }
  const ResultsReader results(output);

  std::ostringstream runs, traces, latex;
  write_runs_csv(results, runs);
  write_traces_csv(results, traces);
  write_summary_latex(results, latex);

  REQUIRE(line_count(runs.str()) == 1 + suite.runs.size());
  REQUIRE_THAT(runs.str(), Catch::StartsWith("run_id,objective,optimizer,label,dim"));
  REQUIRE_THAT(runs.str(), Catch::Contains("\"gd, small_step\""));

  std::size_t rows = 0;
  for (const auto& row : results.index()) rows += results.run(row.run_id).result.trace.size();
  REQUIRE(line_count(traces.str()) == 1 + rows);

  REQUIRE_THAT(latex.str(), Catch::Contains("\\toprule") && Catch::Contains("\\bottomrule"));
  REQUIRE_THAT(latex.str(), Catch::Contains("gd, small\\_step") && Catch::Contains("max\\_iter"));
  REQUIRE(latex.str().find("small_step") == std::string::npos);

  const auto files = write_tables(results, dir.path() / "report");
  REQUIRE(files.size() == 3);
  for (const auto& file : files) REQUIRE(std::filesystem::file_size(file) > 0);
}

TEST_CASE("CSV and LaTeX escaping", "[analysis]") {
  REQUIRE(csv_field("plain") == "plain");
  REQUIRE(csv_field("a,b") == "\"a,b\"");
  REQUIRE(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  REQUIRE(latex_escape("a_b & 50%") == "a\\_b \\& 50\\%");
}
