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
#include "support/report_files.hpp"
#include "support/run_suites.hpp"
#include "support/shipped_files.hpp"
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

using test::CsvRow;
using test::read_csv;
using test::run_suite;

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
  const CsvRow& first = runs.front();
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
  const auto find = [&](const std::vector<CsvRow>& rows) {
    for (const CsvRow& r : rows)
      if (r.at("objective") == "quadratic κ=1000" && r.at("label") == "gd lr=0.1" &&
          std::stod(r.at("target")) == std::pow(10.0, -4.0))
        return r;
    FAIL("no row for the group and target");
    return CsvRow{};
  };
  const CsvRow e = find(ert);
  REQUIRE(std::stoul(e.at("runs")) == 3);
  REQUIRE(std::stoul(e.at("successes")) == successes);
  REQUIRE(e.at("cost_unit") == "f=1,grad=1,hess=n,hvp=2");
  if (successes > 0) {
    REQUIRE(std::stod(e.at("ert")) == total / static_cast<double>(successes));
    REQUIRE(std::stod(e.at("ert_lo")) <= std::stod(e.at("ert")));
    REQUIRE(std::stod(e.at("ert_hi")) >= std::stod(e.at("ert")));
    const CsvRow t = find(targets);
    REQUIRE(std::stod(t.at("iterations_median")) == median(iterations));
  } else {
    REQUIRE(e.at("ert") == "inf");
  }

  SECTION("the bootstrap is reproducible and follows its seed") {
    const auto again = report({results.string(), "-o", (dir / "again").string()});
    REQUIRE(again.exit_status == 0);
    REQUIRE(test::text_of(out / "ert.csv") == test::text_of(dir / "again" / "ert.csv"));
  }
  SECTION("every .tex compiles with pdflatex") {
    for (const char* table : {"summary.tex", "ert.tex", "best_settings.tex"})
      test::require_latex_compiles(out, table);
  }
  SECTION("profiles: fractions of the 6 problems, nondecreasing, performance ratios from 1") {
    const auto profiles = read_csv(out / "profiles.csv");
    REQUIRE_FALSE(profiles.empty());
    std::map<std::pair<std::string, std::string>, double> last;
    for (const CsvRow& p : profiles) {
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
  for (const CsvRow& r : runs) {
    REQUIRE(r.at("objective.kappa") == "1000");
    REQUIRE(r.at("optimizer") == "gd");
  }
  const auto traces = read_csv(dir / "where" / "traces.csv");
  REQUIRE_FALSE(traces.empty());
  for (const CsvRow& t : traces) REQUIRE(t.at("objective") == "quadratic κ=1000");
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
  for (const CsvRow& r : ert) ++per_suite[r.at("suite")];
  REQUIRE(per_suite == std::map<std::string, int>{{"report-other", 306}, {"report-test", 306}});
  const auto profiles = read_csv(dir / "both" / "profiles.csv");
  REQUIRE(std::any_of(profiles.begin(), profiles.end(),
                      [](const CsvRow& p) { return p.at("label") == "report-other: gd lr=0.1"; }));
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
  for (const CsvRow& r : runs) {
    const double f = std::stod(r.at("f_final"));
    auto [it, inserted] = best.try_emplace(r.at("instance"), f);
    if (!inserted) it->second = std::min(it->second, f);
  }
  for (const CsvRow& r : runs) {
    REQUIRE(r.at("f_star_source") == "best_observed");
    REQUIRE(std::stod(r.at("f_star")) == best.at(r.at("instance")));
  }
}

TEST_CASE("report on every shipped suite writes LaTeX that pdflatex compiles, --per-run too",
          "[cli][report][slow]") {
  const test::TemporaryDirectory dir;
  for (const auto& file : test::shipped_toml_files("suites")) {
    const std::string name = file.stem().string();
    INFO(name);
    const auto results = test::run_quietly(file, dir / (name + ".h5"));
    const auto out = dir / name;
    const auto done = report({results.string(), "-o", out.string(), "--per-run"});
    INFO(done.err);
    REQUIRE(done.exit_status == 0);
    for (const char* table : {"summary.tex", "ert.tex", "runs.tex", "best_settings.tex"}) {
      if (std::string(table) == "best_settings.tex" && !fs::exists(out / table)) continue;  // sweeps only
      test::require_latex_compiles(out, table);
    }
  }
}

namespace {

std::vector<std::string> lines_of(const fs::path& path) {
  std::ifstream in(path);
  REQUIRE(in);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> split(const std::string& text, const std::string& separator) {
  std::vector<std::string> parts;
  std::size_t begin = 0;
  for (std::size_t at; (at = text.find(separator, begin)) != std::string::npos; begin = at + separator.size())
    parts.push_back(text.substr(begin, at - begin));
  parts.push_back(text.substr(begin));
  return parts;
}

// One dimension's three lines of an .info file, as both formats document them.
struct InfoBlock {
  std::map<std::string, std::string> keys;  // funcId → "1", algId → "'gd lr=0.1'", …
  std::string comment;
  std::string data_file;
  std::vector<std::tuple<int, long long, double>> runs;  // instance, evaluations, best
};

std::vector<InfoBlock> read_info(const fs::path& path) {
  const auto lines = lines_of(path);
  std::vector<InfoBlock> blocks;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].empty()) continue;
    REQUIRE(i + 2 < lines.size());
    InfoBlock block;
    for (const auto& pair : split(lines[i], ", ")) {
      const auto parts = split(pair, " = ");
      REQUIRE(parts.size() == 2);
      block.keys[parts[0]] = parts[1];
    }
    REQUIRE(lines[i + 1].starts_with("%"));
    block.comment = lines[i + 1];
    const auto entries = split(lines[i + 2], ", ");
    block.data_file = entries[0];
    for (std::size_t e = 1; e < entries.size(); ++e) {
      const auto colon = entries[e].find(':');
      const auto bar = entries[e].find('|');
      REQUIRE((colon != std::string::npos && bar != std::string::npos && colon < bar));
      block.runs.emplace_back(std::stoi(entries[e].substr(0, colon)),
                              std::stoll(entries[e].substr(colon + 1, bar - colon - 1)),
                              std::stod(entries[e].substr(bar + 1)));
    }
    blocks.push_back(std::move(block));
    i += 2;
  }
  return blocks;
}

