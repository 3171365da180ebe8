// `descent report` on real results files written by `descent run`: the metrics recomputed from
// /index and the traces with code of the test's own, LaTeX compiled, --where, several files,
// files written before f* was stored.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "descent/store/results_reader.hpp"
#include "support/subprocess.hpp"
#include "support/temporary_directory.hpp"

using namespace descent;
namespace fs = std::filesystem;

namespace {

// Two quadratic instances × gd at two learning rates × 3 random starts, recorded every step.
const char* const kSuite = R"(
name = "report-test"
[run]
max_iter = 60
record = { every = 1 }
stop = { grad_norm = 1e-9 }
[[objective]]
name = "quadratic"
params = { dim = 3 }
sweep = { kappa = [10, 1000] }
starts = { random = 3, box = [-2, 2] }
[[optimizer]]
name = "gd"
sweep = { lr = [0.01, 0.1] }
[[optimizer]]
name = "nesterov"
lr = 0.05
)";

using Row = std::map<std::string, std::string>;

// RFC 4180 rows of a CSV file, as column → field.
std::vector<Row> read_csv(const fs::path& path) {
  std::ifstream in(path);
  REQUIRE(in);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::vector<std::string>> records(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field.push_back(text[++i]);
      else if (c == '"') quoted = false;
      else field.push_back(c);
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      records.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      records.back().push_back(std::move(field));
      field.clear();
      records.emplace_back();
    } else {
      field.push_back(c);
    }
  }
  records.pop_back();
  std::vector<Row> rows;
  for (std::size_t r = 1; r < records.size(); ++r) {
    REQUIRE(records[r].size() == records[0].size());
    Row row;
    for (std::size_t c = 0; c < records[0].size(); ++c) row[records[0][c]] = records[r][c];
    rows.push_back(std::move(row));
  }
  return rows;
}

fs::path run_suite(const test::TemporaryDirectory& dir, const std::string& name, const std::string& suite) {
  std::ofstream(dir / (name + ".toml")) << suite;
  const auto results = dir / (name + ".h5");
  const auto run = test::run_descent({"run", (dir / (name + ".toml")).string(), "-o", results.string(), "--quiet"});
  INFO(run.err);
  REQUIRE(run.exit_status == 0);
  return results;
}

test::ProcessResult report(std::vector<std::string> args) {
  args.insert(args.begin(), "report");
  args.push_back("--no-figures");
  return test::run_descent(args);
}

// The cost (f=1, grad=1, hess=n, hvp=2) of a run at record k of its trace.
double cost_at(const Trace& t, std::size_t k, double dim) {
  return static_cast<double>(t.evals_f[k] + t.evals_grad[k]) + dim * static_cast<double>(t.evals_hess[k]) +
         2.0 * static_cast<double>(t.evals_hvp[k]);
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t m = v.size();
  return m % 2 ? v[m / 2] : 0.5 * (v[m / 2 - 1] + v[m / 2]);
}

}  // namespace

