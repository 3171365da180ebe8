// The end-of-suite summary table: one row per run with method, objective, start point, stop
// reason, iterations, final f, and distance from the final iterate to the nearest known
// minimum of the objective (blank when none is known).
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "descent/core/catalog.hpp"
#include "descent/suite/run_spec.hpp"

namespace descent {

struct SummaryRow {
  std::string label;
  std::string objective;
  std::string start;  // the start point when short, "#k" otherwise
  std::int64_t repeat = 0;
  std::string stop_reason;
  std::int64_t iterations = 0;
  double f_final = 0.0;
  double distance_to_minimum = 0.0;  // NaN when the objective lists no minimum
};

// `x_final` is the run's last iterate.
SummaryRow summary_row(const RunSpec& spec, const std::string& stop_reason,
                       std::int64_t iterations, double f_final, const Vector& x_final,
                       const Catalog& catalog);

// ‖x − x*‖ for the nearest listed minimum x*, NaN when none is listed.
double distance_to_nearest_minimum(const RunSpec& spec, const Vector& x, const Catalog& catalog);

// Characters on a terminal: UTF-8 code points (labels such as "saddle-free |λ|").
std::size_t display_width(const std::string& text);

void print_summary(const std::vector<SummaryRow>& rows, std::FILE* out);

}  // namespace descent
