// The IOHprofiler and COCO files of one hand-made run, pinned line by line: f − f* = 100, 50,
// 60, 10⁻³ at costs 2, 4, 6, 8 (one f and one ∇f evaluation per record), the run ending at
// cost 10 with f_final = 10⁻³.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "descent/analysis/export.hpp"
#include "descent/core/config_error.hpp"
#include "support/temporary_directory.hpp"

using namespace descent;
namespace fs = std::filesystem;

namespace {

Trace hand_made_trace() {
  Trace trace;
  trace.f = {100.0, 50.0, 60.0, 1e-3};
  for (std::int64_t k = 0; k < 4; ++k) {
    trace.iter.push_back(k);
    trace.evals_f.push_back(k + 1);
    trace.evals_grad.push_back(k + 1);
    trace.evals_hess.push_back(0);
    trace.evals_hvp.push_back(0);
  }
  return trace;
}

IndexRow hand_made_row() {
  IndexRow row;
  row.dim = 2;
  row.start_index = 0;
  row.f_final = 1e-3;
  row.evals_f = 5;
  row.evals_grad = 5;
  return row;
}

std::string text_of(const fs::path& path) {
  std::ifstream in(path);
  REQUIRE(in);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Writes the run, labelled "sgd, batch 1", on "quadratic κ=10" of suite "s".
fs::path export_run(ExportFormat format, const fs::path& directory) {
  const Trace trace = hand_made_trace();
  const IndexRow row = hand_made_row();
  Exporter exporter(format, directory, CostModel{}, "1.2.3");
  exporter.add({.suite = "s", .instance = "quadratic κ=10", .algorithm = "sgd, batch 1", .f_star = 0.0,
                .row = &row, .trace = &trace});
  const auto written = exporter.finish();
  REQUIRE(written.size() == 1);
  REQUIRE_FALSE(fs::exists(directory / (to_string(format) + ".tmp")));
  return written.front();
}

}  // namespace

TEST_CASE("the export formats are ioh and coco and nothing else", "[analysis][export]") {
  REQUIRE(export_format_from("ioh") == ExportFormat::kIoh);
  REQUIRE(export_format_from("coco") == ExportFormat::kCoco);
  REQUIRE_THROWS_AS(export_format_from("IOH"), ConfigError);
}

TEST_CASE("IOHprofiler: the .info names the run's end, the .dat every improvement and the end",
          "[analysis][export]") {
  const test::TemporaryDirectory dir;
  const fs::path algorithm = export_run(ExportFormat::kIoh, dir.path());
  REQUIRE(algorithm == dir / "ioh" / "sgd_batch_1");
  REQUIRE(text_of(algorithm / "IOHprofiler_f1.info") ==
          "suite = 's', funcId = 1, DIM = 2, algId = 'sgd; batch 1', maximization = F\n"
          "% quadratic κ=10; descent suite s; f* = 0; cost f=1,grad=1,hess=n,hvp=2\n"
          "data_f1/IOHprofiler_f1_DIM2.dat, 1:10|1.00000e-03\n");
  REQUIRE(text_of(algorithm / "data_f1" / "IOHprofiler_f1_DIM2.dat") ==
          "\"function evaluation\" \"best-so-far f(x)\"\n"
          "2 1.0000000000e+02\n"
          "4 5.0000000000e+01\n"
          "8 1.0000000000e-03\n"
          "10 1.0000000000e-03\n");
}

TEST_CASE("COCO: .dat rows at new levels 10^(i/5), .tdat at 1, 2, 5, 10 evaluations, .rdat headers only",
          "[analysis][export]") {
  const test::TemporaryDirectory dir;
  const fs::path algorithm = export_run(ExportFormat::kCoco, dir.path());
  REQUIRE(text_of(algorithm / "bbobexp_f1.info") ==
          "suite = 'bbob', funcId = 1, DIM = 2, Precision = 1.000e-08, algId = 'sgd; batch 1', "
          "coco_version = 'descent 1.2.3', logger = 'bbob', data_format = 'bbob-new2'\n"
          "% quadratic κ=10; descent suite s; f* = 0; cost f=1,grad=1,hess=n,hvp=2\n"
          "data_f1/bbobexp_f1_DIM2.dat, 1:10|1.0e-03\n");
  const std::string header =
      "% f evaluations | g evaluations | best noise-free fitness - Fopt (0.000000000000e+00) + sum g_i+ | "
      "measured fitness | best measured fitness or single-digit g-values | x1 | x2...\n";
  const auto data = algorithm / "data_f1";
  // 100 is level 10, 50 level 8 (5 log10 50 = 8.49), 60 no improvement, 10⁻³ level −15.
  REQUIRE(text_of(data / "bbobexp_f1_DIM2.dat") ==
          header + "2 0 +1.000000000e+02 +1.000000000e+02 +1.000000000e+02\n"
                   "4 0 +5.000000000e+01 +5.000000000e+01 +5.000000000e+01\n"
                   "8 0 +1.000000000e-03 +1.000000000e-03 +1.000000000e-03\n");
  // Evaluations 2 (≥ 1, 2), 6 (≥ 5), 10 (≥ 10 and the end).
  REQUIRE(text_of(data / "bbobexp_f1_DIM2.tdat") ==
          header + "2 0 +1.000000000e+02 +1.000000000e+02 +1.000000000e+02\n"
                   "6 0 +5.000000000e+01 +6.000000000e+01 +5.000000000e+01\n"
                   "10 0 +1.000000000e-03 +1.000000000e-03 +1.000000000e-03\n");
  REQUIRE(text_of(data / "bbobexp_f1_DIM2.rdat") == header);
}
