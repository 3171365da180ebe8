// Which iterations the trace keeps: record.every, record.log (about n rows per decade of k),
// and always the first and the final iterate, also when a method stops between kept rows.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>

#include "descent/driver/driver.hpp"
#include "descent/driver/recorder.hpp"
#include "descent/objectives/quadratic/quadratic.hpp"
#include "descent/objectives/saddles/saddles.hpp"
#include "descent/optimizers/registry.hpp"

using namespace descent;

namespace {

RunResult run(const Objective& objective, const char* name, const ParamMap& params,
              const Vector& x0, const RunSettings& settings) {
  auto optimizer = find_optimizer(name)->make(params);
  return run_optimizer(objective, *optimizer, x0, settings);
}

// The documented rule by its other reading: k is kept when it is the first integer at or
// above one of the grid points 10^(j/n), j = 0, 1, 2, … (and k = 0).
std::vector<std::int64_t> log_grid(std::int64_t n, std::int64_t last) {
  std::set<std::int64_t> kept{0};
  for (std::int64_t j = 0;; ++j) {
    const auto k = static_cast<std::int64_t>(std::ceil(std::pow(10.0, static_cast<double>(j) / static_cast<double>(n))));
    if (k > last) break;
    kept.insert(k);
  }
  kept.insert(last);
  return {kept.begin(), kept.end()};
}

}  // namespace

TEST_CASE("record.log keeps about n rows per decade, the first and the last", "[driver][recorder]") {
  const Quadratic quadratic({.eigenvalues = {0.5, 2.0}});
  RunSettings settings;
  settings.max_iter = 31623;  // 10^4.5
  settings.record.log = 7;
  const auto r = run(quadratic, "gd", {{"lr", 0.01}}, Vector{{1.0, 1.0}}, settings);
  REQUIRE(r.iterations == 31623);
  CHECK(r.trace.iter == log_grid(7, 31623));
  // k = 0 … 4, then one row per 1/7 decade over 4.5 decades, and the last: 33 rows.
  CHECK(r.trace.size() == 33);
  CHECK(r.trace.iter.back() == r.iterations);
  CHECK(r.trace.x[2 * (r.trace.size() - 1)] == r.x_final[0]);

  SECTION("the kept rows are the rows a full trace has at those iterations") {
    RunSettings full = settings;
    full.record.log.reset();
    const auto all = run(quadratic, "gd", {{"lr", 0.01}}, Vector{{1.0, 1.0}}, full);
    for (std::size_t row = 0; row < r.trace.size(); ++row)
      CHECK(r.trace.f[row] == all.trace.f[static_cast<std::size_t>(r.trace.iter[row])]);
  }
}

TEST_CASE("record.log = 20 keeps 91 rows of 10^5 iterations", "[driver][recorder]") {
  RecordSettings settings;
  settings.log = 20;
  const Recorder recorder(settings, 2);
  std::int64_t kept = 0;
  for (std::int64_t k = 0; k <= 100000; ++k) kept += recorder.keeps(k);
  CHECK(kept == 91);
  for (std::int64_t k : {0, 1, 2, 10, 12, 100, 1000, 10000, 100000}) CHECK(recorder.keeps(k));
  for (std::int64_t k : {11, 101, 1001, 99999}) CHECK_FALSE(recorder.keeps(k));
}

TEST_CASE("record.log and record.every are exclusive", "[driver][recorder][config]") {
  REQUIRE_THROWS_MATCHES(
      options_from<RecordSettings>({{"log", std::int64_t{20}}, {"every", std::int64_t{5}}}), ConfigError,
      Catch::Matchers::Predicate<ConfigError>([](const ConfigError& e) {
        return e.key() == "log" && std::string(e.what()).find("set one of them") != std::string::npos;
      }));
  REQUIRE_NOTHROW(options_from<RecordSettings>({{"log", std::int64_t{20}}, {"every", std::int64_t{1}}}));
  REQUIRE_THROWS_AS(options_from<RecordSettings>({{"log", std::int64_t{0}}}), ConfigError);
}

TEST_CASE("a run that stops between kept rows still ends with the final iterate's row",
          "[driver][recorder]") {
  // L-BFGS's line search fails on the monkey saddle, unbounded below, after four steps from
  // (1, 0.1): with thinning the final iterate's own row would be missing.
  const MonkeySaddle saddle;
  RunSettings settings;
  settings.max_iter = 100;
  const ParamMap params;
  const Vector start{{1.0, 0.1}};
  const auto full = run(saddle, "lbfgs", params, start, settings);
  REQUIRE(full.stop_reason == StopReason::kLineSearchFailed);
  REQUIRE(full.iterations == 4);

  settings.record.every = 1000;
  const auto thinned = run(saddle, "lbfgs", params, start, settings);
  REQUIRE(thinned.stop_reason == StopReason::kLineSearchFailed);
  CHECK(thinned.trace.iter == std::vector<std::int64_t>{0, full.iterations});
  CHECK(thinned.trace.f.back() == full.trace.f.back());
  const double lr = thinned.trace.lr.back(), full_lr = full.trace.lr.back();  // NaN: no step size
  CHECK((lr == full_lr || (std::isnan(lr) && std::isnan(full_lr))));
  CHECK(thinned.trace.x[2] == thinned.x_final[0]);
  CHECK(thinned.trace.x[3] == thinned.x_final[1]);
}
