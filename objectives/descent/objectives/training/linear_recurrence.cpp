#include "descent/objectives/training/linear_recurrence.hpp"

#include <cmath>
#include <random>
#include <string>

#include "descent/objectives/training/batch_math.hpp"
#include "descent/objectives/quadratic/random_matrices.hpp"

namespace descent {

LinearRecurrence::LinearRecurrence(const Params& params)
    : hidden_(params.eigenvalues.empty() ? params.hidden
                                         : static_cast<Index>(params.eigenvalues.size())),
      inputs_per_step_(params.inputs),
      eigen_components_(params.eigen_components.value_or(false)) {
  validate_fields(params);
  const Index n = hidden_, d = inputs_per_step_, m = params.sequences;
  std::mt19937_64 data_rng(static_cast<std::uint64_t>(params.data_seed));
  for (Index t = 0; t < params.steps; ++t) inputs_.push_back(gaussian_matrix(d, m, data_rng));
  targets_ = gaussian_matrix(n, m, data_rng);

  if (!params.eigenvalues.empty()) {
    eigenvalues_ = Eigen::Map<const Vector>(params.eigenvalues.data(), n);
  } else {
    eigenvalues_.resize(n);
    for (Index i = 0; i < n; ++i)
      eigenvalues_[i] = params.rho * static_cast<double>(n - i) / static_cast<double>(n);
  }
  std::mt19937_64 init_rng(static_cast<std::uint64_t>(params.init_seed));
  eigenvectors_ = haar_orthogonal(n, init_rng);
  Vector start(dim());
  Eigen::Map<Matrix>(start.data(), n, n) =
      eigenvectors_ * eigenvalues_.asDiagonal() * eigenvectors_.transpose();
  Eigen::Map<Matrix>(start.data() + n * n, n, d) =
      gaussian_matrix(n, d, init_rng, 1.0 / std::sqrt(static_cast<double>(d)));
  set_standard_start(std::move(start));
  set_num_terms(m);
}

std::vector<Matrix> LinearRecurrence::forward(const Vector& x, std::span<const Index> terms) const {
  const Index n = hidden_, d = inputs_per_step_;
  const Eigen::Map<const Matrix> w(x.data(), n, n), u(x.data() + n * n, n, d);
  std::vector<Matrix> h(static_cast<std::size_t>(steps() + 1));
  h[0] = Matrix::Zero(n, static_cast<Index>(terms.size()));
  Matrix storage;
  for (Index t = 1; t <= steps(); ++t) {
    Matrix& next = h[static_cast<std::size_t>(t)];
    next.noalias() = w * h[static_cast<std::size_t>(t - 1)];
    next.noalias() += u * batch_columns(inputs_[static_cast<std::size_t>(t - 1)], terms, storage);
  }
  return h;
}

double LinearRecurrence::batch_loss(const Vector& x, std::span<const Index> terms, Vector* g) const {
  const Index n = hidden_, d = inputs_per_step_;
  const std::vector<Matrix> h = forward(x, terms);
  const double b = static_cast<double>(terms.size());
  Matrix storage;
  Matrix delta = h.back() - batch_columns(targets_, terms, storage);
  const double loss = 0.5 * delta.squaredNorm() / b;
  if (g) {
    const Eigen::Map<const Matrix> w(x.data(), n, n);
    g->setZero(dim());
    Eigen::Map<Matrix> gw(g->data(), n, n), gu(g->data() + n * n, n, d);
    delta /= b;
    for (Index t = steps(); t >= 1; --t) {
      gw.noalias() += delta * h[static_cast<std::size_t>(t - 1)].transpose();
      gu.noalias() += delta * batch_columns(inputs_[static_cast<std::size_t>(t - 1)], terms, storage).transpose();
      if (t > 1) delta = (w.transpose() * delta).eval();
    }
  }
  return loss;
}

// R-operator through time: ḣₜ = V_W hₜ₋₁ + W ḣₜ₋₁ + V_U xₜ; δ̇_T = ḣ_T/m,
// δ̇ₜ₋₁ = V_Wᵀδₜ + Wᵀδ̇ₜ; Ṙ{∂f/∂W} = Σ δ̇ₜhₜ₋₁ᵀ + δₜḣₜ₋₁ᵀ, Ṙ{∂f/∂U} = Σ δ̇ₜxₜᵀ.
void LinearRecurrence::batch_hessian_vector(const Vector& x, std::span<const Index> terms,
                                            const Vector& v, Vector& hv) const {
  const Index n = hidden_, d = inputs_per_step_, T = steps();
  const Eigen::Map<const Matrix> w(x.data(), n, n), vw(v.data(), n, n), vu(v.data() + n * n, n, d);
  const std::vector<Matrix> h = forward(x, terms);
  std::vector<Matrix> xs, rh(static_cast<std::size_t>(T + 1));
  Matrix storage;
  for (const auto& inputs : inputs_) xs.push_back(batch_columns(inputs, terms, storage));
  rh[0] = Matrix::Zero(n, static_cast<Index>(terms.size()));
  for (Index t = 1; t <= T; ++t) {
    Matrix& next = rh[static_cast<std::size_t>(t)];
    next.noalias() = vw * h[static_cast<std::size_t>(t - 1)];
    next.noalias() += w * rh[static_cast<std::size_t>(t - 1)];
    next.noalias() += vu * xs[static_cast<std::size_t>(t - 1)];
  }
  const double b = static_cast<double>(terms.size());
  Matrix delta = (h.back() - batch_columns(targets_, terms, storage)) / b;
  Matrix r_delta = rh.back() / b;
  hv.setZero(dim());
  Eigen::Map<Matrix> hw(hv.data(), n, n), hu(hv.data() + n * n, n, d);
  for (Index t = T; t >= 1; --t) {
    hw.noalias() += r_delta * h[static_cast<std::size_t>(t - 1)].transpose();
    hw.noalias() += delta * rh[static_cast<std::size_t>(t - 1)].transpose();
    hu.noalias() += r_delta * xs[static_cast<std::size_t>(t - 1)].transpose();
    if (t > 1) {
      Matrix r_next = vw.transpose() * delta;
      r_next.noalias() += w.transpose() * r_delta;
      r_delta.swap(r_next);
      delta = (w.transpose() * delta).eval();
    }
  }
}

std::vector<Matrix> LinearRecurrence::hidden_gradients(const Vector& x) const {
  const Index n = hidden_;
  const Eigen::Map<const Matrix> w(x.data(), n, n);
  const std::vector<Matrix> h = forward(x, all_terms());
  std::vector<Matrix> delta(static_cast<std::size_t>(steps() + 1));
  delta.back() = (h.back() - targets_) / static_cast<double>(targets_.cols());
  for (Index t = steps(); t >= 1; --t)
    delta[static_cast<std::size_t>(t - 1)].noalias() = w.transpose() * delta[static_cast<std::size_t>(t)];
  return delta;
}

std::vector<ParameterBlock> LinearRecurrence::parameter_blocks() const {
  return {{"W", 0, hidden_ * hidden_}, {"U", hidden_ * hidden_, hidden_ * inputs_per_step_}};
}

ObjectiveConstants LinearRecurrence::constants() const {
  ObjectiveConstants constants = steps() > 1 ? dimension_constants(dim())
                                             : lipschitz_constants(dim(), second_moment_eigenvalues(inputs_.front()).maxCoeff());
  constants.emplace("rho", eigenvalues_.cwiseAbs().maxCoeff());
  return constants;
}

std::vector<std::string> LinearRecurrence::diagnostic_names() const {
  std::vector<std::string> names;
  for (Index t = 0; t <= steps(); ++t) names.push_back(std::string("hidden_grad_norm_").append(std::to_string(t)));
  if (eigen_components_)
    for (Index i = 0; i < hidden_; ++i)
      for (Index t = 0; t <= steps(); ++t)
        names.push_back("hidden_grad_q" + std::to_string(i) + "_" + std::to_string(t));
  return names;
}

void LinearRecurrence::diagnostics(const Vector& x, Vector& values) const {
  const std::vector<Matrix> delta = hidden_gradients(x);
  const auto times = static_cast<Index>(delta.size());
  values.resize(eigen_components_ ? times * (1 + hidden_) : times);
  for (Index t = 0; t < times; ++t) values[t] = delta[static_cast<std::size_t>(t)].norm();
  if (!eigen_components_) return;
  for (Index i = 0; i < hidden_; ++i) {
    const auto q = eigenvectors_.col(i);
    Vector direction = delta.back().transpose() * q;  // gᵢ,T
    const double length = direction.norm();
    if (length > 0.0) direction /= length;
    for (Index t = 0; t < times; ++t)
      values[times * (1 + i) + t] = length > 0.0 ? q.dot(delta[static_cast<std::size_t>(t)] * direction) : 0.0;
  }
}

ObjectiveEntry linear_recurrence_entry() {
  return objective_entry<LinearRecurrence>({
      .name = "linear_recurrence", .family = "network",
      .summary = "linear RNN hₜ = W hₜ₋₁ + U xₜ with loss on h_T; start W with prescribed eigenvalues",
      .formula = R"(h₀ = 0,  hₜ = W hₜ₋₁ + U xₜ (t = 1 … T),  f = (1/m) Σᵢ ½‖h_T⁽ⁱ⁾ − yᵢ‖²
∂f/∂hₜ = (Wᵀ)^(T−t) ∂f/∂h_T;  ∂f/∂W = Σₜ δₜ hₜ₋₁ᵀ,  ∂f/∂U = Σₜ δₜ xₜᵀ
standard start W = Q diag(λ) Qᵀ, λᵢ = ρ(n − i)/n or explicit eigenvalues:
  qᵢᵀ ∂f/∂hₜ = λᵢ^(T−t) qᵢᵀ ∂f/∂h_T  (vanishing for |λᵢ| < 1, exploding for |λᵢ| > 1)
trace columns: grad_norm_W, grad_norm_U, hidden_grad_norm_0 … hidden_grad_norm_T
  and, with eigen_components, hidden_grad_q<i>_<t> = ⟨qᵢᵀ∂f/∂hₜ, uᵢ⟩ (uᵢ its unit direction at T)
a finite sum over the m sequences; Hv exact (R-operator); dim = n² + n·d)",
      .source = "Lecture, \"Challenges in gradient descent: vanishing gradients\"; Pascanu, Mikolov & "
                "Bengio (2013), On the difficulty of training recurrent neural networks, §2; "
                "Goodfellow et al. (2016), §8.2.5 and §10.7",
  });
}

}  // namespace descent
