// The network objectives: derivatives at non-default settings against autodiff, and the
// spectral predictions they exist to measure (λᵗ along eigenvectors of a recurrence, s^(L−1)
// per layer of a deep linear network at the scaled orthogonal start).
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include <Eigen/Eigenvalues>
#include <Eigen/SVD>

#include "descent/objectives/training/deep_linear.hpp"
#include "descent/objectives/training/linear_recurrence.hpp"
#include "descent/objectives/registry.hpp"
#include "support/tolerances.hpp"

using namespace descent;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

double scale_of(const Eigen::Ref<const Matrix>& m) { return std::max(1.0, m.cwiseAbs().maxCoeff()); }

}  // namespace

TEST_CASE("training objectives match autodiff at non-default settings", "[training][autodiff]") {
  const std::vector<std::pair<const char*, ParamMap>> cases = {
      {"logistic_regression", {{"label_smoothing", 0.2}, {"l2", 0.5}, {"scale", 10.0}, {"features", std::int64_t{2}}}},
      {"softmax_regression", {{"label_smoothing", 0.1}, {"classes", std::int64_t{4}}, {"features", std::int64_t{2}}}},
      {"tanh_mlp", {{"task", std::string("classification")}, {"classes", std::int64_t{3}},
                    {"label_smoothing", 0.1}, {"l2", 0.01}, {"features", std::int64_t{2}}}},
      {"tanh_mlp", {{"outputs", std::int64_t{2}}, {"l2", 0.1}, {"hidden", std::int64_t{2}}}},
      {"deep_linear", {{"depth", std::int64_t{1}}, {"width", std::int64_t{4}}}},
      {"deep_linear", {{"depth", std::int64_t{5}}, {"width", std::int64_t{2}}, {"init_scale", 2.0}}},
      {"linear_recurrence", {{"eigenvalues", std::vector<double>{1.5, -0.5}}, {"steps", std::int64_t{8}}}},
      {"cliff", {{"width", 0.1}, {"height", 3.0}}},
  };
  std::mt19937_64 rng(Catch::rngSeed());
  std::uniform_real_distribution<double> coordinate(-1.0, 1.0);
  for (const auto& [name, params] : cases) {
    const auto* entry = find_objective(name);
    const auto objective = entry->make(params);
    INFO(name << " " << to_text(params) << " (seed " << Catch::rngSeed() << ")");
    for (int point = 0; point < 3; ++point) {
      Vector x(objective->dim()), v(objective->dim());
      for (Index i = 0; i < x.size(); ++i) x[i] = coordinate(rng), v[i] = coordinate(rng);
      Vector g, g_ad, hv;
      Matrix h, h_ad;
      objective->gradient(x, g);
      objective->hessian(x, h);
      objective->hessian_vector(x, v, hv);
      entry->autodiff(*objective, x, g_ad, h_ad);
      REQUIRE((g - g_ad).cwiseAbs().maxCoeff() <= test::kDerivative * scale_of(g_ad));
      REQUIRE((h - h_ad).cwiseAbs().maxCoeff() <= test::kDerivative * scale_of(h_ad));
      const Vector expected = h_ad * v;
      REQUIRE((hv - expected).cwiseAbs().maxCoeff() <= test::kDerivative * scale_of(expected));
    }
  }
}

