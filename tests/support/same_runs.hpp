// require_same_runs: two results files hold the same runs in the same order, equal bit for
// bit in every dataset and attribute of every run, except the wall-clock `seconds`. The root
// attributes (provenance: who wrote the file, when, where, with how many ranks and threads)
// are not compared.
#pragma once

#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <utility>
#include <vector>

#include "descent/store/results_reader.hpp"
#include "descent/suite/run_spec.hpp"

namespace descent::test {

// Equal bit for bit (a NaN equals the same NaN).
inline bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  // memcmp of an empty vector's data() would pass it a null pointer: undefined, even for 0 bytes.
  return a.size() == b.size() &&
         (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

inline void require_same_runs(const std::filesystem::path& a, const std::filesystem::path& b) {
  const ResultsReader ra(a), rb(b);
  REQUIRE(ra.index().size() == rb.index().size());
  for (std::size_t i = 0; i < ra.index().size(); ++i) {
    IndexRow row_a = ra.index()[i], row_b = rb.index()[i];
    row_a.seconds = row_b.seconds = 0.0;
    REQUIRE(row_a == row_b);
    const auto run_a = ra.run(row_a.run_id), run_b = rb.run(row_b.run_id);
    // Objective, parameters, start, optimizer, hyperparameters, settings, repeat and seed.
    REQUIRE(canonical_text(run_a.spec) == canonical_text(run_b.spec));
    REQUIRE(run_a.spec.label == run_b.spec.label);
    REQUIRE(ra.trace_columns(row_a.run_id) == rb.trace_columns(row_b.run_id));
    const Trace &ta = run_a.result.trace, &tb = run_b.result.trace;
    REQUIRE(ta.iter == tb.iter);
    REQUIRE((ta.evals_f == tb.evals_f && ta.evals_grad == tb.evals_grad &&
             ta.evals_hess == tb.evals_hess && ta.evals_hvp == tb.evals_hvp));
    for (const auto& [column, values] : {std::pair{"f", &Trace::f},
                                         {"grad_norm", &Trace::grad_norm},
                                         {"raw_grad_norm", &Trace::raw_grad_norm},
                                         {"step_norm", &Trace::step_norm},
                                         {"lr", &Trace::lr},
                                         {"x", &Trace::x}}) {
      INFO("trace/" << column << " of run " << row_a.run_id);
      REQUIRE(same_bits(ta.*values, tb.*values));
    }
    REQUIRE(ta.extra.size() == tb.extra.size());
    for (const auto& [column, values] : ta.extra) {
      INFO("trace/" << column << " of run " << row_a.run_id);
      REQUIRE(tb.extra.contains(column));
      REQUIRE(same_bits(values, tb.extra.at(column)));
    }
    REQUIRE(
        same_bits(std::vector<double>(run_a.result.x_final.begin(), run_a.result.x_final.end()),
                  std::vector<double>(run_b.result.x_final.begin(), run_b.result.x_final.end())));
  }
}

}  // namespace descent::test