// The blocks of a raw-data file: each begins with a header line (`header_start`), then rows of
// numbers.
std::vector<std::vector<std::vector<double>>> read_blocks(const fs::path& path, const std::string& header_start) {
  std::vector<std::vector<std::vector<double>>> blocks;
  for (const auto& line : lines_of(path)) {
    if (line.starts_with(header_start)) {
      blocks.emplace_back();
      continue;
    }
    REQUIRE_FALSE(blocks.empty());
    std::istringstream fields(line);
    std::vector<double> row;
    for (std::string field; fields >> field;) row.push_back(std::stod(field));
    blocks.back().push_back(row);
  }
  return blocks;
}

// The report (with `options`) of kSuite's runs, written into a temporary directory, and its
// runs.csv.
struct ReportOfSuite {
  test::TemporaryDirectory dir;
  fs::path out = dir / "report";
  std::vector<CsvRow> runs;

  explicit ReportOfSuite(const std::vector<std::string>& options) {
    const auto results = run_suite(dir, "quad", kSuite);
    std::vector<std::string> args{results.string(), "-o", out.string()};
    args.insert(args.end(), options.begin(), options.end());
    const auto done = report(args);
    INFO(done.err);
    REQUIRE(done.exit_status == 0);
    runs = read_csv(out / "runs.csv");
  }
};

// The runs of runs.csv with this label and instance, in file order.
std::vector<CsvRow> runs_of(const std::vector<CsvRow>& runs, const std::string& label, const std::string& instance) {
  std::vector<CsvRow> mine;
  for (const CsvRow& row : runs)
    if (row.at("label") == label && row.at("instance") == instance) mine.push_back(row);
  return mine;
}

}  // namespace

TEST_CASE("report --export ioh writes IOHprofiler's .info and .dat files, a block per run",
          "[cli][report][export]") {
  const ReportOfSuite written({"--export", "ioh"});
  const auto algorithm = written.out / "ioh" / "gd_lr=0.1";
  REQUIRE(fs::is_directory(written.out / "ioh" / "gd_lr=0.01"));
  REQUIRE(fs::is_directory(written.out / "ioh" / "nesterov"));

  for (const auto& [function, instance] : {std::pair{1, "quadratic κ=10"}, std::pair{2, "quadratic κ=1000"}}) {
    INFO(instance);
    const auto info = read_info(algorithm / ("IOHprofiler_f" + std::to_string(function) + ".info"));
    REQUIRE(info.size() == 1);
    const InfoBlock& block = info.front();
    REQUIRE(block.keys.at("funcId") == std::to_string(function));
    REQUIRE(block.keys.at("DIM") == "3");
    REQUIRE(block.keys.at("algId") == "'gd lr=0.1'");
    REQUIRE(block.keys.at("suite") == "'report-test'");
    REQUIRE(block.keys.at("maximization") == "F");
    REQUIRE(block.comment.find(instance) != std::string::npos);
    REQUIRE(block.data_file == "data_f" + std::to_string(function) + "/IOHprofiler_f" +
                                   std::to_string(function) + "_DIM3.dat");

    const auto expected = runs_of(written.runs, "gd lr=0.1", instance);
    const auto blocks = read_blocks(algorithm / block.data_file, "\"function evaluation\" \"best-so-far f(x)\"");
    REQUIRE(blocks.size() == expected.size());
    REQUIRE(block.runs.size() == expected.size());
    for (std::size_t r = 0; r < blocks.size(); ++r) {
      const auto& rows = blocks[r];
      REQUIRE_FALSE(rows.empty());
      for (std::size_t k = 0; k < rows.size(); ++k) {
        REQUIRE(rows[k].size() == 2);
        if (k > 0) {
          REQUIRE(rows[k][0] > rows[k - 1][0]);   // evaluations increase
          REQUIRE(rows[k][1] <= rows[k - 1][1]);  // best so far never worsens
        }
      }
      // The block ends at the run's end: its cost and its best f − f* (f* = 0).
      const double cost = std::stod(expected[r].at("cost"));
      const double f_final = std::stod(expected[r].at("f_final"));
      REQUIRE(rows.back()[0] == std::ceil(cost));
      REQUIRE(rows.back()[1] <= f_final * (1 + 1e-9));
      const auto& [instance_id, evals, best] = block.runs[r];
      REQUIRE(instance_id == std::stoi(expected[r].at("start_index")) + 1);
      REQUIRE(evals == static_cast<long long>(rows.back()[0]));
      REQUIRE_THAT(best, Catch::Matchers::WithinRel(rows.back()[1], 1e-5));
    }
  }
}

