// L2-regularised softmax (multinomial logistic) regression with label smoothing, a finite sum
// over m examples: a fully connected layer with the features concatenated with 1 for the bias,
// trained on the cross-entropy with smoothed targets (the lecture's aside on label smoothing).
// W is K × (d + 1), stored class by class in θ (θ[k(d+1) + j] = W_kj, the bias last); with
// x̃ᵢ = (xᵢ, 1), zᵢ = W x̃ᵢ, pᵢ = softmax(zᵢ) and tᵢ = y^LS = yᵢ(1 − α) + α/K (one-hot yᵢ):
//   fᵢ(W) = H(tᵢ, pᵢ) + (λ/2)‖W‖²_F = log Σₖ e^zᵢₖ − tᵢᵀzᵢ + (λ/2)‖W‖²_F
//   ∇fᵢ   = (pᵢ − tᵢ) x̃ᵢᵀ + λW
//   ∇²fᵢ V = ((diag pᵢ − pᵢpᵢᵀ) V x̃ᵢ) x̃ᵢᵀ + λV
// f = (1/m) Σ fᵢ; dim = K(d + 1); standard start W = 0. With α = 0 this is the hard-target
// loss. Data: training_data.hpp (with a CSV file, K is the largest label + 1).
// Diagnostics (trace columns), over the m examples with yᵢ the labelled class:
//   logit_gap   mean of zᵢ,yᵢ − mean_{k≠yᵢ} zᵢₖ; at the optimum of the smoothed loss with λ → 0
//               and every pᵢ = tᵢ it is log((1 − α + α/K)/(α/K)) (Müller et al. 2019)
//   confidence  mean of maxₖ pᵢₖ;   accuracy  fraction with argmax zᵢ = yᵢ
//   (confidence − accuracy is the over-confidence that label smoothing reduces)
#pragma once

#include <cmath>
#include <span>

#include "descent/objectives/training/batch_math.hpp"
#include "descent/objectives/training/finite_sum.hpp"
#include "descent/objectives/objective_entry.hpp"
#include "descent/objectives/training/training_data.hpp"

namespace descent {

class SoftmaxRegression final : public FiniteSumObjective {
 public:
  struct Params {
    ClassificationDataParams data = {};
    std::int64_t classes = 3;
    ClassificationLossParams loss = {};

    template <class V>
    void visit(V& v) {
      v.group(data);
      v.integer("classes", classes, Range::closed(2, 1e5), "K, synthetic classes (a CSV file sets its own)");
      v.group(loss);
    }
  };
  explicit SoftmaxRegression(const Params& params);

  template <class T>
  T evaluate(std::span<const T> theta) const {
    using std::exp;
    using std::log;
    const Index K = classes(), p = inputs_.rows();
    T sum = T(0.0);
    std::vector<T> z(static_cast<std::size_t>(K));
    for (Index i = 0; i < inputs_.cols(); ++i) {
      T partition = T(0.0);
      for (Index k = 0; k < K; ++k) {
        z[k] = T(0.0);
        for (Index j = 0; j < p; ++j) z[k] += theta[k * p + j] * inputs_(j, i);
        partition += exp(z[k]);
        sum -= targets_(k, i) * z[k];
      }
      sum += log(partition);
    }
    return l2_regularized_mean(sum, inputs_.cols(), l2_, theta);
  }

  Index dim() const override { return classes() * inputs_.rows(); }
  double batch_loss(const Vector& x, std::span<const Index> terms, Vector* g) const override;
  void batch_hessian_vector(const Vector& x, std::span<const Index> terms, const Vector& v,
                            Vector& hv) const override;

  std::vector<std::string> diagnostic_names() const override {
    return {"logit_gap", "confidence", "accuracy"};
  }
  void diagnostics(const Vector& x, Vector& values) const override;

  Index classes() const { return targets_.rows(); }
  // x̃ᵢ as columns ((d + 1) × m) and the smoothed targets tᵢ as columns (K × m).
  const Matrix& inputs() const { return inputs_; }
  const Matrix& targets() const { return targets_; }

 private:
  Matrix inputs_;
  Matrix targets_;
  double l2_;
};

ObjectiveEntry softmax_regression_entry();

}  // namespace descent
