// First hits of targets on a hand-made trace; the cost model and its parsing.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "descent/analysis/targets.hpp"
#include "descent/core/config_error.hpp"

using namespace descent;

namespace {

// Records at iterations 0, 5, 10 with f = 101, 2, 1.005 (f* = 1 in the tests).
Trace sample_trace() {
  Trace t;
  t.iter = {0, 5, 10};
  t.f = {101.0, 2.0, 1.005};
  t.grad_norm = {50.0, 0.5, 1e-3};
  t.raw_grad_norm = t.grad_norm;
  t.step_norm = {std::numeric_limits<double>::quiet_NaN(), 1.0, 0.1};
  t.lr = {0.1, 0.1, 0.1};
  t.evals_f = {1, 6, 11};
  t.evals_grad = {1, 6, 11};
  t.evals_hess = {0, 1, 2};
  t.evals_hvp = {0, 3, 7};
  t.seconds = {0.0, 0.5, 1.0};
  return t;
}

IndexRow final_row() {
  IndexRow row;
  row.dim = 4;
  row.iterations = 12;
  row.f_final = 1.0 + 1e-7;
  row.grad_norm_final = 1e-6;
  row.evals_f = 13;
  row.evals_grad = 13;
  row.evals_hess = 2;
  row.evals_hvp = 8;
  row.seconds = 1.25;
  return row;
}

}  // namespace

TEST_CASE("the target grid is 10^k for k = 2, 1.8, …, −8", "[analysis][targets]") {
  const auto k = target_exponents();
  REQUIRE(k.size() == 51);
  REQUIRE(k.front() == 2.0);
  REQUIRE(k[10] == 0.0);
  REQUIRE(k.back() == -8.0);
}

TEST_CASE("a target is reached at the first record at or below it, else at the run's end",
          "[analysis][targets]") {
  const CostModel cost;  // f=1, grad=1, hess=n=4, hvp=2
  // f − f* = 100, 1, 0.005 in the trace, 1e-7 at the end.
  const std::vector<double> levels{100.0, 1.0, 1e-2, 1e-6, 1e-8};
  const auto hits = first_hits(sample_trace(), final_row(), 1.0, TargetKind::kAbsolute, levels, cost);
  REQUIRE(hits[0].has_value());
  REQUIRE((*hits[0])[kIterations] == 0.0);
  REQUIRE((*hits[1])[kIterations] == 5.0);
  REQUIRE((*hits[1])[kCost] == 6.0 + 6.0 + 4.0 * 1.0 + 2.0 * 3.0);
  REQUIRE((*hits[2])[kIterations] == 10.0);
  REQUIRE((*hits[2])[kSeconds] == 1.0);
  REQUIRE((*hits[3])[kIterations] == 12.0);  // only the final state reaches 1e-6
  REQUIRE((*hits[3])[kEvalsHvp] == 8.0);
  REQUIRE_FALSE(hits[4].has_value());

  SECTION("relative to f(x0) − f* = 100") {
    const auto rel = first_hits(sample_trace(), final_row(), 1.0, TargetKind::kRelative,
                                {1e-1, 1e-4}, cost);
    REQUIRE((*rel[0])[kIterations] == 5.0);   // 1/100 ≤ 0.1
    REQUIRE((*rel[1])[kIterations] == 10.0);  // 0.005/100 ≤ 1e-4
  }
  SECTION("on the gradient norm") {
    const auto grad = first_hits(sample_trace(), final_row(), 1.0, TargetKind::kGradient,
                                 {1.0, 1e-2, 1e-5}, cost);
    REQUIRE((*grad[0])[kIterations] == 5.0);
    REQUIRE((*grad[1])[kIterations] == 10.0);
    REQUIRE((*grad[2])[kIterations] == 12.0);
  }
  SECTION("one record per trace record that first reaches some targets, covering them") {
    // f − f* = 100 reaches 1000 and 100; 1 reaches 10 and 1; 0.005 no further level of these;
    // the end, 1e-7, reaches 1e-6.
    const auto records = first_hit_records(sample_trace(), final_row(), 1.0, TargetKind::kAbsolute,
                                           {1000.0, 100.0, 10.0, 1.0, 1e-6, 1e-8}, cost);
    REQUIRE(records.size() == 3);
    REQUIRE(records[0].levels_end == 2);
    REQUIRE(records[0].measures[kIterations] == 0.0);
    REQUIRE(records[1].levels_end == 4);
    REQUIRE(records[1].measures[kIterations] == 5.0);
    REQUIRE(records[2].levels_end == 5);
    REQUIRE(records[2].measures[kIterations] == 12.0);
  }
  SECTION("with f* unknown no f target is reached") {
    const auto none = first_hits(sample_trace(), final_row(), std::nan(""), TargetKind::kAbsolute,
                                 levels, cost);
    for (const auto& hit : none) REQUIRE_FALSE(hit.has_value());
  }
}

TEST_CASE("the cost model weighs the four counts, a Hessian as n by default",
          "[analysis][targets][cost]") {
  const CostModel defaults = parse_cost_model("f=1,grad=1,hess=n,hvp=2");
  REQUIRE(defaults.cost(3, 4, 2, 5, 10) == 3.0 + 4.0 + 20.0 + 10.0);
  REQUIRE(defaults.text() == "f=1,grad=1,hess=n,hvp=2");
  const CostModel custom = parse_cost_model("hess=7,f=0.5");
  REQUIRE(custom.cost(2, 1, 1, 1, 10) == 1.0 + 1.0 + 7.0 + 2.0);
  REQUIRE(custom.text() == "f=0.5,grad=1,hess=7,hvp=2");
  for (const char* bad : {"f", "f=-1", "g=1", "hvp=n", "f=1,,grad=2", "f=abc"})
    REQUIRE_THROWS_AS(parse_cost_model(bad), ConfigError);
  REQUIRE_THROWS_AS(target_kind_from("absolute"), ConfigError);
}