TEST_CASE("report --export coco writes the bbob logger's .info, .dat, .tdat and .rdat files",
          "[cli][report][export]") {
  const ReportOfSuite written({"--export", "coco"});
  const auto algorithm = written.out / "coco" / "nesterov";
  const auto info = read_info(algorithm / "bbobexp_f2.info");
  REQUIRE(info.size() == 1);
  const InfoBlock& block = info.front();
  REQUIRE(block.keys.at("suite") == "'bbob'");  // the testbed cocopp applies
  REQUIRE(block.comment.find("descent suite report-test") != std::string::npos);
  REQUIRE(block.keys.at("funcId") == "2");
  REQUIRE(block.keys.at("DIM") == "3");
  REQUIRE(block.keys.at("Precision") == "1.000e-08");
  REQUIRE(block.keys.at("algId") == "'nesterov'");
  REQUIRE(block.keys.at("logger") == "'bbob'");
  REQUIRE(block.keys.at("data_format") == "'bbob-new2'");
  REQUIRE(block.data_file == "data_f2/bbobexp_f2_DIM3.dat");

  const auto expected = runs_of(written.runs, "nesterov", "quadratic κ=1000");
  const auto stem = (algorithm / block.data_file).replace_extension("");
  const auto dat = read_blocks(stem.string() + ".dat", "%");
  const auto tdat = read_blocks(stem.string() + ".tdat", "%");
  const auto rdat = read_blocks(stem.string() + ".rdat", "%");
  REQUIRE(dat.size() == expected.size());
  REQUIRE(tdat.size() == expected.size());
  REQUIRE(rdat.size() == expected.size());
  for (std::size_t r = 0; r < expected.size(); ++r) {
    INFO("run " << r);
    REQUIRE(rdat[r].empty());  // no restarts
    // .dat: a row at the first evaluation and whenever best f − f* reaches a new 10^(i/5).
    int previous_level = std::numeric_limits<int>::max();
    for (std::size_t k = 0; k < dat[r].size(); ++k) {
      const auto& row = dat[r][k];
      REQUIRE(row.size() == 5);
      REQUIRE(row[1] == 0.0);                                 // no constraint evaluations
      REQUIRE_THAT(row[4], Catch::Matchers::WithinAbs(row[2], 1e-12 * std::abs(row[2]) + 1e-300));  // f* = 0
      if (k > 0) {
        REQUIRE(row[0] > dat[r][k - 1][0]);
        const int level = static_cast<int>(std::floor(5 * std::log10(row[2]) + 1e-9));
        REQUIRE(level < previous_level);
        previous_level = level;
      } else {
        previous_level = static_cast<int>(std::floor(5 * std::log10(row[2]) + 1e-9));
      }
    }
    // .tdat ends at the run's end, which the .info entry states too.
    const auto& [instance_id, evals, best] = block.runs[r];
    REQUIRE(instance_id == std::stoi(expected[r].at("start_index")) + 1);
    REQUIRE(evals == static_cast<long long>(std::ceil(std::stod(expected[r].at("cost")))));
    REQUIRE(tdat[r].back()[0] == static_cast<double>(evals));
    REQUIRE_THAT(best, Catch::Matchers::WithinRel(tdat[r].back()[2], 0.06));  // %.1e in the .info
    REQUIRE(dat[r].back()[2] >= tdat[r].back()[2]);
  }
}

