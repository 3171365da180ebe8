#include "descent/objectives/training/softmax_regression.hpp"

#include "descent/objectives/training/batch_math.hpp"

namespace descent {

namespace {

using RowMajorMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

}  // namespace

SoftmaxRegression::SoftmaxRegression(const Params& params) : l2_(params.loss.l2) {
  validate_fields(params);
  const LabelledData data = load_classification(params.data, params.classes);
  const Index d = data.inputs.rows(), m = data.inputs.cols();
  inputs_.resize(d + 1, m);
  inputs_.topRows(d) = data.inputs;
  inputs_.row(d).setOnes();
  targets_.resize(data.classes, m);
  for (Index i = 0; i < m; ++i)
    targets_.col(i) = smoothed_targets(data.labels[static_cast<std::size_t>(i)], data.classes,
                                       params.loss.label_smoothing);
  set_standard_start(Vector::Zero(dim()));
  set_num_terms(m);
}

double SoftmaxRegression::batch_loss(const Vector& x, std::span<const Index> terms, Vector* g) const {
  const Index K = classes(), p = inputs_.rows();
  const Eigen::Map<const RowMajorMatrix> w(x.data(), K, p);
  Matrix xb_storage, tb_storage;
  const auto xb = batch_columns(inputs_, terms, xb_storage);
  const auto tb = batch_columns(targets_, terms, tb_storage);
  Matrix probabilities = w * xb;  // logits, then probabilities
  const double loss = softmax_cross_entropy(probabilities, tb);
  const double b = static_cast<double>(terms.size());
  if (g) {
    g->resize(dim());
    Eigen::Map<RowMajorMatrix> gw(g->data(), K, p);
    gw.noalias() = ((probabilities - tb) / b) * xb.transpose();
    gw += l2_ * w;
  }
  return loss / b + 0.5 * l2_ * x.squaredNorm();
}

void SoftmaxRegression::batch_hessian_vector(const Vector& x, std::span<const Index> terms,
                                             const Vector& v, Vector& hv) const {
  const Index K = classes(), p = inputs_.rows();
  const Eigen::Map<const RowMajorMatrix> w(x.data(), K, p), dw(v.data(), K, p);
  Matrix xb_storage;
  const auto xb = batch_columns(inputs_, terms, xb_storage);
  Matrix probabilities = w * xb;
  softmax_columns(probabilities);
  Matrix u = dw * xb;  // R{z}, then R{p} = p ⊙ u − p (pᵀu)
  for (Index i = 0; i < u.cols(); ++i) {
    const double mean = probabilities.col(i).dot(u.col(i));
    u.col(i) = probabilities.col(i).cwiseProduct(u.col(i)) - mean * probabilities.col(i);
  }
  hv.resize(dim());
  Eigen::Map<RowMajorMatrix> h(hv.data(), K, p);
  h.noalias() = (u / static_cast<double>(terms.size())) * xb.transpose();
  h += l2_ * dw;
}

void SoftmaxRegression::diagnostics(const Vector& x, Vector& values) const {
  const Index K = classes(), p = inputs_.rows(), m = inputs_.cols();
  const Eigen::Map<const RowMajorMatrix> w(x.data(), K, p);
  const Matrix logits = w * inputs_;
  Matrix probabilities = logits;
  softmax_columns(probabilities);
  double gap = 0.0, confidence = 0.0, correct = 0.0;
  for (Index i = 0; i < m; ++i) {
    Index label = 0, predicted = 0;
    targets_.col(i).maxCoeff(&label);
    confidence += probabilities.col(i).maxCoeff(&predicted);
    correct += predicted == label;
    gap += logits(label, i) - (logits.col(i).sum() - logits(label, i)) / static_cast<double>(K - 1);
  }
  values.resize(3);
  values << gap / static_cast<double>(m), confidence / static_cast<double>(m), correct / static_cast<double>(m);
}

ObjectiveEntry softmax_regression_entry() {
  return objective_entry<SoftmaxRegression>({
      .name = "softmax_regression", .family = "finite-sum classification",
      .summary = "L2-regularised softmax regression with label smoothing (a finite sum for minibatch SGD)",
      .formula = R"(fᵢ(W) = log Σₖ exp(zᵢₖ) − tᵢᵀzᵢ + (λ/2)‖W‖²,  zᵢ = W (xᵢ, 1),  tᵢ = yᵢ(1 − α) + α/K
∇fᵢ = (softmax(zᵢ) − tᵢ)(xᵢ, 1)ᵀ + λW;   ∇²fᵢ V = ((diag p − ppᵀ) V (xᵢ, 1))(xᵢ, 1)ᵀ + λV
f = (1/m) Σᵢ fᵢ; W is K × (features + 1), θ class by class; standard start W = 0
data: synthetic Gaussian classes (separation, scale → conditioning, data_seed)
      or csv = "file": features then a class label 0 … K−1 per line
trace columns: logit_gap (mean z_y − mean of the other zₖ; → log((1 − α + α/K)/(α/K)) at the
optimum for λ → 0), confidence (mean max pₖ), accuracy)",
      .source = "Goodfellow, Bengio & Courville (2016), §6.2.2.3; label smoothing: Szegedy, "
                "Vanhoucke, Ioffe, Shlens & Wojna (2016), §7; Müller, Kornblith & Hinton (2019)",
  });
}

}  // namespace descent
