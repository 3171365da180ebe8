// The driver's training machinery: minibatches (SGD with all terms is GD bit for bit, seeds
// reproduce), the full-loss and epoch columns, clipping of every gradient a method sees,
// scheduled learning rates in the lr column, per-block gradient norms and diagnostics.
#include <catch2/catch.hpp>

#include <cmath>

#include "descent/driver/driver.hpp"
#include "descent/optimizers/registry.hpp"
#include "descent/objectives/registry.hpp"
#include "support/tolerances.hpp"

using namespace descent;
using Catch::Matchers::WithinRel;

namespace {

std::unique_ptr<Objective> objective(const char* name, const ParamMap& params = {}) {
  return find_objective(name)->make(params);
}

RunResult run(const Objective& f, const char* method, const ParamMap& params, const Vector& x0,
              const RunSettings& settings, std::uint64_t seed = 0) {
  auto optimizer = find_optimizer(method)->make(params);
  return run_optimizer(f, *optimizer, x0, settings, seed);
}

Vector row_x(const Trace& trace, std::size_t row) {
  return Eigen::Map<const Vector>(trace.x.data() + row * static_cast<std::size_t>(trace.x_dim), trace.x_dim);
}

// A method that steps like gd and also asks for the gradient at a second point, recording the
// norm of what `gradient_at` returned.
struct ProbeOptions {
  double lr = 0.1;
  template <class V>
  void visit(V& v) {
    v.real("lr", lr, Range::positive(), "learning rate ε");
  }
};
class ProbeOptimizer final : public OptimizerWith<ProbeOptions> {
 public:
  ProbeOptimizer() : OptimizerWith(ProbeOptions{}) {}
  void reset(Index) override {}
  StepStatus step(Vector& x, StepContext& context) override {
    Vector g;
    context.gradient_at(x + Vector::Constant(x.size(), 0.01), g);
    context.record("probe_grad_norm", g.norm());
    x -= context.lr() * context.g();
    return StepStatus::kOk;
  }
};

}  // namespace

TEST_CASE("SGD with a batch of all terms is gradient descent, bit for bit", "[driver][minibatch]") {
  const auto logistic = objective("logistic_regression");
  const Vector x0 = logistic->standard_starts().front();
  RunSettings full;
  full.max_iter = 40;
  const auto gd = run(*logistic, "gd", {{"lr", 0.5}}, x0, full);
  for (const std::int64_t size : {logistic->num_terms(), logistic->num_terms() + 7}) {
    RunSettings batched = full;
    batched.batch.size = size;
    const auto sgd = run(*logistic, "gd", {{"lr", 0.5}}, x0, batched, 99);
    REQUIRE(sgd.trace.f == gd.trace.f);
    REQUIRE(sgd.trace.x == gd.trace.x);
    REQUIRE(sgd.trace.grad_norm == gd.trace.grad_norm);
    REQUIRE(sgd.x_final == gd.x_final);
    REQUIRE(sgd.f_final == gd.f_final);
    REQUIRE(sgd.evals.grad == gd.evals.grad);
  }
}

TEST_CASE("minibatch runs are reproducible from the seed and differ between seeds",
          "[driver][minibatch][seed]") {
  const auto softmax = objective("softmax_regression");
  const Vector x0 = softmax->standard_starts().front();
  for (const bool replacement : {false, true}) {
    RunSettings settings;
    settings.max_iter = 30;
    settings.batch = {.size = 3, .replacement = replacement};
    const std::uint64_t seed = Catch::rngSeed();
    const auto a = run(*softmax, "momentum", {{"lr", 0.1}}, x0, settings, seed);
    const auto b = run(*softmax, "momentum", {{"lr", 0.1}}, x0, settings, seed);
    const auto c = run(*softmax, "momentum", {{"lr", 0.1}}, x0, settings, seed + 1);
    REQUIRE(a.trace.f == b.trace.f);
    REQUIRE(a.trace.x == b.trace.x);
    REQUIRE(a.trace.extra.at("epoch") == b.trace.extra.at("epoch"));
    REQUIRE(a.trace.extra.at("full_loss").back() == b.trace.extra.at("full_loss").back());
    REQUIRE(a.trace.f != c.trace.f);
    REQUIRE(a.x_final != c.x_final);
  }
}