TEST_CASE("report on a sweep writes the sensitivity data and the best setting by its rule",
          "[cli][report]") {
  const ReportOfSuite written({});
  const auto ert = read_csv(written.out / "ert.csv");

  // Only gd is swept (over lr): a cell per instance, two settings each.
  const auto best = read_csv(written.out / "best_settings.csv");
  REQUIRE(best.size() == 2);
  for (const CsvRow& cell : best) {
    INFO(cell.at("objective"));
    REQUIRE(cell.at("optimizer") == "gd");
    REQUIRE(cell.at("settings") == "2");
    // The rule, recomputed: the smallest ERT to 10^-4, then the smaller median final f − f*.
    std::vector<std::tuple<double, double, std::string>> candidates;
    for (const std::string label : {"gd lr=0.01", "gd lr=0.1"}) {
      double e = 0;
      for (const CsvRow& row : ert)
        if (row.at("objective") == cell.at("objective") && row.at("label") == label &&
            std::abs(std::stod(row.at("target")) - 1e-4) < 1e-12)
          e = std::stod(row.at("ert"));
      std::vector<double> gaps;
      for (const CsvRow& run : runs_of(written.runs, label, cell.at("objective"))) gaps.push_back(std::stod(run.at("f_final")));
      candidates.emplace_back(e, median(gaps), label);
    }
    std::sort(candidates.begin(), candidates.end());
    REQUIRE(cell.at("label") == std::get<2>(candidates.front()));
    REQUIRE(cell.at("setting") == "lr=" + std::get<2>(candidates.front()).substr(6));
  }

  const auto sweeps = read_csv(written.out / "sweeps.csv");
  REQUIRE(sweeps.size() == 4);  // 2 instances × 2 values of lr
  for (const CsvRow& row : sweeps) {
    REQUIRE(row.at("parameter") == "lr");
    REQUIRE(row.at("runs") == "3");
    std::vector<double> gaps;
    for (const CsvRow& run : runs_of(written.runs, "gd lr=" + row.at("value"), row.at("objective")))
      gaps.push_back(std::stod(run.at("f_final")));
    REQUIRE_THAT(std::stod(row.at("f_gap_median")), Catch::Matchers::WithinRel(median(gaps), 1e-12));
  }
  REQUIRE(std::stod(sweeps[0].at("value")) < std::stod(sweeps[1].at("value")));
}

TEST_CASE("report --animate writes a GIF per 2-D instance and start, one frame per recorded step up to --frames",
          "[cli][report][figures]") {
  const test::TemporaryDirectory dir;
  const auto results = run_suite(dir, "rosen", R"(
name = "animate-test"
[run]
max_iter = 30
record = { every = 1 }
[[objective]]
name = "rosenbrock"
starts = [[-1.2, 1.0]]
[[optimizer]]
name = "gd"
lr = 1e-3
[[optimizer]]
name = "nesterov"
lr = 1e-3
)");
  const auto count_frames = [](const fs::path& gif) {
    const auto python = test::run_program(
        {"/usr/bin/python3", "-c", "import sys; from PIL import Image; print(Image.open(sys.argv[1]).n_frames)",
         gif.string()});
    INFO(python.err);
    REQUIRE(python.exit_status == 0);
    return std::stoi(python.out);
  };
  const auto gif = dir / "subsampled" / "animations" / "animation_rosenbrock_start0.gif";
  SECTION("31 recorded steps subsampled to 10 frames") {
    const auto done = report({results.string(), "-o", (dir / "subsampled").string(), "--animate", "--frames", "10"});
    INFO(done.err);
    REQUIRE(done.exit_status == 0);
    REQUIRE(count_frames(gif) == 10);
    // scripts/setup.sh installs ffmpeg, so the MP4 beside the GIF is written and has the same frames.
    const auto probe = test::run_program({"/usr/bin/ffprobe", "-v", "error", "-count_frames", "-select_streams",
                                          "v:0", "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0",
                                          fs::path(gif).replace_extension(".mp4").string()});
    INFO(probe.err);
    REQUIRE(probe.exit_status == 0);
    REQUIRE(std::stoi(probe.out) == 10);
  }
  SECTION("fewer steps than --frames: one frame per recorded step") {
    const auto done = report({results.string(), "-o", (dir / "subsampled").string(), "--animate", "--frames", "100"});
    INFO(done.err);
    REQUIRE(done.exit_status == 0);
    REQUIRE(count_frames(gif) == 31);
  }
  SECTION("--frames below 2 is a usage error") {
    const auto done = report({results.string(), "-o", (dir / "bad").string(), "--animate", "--frames", "1"});
    REQUIRE(done.exit_status == 2);
    REQUIRE(done.err.find("--frames") != std::string::npos);
  }
}
