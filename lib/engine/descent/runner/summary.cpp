#include "descent/runner/summary.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>


namespace descent {

std::size_t display_width(const std::string& text) {
  std::size_t width = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++width;
  return width;
}

double distance_to_nearest_minimum(const RunSpec& spec, const Vector& x, const Catalog& catalog) {
  double best = std::numeric_limits<double>::quiet_NaN();
  const auto* entry = catalog.find_objective(spec.objective);
  if (!entry || !x.allFinite()) return best;
  for (const auto& minimum : entry->make(spec.objective_params)->minima()) {
    if (minimum.x.size() != x.size()) continue;
    const double d = (x - minimum.x).norm();
    if (!(d >= best)) best = d;  // also replaces the initial NaN
  }
  return best;
}

namespace {

// "(2, -2)" for points of up to three coordinates, "#k" (the start index) otherwise.
std::string start_text(const RunSpec& spec) {
  if (spec.x0.size() > 3) return std::string("#").append(std::to_string(spec.start_index));
  std::string text = "(";
  for (Index i = 0; i < spec.x0.size(); ++i) {
    char number[32];
    std::snprintf(number, sizeof number, "%g", spec.x0[i]);
    text.append(i ? ", " : "").append(number);
  }
  return text.append(")");
}

std::string padded(const std::string& text, std::size_t width) {
  return text + std::string(width - std::min(width, display_width(text)), ' ');
}

}  // namespace

SummaryRow summary_row(const RunSpec& spec, const std::string& stop_reason,
                       std::int64_t iterations, double f_final, const Vector& x_final,
                       const Catalog& catalog) {
  return {.label = spec.label,
          .objective = spec.objective,
          .start = start_text(spec),
          .repeat = spec.repeat,
          .stop_reason = stop_reason,
          .iterations = iterations,
          .f_final = f_final,
          .distance_to_minimum = distance_to_nearest_minimum(spec, x_final, catalog)};
}

void print_summary(const std::vector<SummaryRow>& rows, std::FILE* out) {
  std::size_t label_width = 6, objective_width = 9, start_width = 5;
  for (const auto& r : rows) {
    label_width = std::max(label_width, display_width(r.label));
    objective_width = std::max(objective_width, display_width(r.objective));
    start_width = std::max(start_width, display_width(r.start));
  }
  const auto text_columns = [&](const std::string& label, const std::string& objective,
                                const std::string& start) {
    return padded(label, label_width) + "  " + padded(objective, objective_width) + "  " +
           padded(start, start_width);
  };
  std::fprintf(out, "%s  %-18s  %10s  %12s  %12s\n",
               text_columns("method", "objective", "start").c_str(), "stop reason", "iterations",
               "final f", "dist to min");
  for (const auto& r : rows) {
    char distance[32] = "";
    if (!std::isnan(r.distance_to_minimum))
      std::snprintf(distance, sizeof distance, "%12.3e", r.distance_to_minimum);
    std::fprintf(out, "%s  %-18s  %10lld  %12.5e  %12s\n",
                 text_columns(r.label, r.objective, r.start).c_str(), r.stop_reason.c_str(),
                 static_cast<long long>(r.iterations), r.f_final, distance);
  }
}

}  // namespace descent
