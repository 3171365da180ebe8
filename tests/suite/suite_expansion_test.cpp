// A valid suite expands into the runs it describes, in the documented order, with
// normalised parameters, merged run settings, stable run ids and per-run seeds.
#include <catch2/catch.hpp>

#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "descent/objectives/registry.hpp"
#include "descent/optimizers/adam.hpp"
#include "descent/suite/suite.hpp"

using namespace descent;

namespace {

const std::string kSuite = R"(
name = "expansion"
description = "two objectives, two optimizers, a sweep, repeats"
seed = 7
repeats = 2

[run]
max_iter = 500
stop = { step_norm = 1e-12, grad_norm = 1e-8 }
record = { every = 5 }

[[objective]]
name = "beale"
starts = [[2.0, -2.0], [-3, 3]]

[[objective]]
name = "quadratic"
params = { dim = 3, kappa = 100 }

[[optimizer]]
name = "gd"
lr = 0.01

[[optimizer]]
name = "adam"
label = "adam, lecture code"
beta2 = 0.99
lr = 0.5
sweep = { lr = [1e-3, 1e-2], eps_placement = ["outside", "inside"] }
run = { max_iter = 2000, stop = { grad_norm = 1e-6 } }
)";

Suite expansion_suite() { return parse_suite(kSuite, "expansion.toml", builtin_catalog()); }

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

using Cell = std::tuple<std::string, std::int64_t, std::string, std::int64_t>;

Cell cell_of(const RunSpec& run) { return {run.objective, run.start_index, run.label, run.repeat}; }

const std::string kMinimal =
    "name = \"m\"\n[[objective]]\nname = \"beale\"\n[[optimizer]]\nname = \"gd\"\n";

}  // namespace

TEST_CASE("a suite expands objectives × starts × optimizers × sweep × repeats in file order",
          "[suite][expansion]") {
  const Suite suite = expansion_suite();
  REQUIRE(suite.name == "expansion");
  REQUIRE(suite.description == "two objectives, two optimizers, a sweep, repeats");
  REQUIRE(suite.seed == 7);
  REQUIRE(suite.repeats == 2);

  const std::vector<std::string> labels = {
      "gd",
      "adam, lecture code eps_placement=outside lr=0.001",
      "adam, lecture code eps_placement=outside lr=0.01",
      "adam, lecture code eps_placement=inside lr=0.001",
      "adam, lecture code eps_placement=inside lr=0.01",
  };
  std::vector<Cell> expected;
  for (const auto& [objective, start] : std::vector<std::pair<std::string, std::int64_t>>{
           {"beale", 0}, {"beale", 1}, {"quadratic", 0}})
    for (const auto& label : labels)
      for (std::int64_t repeat = 0; repeat < 2; ++repeat)
        expected.emplace_back(objective, start, label, repeat);

  std::vector<Cell> cells;
  for (const auto& run : suite.runs) cells.push_back(cell_of(run));
  REQUIRE(cells == expected);
}

TEST_CASE("the runs of one variant or objective instance share one copy of its parameters",
          "[suite][expansion][memory]") {
  // Runs 0–9 are beale's first start, 10–19 its second, 20–29 the quadratic; in each block
  // gd's two repeats come first, then adam's variants.
  const Suite suite = expansion_suite();
  const auto& runs = suite.runs;
  REQUIRE(runs.size() == 30);
  const auto same = [](const auto& a, const auto& b) { return &*a == &*b; };
  CHECK(same(runs[0].settings, runs[1].settings));
  CHECK(same(runs[0].settings, runs[10].settings));
  CHECK(same(runs[0].settings, runs[20].settings));
  CHECK_FALSE(same(runs[0].settings, runs[2].settings));  // adam's own run settings
  CHECK(same(runs[0].optimizer_params, runs[11].optimizer_params));
  CHECK_FALSE(same(runs[0].optimizer_params, runs[2].optimizer_params));
  CHECK(same(runs[0].objective_params, runs[19].objective_params));
  CHECK_FALSE(same(runs[0].objective_params, runs[20].objective_params));

  RunSpec changed = runs[1];
  changed.settings.edit().max_iter = 3;
  CHECK(changed.settings->max_iter == 3);
  CHECK(runs[0].settings->max_iter == 500);  // the other runs keep theirs
  CHECK(runs[1].settings->max_iter == 500);
  CHECK_FALSE(same(changed.settings, runs[1].settings));
}

