#include "descent/objectives/training/logistic_regression.hpp"

#include "descent/objectives/training/batch_math.hpp"

namespace descent {

LogisticRegression::LogisticRegression(const Params& params) : l2_(params.loss.l2) {
  validate_fields(params);
  const LabelledData data = load_classification(params.data, 2, 2);
  const Index d = data.inputs.rows(), m = data.inputs.cols();
  inputs_.resize(d + 1, m);
  inputs_.topRows(d) = data.inputs;
  inputs_.row(d).setOnes();
  targets_.resize(m);
  for (Index i = 0; i < m; ++i)
    targets_[i] = static_cast<double>(data.labels[static_cast<std::size_t>(i)]) * (1.0 - params.loss.label_smoothing) +
                  0.5 * params.loss.label_smoothing;
  set_standard_start(Vector::Zero(dim()));
  set_num_terms(m);
}

double LogisticRegression::batch_loss(const Vector& x, std::span<const Index> terms, Vector* g) const {
  Matrix storage;
  const auto xb = batch_columns(inputs_, terms, storage);
  const Vector t = batch_entries(targets_, terms);
  const Eigen::ArrayXd z = xb.transpose() * x;
  // With e = exp(−|z|): log(1 + eᶻ) = max(z, 0) + log1p(e), σ(z) = 1/(1 + e) or e/(1 + e).
  const Eigen::ArrayXd e = (-z.abs()).exp();
  const double sum = (z.max(0.0) + e.log1p() - t.array() * z).sum();
  const double b = static_cast<double>(terms.size());
  if (g) {
    const Eigen::ArrayXd sigma = (z >= 0.0).select(1.0 / (1.0 + e), e / (1.0 + e));
    const Vector residual = ((sigma - t.array()) / b).matrix();
    g->noalias() = xb * residual;
    *g += l2_ * x;
  }
  return sum / b + 0.5 * l2_ * x.squaredNorm();
}

void LogisticRegression::batch_hessian_vector(const Vector& x, std::span<const Index> terms,
                                              const Vector& v, Vector& hv) const {
  Matrix storage;
  const auto xb = batch_columns(inputs_, terms, storage);
  const Vector z = xb.transpose() * x;
  Vector weighted = xb.transpose() * v;
  for (Index j = 0; j < z.size(); ++j) {
    const double s = sigmoid(z[j]);
    weighted[j] *= s * (1.0 - s) / static_cast<double>(terms.size());
  }
  hv.noalias() = xb * weighted;
  hv += l2_ * v;
}

ObjectiveEntry logistic_regression_entry() {
  return objective_entry<LogisticRegression>({
      .name = "logistic_regression", .family = "finite-sum classification",
      .summary = "L2-regularised logistic regression with label smoothing (a finite sum for minibatch SGD)",
      .formula = R"(fᵢ(θ) = log(1 + e^zᵢ) − tᵢ zᵢ + (λ/2)‖θ‖²,  zᵢ = θᵀ(xᵢ, 1),  tᵢ = yᵢ(1 − α) + α/2
∇fᵢ = (σ(zᵢ) − tᵢ)(xᵢ, 1) + λθ;   ∇²fᵢ = σ(1 − σ)(xᵢ, 1)(xᵢ, 1)ᵀ + λI
f = (1/m) Σᵢ fᵢ over m examples; dim = features + 1; standard start θ = 0
data: synthetic Gaussian classes (separation, scale → conditioning, data_seed)
      or csv = "file": features then a 0/1 label per line)",
      .source = "Goodfellow, Bengio & Courville (2016), §5.7.1 and §6.2.2.2; label smoothing: "
                "Szegedy et al. (2016), §7",
  });
}

}  // namespace descent
