#include "descent/objectives/training/deep_linear.hpp"

#include <cmath>
#include <random>
#include <string>

#include "descent/objectives/training/batch_math.hpp"
#include "descent/objectives/quadratic/random_matrices.hpp"

namespace descent {

DeepLinear::DeepLinear(const Params& params)
    : depth_(params.depth), width_(params.width), product_gradient_(params.product_gradient.value_or(false)) {
  validate_fields(params);
  const Index w = width_;
  std::mt19937_64 data_rng(static_cast<std::uint64_t>(params.data_seed));
  inputs_ = gaussian_matrix(w, params.examples, data_rng);
  teacher_ = gaussian_matrix(w, w, data_rng, 1.0 / std::sqrt(static_cast<double>(w)));
  outputs_ = teacher_ * inputs_;
  std::mt19937_64 init_rng(static_cast<std::uint64_t>(params.init_seed));
  Vector start(dim());
  for (Index k = 0; k < depth_; ++k)
    Eigen::Map<Matrix>(start.data() + k * w * w, w, w) = params.init_scale * haar_orthogonal(w, init_rng);
  set_standard_start(std::move(start));
  set_num_terms(params.examples);
}

double DeepLinear::batch_loss(const Vector& x, std::span<const Index> terms, Vector* g) const {
  const Index w = width_, L = depth_;
  const auto layer = [&](Index k) { return Eigen::Map<const Matrix>(x.data() + k * w * w, w, w); };
  std::vector<Matrix> activations(static_cast<std::size_t>(L + 1));  // A₀ … A_L
  Matrix inputs_storage, outputs_storage;
  activations[0] = batch_columns(inputs_, terms, inputs_storage);
  for (Index k = 0; k < L; ++k)
    activations[static_cast<std::size_t>(k + 1)].noalias() = layer(k) * activations[static_cast<std::size_t>(k)];
  const double b = static_cast<double>(terms.size());
  Matrix delta = activations.back() - batch_columns(outputs_, terms, outputs_storage);  // R, then Δₖ
  const double loss = 0.5 * delta.squaredNorm() / b;
  if (g) {
    g->resize(dim());
    delta /= b;
    for (Index k = L - 1; k >= 0; --k) {
      Eigen::Map<Matrix>(g->data() + k * w * w, w, w).noalias() =
          delta * activations[static_cast<std::size_t>(k)].transpose();
      if (k > 0) delta = (layer(k).transpose() * delta).eval();
    }
  }
  return loss;
}

// R-operator: Ṙ{Aₖ} = Vₖ Aₖ₋₁ + Wₖ Ṙ{Aₖ₋₁} (Ṙ{A₀} = 0); backward Ṙ{Δ_L} = Ṙ{A_L}/m,
// Ṙ{Δₖ₋₁} = VₖᵀΔₖ + WₖᵀṘ{Δₖ}; Ṙ{∂f/∂Wₖ} = Ṙ{Δₖ} Aₖ₋₁ᵀ + Δₖ Ṙ{Aₖ₋₁}ᵀ.
void DeepLinear::batch_hessian_vector(const Vector& x, std::span<const Index> terms,
                                      const Vector& v, Vector& hv) const {
  const Index w = width_, L = depth_;
  const auto layer = [&](Index k) { return Eigen::Map<const Matrix>(x.data() + k * w * w, w, w); };
  const auto direction = [&](Index k) { return Eigen::Map<const Matrix>(v.data() + k * w * w, w, w); };
  const auto at = [](std::vector<Matrix>& list, Index k) -> Matrix& { return list[static_cast<std::size_t>(k)]; };
  std::vector<Matrix> a(static_cast<std::size_t>(L + 1)), ra(static_cast<std::size_t>(L + 1));
  Matrix inputs_storage, outputs_storage;
  a[0] = batch_columns(inputs_, terms, inputs_storage);
  ra[0] = Matrix::Zero(w, a[0].cols());
  for (Index k = 0; k < L; ++k) {
    at(a, k + 1).noalias() = layer(k) * at(a, k);
    at(ra, k + 1).noalias() = direction(k) * at(a, k);
    at(ra, k + 1).noalias() += layer(k) * at(ra, k);
  }
  const double b = static_cast<double>(terms.size());
  Matrix delta = (a.back() - batch_columns(outputs_, terms, outputs_storage)) / b;
  Matrix r_delta = ra.back() / b;
  hv.resize(dim());
  for (Index k = L - 1; k >= 0; --k) {
    auto out = Eigen::Map<Matrix>(hv.data() + k * w * w, w, w);
    out.noalias() = r_delta * at(a, k).transpose();
    out.noalias() += delta * at(ra, k).transpose();
    if (k > 0) {
      Matrix r_next = direction(k).transpose() * delta;
      r_next.noalias() += layer(k).transpose() * r_delta;
      r_delta.swap(r_next);
      delta = (layer(k).transpose() * delta).eval();
    }
  }
}

std::vector<KnownMinimum> DeepLinear::minima() const {
  const Index w = width_;
  Vector x(dim());
  Eigen::Map<Matrix>(x.data(), w, w) = teacher_;
  for (Index k = 1; k < depth_; ++k) Eigen::Map<Matrix>(x.data() + k * w * w, w, w).setIdentity();
  return {{x, 0.0, true}};
}

std::vector<ParameterBlock> DeepLinear::parameter_blocks() const {
  std::vector<ParameterBlock> blocks;
  for (Index k = 0; k < depth_; ++k)
    blocks.push_back({std::string("W").append(std::to_string(k + 1)), k * width_ * width_, width_ * width_});
  return blocks;
}

ObjectiveConstants DeepLinear::constants() const {
  if (depth_ > 1) return dimension_constants(dim());
  const Vector moment = second_moment_eigenvalues(inputs_);
  if (inputs_.cols() < width_) return lipschitz_constants(dim(), moment.maxCoeff());
  return strongly_convex_constants(dim(), moment.maxCoeff(), moment.minCoeff());
}

std::vector<std::string> DeepLinear::diagnostic_names() const {
  if (!product_gradient_) return {};
  return {"grad_norm_product"};
}

void DeepLinear::diagnostics(const Vector& x, Vector& values) const {
  values.resize(product_gradient_ ? 1 : 0);
  if (!product_gradient_) return;
  const Index w = width_;
  Matrix product = Matrix::Identity(w, w);
  for (Index k = 0; k < depth_; ++k) product = Eigen::Map<const Matrix>(x.data() + k * w * w, w, w) * product;
  const Matrix residual = product * inputs_ - outputs_;
  values[0] = (residual * inputs_.transpose()).norm() / static_cast<double>(inputs_.cols());
}

ObjectiveEntry deep_linear_entry() {
  return objective_entry<DeepLinear>({
      .name = "deep_linear", .family = "network",
      .summary = "deep linear network ½m⁻¹‖W_L⋯W₁X − Y‖² with scaled orthogonal initialisation",
      .formula = R"(f = (1/2m) ‖W_L ⋯ W₁ X − Y‖²,  Y = A X (teacher A, so f* = 0 at W₁ = A, Wₖ = I)
∂f/∂Wₖ = Δₖ Aₖ₋₁ᵀ,  Aₖ = Wₖ⋯W₁X,  Δ_L = (A_L − Y)/m,  Δₖ₋₁ = WₖᵀΔₖ
standard start Wₖ = s Qₖ (Haar orthogonal Qₖ, all singular values s = init_scale):
gradients scale like powers of s with depth; trace columns grad_norm_W1 … grad_norm_WL
  and, with product_gradient, grad_norm_product = ‖∂f/∂M‖ (M = W_L⋯W₁): ‖∂f/∂W₁‖/‖∂f/∂M‖ = s^(L−1)
a finite sum over the m examples; Hv exact (R-operator); dim = depth · width²)",
      .source = "Saxe, McClelland & Ganguli (2014), Exact solutions to the nonlinear dynamics of "
                "learning in deep linear neural networks; Pearlmutter (1994)",
  });
}

}  // namespace descent
