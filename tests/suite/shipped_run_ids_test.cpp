// The shipped suites expand to the same runs, with the same ids, as before the suite format
// gained objective sweeps, formulas, grids and log-spaced recording: results files written
// by earlier builds resume without rerunning anything. Pinned with the libraries built from
// commit 303c601: the number of runs, and SHA-256 of the run ids in expansion order, each
// followed by a newline.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "descent/objectives/registry.hpp"
#include "descent/suite/suite.hpp"

using namespace descent;

namespace {

struct PinnedSuite {
  std::string file;
  std::size_t runs;
  std::string ids_sha256;
};

std::string ids_sha256(const Suite& suite) {
  std::string ids;
  for (const auto& run : suite.runs) ids.append(run.run_id).append("\n");
  return sha256_hex(ids);
}

}  // namespace

TEST_CASE("the shipped suites keep their runs and run ids", "[suite][ids]") {
  const auto pinned = GENERATE(values<PinnedSuite>({
      {"clipping.toml", 8,
       "3685bb6d12d3e46954e5bf95bd4b83a487f01722787ea687a101438631a68ee8"},
      {"lecture.toml", 14,
       "eb9a60f0e4f8ed6bc71dbf8aab8c213880194d935caee655822e907e62ddc395"},
      {"minibatch.toml", 12,
       "251dcc807c5ef4c017dc89d48a3e469e4a8e0966afcf6e3c9520cf805fd16da3"},
      {"saddles.toml", 25,
       "2502b74b5e490cd1d328febcd13465c85cd2bd4c935e06ecf765a7c26c607564"},
      {"second_order.toml", 28,
       "75db50389420763e473b3c73b16ee4b02ff1aa631ee513eb8fe4923ea3d5b368"},
      {"vanishing_exploding.toml", 12,
       "07cdb98ca751c6fc1580c55c331588f3ea1ab42ee56be6e78fbdef4f2c442663"},
  }));
  const auto path = std::filesystem::path(DESCENT_SOURCE_DIR) / "experiments/suites" / pinned.file;
  const Suite suite = load_suite(path, builtin_catalog());
  INFO(pinned.file);
  CHECK(suite.runs.size() == pinned.runs);
  CHECK(ids_sha256(suite) == pinned.ids_sha256);
}
