#include "descent/optimizers/lbfgs.hpp"

#include <algorithm>
#include <cmath>

namespace descent {

namespace {

// Rows per block of the blocked passes: a block of every stored column stays in L2 while it
// is used twice.
constexpr Index kBlockRows = 2048;

// Drops row and column 0 of the leading c × c block of a matrix.
void drop_oldest(Matrix& m, Index c) {
  for (Index j = 0; j + 1 < c; ++j)
    for (Index i = 0; i + 1 < c; ++i) m(i, j) = m(i + 1, j + 1);
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
  r_.setZero(memory_, memory_);
  yy_.setZero(memory_, memory_);
  newest_pending_ = false;
  for (Vector* v : {&s_dot_g_, &y_dot_g_, &s_dot_y_, &y_dot_y_, &s_coefficients_, &y_coefficients_})
    v->setZero(memory_ + 1);
  for (Vector* v : {&a_, &b_, &u_, &v_}) v->setZero(memory_);
}

StepStatus Lbfgs::step(Vector& x, StepContext& context) {
  const Vector& g = context.g();
  double t0 = 1.0;
  if (count() == 0) {
    direction_ = -g;
    t0 = std::fmin(1.0, 1.0 / g.norm());
  } else if (options_.form == LbfgsForm::kTwoLoop) {
    two_loop_direction(g);
  } else {
    compact_direction(g);
  }
  const StepStatus status = search_.move(x, direction_, t0, options_.search, context);
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
    drop_oldest(r_, c);
    drop_oldest(yy_, c);
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
  r_(c - 1, c - 1) = sy;
  yy_(c - 1, c - 1) = yy;
  gamma_ = sy / yy;
  newest_pending_ = true;
}

void Lbfgs::two_loop_direction(const Vector& g) {
  const Index c = count();
  Vector& q = direction_;
  q = -g;  // the recursion is linear: run it on −g to get d = −H g
  for (Index i = c - 1; i >= 0; --i) {
    const Index col = columns_[static_cast<std::size_t>(i)];
    alpha_[i] = rho_[i] * s_.col(col).dot(q);
    q.noalias() -= alpha_[i] * y_.col(col);
  }
  q *= gamma_;
  for (Index i = 0; i < c; ++i) {
    const Index col = columns_[static_cast<std::size_t>(i)];
    const double beta = rho_[i] * y_.col(col).dot(q);
    q.noalias() += (alpha_[i] - beta) * s_.col(col);
  }
}

void Lbfgs::compact_direction(const Vector& g) {
  const Index n = g.size();
  const Index c = count();
  // The stored columns are all but the spare one: two contiguous ranges.
  const Index used_end = c == memory_ ? memory_ + 1 : c;
  const std::pair<Index, Index> ranges[] = {{0, spare_},
                                            {spare_ + 1, std::max(spare_ + 1, used_end)}};
  const Index newest = columns_.back();

  // One pass over S and Y: Sᵀg, Yᵀg, and for a new pair Sᵀy and Yᵀy of its y.
  s_dot_g_.setZero();
  y_dot_g_.setZero();
  s_dot_y_.setZero();
  y_dot_y_.setZero();
  for (Index b = 0; b < n; b += kBlockRows) {
    const Index rows = std::min(kBlockRows, n - b);
    const auto g_block = g.segment(b, rows);
    const auto y_new = y_.col(newest).segment(b, rows);
    for (const auto& [first, last] : ranges) {
      if (first == last) continue;
      const auto s_block = s_.block(b, first, rows, last - first);
      const auto y_block = y_.block(b, first, rows, last - first);
      s_dot_g_.segment(first, last - first).noalias() += s_block.transpose() * g_block;
      y_dot_g_.segment(first, last - first).noalias() += y_block.transpose() * g_block;
      if (newest_pending_) {
        s_dot_y_.segment(first, last - first).noalias() += s_block.transpose() * y_new;
        y_dot_y_.segment(first, last - first).noalias() += y_block.transpose() * y_new;
      }
    }
  }
  if (newest_pending_) {
    // The diagonal entries were set from the pair's own pass; the rest of the new column:
    for (Index i = 0; i + 1 < c; ++i) {
      const Index col = columns_[static_cast<std::size_t>(i)];
      r_(i, c - 1) = s_dot_y_[col];
      yy_(i, c - 1) = yy_(c - 1, i) = y_dot_y_[col];
    }
    newest_pending_ = false;
  }

  // u = R⁻¹a,  p = R⁻ᵀ((D + γ YᵀY) u − γ b)
  auto a = a_.head(c), b = b_.head(c), u = u_.head(c), p = v_.head(c);
  for (Index i = 0; i < c; ++i) {
    const Index col = columns_[static_cast<std::size_t>(i)];
    a[i] = s_dot_g_[col];
    b[i] = y_dot_g_[col];
  }
  const auto r = r_.topLeftCorner(c, c);
  u = a;
  r.triangularView<Eigen::Upper>().solveInPlace(u);
  p.noalias() = gamma_ * (yy_.topLeftCorner(c, c) * u);
  p.array() += r.diagonal().array() * u.array() - gamma_ * b.array();
  r.triangularView<Eigen::Upper>().transpose().solveInPlace(p);

  // d = −H g = −γ g − S p + γ Y u
  for (Index i = 0; i < c; ++i) {
    const Index col = columns_[static_cast<std::size_t>(i)];
    s_coefficients_[col] = -p[i];
    y_coefficients_[col] = gamma_ * u[i];
  }
  for (Index b0 = 0; b0 < n; b0 += kBlockRows) {
    const Index rows = std::min(kBlockRows, n - b0);
    auto d = direction_.segment(b0, rows);
    d.noalias() = -gamma_ * g.segment(b0, rows);
    for (const auto& [first, last] : ranges) {
      if (first == last) continue;
      d.noalias() += s_.block(b0, first, rows, last - first) * s_coefficients_.segment(first, last - first);
      d.noalias() += y_.block(b0, first, rows, last - first) * y_coefficients_.segment(first, last - first);
    }
  }
}

}  // namespace descent
