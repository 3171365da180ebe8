// Runs to store in the store's tests: specified in code as a suite would specify them
// (normalised parameters, ids from compute_run_id), run by the real driver, and compared
// bit for bit after a round trip through a results file.
#pragma once

#include <catch2/catch.hpp>

#include <bit>
#include <cstdint>
#include <string>
#include <vector>

#include "descent/driver/driver.hpp"
#include "descent/optimizers/registry.hpp"
#include "descent/store/results_reader.hpp"
#include "descent/suite/suite.hpp"
#include "descent/objectives/registry.hpp"

namespace descent::test {

// `optimizer` with learning rate `lr` on the quadratic ½(x₁² + 10x₂²) from (1, 1).
inline RunSpec quadratic_run(const std::string& optimizer, double lr, std::int64_t repeat = 0,
                             std::int64_t max_iter = 30) {
  RunSpec spec;
  spec.objective = "quadratic";
  spec.objective_params = find_objective("quadratic")->normalize(
      {{"eigenvalues", std::vector<double>{1.0, 10.0}}});
  spec.start_index = 0;
  spec.x0 = Vector{{1.0, 1.0}};
  spec.optimizer = optimizer;
  spec.label = optimizer + ", lr " + to_text(ParamValue(lr));
  spec.optimizer_params = find_optimizer(optimizer)->normalize({{"lr", lr}});
  spec.settings.edit().max_iter = max_iter;
  spec.settings.edit().stop.grad_norm = 1e-8;
  spec.repeat = repeat;
  spec.seed = 0x9e3779b97f4a7c15ULL + static_cast<std::uint64_t>(repeat);
  spec.run_id = compute_run_id(spec);
  return spec;
}

inline RunResult run(const RunSpec& spec) {
  const auto objective = find_objective(spec.objective)->make(spec.objective_params);
  const auto method = find_optimizer(spec.optimizer)->make(spec.optimizer_params);
  return run_optimizer(*objective, *method, spec.x0, spec.settings, spec.seed);
}

inline Suite suite_of(const std::vector<RunSpec>& runs, const std::string& name = "store-test") {
  Suite suite;
  suite.name = name;
  suite.toml_text = "name = \"" + name + "\"\n# the runs are built in code\n";
  suite.sha256 = sha256_hex(suite.toml_text);
  suite.runs = runs;
  return suite;
}

// Equal bit patterns: NaN equals NaN of the same payload, −0 differs from +0.
inline bool same_bits(double a, double b) {
  return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}
inline bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!same_bits(a[i], b[i])) return false;
  return true;
}
inline bool same_bits(const Vector& a, const Vector& b) {
  return same_bits(std::vector<double>(a.begin(), a.end()), std::vector<double>(b.begin(), b.end()));
}

inline void require_same_trace(const Trace& got, const Trace& expected) {
  REQUIRE(got.iter == expected.iter);
  REQUIRE(same_bits(got.f, expected.f));
  REQUIRE(same_bits(got.grad_norm, expected.grad_norm));
  REQUIRE(same_bits(got.raw_grad_norm, expected.raw_grad_norm));
  REQUIRE(same_bits(got.step_norm, expected.step_norm));
  REQUIRE(same_bits(got.lr, expected.lr));
  REQUIRE(got.evals_f == expected.evals_f);
  REQUIRE(got.evals_grad == expected.evals_grad);
  REQUIRE(got.evals_hess == expected.evals_hess);
  REQUIRE(got.evals_hvp == expected.evals_hvp);
  REQUIRE(same_bits(got.seconds, expected.seconds));
  REQUIRE(got.x_dim == expected.x_dim);
  REQUIRE(same_bits(got.x, expected.x));
  REQUIRE(got.extra.size() == expected.extra.size());
  for (const auto& [name, values] : expected.extra) {
    INFO("extra column " << name);
    REQUIRE(got.extra.contains(name));
    REQUIRE(same_bits(got.extra.at(name), values));
  }
}

// ResultsReader::trace of a stored run: all columns as run() reads them; columns asked for
// by name (iter always) equal to those, every other column empty.
inline void require_trace_reads(const ResultsReader& reader, const std::string& run_id) {
  const Trace whole = reader.run(run_id).result.trace;
  require_same_trace(reader.trace(run_id), whole);

  Trace expected;
  expected.iter = whole.iter;
  expected.f = whole.f;
  expected.evals_hess = whole.evals_hess;
  require_same_trace(reader.trace(run_id, {"f", "evals_hess"}), expected);

  expected = Trace{};
  expected.iter = whole.iter;
  expected.x_dim = whole.x_dim;
  expected.x = whole.x;
  if (whole.extra.contains("ls_trials")) expected.extra.emplace("ls_trials", whole.extra.at("ls_trials"));
  require_same_trace(reader.trace(run_id, {"x", "ls_trials"}), expected);

  // One Trace refilled by narrower reads holds only what the latest read asked for.
  Trace reused;
  reader.trace_into(run_id, {}, reused);
  require_same_trace(reused, whole);
  reader.trace_into(run_id, {"x", "ls_trials"}, reused);
  require_same_trace(reused, expected);
  reader.trace_into(run_id, {"seconds"}, reused);
  expected = Trace{};
  expected.iter = whole.iter;
  expected.seconds = whole.seconds;
  require_same_trace(reused, expected);
}

// Every field of the specification and the result, bit for bit.
inline void require_same_run(const StoredRun& got, const RunSpec& spec, const RunResult& result) {
  REQUIRE(got.spec.run_id == spec.run_id);
  REQUIRE(compute_run_id(got.spec) == spec.run_id);
  REQUIRE(got.spec.objective == spec.objective);
  REQUIRE(got.spec.objective_params == spec.objective_params);
  REQUIRE(got.spec.start_index == spec.start_index);
  REQUIRE(same_bits(got.spec.x0, spec.x0));
  REQUIRE(got.spec.optimizer == spec.optimizer);
  REQUIRE(got.spec.label == spec.label);
  REQUIRE(got.spec.optimizer_params == spec.optimizer_params);
  REQUIRE(params_of(*got.spec.settings) == params_of(*spec.settings));
  REQUIRE(got.spec.repeat == spec.repeat);
  REQUIRE(got.spec.seed == spec.seed);

  const RunResult& r = got.result;
  REQUIRE(r.stop_reason == result.stop_reason);
  REQUIRE(r.iterations == result.iterations);
  REQUIRE(same_bits(r.f_final, result.f_final));
  REQUIRE(same_bits(r.grad_norm_final, result.grad_norm_final));
  REQUIRE(r.evals.f == result.evals.f);
  REQUIRE(r.evals.grad == result.evals.grad);
  REQUIRE(r.evals.hess == result.evals.hess);
  REQUIRE(r.evals.hvp == result.evals.hvp);
  REQUIRE(same_bits(r.seconds, result.seconds));
  REQUIRE(same_bits(r.x_final, result.x_final));
  require_same_trace(r.trace, result.trace);
}

}  // namespace descent::test