TEST_CASE("runs carry the start points, normalised parameters and merged settings",
          "[suite][expansion]") {
  const Suite suite = expansion_suite();
  REQUIRE(suite.runs.size() == 30);

  SECTION("start points: listed ones (integers read as reals), else the standard ones") {
    REQUIRE(suite.runs[0].x0 == Vector{{2.0, -2.0}});
    REQUIRE(suite.runs[10].x0 == Vector{{-3.0, 3.0}});
    REQUIRE(suite.runs[20].x0 == Vector::Ones(3));
    REQUIRE(suite.runs[20].dim() == 3);
  }

  SECTION("objective parameters are normalised, integers accepted for reals") {
    const ParamMap& params = suite.runs[20].objective_params;
    REQUIRE(std::get<std::int64_t>(params.at("dim")) == 3);
    REQUIRE(std::get<double>(params.at("kappa")) == 100.0);
    REQUIRE(std::get<std::string>(params.at("spectrum")) == "loguniform");
    REQUIRE(std::get<bool>(params.at("rotate")) == false);
    REQUIRE(suite.runs[0].objective_params->empty());  // Beale has no parameters
  }

  SECTION("optimizer hyperparameters: direct keys, swept values over them, defaults filled in") {
    REQUIRE(suite.runs[0].optimizer == "gd");
    REQUIRE(suite.runs[0].optimizer_params == ParamMap{{"lr", 0.01}});
    const RunSpec& adam = suite.runs[6];  // eps_placement = "inside", lr = 1e-3, repeat 0
    REQUIRE(adam.label == "adam, lecture code eps_placement=inside lr=0.001");
    REQUIRE(
        adam.optimizer_params ==
        params_of(AdamOptions{.lr = 1e-3, .beta2 = 0.99, .eps_placement = EpsPlacement::kInside}));
  }

  SECTION("run settings: [run] for every run, an optimizer's run = {...} merged key by key") {
    const RunSettings& gd = suite.runs[0].settings;
    REQUIRE(gd.max_iter == 500);
    REQUIRE(gd.stop.step_norm == 1e-12);
    REQUIRE(gd.stop.grad_norm == 1e-8);
    REQUIRE_FALSE(gd.stop.f_target.has_value());
    REQUIRE(gd.record.every == 5);
    REQUIRE(gd.divergence.f_above == RunSettings{}.divergence.f_above);

    const RunSettings& adam = suite.runs[2].settings;
    REQUIRE(adam.max_iter == 2000);
    REQUIRE(adam.stop.step_norm == 1e-12);
    REQUIRE(adam.stop.grad_norm == 1e-6);
    REQUIRE(adam.record.every == 5);
  }
}

TEST_CASE("run ids are stable across loads and change with what the run is", "[suite][ids]") {
  const Suite first = expansion_suite();
  const Suite second = expansion_suite();
  std::set<std::string> ids;
  for (std::size_t i = 0; i < first.runs.size(); ++i) {
    REQUIRE(first.runs[i].run_id == second.runs[i].run_id);
    REQUIRE(first.runs[i].run_id == compute_run_id(first.runs[i]));
    ids.insert(first.runs[i].run_id);
  }
  REQUIRE(ids.size() == first.runs.size());

  SECTION("a changed hyperparameter changes the ids of its runs only") {
    const Suite changed = parse_suite(replaced(kSuite, "lr = 0.01", "lr = 0.02"), "expansion.toml", builtin_catalog());
    for (std::size_t i = 0; i < first.runs.size(); ++i) {
      INFO(first.runs[i].label);
      if (first.runs[i].optimizer == "gd") {
        REQUIRE(changed.runs[i].run_id != first.runs[i].run_id);
        REQUIRE(changed.runs[i].seed != first.runs[i].seed);
      } else {
        REQUIRE(changed.runs[i].run_id == first.runs[i].run_id);
        REQUIRE(changed.runs[i].seed == first.runs[i].seed);
      }
    }
  }
  SECTION("a changed run setting changes every id") {
    const Suite changed = parse_suite(replaced(kSuite, "every = 5", "every = 6"), "expansion.toml", builtin_catalog());
    for (std::size_t i = 0; i < first.runs.size(); ++i)
      REQUIRE(changed.runs[i].run_id != first.runs[i].run_id);
  }
  SECTION("labels and the suite's name are not part of the id") {
    auto text = replaced(kSuite, "adam, lecture code", "adam as in the slides");
    text = replaced(text, "name = \"expansion\"", "name = \"renamed\"");
    const Suite relabelled = parse_suite(text, "other.toml", builtin_catalog());
    for (std::size_t i = 0; i < first.runs.size(); ++i)
      REQUIRE(relabelled.runs[i].run_id == first.runs[i].run_id);
  }
  SECTION("an integer for a real hyperparameter is the same run as the real") {
    const Suite as_real = parse_suite(kMinimal + "lr = 1.0\n", "a.toml", builtin_catalog());
    const Suite as_integer = parse_suite(kMinimal + "lr = 1\n", "b.toml", builtin_catalog());
    REQUIRE(as_real.runs[0].run_id == as_integer.runs[0].run_id);
  }
}

