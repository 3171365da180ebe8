#include "descent/driver/recorder.hpp"

#include <cmath>
#include <limits>

namespace descent {

Recorder::Recorder(const RecordSettings& settings, Index dim)
    : every_(settings.every), per_decade_(settings.log.value_or(0)) {
  trace_.x_dim = settings.records_x(dim) ? dim : 0;
}

bool Recorder::keeps(std::int64_t k) const {
  if (per_decade_ == 0) return k % every_ == 0;
  if (k <= 1) return true;
  const auto bin = [this](std::int64_t i) {
    return std::floor(static_cast<double>(per_decade_) * std::log10(static_cast<double>(i)));
  };
  return bin(k) > bin(k - 1);
}

void Recorder::note(std::string_view column, double value) {
  pending_.emplace_back(std::string(column), value);
}

void Recorder::append(const IterationRow& row, const Vector& x) {
  const std::size_t rows_before = trace_.size();
  trace_.iter.push_back(row.iter);
  trace_.f.push_back(row.f);
  trace_.grad_norm.push_back(row.grad_norm);
  trace_.raw_grad_norm.push_back(row.raw_grad_norm);
  trace_.step_norm.push_back(row.step_norm);
  trace_.lr.push_back(row.lr);
  trace_.evals_f.push_back(row.evals.f);
  trace_.evals_grad.push_back(row.evals.grad);
  trace_.evals_hess.push_back(row.evals.hess);
  trace_.evals_hvp.push_back(row.evals.hvp);
  trace_.seconds.push_back(row.seconds);
  if (trace_.x_dim > 0) trace_.x.insert(trace_.x.end(), x.data(), x.data() + x.size());

  constexpr double kAbsent = std::numeric_limits<double>::quiet_NaN();
  for (const auto& [column, value] : pending_) {
    auto& values = trace_.extra[column];
    values.resize(rows_before, kAbsent);  // a column first seen now: earlier rows absent
    values.push_back(value);
  }
  for (auto& [column, values] : trace_.extra) values.resize(trace_.size(), kAbsent);
  pending_.clear();
}

}  // namespace descent
