// A one-hidden-layer tanh network, a finite sum over m examples (Goodfellow et al. 2016,
// §6.1–6.5):
//   aᵢ = W₁xᵢ + b₁,  zᵢ = tanh(aᵢ),  ŷᵢ = W₂zᵢ + b₂
//   regression:      fᵢ = ½‖ŷᵢ − yᵢ‖² + (λ/2)‖θ‖²
//   classification:  fᵢ = log Σₖ e^ŷᵢₖ − tᵢᵀŷᵢ + (λ/2)‖θ‖²,  tᵢ = yᵢ(1 − α) + α/K
// Backpropagation with eᵢ = ∂fᵢ/∂ŷᵢ (ŷᵢ − yᵢ, or softmax(ŷᵢ) − tᵢ):
//   ∂/∂W₂ = e zᵀ,  ∂/∂b₂ = e,  δ = (W₂ᵀe) ⊙ (1 − z²),  ∂/∂W₁ = δ xᵀ,  ∂/∂b₁ = δ
// and the exact Hessian-vector product by Pearlmutter's R-operator (forward R{a}, R{z}, R{ŷ},
// then backward); the dense Hessian from n such products.
// Data: regression on Gaussian inputs (feature scaling as training_data.hpp) with targets from
// a random teacher network of the same shape (weights N(0, 1/fan-in), biases N(0, 1)), so
// f* = 0 at the teacher when λ = 0; classification on the synthetic classes of
// training_data.hpp; or csv = "file" (features then a label, or a real target for regression).
// θ = (vec W₁, b₁, vec W₂, b₂), matrices column-major; standard start: weights
// N(0, 1/fan-in) from init_seed, biases 0. Blocks W1, b1, W2, b2 give per-layer gradient norms.
#pragma once

#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

#include "descent/objectives/training/batch_math.hpp"
#include "descent/objectives/training/finite_sum.hpp"
#include "descent/objectives/objective_entry.hpp"
#include "descent/objectives/training/training_data.hpp"

namespace descent {

enum class MlpTask { kRegression, kClassification };

class TanhMlp final : public FiniteSumObjective {
 public:
  struct Params {
    MlpTask task = MlpTask::kRegression;
    ClassificationDataParams data = {};
    std::int64_t hidden = 3;
    std::int64_t outputs = 1;
    std::int64_t classes = 2;
    ClassificationLossParams loss = {.l2 = 0.0};
    std::int64_t init_seed = 0;

    template <class V>
    void visit(V& v) {
      static constexpr std::pair<std::string_view, MlpTask> kTasks[] = {
          {"regression", MlpTask::kRegression}, {"classification", MlpTask::kClassification}};
      v.choice("task", task, kTasks, "squared error on a teacher's outputs, or softmax cross-entropy");
      v.group(data);
      v.integer("hidden", hidden, Range::closed(1, 1e5), "h, tanh units");
      v.integer("outputs", outputs, Range::closed(1, 1e5), "regression: outputs per example");
      v.integer("classes", classes, Range::closed(2, 1e5), "classification: K, synthetic classes");
      v.group(loss);
      v.integer("init_seed", init_seed, Range::non_negative(), "seed of the standard start");
    }
  };
  explicit TanhMlp(const Params& params);

  template <class T>
  T evaluate(std::span<const T> theta) const {
    using std::exp;
    using std::log;
    using std::tanh;
    const Index d = features(), h = hidden_, o = outputs();
    const T* w1 = theta.data();
    const T* b1 = w1 + h * d;
    const T* w2 = b1 + h;
    const T* b2 = w2 + o * h;
    std::vector<T> z(static_cast<std::size_t>(h)), y(static_cast<std::size_t>(o));
    T sum = T(0.0);
    for (Index i = 0; i < inputs_.cols(); ++i) {
      for (Index r = 0; r < h; ++r) {
        T a = b1[r];
        for (Index c = 0; c < d; ++c) a += w1[c * h + r] * inputs_(c, i);
        z[r] = tanh(a);
      }
      T partition = T(0.0);
      for (Index r = 0; r < o; ++r) {
        y[r] = b2[r];
        for (Index c = 0; c < h; ++c) y[r] += w2[c * o + r] * z[c];
        if (task_ == MlpTask::kRegression) {
          sum += 0.5 * (y[r] - targets_(r, i)) * (y[r] - targets_(r, i));
        } else {
          partition += exp(y[r]);
          sum -= targets_(r, i) * y[r];
        }
      }
      if (task_ == MlpTask::kClassification) sum += log(partition);
    }
    return l2_regularized_mean(sum, inputs_.cols(), l2_, theta);
  }

  Index dim() const override { return hidden_ * features() + hidden_ + outputs() * hidden_ + outputs(); }
  double batch_loss(const Vector& x, std::span<const Index> terms, Vector* g) const override;
  void batch_hessian_vector(const Vector& x, std::span<const Index> terms, const Vector& v,
                            Vector& hv) const override;
  std::vector<KnownMinimum> minima() const override;
  std::vector<ParameterBlock> parameter_blocks() const override;

  Index features() const { return inputs_.rows(); }
  Index outputs() const { return targets_.rows(); }

 private:
  struct Layers;  // views of θ as W₁, b₁, W₂, b₂
  Layers layers(const double* theta) const;

  MlpTask task_;
  Index hidden_;
  double l2_;
  Matrix inputs_;   // d × m
  Matrix targets_;  // outputs × m: regression targets, or smoothed class targets
  Vector teacher_;  // synthetic regression: the network that made the targets (else empty)
};

ObjectiveEntry tanh_mlp_entry();

}  // namespace descent
