// L2-regularised logistic regression with label smoothing, a finite sum over m examples.
// With x̃ᵢ = (xᵢ, 1) (the features with a 1 appended for the bias), zᵢ = θᵀx̃ᵢ, the smoothed
// target tᵢ = yᵢ(1 − α) + α/2 of the label yᵢ ∈ {0, 1}, and σ(z) = 1/(1 + e⁻ᶻ):
//   fᵢ(θ) = −tᵢ log σ(zᵢ) − (1 − tᵢ) log(1 − σ(zᵢ)) + (λ/2)‖θ‖²
//         = log(1 + e^zᵢ) − tᵢ zᵢ + (λ/2)‖θ‖²
//   ∇fᵢ  = (σ(zᵢ) − tᵢ) x̃ᵢ + λθ
//   ∇²fᵢ = σ(zᵢ)(1 − σ(zᵢ)) x̃ᵢx̃ᵢᵀ + λI
// f = (1/m) Σ fᵢ; λ regularises the bias too (it is the weight of the appended 1), so f is
// λ-strongly convex. dim = d + 1; standard start θ = 0. Data: training_data.hpp (two
// classes; a CSV file must have labels 0 and 1).
#pragma once

#include <cmath>
#include <span>

#include "descent/objectives/training/batch_math.hpp"
#include "descent/objectives/training/finite_sum.hpp"
#include "descent/objectives/objective_entry.hpp"
#include "descent/objectives/training/training_data.hpp"

namespace descent {

class LogisticRegression final : public FiniteSumObjective {
 public:
  struct Params {
    ClassificationDataParams data = {};
    ClassificationLossParams loss = {};

    template <class V>
    void visit(V& v) {
      v.group(data);
      v.group(loss);
    }
  };
  explicit LogisticRegression(const Params& params);

  template <class T>
  T evaluate(std::span<const T> theta) const {
    using std::exp;
    using std::log;
    T sum = T(0.0);
    for (Index i = 0; i < inputs_.cols(); ++i) {
      T z = T(0.0);
      for (Index j = 0; j < dim(); ++j) z += theta[j] * inputs_(j, i);
      sum += log(1.0 + exp(z)) - targets_[i] * z;
    }
    return l2_regularized_mean(sum, inputs_.cols(), l2_, theta);
  }

  Index dim() const override { return inputs_.rows(); }
  double batch_loss(const Vector& x, std::span<const Index> terms, Vector* g) const override;
  void batch_hessian_vector(const Vector& x, std::span<const Index> terms, const Vector& v,
                            Vector& hv) const override;

  // x̃ᵢ as columns ((d + 1) × m) and the smoothed targets tᵢ.
  const Matrix& inputs() const { return inputs_; }
  const Vector& targets() const { return targets_; }

 private:
  Matrix inputs_;
  Vector targets_;
  double l2_;
};

ObjectiveEntry logistic_regression_entry();

}  // namespace descent
