#include "descent/optimizers/lbfgs.hpp"

#include <algorithm>
#include <cmath>

namespace descent {

namespace {

// Rows per block of the pass that stores a pair: its blocks of s and y stay in L1 while
// their dot products are taken.
constexpr Index kBlockRows = 2048;

// Kernels of the two-loop recursion on raw arrays: four partial sums keep the dot product
// from waiting on one chain of additions.

// q ← a·g; returns uᵀq.
double scale_dot(double* q, const double* g, double a, const double* u, Index n) {
  double acc[4] = {0.0, 0.0, 0.0, 0.0};
  Index i = 0;
  for (; i + 4 <= n; i += 4)
    for (int k = 0; k < 4; ++k) {
      q[i + k] = a * g[i + k];
      acc[k] += u[i + k] * q[i + k];
    }
  for (; i < n; ++i) {
    q[i] = a * g[i];
    acc[0] += u[i] * q[i];
  }
  return (acc[0] + acc[1]) + (acc[2] + acc[3]);
}

// q ← q + a·v; returns uᵀq.
double axpy_dot(double* q, const double* v, double a, const double* u, Index n) {
  double acc[4] = {0.0, 0.0, 0.0, 0.0};
  Index i = 0;
  for (; i + 4 <= n; i += 4)
    for (int k = 0; k < 4; ++k) {
      q[i + k] += a * v[i + k];
      acc[k] += u[i + k] * q[i + k];
    }
  for (; i < n; ++i) {
    q[i] += a * v[i];
    acc[0] += u[i] * q[i];
  }
  return (acc[0] + acc[1]) + (acc[2] + acc[3]);
}

// q ← γ (q + a·v); returns uᵀq.
double axpy_scale_dot(double* q, const double* v, double a, double gamma, const double* u,
                      Index n) {
  double acc[4] = {0.0, 0.0, 0.0, 0.0};
  Index i = 0;
  for (; i + 4 <= n; i += 4)
    for (int k = 0; k < 4; ++k) {
      q[i + k] = gamma * (q[i + k] + a * v[i + k]);
      acc[k] += u[i + k] * q[i + k];
    }
  for (; i < n; ++i) {
    q[i] = gamma * (q[i] + a * v[i]);
    acc[0] += u[i] * q[i];
  }
  return (acc[0] + acc[1]) + (acc[2] + acc[3]);
}

}  // namespace

void Lbfgs::reset(Index dim) {
  memory_ = static_cast<Index>(options_.memory);
  s_.resize(dim, memory_ + 1);
  y_.resize(dim, memory_ + 1);
  columns_.clear();
  columns_.reserve(static_cast<std::size_t>(memory_ + 1));
  spare_ = 0;
  gamma_ = 1.0;
  direction_.resize(dim);
  search_.reset(dim);
  rho_.setZero(memory_);
  alpha_.setZero(memory_);
}

StepStatus Lbfgs::step(Vector& x, StepContext& context) {
  const Vector& g = context.g();
  double t0 = 1.0, slope = 0.0;
  if (count() == 0) {
    direction_ = -g;
    slope = -g.squaredNorm();
    t0 = std::fmin(1.0, 1.0 / std::sqrt(-slope));
  } else {
    slope = two_loop_direction(g);
  }
  const StepStatus status = search_.move(x, direction_, slope, t0, options_.search, context);
  if (status != StepStatus::kOk) return status;
  store_pair(x, g, context);
  return StepStatus::kOk;
}

void Lbfgs::store_pair(const Vector& x, const Vector& g_old, StepContext& context) {
  const Vector& x_old = search_.previous_x();
  const Vector& g_new = search_.gradient();
  const Index n = x.size();
  double sy = 0.0, yy = 0.0, ss = 0.0;
  for (Index b = 0; b < n; b += kBlockRows) {
    const Index rows = std::min(kBlockRows, n - b);
    auto s = s_.col(spare_).segment(b, rows);
    auto y = y_.col(spare_).segment(b, rows);
    s = x.segment(b, rows) - x_old.segment(b, rows);
    y = g_new.segment(b, rows) - g_old.segment(b, rows);
    sy += s.dot(y);
    yy += y.squaredNorm();
    ss += s.squaredNorm();
  }
  context.record("curvature", sy);
  if (!(sy > 1e-10 * std::sqrt(ss * yy))) {
    context.record("update_skipped", 1.0);
    return;
  }
  context.record("update_skipped", 0.0);

  Index c = count();
  if (c == memory_) {
    std::copy(rho_.data() + 1, rho_.data() + c, rho_.data());
    const Index oldest = columns_.front();
    columns_.erase(columns_.begin());
    columns_.push_back(spare_);
    spare_ = oldest;
  } else {
    columns_.push_back(spare_);
    spare_ = count();
  }
  c = count();
  rho_[c - 1] = 1.0 / sy;
  gamma_ = sy / yy;
}

// The recursion runs on q = −g, which gives d = −H g directly (it is linear in g). Each
// update of q is fused with the dot product the next one needs, so every pass reads q, one
// y and one s once:
//   loop 1, i = newest … oldest:  q ← q − αᵢ yᵢ  with  sᵢ₋₁ᵀq
//   loop 2, i = oldest … newest:  q ← q + (αᵢ − βᵢ) sᵢ  with  yᵢ₊₁ᵀq, and gᵀq after the last
double Lbfgs::two_loop_direction(const Vector& g) {
  const Index c = count();
  const Index n = g.size();
  double* q = direction_.data();
  const auto s = [&](Index i) { return s_.col(columns_[static_cast<std::size_t>(i)]).data(); };
  const auto y = [&](Index i) { return y_.col(columns_[static_cast<std::size_t>(i)]).data(); };

  double dot = scale_dot(q, g.data(), -1.0, s(c - 1), n);
  for (Index i = c - 1; i >= 0; --i) {
    alpha_[i] = rho_[i] * dot;
    dot = i > 0 ? axpy_dot(q, y(i), -alpha_[i], s(i - 1), n)
                : axpy_scale_dot(q, y(0), -alpha_[0], gamma_, y(0), n);
  }
  for (Index i = 0; i < c; ++i) {
    const double beta = rho_[i] * dot;
    dot = axpy_dot(q, s(i), alpha_[i] - beta, i + 1 < c ? y(i + 1) : g.data(), n);
  }
  return dot;
}

}  // namespace descent