TEST_CASE("minibatch runs record the epoch and the full loss", "[driver][minibatch][recorder]") {
  const auto logistic = objective("logistic_regression");  // m = 20
  const Vector x0 = logistic->standard_starts().front();
  RunSettings settings;
  settings.max_iter = 23;
  settings.batch.size = 5;
  settings.record.every = 2;
  settings.record.full_loss_every = 5;
  const auto r = run(*logistic, "gd", {{"lr", 0.5}}, x0, settings, 4);
  // Kept rows: every 2nd, every 5th (full loss), and the last.
  REQUIRE(r.trace.iter == std::vector<std::int64_t>{0, 2, 4, 5, 6, 8, 10, 12, 14, 15, 16, 18, 20, 22, 23});
  const auto& epoch = r.trace.extra.at("epoch");
  const auto& full_loss = r.trace.extra.at("full_loss");
  for (std::size_t row = 0; row < r.trace.size(); ++row) {
    const std::int64_t k = r.trace.iter[row];
    INFO("iteration " << k);
    REQUIRE(epoch[row] == static_cast<double>(k / 4));  // 4 batches of 5 per epoch
    if (k % 5 == 0 || k == 23) {
      REQUIRE(full_loss[row] == logistic->value(row_x(r.trace, row)));
      if (k > 0) REQUIRE(r.trace.f[row] != full_loss[row]);  // f is the minibatch's loss
    } else {
      REQUIRE(std::isnan(full_loss[row]));
    }
  }
  REQUIRE(r.f_final == logistic->value(r.x_final));
  Vector g;
  logistic->gradient(r.x_final, g);
  REQUIRE(r.grad_norm_final == g.norm());
}

TEST_CASE("an unclipped step from the cliff's wall jumps far away, and a clipped one does not",
          "[driver][clipping][cliff]") {
  const auto cliff = objective("cliff");
  const Vector on_wall{{0.0, 0.0}};
  RunSettings settings;
  settings.max_iter = 300;
  const double lr = 0.1;

  const auto unclipped = run(*cliff, "gd", {{"lr", lr}}, on_wall, settings);
  REQUIRE(unclipped.trace.step_norm[1] > 20.0);  // ε · 251
  REQUIRE(unclipped.trace.f[1] > 10.0 * unclipped.trace.f[0]);

  settings.clip.norm = 1.0;
  const auto clipped = run(*cliff, "gd", {{"lr", lr}}, on_wall, settings);
  for (std::size_t row = 1; row < clipped.trace.size(); ++row)
    REQUIRE(clipped.trace.step_norm[row] <= lr * 1.0 * (1.0 + 1e-15));
  for (std::size_t row = 0; row < clipped.trace.size(); ++row)
    REQUIRE(clipped.trace.grad_norm[row] <= 1.0 * (1.0 + 1e-15));
  REQUIRE(clipped.trace.raw_grad_norm[0] == Approx(251.0).epsilon(1e-14));
  REQUIRE(clipped.trace.extra.at("clipped")[0] == 1.0);
  REQUIRE_THAT(clipped.trace.extra.at("clip_factor")[0], WithinRel(1.0 / clipped.trace.raw_grad_norm[0], 1e-15));
  REQUIRE(clipped.trace.extra.at("clipped").back() == 0.0);
  REQUIRE((clipped.x_final - Vector{{-1.0, 0.0}}).norm() < 1e-6);
  REQUIRE(clipped.trace.f[1] < clipped.trace.f[0] + 1.0);
}

