// Deep linear network (Saxe, McClelland & Ganguli 2014): L square layers of width w,
//   f(W₁, …, W_L) = (1/2m) ‖W_L ⋯ W₁ X − Y‖²_F = (1/m) Σᵢ ½‖W_L ⋯ W₁ xᵢ − yᵢ‖²
// a finite sum over the m columns of X (w × m, Gaussian) and Y = A X (A a Gaussian teacher
// with variance 1/w), so f* = 0 at W₁ = A, W₂ = … = W_L = I.
// With Aₖ = Wₖ ⋯ W₁ X (A₀ = X), the residual R = A_L − Y and Δ_L = R/m, Δₖ₋₁ = WₖᵀΔₖ:
//   ∂f/∂Wₖ = Δₖ Aₖ₋₁ᵀ
// so the gradient of layer k carries the product of the other L − 1 layers: the network's
// Jacobians multiply, and gradients vanish or explode with depth. The standard start is the
// scaled orthogonal initialisation Wₖ = s Qₖ (Qₖ Haar-random, all singular values s): the
// per-layer gradient norms (trace columns grad_norm_W1 … grad_norm_WL) then scale like s^(L−1)
// times the residual, itself ~ s^L ‖X‖ for s > 1 (Saxe et al. 2014, §3).
// With `product_gradient`, the diagnostic grad_norm_product records ‖∂f/∂M‖ = ‖R Xᵀ‖/m, the
// gradient with respect to the end-to-end product M = W_L ⋯ W₁ (what a one-layer model at the
// same residual would see). Since ∂f/∂W₁ = (W_L ⋯ W₂)ᵀ ∂f/∂M, the ratio
//   ‖∂f/∂W₁‖ / ‖∂f/∂M‖ = s^(L−1)   exactly at the start Wₖ = s Qₖ, for every s
// (orthogonal factors keep the Frobenius norm): the depth factor without the residual, which
// itself changes with s. Unset, the column is not recorded (nor the key stored, so run ids of
// suites without it do not change).
// Hv is exact (Pearlmutter's R-operator through the forward and backward passes).
// θ = (vec W₁, …, vec W_L), each w × w column-major; dim = L w².
// One layer (L = 1) is least squares, convex with the constant Hessian (XXᵀ/m) ⊗ I: its
// constants are L = λmax(XXᵀ/m) and, when m ≥ w (X of full rank), mu = λmin(XXᵀ/m).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "descent/objectives/training/finite_sum.hpp"
#include "descent/objectives/objective_entry.hpp"

namespace descent {

class DeepLinear final : public FiniteSumObjective {
 public:
  struct Params {
    std::int64_t depth = 3;
    std::int64_t width = 3;
    std::int64_t examples = 10;
    double init_scale = 1.0;
    std::int64_t data_seed = 0;
    std::int64_t init_seed = 0;
    std::optional<bool> product_gradient{};  // unset: false

    template <class V>
    void visit(V& v) {
      v.integer("depth", depth, Range::closed(1, 1000), "L, number of layers");
      v.integer("width", width, Range::closed(1, 4096), "w, units per layer (inputs, outputs)");
      v.integer("examples", examples, Range::closed(1, 1e8), "m, training examples");
      v.real("init_scale", init_scale, Range::positive(), "s: standard start Wₖ = s Qₖ (singular values s)");
      v.integer("data_seed", data_seed, Range::non_negative(), "seed of X and the teacher A");
      v.integer("init_seed", init_seed, Range::non_negative(), "seed of the orthogonal Qₖ");
      v.optional_flag("product_gradient", product_gradient,
                      "also record ‖∂f/∂M‖, M = W_L⋯W₁ (grad_norm_product; unset: false)");
    }
  };
  explicit DeepLinear(const Params& params);

  template <class T>
  T evaluate(std::span<const T> theta) const {
    const Index w = width_;
    T sum = T(0.0);
    std::vector<T> a(static_cast<std::size_t>(w)), next(static_cast<std::size_t>(w));
    for (Index i = 0; i < inputs_.cols(); ++i) {
      for (Index r = 0; r < w; ++r) a[r] = T(inputs_(r, i));
      for (Index k = 0; k < depth_; ++k) {
        const T* layer = theta.data() + k * w * w;
        for (Index r = 0; r < w; ++r) {
          next[r] = T(0.0);
          for (Index c = 0; c < w; ++c) next[r] += layer[c * w + r] * a[c];
        }
        a.swap(next);
      }
      for (Index r = 0; r < w; ++r) {
        const T e = a[r] - outputs_(r, i);
        sum += e * e;
      }
    }
    return 0.5 * sum / static_cast<double>(inputs_.cols());
  }

  Index dim() const override { return depth_ * width_ * width_; }
  double batch_loss(const Vector& x, std::span<const Index> terms, Vector* g) const override;
  void batch_hessian_vector(const Vector& x, std::span<const Index> terms, const Vector& v,
                            Vector& hv) const override;
  std::vector<KnownMinimum> minima() const override;
  std::vector<ParameterBlock> parameter_blocks() const override;
  ObjectiveConstants constants() const override;
  std::vector<std::string> diagnostic_names() const override;
  // With product_gradient: ‖∂f/∂M‖ = ‖(W_L⋯W₁X − Y) Xᵀ‖/m.
  void diagnostics(const Vector& x, Vector& values) const override;

  Index depth() const { return depth_; }
  Index width() const { return width_; }
  const Matrix& inputs() const { return inputs_; }
  const Matrix& outputs() const { return outputs_; }

 private:
  Index depth_;
  Index width_;
  bool product_gradient_;
  Matrix inputs_;   // X, w × m
  Matrix outputs_;  // Y = A X
  Matrix teacher_;  // A
};

ObjectiveEntry deep_linear_entry();

}  // namespace descent