TEST_CASE("a linear recurrence scales the gradient along eigenvector qᵢ by λᵢ^(T−t)",
          "[training][recurrence][theory]") {
  const LinearRecurrence rnn({.steps = 12, .sequences = 6, .eigenvalues = {1.3, 0.9, 0.5, -0.7}});
  const Index T = rnn.steps();
  const Vector x = rnn.standard_starts().front();
  const Matrix& q = rnn.eigenvectors();
  const Vector& lambda = rnn.eigenvalues();
  const std::vector<Matrix> delta = rnn.hidden_gradients(x);
  REQUIRE(static_cast<Index>(delta.size()) == T + 1);

  // The prediction from the eigendecomposition: qᵢᵀ∂f/∂hₜ = λᵢ^(T−t) qᵢᵀ∂f/∂h_T, so
  // ‖∂f/∂h₀‖² = Σᵢ λᵢ^(2T) ‖qᵢᵀ ∂f/∂h_T‖².
  const Matrix projected_T = q.transpose() * delta.back();  // row i: qᵢᵀ ∂f/∂h_T per sequence
  for (Index t = 0; t <= T; ++t) {
    const Matrix projected = q.transpose() * delta[static_cast<std::size_t>(t)];
    for (Index i = 0; i < lambda.size(); ++i) {
      const Vector predicted = std::pow(lambda[i], static_cast<double>(T - t)) * projected_T.row(i).transpose();
      REQUIRE((projected.row(i).transpose() - predicted).cwiseAbs().maxCoeff() <=
              1e-12 * scale_of(predicted));
    }
  }
  double predicted_h0 = 0.0;
  for (Index i = 0; i < lambda.size(); ++i)
    predicted_h0 += std::pow(lambda[i], 2.0 * static_cast<double>(T)) * projected_T.row(i).squaredNorm();
  Vector measured;
  rnn.diagnostics(x, measured);
  REQUIRE(measured.size() == T + 1);
  REQUIRE_THAT(measured[0], WithinRel(std::sqrt(predicted_h0), 1e-12));
  // The largest eigenvalue dominates far from the loss: growth by ≈ 1.3 per step back.
  REQUIRE(measured[0] > 10.0 * measured[T]);
}

TEST_CASE("with eigen_components a recurrence records cᵢ,ₜ = λᵢ^(T−t)‖qᵢᵀ∂f/∂h_T‖, signed",
          "[training][recurrence][theory]") {
  const LinearRecurrence rnn({.steps = 9, .sequences = 5, .eigenvalues = {-1.4, 0.8, 0.3}, .eigen_components = true});
  const Index T = rnn.steps(), n = 3;
  const Vector x = rnn.standard_starts().front();
  const Matrix projected_T = rnn.eigenvectors().transpose() * rnn.hidden_gradients(x).back();
  const auto names = rnn.diagnostic_names();
  REQUIRE(static_cast<Index>(names.size()) == (T + 1) * (1 + n));
  REQUIRE(names[static_cast<std::size_t>(T + 1)] == "hidden_grad_q0_0");
  REQUIRE(names.back() == "hidden_grad_q2_9");
  Vector measured;
  rnn.diagnostics(x, measured);
  REQUIRE(measured.size() == static_cast<Index>(names.size()));
  for (Index i = 0; i < n; ++i)
    for (Index t = 0; t <= T; ++t) {
      INFO("i = " << i << ", t = " << t);
      // Rounding from the larger directions: relative to ‖∂f/∂hₜ‖ (measured[t]), not to cᵢ,ₜ.
      const double predicted = std::pow(rnn.eigenvalues()[i], static_cast<double>(T - t)) * projected_T.row(i).norm();
      REQUIRE_THAT(measured[(T + 1) * (1 + i) + t], WithinAbs(predicted, 1e-12 * measured[t]));
    }
}

TEST_CASE("without the opt-in diagnostics the network objectives store no new key and record no new column",
          "[training][recurrence][deep_linear]") {
  const ObjectiveEntry recurrence = linear_recurrence_entry();
  const ObjectiveEntry deep = deep_linear_entry();
  REQUIRE_FALSE(recurrence.normalize({}).contains("eigen_components"));
  REQUIRE_FALSE(deep.normalize({}).contains("product_gradient"));
  REQUIRE(LinearRecurrence({.steps = 4}).diagnostic_names().size() == 5);
  REQUIRE(DeepLinear({}).diagnostic_names().empty());
}

TEST_CASE("the recurrence's start has the prescribed spectrum", "[training][recurrence]") {
  const LinearRecurrence rnn({.hidden = 4, .rho = 0.8});
  const Vector x = rnn.standard_starts().front();
  const Eigen::Map<const Matrix> w(x.data(), 4, 4);
  Eigen::SelfAdjointEigenSolver<Matrix> eigen(w);
  REQUIRE_THAT(eigen.eigenvalues().cwiseAbs().maxCoeff(), WithinRel(0.8, 1e-14));
  REQUIRE_THAT(eigen.eigenvalues()[0], WithinRel(0.2, 1e-13));
  REQUIRE(rnn.diagnostic_names().front() == "hidden_grad_norm_0");
  REQUIRE(rnn.diagnostic_names().back() == "hidden_grad_norm_5");
}