TEST_CASE("report's ERT, success counts and medians agree with a recomputation from the file",
          "[cli][report]") {
  const test::TemporaryDirectory dir;
  const auto results = run_suite(dir, "quad", kSuite);
  const auto out = dir / "report";
  const auto done = report({results.string(), "-o", out.string()});
  INFO(done.err);
  REQUIRE(done.exit_status == 0);

  const auto runs = read_csv(out / "runs.csv");
  REQUIRE(runs.size() == 2 * 3 * 3);
  const Row& first = runs.front();
  REQUIRE(first.at("instance") == "quadratic κ=10");
  REQUIRE(first.at("objective.kappa") == "10");
  REQUIRE(first.at("objective.dim") == "3");
  REQUIRE(first.contains("optimizer.lr"));
  REQUIRE(first.at("f_star") == "0");
  REQUIRE(first.at("f_star_source") == "known");

  // Group "quadratic κ=1000" × "gd lr=0.1", target 10^-4 (f* = 0), by the test's own code.
  const ResultsReader reader(results);
  std::vector<double> spent, iterations;
  std::size_t successes = 0, group_runs = 0;
  for (const IndexRow& row : reader.index()) {
    const StoredRun run = reader.run(row.run_id);
    if (row.label != "gd lr=0.1" || std::get<double>(run.spec.objective_params->at("kappa")) != 1000.0)
      continue;
    ++group_runs;
    const Trace& t = run.result.trace;
    std::size_t k = 0;
    while (k < t.size() && !(t.f[k] - 0.0 <= std::pow(10.0, -4.0))) ++k;
    if (k < t.size()) {
      ++successes;
      spent.push_back(cost_at(t, k, static_cast<double>(row.dim)));
      iterations.push_back(static_cast<double>(t.iter[k]));
    } else {
      spent.push_back(static_cast<double>(row.evals_f + row.evals_grad));
    }
  }
  REQUIRE(group_runs == 3);
  double total = 0.0;
  for (double s : spent) total += s;

  const auto ert = read_csv(out / "ert.csv");
  const auto targets = read_csv(out / "targets.csv");
  REQUIRE(ert.size() == 2 * 3 * 51);
  const auto find = [&](const std::vector<Row>& rows) {
    for (const Row& r : rows)
      if (r.at("objective") == "quadratic κ=1000" && r.at("label") == "gd lr=0.1" &&
          std::stod(r.at("target")) == std::pow(10.0, -4.0))
        return r;
    FAIL("no row for the group and target");
    return Row{};
  };
  const Row e = find(ert);
  REQUIRE(std::stoul(e.at("runs")) == 3);
  REQUIRE(std::stoul(e.at("successes")) == successes);
  REQUIRE(e.at("cost_unit") == "f=1,grad=1,hess=n,hvp=2");
  if (successes > 0) {
    REQUIRE(std::stod(e.at("ert")) == total / static_cast<double>(successes));
    REQUIRE(std::stod(e.at("ert_lo")) <= std::stod(e.at("ert")));
    REQUIRE(std::stod(e.at("ert_hi")) >= std::stod(e.at("ert")));
    const Row t = find(targets);
    REQUIRE(std::stod(t.at("iterations_median")) == median(iterations));
  } else {
    REQUIRE(e.at("ert") == "inf");
  }

  SECTION("the bootstrap is reproducible and follows its seed") {
    const auto again = report({results.string(), "-o", (dir / "again").string()});
    REQUIRE(again.exit_status == 0);
    std::ifstream a(out / "ert.csv"), b(dir / "again" / "ert.csv");
    REQUIRE(std::string(std::istreambuf_iterator<char>(a), {}) ==
            std::string(std::istreambuf_iterator<char>(b), {}));
  }
  SECTION("every .tex compiles with pdflatex") {
    for (const char* table : {"summary.tex", "ert.tex"}) {
      std::ofstream(out / "main.tex") << "\\documentclass{article}\n\\usepackage{booktabs,graphicx}\n"
                                         "\\begin{document}\n\\input{" << table << "}\n\\end{document}\n";
      const std::string command = "cd '" + out.string() +
                                  "' && pdflatex -interaction=nonstopmode -halt-on-error main.tex > latex.log 2>&1";
      INFO(table);
      REQUIRE(std::system(command.c_str()) == 0);
    }
  }
  SECTION("profiles: fractions of the 6 problems, nondecreasing, performance ratios from 1") {
    const auto profiles = read_csv(out / "profiles.csv");
    REQUIRE_FALSE(profiles.empty());
    std::map<std::pair<std::string, std::string>, double> last;
    for (const Row& p : profiles) {
      REQUIRE(p.at("problems") == "6");
      const double fraction = std::stod(p.at("fraction"));
      REQUIRE(fraction > 0.0);
      REQUIRE(fraction <= 1.0);
      auto& previous = last[{p.at("profile"), p.at("label")}];
      REQUIRE(fraction > previous);
      previous = fraction;
      if (p.at("profile") == "performance") REQUIRE(std::stod(p.at("x")) >= 1.0);
    }
  }
}

TEST_CASE("run's summary and inspect name objective instances by their parameters",
          "[cli][report][inspect]") {
  const test::TemporaryDirectory dir;
  std::ofstream(dir / "quad.toml") << kSuite;
  const auto run = test::run_descent({"run", (dir / "quad.toml").string(), "-o", (dir / "quad.h5").string()});
  INFO(run.err);
  REQUIRE(run.exit_status == 0);
  REQUIRE_THAT(run.out, Catch::Contains("quadratic κ=10 ") && Catch::Contains("quadratic κ=1000 "));
  const auto inspect = test::run_descent({"inspect", (dir / "quad.h5").string()});
  REQUIRE(inspect.exit_status == 0);
  REQUIRE_THAT(inspect.out, Catch::Contains("quadratic κ=10 ") && Catch::Contains("quadratic κ=1000 "));
}