TEST_CASE("gradients a method asks for elsewhere are clipped too", "[driver][clipping]") {
  const auto cliff = objective("cliff");
  RunSettings settings;
  settings.max_iter = 20;
  settings.clip.value = 0.5;
  ProbeOptimizer probe;
  const auto r = run_optimizer(*cliff, probe, Vector{{0.0, 1.0}}, settings);
  const auto& probed = r.trace.extra.at("probe_grad_norm");
  REQUIRE(std::isnan(probed[0]));
  for (std::size_t row = 1; row < probed.size(); ++row) REQUIRE(probed[row] <= 0.5 * std::sqrt(2.0) * (1 + 1e-15));
  REQUIRE(r.trace.grad_norm[0] <= 0.5 * std::sqrt(2.0) * (1 + 1e-15));
  REQUIRE(r.trace.raw_grad_norm[0] > 200.0);
}

TEST_CASE("gradient stopping rules test the gradient before clipping", "[driver][clipping][stopping]") {
  const auto quadratic = objective("quadratic", {{"dim", std::int64_t{2}}});
  RunSettings settings;
  settings.clip.norm = 1e-9;  // every clipped gradient is shorter than the tolerance
  settings.stop.grad_norm = 1e-6;
  settings.max_iter = 5;
  const auto r = run(*quadratic, "gd", {{"lr", 0.1}}, Vector{{1.0, 1.0}}, settings);
  REQUIRE(r.stop_reason == StopReason::kMaxIter);
  REQUIRE(r.grad_norm_final > 1.0);
}

TEST_CASE("the lr column records the scheduled rate, and the step uses it", "[driver][schedule]") {
  const auto quadratic = objective("quadratic", {{"eigenvalues", std::vector<double>{1.0, 4.0}}});
  const Vector x0{{1.5, -0.75}};
  RunSettings settings;
  settings.max_iter = 12;
  settings.schedule.kind = ScheduleKind::kExponential;
  settings.schedule.period = 4;
  settings.schedule.factor = 0.5;
  const double e0 = 0.2;
  const auto r = run(*quadratic, "gd", {{"lr", e0}}, x0, settings);
  REQUIRE(std::isnan(r.trace.lr[0]));
  for (std::int64_t k = 1; k <= 12; ++k)
    REQUIRE(r.trace.lr[static_cast<std::size_t>(k)] == scheduled_lr(settings.schedule, e0, k - 1));
  // Two steps by hand: θ₁ = θ₀ − ε₀ g(θ₀), θ₂ = θ₁ − ε₀ 0.5^(1/4) g(θ₁).
  const auto grad = [](const Vector& x) { return Vector{{x[0], 4.0 * x[1]}}; };
  const Vector x1 = x0 - e0 * grad(x0);
  const Vector x2 = x1 - e0 * std::pow(0.5, 0.25) * grad(x1);
  for (Index i = 0; i < 2; ++i) {
    REQUIRE_THAT(row_x(r.trace, 1)[i], WithinRel(x1[i], test::kExactStep));
    REQUIRE_THAT(row_x(r.trace, 2)[i], WithinRel(x2[i], test::kExactStep));
  }
}

