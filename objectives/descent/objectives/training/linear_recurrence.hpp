// Linear recurrence (the lecture's last slide, "Vanishing gradients"; Pascanu, Mikolov &
// Bengio 2013, §2): a linear RNN run for T steps over m input sequences,
//   h₀ = 0,   hₜ = W hₜ₋₁ + U xₜ   (t = 1 … T),   fᵢ(W, U) = ½‖h_T⁽ⁱ⁾ − yᵢ‖²,   f = (1/m) Σ fᵢ
// with Gaussian inputs xₜ⁽ⁱ⁾ ∈ Rᵈ and targets yᵢ ∈ Rⁿ. Backpropagation through time:
//   δ_T = (h_T − y)/m,   δₜ₋₁ = Wᵀδₜ,   ∂f/∂W = Σₜ δₜ hₜ₋₁ᵀ,   ∂f/∂U = Σₜ δₜ xₜᵀ
// so ∂f/∂hₜ = (Wᵀ)^(T−t) ∂f/∂h_T. The standard start has W = Q diag(λ) Qᵀ (Q Haar-random),
// with explicit `eigenvalues` or λᵢ = ρ (n − i)/n (spectral radius ρ); then along the
// eigenvector qᵢ the gradient is scaled by λᵢ^(T−t):
//   qᵢᵀ ∂f/∂hₜ = λᵢ^(T−t) qᵢᵀ ∂f/∂h_T
// shrinking (|λᵢ| < 1) or growing (|λᵢ| > 1) exponentially with the distance to the loss.
// Diagnostics hidden_grad_norm_0 … hidden_grad_norm_T record ‖∂f/∂hₜ‖ (over all sequences),
// and the blocks W and U their gradient norms. With `eigen_components`, the diagnostics
// hidden_grad_q<i>_<t> (i = 0 … n−1, t = 0 … T) also record the component along each start
// eigenvector: with the row gᵢ,ₜ = qᵢᵀ ∂f/∂hₜ (one entry per sequence) and its direction at the
// loss uᵢ = gᵢ,T/‖gᵢ,T‖,
//   cᵢ,ₜ = ⟨gᵢ,ₜ, uᵢ⟩,   so at the start cᵢ,ₜ = λᵢ^(T−t) ‖gᵢ,T‖ exactly (sign included);
// cᵢ,ₜ = 0 when gᵢ,T = 0. Unset, these columns are not recorded (nor the key stored, so run
// ids of suites without it do not change). Hv is exact (R-operator through time).
// θ = (vec W, vec U), column-major; dim = n² + n d. U at the start: Gaussian, variance 1/d.
// With one step (T = 1), h₁ = U x₁ and f is least squares in U and flat in W: the Hessian is
// constant, blockdiag(0, (X₁X₁ᵀ/m) ⊗ I), so L = λmax(X₁X₁ᵀ/m) (and no mu).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "descent/objectives/training/finite_sum.hpp"
#include "descent/objectives/objective_entry.hpp"

namespace descent {

class LinearRecurrence final : public FiniteSumObjective {
 public:
  struct Params {
    std::int64_t hidden = 3;
    std::int64_t inputs = 2;
    std::int64_t steps = 5;
    std::int64_t sequences = 4;
    double rho = 1.0;
    std::vector<double> eigenvalues = {};
    std::int64_t data_seed = 0;
    std::int64_t init_seed = 0;
    std::optional<bool> eigen_components{};  // unset: false

    template <class V>
    void visit(V& v) {
      v.integer("hidden", hidden, Range::closed(1, 4096), "n, hidden units (ignored with eigenvalues)");
      v.integer("inputs", inputs, Range::closed(1, 4096), "d, inputs per time step");
      v.integer("steps", steps, Range::closed(1, 100000), "T, time steps");
      v.integer("sequences", sequences, Range::closed(1, 1e7), "m, training sequences");
      v.real("rho", rho, Range::non_negative(), "spectral radius ρ of the start W: λᵢ = ρ(n − i)/n");
      v.reals("eigenvalues", eigenvalues, Range::any(), "explicit eigenvalues of the start W (override hidden, rho)");
      v.integer("data_seed", data_seed, Range::non_negative(), "seed of the inputs and targets");
      v.integer("init_seed", init_seed, Range::non_negative(), "seed of Q and U at the start");
      v.optional_flag("eigen_components", eigen_components,
                      "also record qᵢᵀ∂f/∂hₜ along each start eigenvector (hidden_grad_q<i>_<t>; unset: false)");
    }
  };
  explicit LinearRecurrence(const Params& params);

  template <class T>
  T evaluate(std::span<const T> theta) const {
    const Index n = hidden_, d = inputs_per_step_;
    const T* w = theta.data();
    const T* u = theta.data() + n * n;
    T sum = T(0.0);
    std::vector<T> h(static_cast<std::size_t>(n)), next(static_cast<std::size_t>(n));
    for (Index i = 0; i < targets_.cols(); ++i) {
      for (auto& value : h) value = T(0.0);
      for (Index t = 0; t < steps(); ++t) {
        for (Index r = 0; r < n; ++r) {
          next[r] = T(0.0);
          for (Index c = 0; c < n; ++c) next[r] += w[c * n + r] * h[c];
          for (Index c = 0; c < d; ++c) next[r] += u[c * n + r] * inputs_[t](c, i);
        }
        h.swap(next);
      }
      for (Index r = 0; r < n; ++r) {
        const T e = h[r] - targets_(r, i);
        sum += e * e;
      }
    }
    return 0.5 * sum / static_cast<double>(targets_.cols());
  }

  Index dim() const override { return hidden_ * hidden_ + hidden_ * inputs_per_step_; }
  double batch_loss(const Vector& x, std::span<const Index> terms, Vector* g) const override;
  void batch_hessian_vector(const Vector& x, std::span<const Index> terms, const Vector& v,
                            Vector& hv) const override;
  std::vector<ParameterBlock> parameter_blocks() const override;
  ObjectiveConstants constants() const override;
  std::vector<std::string> diagnostic_names() const override;
  // ‖∂f/∂hₜ‖ for t = 0 … T (the Frobenius norm over all sequences), then with
  // eigen_components cᵢ,ₜ for i = 0 … n−1, t = 0 … T.
  void diagnostics(const Vector& x, Vector& values) const override;

  Index steps() const { return static_cast<Index>(inputs_.size()); }
  // The start's W = Q diag(λ) Qᵀ: λ and Q.
  const Vector& eigenvalues() const { return eigenvalues_; }
  const Matrix& eigenvectors() const { return eigenvectors_; }
  // ∂f/∂hₜ at x for every sequence (n × m), t = 0 … T.
  std::vector<Matrix> hidden_gradients(const Vector& x) const;

 private:
  // Forward pass: h₀ … h_T (n × b each) on the sequences `terms`.
  std::vector<Matrix> forward(const Vector& x, std::span<const Index> terms) const;

  Index hidden_;
  Index inputs_per_step_;
  bool eigen_components_;
  std::vector<Matrix> inputs_;  // xₜ for t = 1 … T: d × m each
  Matrix targets_;              // n × m
  Vector eigenvalues_;
  Matrix eigenvectors_;
};

ObjectiveEntry linear_recurrence_entry();

}  // namespace descent
