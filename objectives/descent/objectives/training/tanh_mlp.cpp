#include "descent/objectives/training/tanh_mlp.hpp"

#include <random>

#include "descent/objectives/training/batch_math.hpp"
#include "descent/objectives/quadratic/random_matrices.hpp"

namespace descent {

namespace {

template <class Scalar>
struct LayerViews {
  using MatrixMap = Eigen::Map<std::conditional_t<std::is_const_v<Scalar>, const Matrix, Matrix>>;
  using VectorMap = Eigen::Map<std::conditional_t<std::is_const_v<Scalar>, const Vector, Vector>>;
  MatrixMap w1;
  VectorMap b1;
  MatrixMap w2;
  VectorMap b2;

  LayerViews(Scalar* theta, Index d, Index h, Index o)
      : w1(theta, h, d), b1(theta + h * d, h), w2(theta + h * d + h, o, h), b2(theta + h * d + h + o * h, o) {}
};

// ŷ = W₂ tanh(W₁X + b₁) + b₂ for the network θ.
Matrix network_outputs(const Vector& theta, Index h, Index o, const Matrix& inputs) {
  const LayerViews<const double> net(theta.data(), inputs.rows(), h, o);
  Matrix z = net.w1 * inputs;
  z.colwise() += net.b1;
  z = z.array().tanh().matrix().eval();
  Matrix y = net.w2 * z;
  y.colwise() += net.b2;
  return y;
}

// Weights N(0, 1/fan-in), and biases N(0, bias_sigma²) (0: zero biases).
Vector random_network(Index d, Index h, Index o, std::mt19937_64& rng, double bias_sigma) {
  Vector theta = Vector::Zero(h * d + h + o * h + o);
  LayerViews<double> net(theta.data(), d, h, o);
  net.w1 = gaussian_matrix(h, d, rng, 1.0 / std::sqrt(static_cast<double>(d)));
  net.w2 = gaussian_matrix(o, h, rng, 1.0 / std::sqrt(static_cast<double>(h)));
  if (bias_sigma > 0.0) {
    net.b1 = gaussian_matrix(h, 1, rng, bias_sigma);
    net.b2 = gaussian_matrix(o, 1, rng, bias_sigma);
  }
  return theta;
}

}  // namespace

struct TanhMlp::Layers : LayerViews<const double> {
  using LayerViews<const double>::LayerViews;
};

TanhMlp::Layers TanhMlp::layers(const double* theta) const {
  return Layers(theta, features(), hidden_, outputs());
}

TanhMlp::TanhMlp(const Params& params) : task_(params.task), hidden_(params.hidden), l2_(params.loss.l2) {
  validate_fields(params);
  std::mt19937_64 data_rng(static_cast<std::uint64_t>(params.data.data_seed));
  if (task_ == MlpTask::kClassification) {
    const LabelledData data = load_classification(params.data, params.classes);
    inputs_ = data.inputs;
    targets_.resize(data.classes, inputs_.cols());
    for (Index i = 0; i < inputs_.cols(); ++i)
      targets_.col(i) = smoothed_targets(data.labels[static_cast<std::size_t>(i)], data.classes,
                                         params.loss.label_smoothing);
  } else if (!params.data.csv.empty()) {
    const LabelledData data = load_regression_csv(params.data.csv);
    inputs_ = data.inputs;
    targets_ = data.targets.transpose();
  } else {
    const Index d = params.data.features;
    inputs_ = gaussian_matrix(d, params.data.examples, data_rng);
    for (Index j = 0; j < d; ++j) {
      const double t = d == 1 ? 0.0 : static_cast<double>(j) / static_cast<double>(d - 1);
      inputs_.row(j) *= std::pow(params.data.scale, t);
    }
    teacher_ = random_network(d, hidden_, params.outputs, data_rng, 1.0);
    targets_ = network_outputs(teacher_, hidden_, params.outputs, inputs_);
  }
  std::mt19937_64 init_rng(static_cast<std::uint64_t>(params.init_seed));
  set_standard_start(random_network(features(), hidden_, outputs(), init_rng, 0.0));
  set_num_terms(inputs_.cols());
}

double TanhMlp::batch_loss(const Vector& x, std::span<const Index> terms, Vector* g) const {
  const Layers net = layers(x.data());
  Matrix xb_storage, tb_storage;
  const auto xb = batch_columns(inputs_, terms, xb_storage);
  const auto tb = batch_columns(targets_, terms, tb_storage);
  Matrix z = net.w1 * xb;
  z.colwise() += net.b1;
  z = z.array().tanh().matrix().eval();
  Matrix e = net.w2 * z;  // ŷ, then ∂f/∂ŷ
  e.colwise() += net.b2;
  double loss = 0.0;
  if (task_ == MlpTask::kRegression) {
    e -= tb;
    loss = 0.5 * e.squaredNorm();
  } else {
    loss = softmax_cross_entropy(e, tb);
    e -= tb;
  }
  const double b = static_cast<double>(terms.size());
  if (g) {
    g->resize(dim());
    LayerViews<double> grad(g->data(), features(), hidden_, outputs());
    e /= b;
    grad.w2.noalias() = e * z.transpose();
    grad.b2 = e.rowwise().sum();
    const Matrix delta = ((net.w2.transpose() * e).array() * (1.0 - z.array().square())).matrix();
    grad.w1.noalias() = delta * xb.transpose();
    grad.b1 = delta.rowwise().sum();
    *g += l2_ * x;
  }
  return loss / b + 0.5 * l2_ * x.squaredNorm();
}

// R-operator: R{a} = V₁x + v₁, R{z} = (1 − z²) ⊙ R{a}, R{ŷ} = V₂z + W₂R{z} + v₂,
// R{e} = R{ŷ} (regression) or p ⊙ R{ŷ} − p (pᵀR{ŷ}) (classification);
// R{∂W₂} = R{e}zᵀ + e R{z}ᵀ, R{∂b₂} = R{e}, R{δ} = (V₂ᵀe + W₂ᵀR{e}) ⊙ (1 − z²) − 2 (W₂ᵀe) ⊙ z ⊙ R{z},
// R{∂W₁} = R{δ}xᵀ, R{∂b₁} = R{δ}.
void TanhMlp::batch_hessian_vector(const Vector& x, std::span<const Index> terms, const Vector& v,
                                   Vector& hv) const {
  const Layers net = layers(x.data());
  const Layers dir = layers(v.data());
  Matrix xb_storage, tb_storage;
  const auto xb = batch_columns(inputs_, terms, xb_storage);
  const auto tb = batch_columns(targets_, terms, tb_storage);
  const double b = static_cast<double>(terms.size());
  Matrix z = net.w1 * xb;
  z.colwise() += net.b1;
  z = z.array().tanh().matrix().eval();
  const Matrix slope = (1.0 - z.array().square()).matrix();
  Matrix rz = dir.w1 * xb;
  rz.colwise() += dir.b1;
  rz = rz.cwiseProduct(slope).eval();
  Matrix e = net.w2 * z;
  e.colwise() += net.b2;
  Matrix re = dir.w2 * z;
  re.noalias() += net.w2 * rz;
  re.colwise() += dir.b2;
  if (task_ == MlpTask::kRegression) {
    e -= tb;
  } else {
    softmax_columns(e);  // p
    for (Index i = 0; i < re.cols(); ++i) {
      const double mean = e.col(i).dot(re.col(i));
      re.col(i) = e.col(i).cwiseProduct(re.col(i)) - mean * e.col(i);
    }
    e -= tb;
  }
  e /= b;
  re /= b;
  hv.resize(dim());
  LayerViews<double> out(hv.data(), features(), hidden_, outputs());
  out.w2.noalias() = re * z.transpose();
  out.w2.noalias() += e * rz.transpose();
  out.b2 = re.rowwise().sum();
  const Matrix back = net.w2.transpose() * e;
  Matrix r_delta = dir.w2.transpose() * e;
  r_delta.noalias() += net.w2.transpose() * re;
  r_delta = (r_delta.array() * slope.array() - 2.0 * back.array() * z.array() * rz.array()).matrix();
  out.w1.noalias() = r_delta * xb.transpose();
  out.b1 = r_delta.rowwise().sum();
  hv += l2_ * v;
}

std::vector<KnownMinimum> TanhMlp::minima() const {
  if (teacher_.size() == 0 || l2_ != 0.0) return {};
  return {{teacher_, 0.0, true}};
}

std::vector<ParameterBlock> TanhMlp::parameter_blocks() const {
  const Index d = features(), h = hidden_, o = outputs();
  return {{"W1", 0, h * d}, {"b1", h * d, h}, {"W2", h * d + h, o * h}, {"b2", h * d + h + o * h, o}};
}

ObjectiveEntry tanh_mlp_entry() {
  return objective_entry<TanhMlp>({
      .name = "tanh_mlp", .family = "network",
      .summary = "one-hidden-layer tanh network: regression on a teacher's outputs or classification",
      .formula = R"(ŷᵢ = W₂ tanh(W₁xᵢ + b₁) + b₂
regression: fᵢ = ½‖ŷᵢ − yᵢ‖² (+ (λ/2)‖θ‖²), targets from a random teacher, f* = 0 when λ = 0
classification: fᵢ = log Σₖ exp(ŷᵢₖ) − tᵢᵀŷᵢ (+ (λ/2)‖θ‖²), tᵢ = yᵢ(1 − α) + α/K
backpropagation for ∇f; Pearlmutter's R-operator for exact Hv; dense ∇²f from n Hv
blocks W1, b1, W2, b2 (trace columns grad_norm_W1 …); standard start: N(0, 1/fan-in) weights)",
      .source = "Goodfellow, Bengio & Courville (2016), §6.5 (back-propagation); Pearlmutter (1994), "
                "Fast exact multiplication by the Hessian",
  });
}

}  // namespace descent