TEST_CASE("reduce-on-plateau anneals when the loss stops improving", "[driver][schedule]") {
  const auto quadratic = objective("quadratic", {{"dim", std::int64_t{2}}});
  RunSettings settings;
  settings.max_iter = 10;
  settings.schedule.kind = ScheduleKind::kReduceOnPlateau;
  settings.schedule.patience = 2;
  settings.schedule.factor = 0.5;
  settings.schedule.threshold = 0.5;  // tiny steps never improve by half: a plateau
  const double e0 = 1e-4;
  const auto r = run(*quadratic, "gd", {{"lr", e0}}, Vector{{1.0, 1.0}}, settings);
  // Observations of f at θ₁, θ₂, θ₃ fail to improve: step 3 (into θ₄) uses ε/2, step 6 ε/4, …
  const std::vector<double> expected{e0, e0, e0, e0 / 2, e0 / 2, e0 / 2, e0 / 4, e0 / 4, e0 / 4, e0 / 8};
  REQUIRE(std::vector<double>(r.trace.lr.begin() + 1, r.trace.lr.end()) == expected);

  SECTION("on minibatches it watches the scheduled full loss") {
    const auto logistic = objective("logistic_regression");
    RunSettings batched = settings;
    batched.batch.size = 4;
    batched.record.full_loss_every = 3;
    batched.schedule.patience = 0;
    const auto s = run(*logistic, "gd", {{"lr", e0}}, logistic->standard_starts().front(), batched, 5);
    // Full loss at θ₀ (best), θ₃, θ₆, θ₉: each fails to improve by half, so steps 3, 6, 9 halve.
    const std::vector<double> lrs{e0, e0, e0, e0 / 2, e0 / 2, e0 / 2, e0 / 4, e0 / 4, e0 / 4, e0 / 8};
    REQUIRE(std::vector<double>(s.trace.lr.begin() + 1, s.trace.lr.end()) == lrs);
  }
}

TEST_CASE("per-layer gradient norms and diagnostics become trace columns", "[driver][blocks]") {
  RunSettings settings;
  settings.max_iter = 3;
  SECTION("deep linear network: one column per layer, before clipping") {
    const auto network = objective("deep_linear", {{"depth", std::int64_t{4}}, {"width", std::int64_t{2}}, {"init_scale", 1.5}});
    settings.clip.norm = 1e-3;
    const auto r = run(*network, "gd", {{"lr", 1e-3}}, network->standard_starts().front(), settings);
    for (std::size_t row = 0; row < r.trace.size(); ++row) {
      double sum_of_squares = 0.0;
      for (const char* column : {"grad_norm_W1", "grad_norm_W2", "grad_norm_W3", "grad_norm_W4"})
        sum_of_squares += std::pow(r.trace.extra.at(column)[row], 2);
      REQUIRE_THAT(std::sqrt(sum_of_squares), WithinRel(r.trace.raw_grad_norm[row], 1e-14));
    }
  }
  SECTION("linear recurrence: ‖∂f/∂hₜ‖ for every t") {
    const auto rnn = objective("linear_recurrence", {{"steps", std::int64_t{4}}});
    const auto r = run(*rnn, "gd", {{"lr", 1e-2}}, rnn->standard_starts().front(), settings);
    Vector expected;
    rnn->diagnostics(r.x_final, expected);
    for (Index t = 0; t <= 4; ++t)
      REQUIRE(r.trace.extra.at(std::string("hidden_grad_norm_").append(std::to_string(t))).back() == expected[t]);
    REQUIRE(r.trace.extra.count("grad_norm_W") == 1);
    REQUIRE(r.trace.extra.count("grad_norm_U") == 1);
  }
  SECTION("record.diagnostics = false leaves them out") {
    const auto rnn = objective("linear_recurrence");
    settings.record.diagnostics = false;
    const auto r = run(*rnn, "gd", {{"lr", 1e-2}}, rnn->standard_starts().front(), settings);
    REQUIRE(r.trace.extra.empty());
  }
}

TEST_CASE("clip, schedule and batch are sub-tables of the run settings", "[driver][settings]") {
  RunSettings settings;
  settings.clip.norm = 5.0;
  settings.schedule.kind = ScheduleKind::kCosine;
  settings.batch.size = 32;
  const ParamMap params = params_of(settings);
  REQUIRE(std::get<double>(params.at("clip.norm")) == 5.0);
  REQUIRE(std::get<std::string>(params.at("schedule.kind")) == "cosine");
  REQUIRE(std::get<std::int64_t>(params.at("batch.size")) == 32);
  REQUIRE(std::get<bool>(params.at("batch.replacement")) == false);
  REQUIRE(std::get<std::int64_t>(params.at("record.full_loss_every")) == 0);
}