TEST_CASE("at the scaled orthogonal start every layer's gradient norm is s^(L−1)‖R Xᵀ‖/m",
          "[training][deep_linear][theory]") {
  for (const double s : {0.5, 1.0, 1.5}) {
    const DeepLinear network({.depth = 6, .width = 4, .examples = 9, .init_scale = s});
    const Vector x = network.standard_starts().front();
    const Index w = network.width(), L = network.depth();
    Matrix product = Matrix::Identity(w, w);
    for (Index k = 0; k < L; ++k) {
      const Eigen::Map<const Matrix> layer(x.data() + k * w * w, w, w);
      const Vector sigma = Eigen::JacobiSVD<Matrix>(layer).singularValues();
      REQUIRE((sigma.array() - s).abs().maxCoeff() <= 1e-14 * s);
      product = (layer * product).eval();
    }
    const Matrix residual = product * network.inputs() - network.outputs();
    const double predicted = std::pow(s, static_cast<double>(L - 1)) *
                             (residual * network.inputs().transpose()).norm() /
                             static_cast<double>(network.inputs().cols());
    Vector g;
    network.gradient(x, g);
    for (const auto& block : network.parameter_blocks()) {
      INFO("s = " << s << ", block " << block.name);
      REQUIRE_THAT(g.segment(block.offset, block.size).norm(), WithinRel(predicted, 1e-12));
    }
  }
}

TEST_CASE("with product_gradient ‖∂f/∂W₁‖/‖∂f/∂M‖ is s^(L−1) at the scaled orthogonal start, for every s",
          "[training][deep_linear][theory]") {
  for (const double s : {0.2, 1.0, 2.5}) {
    INFO("s = " << s);
    const DeepLinear network({.depth = 5, .width = 3, .examples = 7, .init_scale = s, .product_gradient = true});
    const Vector x = network.standard_starts().front();
    REQUIRE(network.diagnostic_names() == std::vector<std::string>{"grad_norm_product"});
    Vector product_gradient, g;
    network.diagnostics(x, product_gradient);
    network.gradient(x, g);
    const ParameterBlock first = network.parameter_blocks().front();
    REQUIRE_THAT(g.segment(first.offset, first.size).norm() / product_gradient[0],
                 WithinRel(std::pow(s, 4.0), 1e-12));
  }
}

TEST_CASE("parameter blocks tile the parameter vector", "[training][blocks]") {
  for (const char* name : {"deep_linear", "linear_recurrence", "tanh_mlp"}) {
    const auto objective = find_objective(name)->make({});
    Index next = 0;
    for (const auto& block : objective->parameter_blocks()) {
      REQUIRE(block.offset == next);
      next += block.size;
    }
    REQUIRE(next == objective->dim());
  }
}

TEST_CASE("a dense Hessian above the size limit is refused with a ConfigError", "[training][config]") {
  const DeepLinear network({.depth = 1, .width = 65});
  REQUIRE(network.dim() > kMaxDenseHessianDim);
  Matrix h;
  REQUIRE_THROWS_AS(network.hessian(Vector::Zero(network.dim()), h), ConfigError);
  Vector hv;
  network.hessian_vector(Vector::Zero(network.dim()), Vector::Ones(network.dim()), hv);
  REQUIRE(hv.size() == network.dim());
}

TEST_CASE("the cliff's wall is orders of magnitude steeper than the bowl", "[training][cliff]") {
  const auto cliff = find_objective("cliff")->make({});
  Vector on_wall, in_bowl;
  cliff->gradient(Vector{{0.0, 0.0}}, on_wall);   // slope H/(4w) + (c − a) = 250 + 1
  cliff->gradient(Vector{{1.0, 1.0}}, in_bowl);
  REQUIRE_THAT(on_wall[0], WithinRel(251.0, 1e-14));
  REQUIRE(on_wall.norm() > 100.0 * in_bowl.norm());
  REQUIRE(cliff->minima().size() == 1);
  REQUIRE(cliff->minima().front().x == Vector{{-1.0, 0.0}});
}
