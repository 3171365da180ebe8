#include "descent/analysis/targets.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <map>

#include "descent/core/config_error.hpp"

namespace descent {

namespace {

// Each kind once: its name (--targets, CSV files) and its precision in LaTeX math.
struct TargetKindNames {
  TargetKind kind;
  std::string_view name;
  std::string_view latex;
};
constexpr TargetKindNames kTargetKinds[] = {
    {TargetKind::kAbsolute, "abs", "f - f^*"},
    {TargetKind::kRelative, "rel", "(f - f^*)/(f(x_0) - f^*)"},
    {TargetKind::kGradient, "grad", "\\|\\nabla f\\|"}};

const TargetKindNames& names_of(TargetKind kind) {
  return *std::find_if(std::begin(kTargetKinds), std::end(kTargetKinds),
                       [kind](const TargetKindNames& names) { return names.kind == kind; });
}

}  // namespace

TargetKind target_kind_from(const std::string& text) {
  std::string known;
  for (const TargetKindNames& names : kTargetKinds) {
    if (text == names.name) return names.kind;
    known += (known.empty() ? "" : ", ") + std::string(names.name);
  }
  throw ConfigError("--targets", "--targets must be one of " + known + ", got '" + text + "'");
}

std::string to_string(TargetKind kind) { return std::string(names_of(kind).name); }

std::string latex_precision(TargetKind kind) { return std::string(names_of(kind).latex); }

std::vector<double> target_exponents() {
  std::vector<double> exponents;
  for (int i = 0; i <= 50; ++i) exponents.push_back(static_cast<double>(10 - i) / 5.0);
  return exponents;
}

double CostModel::cost(std::int64_t evals_f, std::int64_t evals_grad, std::int64_t evals_hess,
                       std::int64_t evals_hvp, std::int64_t dim) const {
  const double w_hess = hess ? *hess : static_cast<double>(dim);
  return f * static_cast<double>(evals_f) + grad * static_cast<double>(evals_grad) +
         w_hess * static_cast<double>(evals_hess) + hvp * static_cast<double>(evals_hvp);
}

namespace {

std::string weight_text(double w) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", w);
  return buffer;
}

}  // namespace

std::string CostModel::text() const {
  return "f=" + weight_text(f) + ",grad=" + weight_text(grad) +
         ",hess=" + (hess ? weight_text(*hess) : std::string("n")) + ",hvp=" + weight_text(hvp);
}

CostModel parse_cost_model(const std::string& text) {
  CostModel model;
  const auto fail = [&](const std::string& why) {
    throw ConfigError("--cost", "--cost '" + text + "': " + why +
                                    " (expected KEY=WEIGHT,... with keys f, grad, hess, hvp)");
  };
  std::size_t begin = 0;
  while (begin <= text.size()) {
    const std::size_t end = std::min(text.find(',', begin), text.size());
    const std::string item = text.substr(begin, end - begin);
    const std::size_t equals = item.find('=');
    if (equals == std::string::npos) fail("'" + item + "' is not KEY=WEIGHT");
    const std::string key = item.substr(0, equals);
    const std::string value = item.substr(equals + 1);
    if (key == "hess" && value == "n") {
      model.hess.reset();
    } else {
      char* rest = nullptr;
      const double weight = std::strtod(value.c_str(), &rest);
      if (value.empty() || *rest != '\0' || !(weight >= 0.0) || !std::isfinite(weight))
        fail("weight of '" + key + "' must be a finite number >= 0" +
             (key == "hess" ? std::string(" or n") : std::string()) + ", got '" + value + "'");
      if (key == "f") model.f = weight;
      else if (key == "grad") model.grad = weight;
      else if (key == "hess") model.hess = weight;
      else if (key == "hvp") model.hvp = weight;
      else fail("unknown key '" + key + "'");
    }
    begin = end + 1;
  }
  return model;
}

const std::array<const char*, kMeasureCount>& measure_names() {
  static const std::array<const char*, kMeasureCount> names{
      "iterations", "evals_f", "evals_grad", "evals_hess", "evals_hvp", "seconds", "cost"};
  return names;
}

namespace {

Measures measures_of(double iterations, std::int64_t f, std::int64_t grad, std::int64_t hess,
                     std::int64_t hvp, double seconds, std::int64_t dim, const CostModel& cost) {
  return {iterations,
          static_cast<double>(f),
          static_cast<double>(grad),
          static_cast<double>(hess),
          static_cast<double>(hvp),
          seconds,
          cost.cost(f, grad, hess, hvp, dim)};
}

}  // namespace

Measures final_measures(const IndexRow& row, const CostModel& cost) {
  return measures_of(static_cast<double>(row.iterations), row.evals_f, row.evals_grad,
                     row.evals_hess, row.evals_hvp, row.seconds, row.dim, cost);
}

const std::vector<std::string>& hit_trace_columns() {
  static const std::vector<std::string> columns{"iter",       "f",          "grad_norm", "evals_f",
                                                "evals_grad", "evals_hess", "evals_hvp", "seconds"};
  return columns;
}

std::vector<HitRecord> first_hit_records(const Trace& trace, const IndexRow& row, double f_star,
                                         TargetKind kind, const std::vector<double>& levels,
                                         const CostModel& cost) {
  std::vector<HitRecord> hits;
  const double f0 = trace.size() > 0 ? trace.f.front() : row.f_final;
  const auto precision = [&](double f, double grad_norm) {
    switch (kind) {
      case TargetKind::kAbsolute: return f - f_star;
      case TargetKind::kRelative: return (f - f_star) / (f0 - f_star);
      case TargetKind::kGradient: return grad_norm;
    }
    return f - f_star;
  };
  std::size_t next = 0;  // levels descend: the first one not reached yet
  // Whether `value` reaches the next level; if so, past every level it reaches.
  const auto reaches = [&](double value) {
    if (next == levels.size() || !(value <= levels[next])) return false;
    while (next < levels.size() && value <= levels[next]) ++next;
    return true;
  };
  for (std::size_t k = 0; k < trace.size() && next < levels.size(); ++k)
    if (reaches(precision(trace.f[k], trace.grad_norm[k])))
      hits.push_back({measures_of(static_cast<double>(trace.iter[k]), trace.evals_f[k],
                                  trace.evals_grad[k], trace.evals_hess[k], trace.evals_hvp[k],
                                  trace.seconds[k], row.dim, cost),
                      static_cast<std::uint32_t>(next)});
  if (reaches(precision(row.f_final, row.grad_norm_final)))
    hits.push_back({final_measures(row, cost), static_cast<std::uint32_t>(next)});
  return hits;
}

std::vector<std::optional<Measures>> first_hits(const Trace& trace, const IndexRow& row,
                                                double f_star, TargetKind kind,
                                                const std::vector<double>& levels,
                                                const CostModel& cost) {
  std::vector<std::optional<Measures>> hits(levels.size());
  std::size_t level = 0;
  for (const HitRecord& hit : first_hit_records(trace, row, f_star, kind, levels, cost))
    while (level < hit.levels_end) hits[level++] = hit.measures;
  return hits;
}

}  // namespace descent