TEST_CASE("each run's seed derives from the suite seed and the run, reproducibly",
          "[suite][seeds]") {
  const Suite suite = expansion_suite();
  std::set<std::uint64_t> seeds;
  for (const auto& run : suite.runs) {
    REQUIRE(run.seed == derive_seed(7, run));
    REQUIRE(run.seed < (std::uint64_t{1} << 63));
    seeds.insert(run.seed);
  }
  REQUIRE(seeds.size() == suite.runs.size());
  REQUIRE(suite.runs[0].repeat == 0);
  REQUIRE(suite.runs[1].repeat == 1);
  REQUIRE(suite.runs[0].seed != suite.runs[1].seed);

  SECTION("derive_seed is SHA-256 of the suite seed and the canonical text with seed 0") {
    RunSpec key = suite.runs[0];
    key.seed = 0;
    const std::string digest = sha256_hex("suite_seed=7\n" + canonical_text(key));
    REQUIRE(suite.runs[0].seed == std::stoull(digest.substr(0, 16), nullptr, 16) >> 1);
  }
  SECTION("another suite seed gives other seeds and so other ids") {
    const Suite reseeded = parse_suite(replaced(kSuite, "seed = 7", "seed = 8"), "expansion.toml", builtin_catalog());
    for (std::size_t i = 0; i < suite.runs.size(); ++i) {
      REQUIRE(reseeded.runs[i].seed != suite.runs[i].seed);
      REQUIRE(reseeded.runs[i].run_id != suite.runs[i].run_id);
    }
  }
}

TEST_CASE("a minimal suite takes every default", "[suite][defaults]") {
  const Suite suite = parse_suite(kMinimal, "minimal.toml", builtin_catalog());
  REQUIRE(suite.seed == 1);
  REQUIRE(suite.repeats == 1);
  REQUIRE(suite.description.empty());
  REQUIRE(suite.path == "minimal.toml");
  REQUIRE(suite.toml_text == kMinimal);
  REQUIRE(suite.sha256 == sha256_hex(kMinimal));
  REQUIRE(suite.runs.size() == 1);
  const RunSpec& run = suite.runs[0];
  REQUIRE(run.label == "gd");
  REQUIRE(run.x0 == Vector{{1.0, 1.0}});  // Beale's standard start
  REQUIRE(run.optimizer_params == ParamMap{{"lr", 0.01}});
  REQUIRE(params_of(*run.settings) == params_of(RunSettings{}));
}

TEST_CASE("[run] may be written with sub-table headers", "[suite][settings]") {
  const Suite suite =
      parse_suite(kMinimal + "[run.stop]\nf_target = -1\nmax_evals = 100\n[run]\nmax_iter = 7\n",
                  "headers.toml", builtin_catalog());
  const RunSettings& settings = suite.runs[0].settings;
  REQUIRE(settings.max_iter == 7);
  REQUIRE(settings.stop.f_target == -1.0);
  REQUIRE(settings.stop.max_evals == 100);
}

TEST_CASE("random starts are uniform in the box and reproducible bit for bit", "[suite][starts]") {
  const std::string text =
      "name = \"r\"\nseed = 3\n"
      "[[objective]]\nname = \"rosenbrock\"\nstarts = { random = 5, box = [-4, 4] }\n"
      "[[objective]]\nname = \"beale\"\nstarts = { random = 5, box = [-4, 4] }\n"
      "[[optimizer]]\nname = \"gd\"\n";
  const Suite suite = parse_suite(text, "random.toml", builtin_catalog());
  REQUIRE(suite.runs.size() == 10);
  for (const auto& run : suite.runs) {
    REQUIRE(run.dim() == 2);
    REQUIRE((run.x0.array() >= -4.0).all());
    REQUIRE((run.x0.array() <= 4.0).all());
  }
  SECTION("the same points on every load") {
    const Suite again = parse_suite(text, "random.toml", builtin_catalog());
    for (std::size_t i = 0; i < suite.runs.size(); ++i)
      REQUIRE(again.runs[i].x0 == suite.runs[i].x0);
  }
  SECTION("other points for another objective index and another suite seed") {
    REQUIRE(suite.runs[0].x0 != suite.runs[5].x0);
    const Suite reseeded = parse_suite(replaced(text, "seed = 3", "seed = 4"), "random.toml", builtin_catalog());
    REQUIRE(reseeded.runs[0].x0 != suite.runs[0].x0);
  }
  SECTION("the points follow the documented generator") {
    const std::string digest = sha256_hex("descent.random_starts suite_seed=3 objective=1");
    std::mt19937_64 generator(std::stoull(digest.substr(0, 16), nullptr, 16));
    for (std::size_t k = 0; k < 5; ++k)
      for (Index i = 0; i < 2; ++i) {
        const double u = static_cast<double>(generator() >> 11) * 0x1.0p-53;
        REQUIRE(suite.runs[5 + k].x0[i] == -4.0 + 8.0 * u);
      }
  }
}

TEST_CASE("\"standard\" starts are the objective's own", "[suite][starts]") {
  const Suite suite = parse_suite(
      "name = \"s\"\n[[objective]]\nname = \"rosenbrock\"\nstarts = "
      "\"standard\"\n[[optimizer]]\nname = \"gd\"\n",
      "standard.toml", builtin_catalog());
  REQUIRE(suite.runs.size() == 1);
  REQUIRE(suite.runs[0].x0 == Vector{{-1.2, 1.0}});
}