TEST_CASE("report --where selects runs and several files are compared by suite", "[cli][report]") {
  const test::TemporaryDirectory dir;
  const auto results = run_suite(dir, "quad", kSuite);

  const auto where = report({results.string(), "-o", (dir / "where").string(), "--where",
                             "kappa=1000", "--where", "optimizer=gd", "--traces"});
  INFO(where.err);
  REQUIRE(where.exit_status == 0);
  const auto runs = read_csv(dir / "where" / "runs.csv");
  REQUIRE(runs.size() == 2 * 3);
  for (const Row& r : runs) {
    REQUIRE(r.at("objective.kappa") == "1000");
    REQUIRE(r.at("optimizer") == "gd");
  }
  const auto traces = read_csv(dir / "where" / "traces.csv");
  REQUIRE_FALSE(traces.empty());
  for (const Row& t : traces) REQUIRE(t.at("objective") == "quadratic κ=1000");
  REQUIRE_FALSE(fs::exists(dir / "report" / "traces.csv"));

  for (const char* bad : {"kappa", "no_such_column=1"}) {
    const auto refused = report({results.string(), "-o", (dir / "bad").string(), "--where", bad});
    INFO(bad);
    REQUIRE(refused.exit_status == 2);
    REQUIRE_THAT(refused.err, Catch::Contains("--where"));
  }
  REQUIRE(report({results.string(), "-o", (dir / "none").string(), "--where", "kappa=3"}).exit_status == 2);
  REQUIRE_FALSE(fs::exists(dir / "none" / "runs.csv"));

  std::string other = kSuite;
  other.replace(other.find("report-test"), 11, "report-other");
  const auto second = run_suite(dir, "other", other);
  const auto both = report({results.string(), second.string(), "-o", (dir / "both").string()});
  INFO(both.err);
  REQUIRE(both.exit_status == 0);
  const auto ert = read_csv(dir / "both" / "ert.csv");
  REQUIRE(ert.size() == 2 * 2 * 3 * 51);
  std::map<std::string, int> per_suite;
  for (const Row& r : ert) ++per_suite[r.at("suite")];
  REQUIRE(per_suite == std::map<std::string, int>{{"report-other", 306}, {"report-test", 306}});
  const auto profiles = read_csv(dir / "both" / "profiles.csv");
  REQUIRE(std::any_of(profiles.begin(), profiles.end(),
                      [](const Row& p) { return p.at("label") == "report-other: gd lr=0.1"; }));
}

TEST_CASE("report reads a file written before f* was stored, with f* best observed",
          "[cli][report][f_star]") {
  const test::TemporaryDirectory dir;
  const auto results = run_suite(dir, "quad", kSuite);
  REQUIRE(std::system(("/usr/bin/python3 " DESCENT_SOURCE_DIR "/tests/support/drop_f_star_columns.py " +
                       results.string()).c_str()) == 0);
  const auto done = report({results.string(), "-o", (dir / "old").string()});
  INFO(done.err);
  REQUIRE(done.exit_status == 0);

  std::map<std::string, double> best;  // instance → smallest f_final
  const auto runs = read_csv(dir / "old" / "runs.csv");
  for (const Row& r : runs) {
    const double f = std::stod(r.at("f_final"));
    auto [it, inserted] = best.try_emplace(r.at("instance"), f);
    if (!inserted) it->second = std::min(it->second, f);
  }
  for (const Row& r : runs) {
    REQUIRE(r.at("f_star_source") == "best_observed");
    REQUIRE(std::stod(r.at("f_star")) == best.at(r.at("instance")));
  }
}

TEST_CASE("report on every shipped suite writes LaTeX that pdflatex compiles, --per-run too",
          "[cli][report][slow]") {
  const test::TemporaryDirectory dir;
  for (const auto& entry : fs::directory_iterator(fs::path(DESCENT_SOURCE_DIR) / "experiments" / "suites")) {
    const std::string name = entry.path().stem().string();
    INFO(name);
    const auto results = dir / (name + ".h5");
    const auto run = test::run_descent({"run", entry.path().string(), "-o", results.string(), "--quiet"});
    REQUIRE(run.exit_status == 0);
    const auto out = dir / name;
    const auto done = report({results.string(), "-o", out.string(), "--per-run"});
    INFO(done.err);
    REQUIRE(done.exit_status == 0);
    for (const char* table : {"summary.tex", "ert.tex", "runs.tex"}) {
      std::ofstream(out / "main.tex") << "\\documentclass{article}\n\\usepackage{booktabs,graphicx}\n"
                                         "\\begin{document}\n\\input{" << table << "}\n\\end{document}\n";
      INFO(table);
      REQUIRE(std::system(("cd '" + out.string() +
                           "' && pdflatex -interaction=nonstopmode -halt-on-error main.tex > latex.log 2>&1")
                              .c_str()) == 0);
    }
  }
}
