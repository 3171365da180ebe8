#pragma once

#include <cstdint>

#include <Eigen/Core>

#include "descent/objectives/problem.hpp"

namespace descent {

struct ExtendedPowellProblem : DimensionProblem<DimensionParams<4, 4, 10'000'000, 4>> {
  using DimensionProblem::DimensionProblem;

  template <class T>
  T evaluate(std::span<const T> x) const {
    T sum = T(0.0);
    for (Index i = 0; i + 3 < dim_; i += 4) {
      const T s = x[i] + 10.0 * x[i + 1];
      const T t = x[i + 2] - x[i + 3];
      const T p = x[i + 1] - 2.0 * x[i + 2];
      const T q = x[i] - x[i + 3];
      sum += s * s + 5.0 * t * t + p * p * p * p + 10.0 * q * q * q * q;
    }
    return sum;
  }
  double value_gradient(const Vector& x, Vector& g) const {
    g.resize(dim_);
    double sum = 0.0;
    for (Index i = 0; i < dim_; i += 4) {
      const double s = x[i] + 10.0 * x[i + 1], t = x[i + 2] - x[i + 3];
      const double p = x[i + 1] - 2.0 * x[i + 2], q = x[i] - x[i + 3];
      const double p3 = p * p * p, q3 = q * q * q;
      sum += s * s + 5.0 * t * t + p3 * p + 10.0 * q3 * q;
      g[i] = 2.0 * s + 40.0 * q3;
      g[i + 1] = 20.0 * s + 4.0 * p3;
      g[i + 2] = 10.0 * t - 8.0 * p3;
      g[i + 3] = -10.0 * t - 40.0 * q3;
    }
    return sum;
  }
  void hessian(const Vector& x, Matrix& h) const {
    h.setZero(dim_, dim_);
    for (Index i = 0; i < dim_; i += 4) h.block<4, 4>(i, i) = block_hessian(x.data() + i);
  }
  // The block of block_hessian() applied to (va, vb, vc, vd), written out.
  void hessian_vector(const Vector& x, const Vector& v, Vector& hv) const {
    hv.resize(dim_);
    for (Index i = 0; i < dim_; i += 4) {
      const double p = (x[i + 1] - 2.0 * x[i + 2]) * (x[i + 1] - 2.0 * x[i + 2]);
      const double q = (x[i] - x[i + 3]) * (x[i] - x[i + 3]);
      const double va = v[i], vb = v[i + 1], vc = v[i + 2], vd = v[i + 3];
      hv[i] = (2.0 + 120.0 * q) * va + 20.0 * vb - 120.0 * q * vd;
      hv[i + 1] = 20.0 * va + (200.0 + 12.0 * p) * vb - 24.0 * p * vc;
      hv[i + 2] = -24.0 * p * vb + (10.0 + 48.0 * p) * vc - 10.0 * vd;
      hv[i + 3] = -120.0 * q * va - 10.0 * vc + (10.0 + 120.0 * q) * vd;
    }
  }
  std::vector<KnownMinimum> minima() const { return {{Vector::Zero(dim_), 0.0, true}}; }
  std::vector<Vector> standard_starts() const {
    Vector start(dim_);
    for (Index i = 0; i < dim_; i += 4) start.segment<4>(i) << 3.0, -1.0, 0.0, 1.0;
    return {start};
  }
  Box domain() const { return cube(dim_, -4.0, 4.0); }

  static ObjectiveDoc doc() {
    return {.name = "extended_powell", .family = "n-D",
            .summary = "Extended Powell singular (MGH 13 at n = 4, MGH 22): singular Hessian at the minimum",
            .formula = R"(f = Σ_blocks (a + 10b)² + 5(c − d)² + (b − 2c)⁴ + 10(a − d)⁴,
(a, b, c, d) = x₄ᵢ … x₄ᵢ₊₃, n a multiple of 4
∇ = (2(a + 10b) + 40(a − d)³, 20(a + 10b) + 4(b − 2c)³, 10(c − d) − 8(b − 2c)³,
     −10(c − d) − 40(a − d)³)
∇²f block diagonal, p = (b − 2c)², q = (a − d)²: [[2 + 120q, 20, 0, −120q],
[20, 200 + 12p, −24p, 0], [0, −24p, 10 + 48p, −10], [−120q, 0, −10, 10 + 120q]]
minimum f(0) = 0 where the Hessian has rank 2 per block (Newton converges only
linearly); standard start (3, −1, 0, 1, …); domain [−4, 4]ⁿ; O(n) f, ∇f, Hv)",
            .source = "M. J. D. Powell (1962); Moré, Garbow & Hillstrom (1981), problems 13 and 22",
            .check_params = {{{"dim", std::int64_t{8}}}}};
  }
 private:
  static Eigen::Matrix4d block_hessian(const double* x) {
    const double p = (x[1] - 2.0 * x[2]) * (x[1] - 2.0 * x[2]);
    const double q = (x[0] - x[3]) * (x[0] - x[3]);
    return Eigen::Matrix4d{{2.0 + 120.0 * q, 20.0, 0.0, -120.0 * q},
                           {20.0, 200.0 + 12.0 * p, -24.0 * p, 0.0},
                           {0.0, -24.0 * p, 10.0 + 48.0 * p, -10.0},
                           {-120.0 * q, 0.0, -10.0, 10.0 + 120.0 * q}};
  }
};
using ExtendedPowell = ProblemObjective<ExtendedPowellProblem>;

}  // namespace descent
