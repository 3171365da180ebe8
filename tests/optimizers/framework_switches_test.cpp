// The frameworks' switches on the first-order rules (dampening, weight decay in both forms,
// amsgrad, centered, initial_accumulator, eps_root, Keras's ε), pinned by exact one- and
// two-step updates on f = ½(x₁² + 4x₂²) against each framework's documented algorithm
// written out by hand (support/framework_reference.hpp).
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "descent/objectives/quadratic/quadratic.hpp"
#include "descent/optimizers/registry.hpp"
#include "support/config_errors.hpp"
#include "support/framework_reference.hpp"
#include "support/pinned_quadratic.hpp"
#include "support/scripted_context.hpp"
#include "support/tolerances.hpp"

using namespace descent;
using Catch::Matchers::Contains;
using namespace test::pinned;

namespace {

// Steps 1 and 2 of `name` with `params` equal the reference's first two iterates.
void require_two_steps(const std::string& name, const ParamMap& params,
                       const test::Iterates& reference) {
  REQUIRE(reference.size() >= 2);
  require_equal(test::run_steps(name, params, problem(), kStart, 1), reference[0]);
  require_equal(test::run_steps(name, params, problem(), kStart, 2), reference[1]);
}

std::string text(const char* s) { return s; }

// `params` with weight decay λ in the form `mode`.
ParamMap with_decay(ParamMap params, double lambda, const char* mode) {
  params.emplace("weight_decay", lambda);
  params.emplace("weight_decay_mode", text(mode));
  return params;
}

}  // namespace

TEST_CASE("momentum's dampening is torch.optim.SGD's, with its undamped first step",
          "[optimizers][exact][frameworks]") {
  const ParamMap params{{"lr", 0.1}, {"momentum", 0.9}, {"dampening", 0.3}};
  const auto torch =
      test::torch_sgd({.lr = 0.1, .momentum = 0.9, .dampening = 0.3}, grad, kStart, 3);
  require_two_steps("momentum", params, torch);
  require_equal(test::run_steps("momentum", params, problem(), kStart, 3), torch[2]);
  SECTION("the first step is the gradient step, undamped") {
    require_equal(test::run_steps("momentum", params, problem(), kStart, 1),
                  kStart - 0.1 * grad(kStart));
  }
}

TEST_CASE(
    "nesterov's reparametrised form is torch's nesterov = True; dampening scales later gradients",
    "[optimizers][exact][frameworks]") {
  const double eps = 0.1, alpha = 0.8, tau = 0.5;
  SECTION("without dampening: torch.optim.SGD(nesterov=True)") {
    const auto torch =
        test::torch_sgd({.lr = eps, .momentum = alpha, .nesterov = true}, grad, kStart, 2);
    require_two_steps("nesterov", {{"lr", eps}, {"momentum", alpha}}, torch);
  }
  SECTION("reparam with dampening: v ← αv − ε(1 − τ)g from the second step on") {
    const Vector v1 = -eps * grad(kStart);
    const Vector x1 = kStart + v1 + alpha * v1;
    const Vector v2 = alpha * v1 - eps * (1.0 - tau) * grad(x1);
    const Vector x2 = x1 + v2 + alpha * (v2 - v1);
    require_two_steps("nesterov", {{"lr", eps}, {"momentum", alpha}, {"dampening", tau}}, {x1, x2});
  }
  SECTION("lookahead with dampening: v ← αv − ε(1 − τ)∇J(θ + αv)") {
    const Vector v1 = -eps * grad(kStart);
    const Vector x1 = kStart + v1;
    const Vector v2 = alpha * v1 - eps * (1.0 - tau) * grad(x1 + alpha * v1);
    const ParamMap p{
        {"lr", eps}, {"momentum", alpha}, {"dampening", tau}, {"form", text("lookahead")}};
    require_two_steps("nesterov", p, {x1, x1 + v2});
  }
}

TEST_CASE("weight_decay_mode = \"l2\" adds λθ to the gradient, as torch.optim does",
          "[optimizers][exact][frameworks]") {
  const double lambda = 0.2;
  const auto with = [&](const ParamMap& params) { return with_decay(params, lambda, "l2"); };
  SECTION("gd: torch.optim.SGD") {
    require_two_steps("gd", with({{"lr", 0.1}}),
                      test::torch_sgd({.lr = 0.1, .weight_decay = lambda}, grad, kStart, 2));
  }
  SECTION("momentum: torch.optim.SGD(momentum=0.9)") {
    require_two_steps(
        "momentum", with({{"lr", 0.1}, {"momentum", 0.9}}),
        test::torch_sgd({.lr = 0.1, .momentum = 0.9, .weight_decay = lambda}, grad, kStart, 2));
  }
  SECTION("nesterov: torch.optim.SGD(nesterov=True)") {
    require_two_steps(
        "nesterov", with({{"lr", 0.1}, {"momentum", 0.9}}),
        test::torch_sgd({.lr = 0.1, .momentum = 0.9, .weight_decay = lambda, .nesterov = true},
                        grad, kStart, 2));
  }
  SECTION("adagrad: torch.optim.Adagrad") {
    require_two_steps("adagrad", with({{"lr", 0.5}, {"eps", 1e-10}}),
                      test::torch_adagrad({.lr = 0.5, .weight_decay = lambda}, grad, kStart, 2));
  }
  SECTION("rmsprop: torch.optim.RMSprop") {
    require_two_steps("rmsprop",
                      with({{"lr", 0.01}, {"eps", 1e-8}, {"eps_placement", text("outside")}}),
                      test::torch_rmsprop({.weight_decay = lambda}, grad, kStart, 2));
  }
  SECTION("adam: torch.optim.Adam") {
    require_two_steps("adam", with({{"lr", 0.01}, {"eps", 1e-8}}),
                      test::torch_adam({.lr = 0.01, .weight_decay = lambda}, grad, kStart, 2));
  }
}

TEST_CASE("weight_decay_mode = \"decoupled\" shrinks θ by 1 − ελ before the step (AdamW, Keras)",
          "[optimizers][exact][frameworks]") {
  const double lambda = 0.2;
  const auto with = [&](const ParamMap& params) { return with_decay(params, lambda, "decoupled"); };
  SECTION("gd: θ ← (1 − ελ)θ − εg, the L2 step for gradient descent") {
    const Vector x1 = (1.0 - 0.1 * lambda) * kStart - 0.1 * grad(kStart);
    const Vector x2 = (1.0 - 0.1 * lambda) * x1 - 0.1 * grad(x1);
    require_two_steps("gd", with({{"lr", 0.1}}), {x1, x2});
  }
  SECTION("adam: torch.optim.AdamW") {
    require_two_steps(
        "adam", with({{"lr", 0.01}, {"eps", 1e-8}}),
        test::torch_adam({.lr = 0.01, .weight_decay = lambda, .decoupled = true}, grad, kStart, 2));
  }
  SECTION("adam, Keras's form and weight decay") {
    const ParamMap p = with({{"lr", 0.01}, {"eps_placement", text("outside_uncorrected")}});
    require_two_steps(
        "adam", p,
        test::keras_adam({.learning_rate = 0.01, .weight_decay = lambda}, grad, kStart, 2));
  }
  SECTION("the decoupled form differs from the L2 form for an adaptive rule") {
    const Vector x_decoupled = test::run_steps("adam", with({{"lr", 0.01}}), problem(), kStart, 2);
    const Vector x_l2 = test::run_steps(
        "adam", {{"lr", 0.01}, {"weight_decay", lambda}, {"weight_decay_mode", text("l2")}},
        problem(), kStart, 2);
    REQUIRE((x_decoupled - x_l2).norm() > 1e-6);
  }
}

TEST_CASE("amsgrad divides by the running maximum of the second moment, as torch.optim.Adam",
          "[optimizers][exact][frameworks]") {
  // β₂ = 0.5 and a shrinking gradient make a fall between steps, so the maximum matters.
  const ParamMap params{{"lr", 0.1}, {"beta2", 0.5}, {"eps", 1e-8}, {"amsgrad", true}};
  const auto torch = test::torch_adam({.lr = 0.1, .beta2 = 0.5, .amsgrad = true}, grad, kStart, 3);
  require_two_steps("adam", params, torch);
  const Vector x3 = test::run_steps("adam", params, problem(), kStart, 3);
  require_equal(x3, torch[2]);
  const auto without = test::torch_adam({.lr = 0.1, .beta2 = 0.5}, grad, kStart, 3);
  REQUIRE((without[2] - torch[2]).norm() > 1e-6);
  SECTION("with Keras's ε: Keras 3 Adam(amsgrad=True)") {
    const ParamMap keras{{"lr", 0.1},
                         {"beta2", 0.5},
                         {"amsgrad", true},
                         {"eps_placement", text("outside_uncorrected")}};
    require_two_steps(
        "adam", keras,
        test::keras_adam({.learning_rate = 0.1, .beta_2 = 0.5, .amsgrad = true}, grad, kStart, 2));
  }
}

TEST_CASE("centered rmsprop divides by the root of a − m², m the running mean of g",
          "[optimizers][exact][frameworks]") {
  SECTION("torch.optim.RMSprop(centered=True): ν outside") {
    const ParamMap p{
        {"lr", 0.01}, {"eps", 1e-8}, {"eps_placement", text("outside")}, {"centered", true}};
    require_two_steps("rmsprop", p, test::torch_rmsprop({.centered = true}, grad, kStart, 2));
  }
  SECTION("torch.optim.RMSprop(centered=True, momentum=0.9)") {
    const ParamMap p{{"lr", 0.01},
                     {"eps", 1e-8},
                     {"eps_placement", text("outside")},
                     {"centered", true},
                     {"momentum", 0.9}};
    require_two_steps("rmsprop", p,
                      test::torch_rmsprop({.momentum = 0.9, .centered = true}, grad, kStart, 2));
  }
  SECTION("Keras 3 RMSprop(centered=True): ν inside") {
    const ParamMap p{{"lr", 0.001}, {"beta", 0.9}, {"centered", true}};
    require_two_steps("rmsprop", p, test::keras_rmsprop({.centered = true}, grad, kStart, 2));
  }
}

TEST_CASE("initial_accumulator starts adagrad's sum and rmsprop's average",
          "[optimizers][exact][frameworks]") {
  SECTION("adagrad, ν inside: optax.adagrad") {
    const ParamMap p{{"lr", 0.5}, {"eps_placement", text("inside")}, {"initial_accumulator", 0.1}};
    require_two_steps("adagrad", p, test::optax_adagrad({.lr = 0.5}, grad, kStart, 2));
  }
  SECTION("adagrad, ν outside: torch.optim.Adagrad(initial_accumulator_value=0.5)") {
    const ParamMap p{{"lr", 0.5}, {"eps", 1e-10}, {"initial_accumulator", 0.5}};
    require_two_steps(
        "adagrad", p,
        test::torch_adagrad({.lr = 0.5, .initial_accumulator_value = 0.5}, grad, kStart, 2));
  }
  SECTION("rmsprop: a₀ = s (optax's initial_scale), a ← βa + (1 − β)g², θ ← θ − εg/√(a + ν)") {
    const double eps = 0.01, beta = 0.9, nu = 1e-7, s = 0.25;
    Vector a = Vector::Constant(2, s), x = kStart;
    test::Iterates xs;
    for (int k = 0; k < 2; ++k) {
      const Vector g = grad(x);
      a = beta * a + (1.0 - beta) * g.cwiseProduct(g);
      x -= eps * g.cwiseQuotient((a.array() + nu).sqrt().matrix());
      xs.push_back(x);
    }
    require_two_steps("rmsprop", {{"lr", eps}, {"beta", beta}, {"initial_accumulator", s}}, xs);
  }
}

TEST_CASE("eps_root goes under the root of the corrected second moment, as optax.adam",
          "[optimizers][exact][frameworks]") {
  const ParamMap p{{"lr", 0.01}, {"eps", 1e-8}, {"eps_root", 1e-2}};
  require_two_steps("adam", p, test::optax_adam({.lr = 0.01, .eps_root = 1e-2}, grad, kStart, 2));
}

TEST_CASE("eps_placement = \"outside_uncorrected\" is Keras's Adam: ν on the uncorrected √a",
          "[optimizers][exact][frameworks]") {
  const ParamMap p{{"lr", 0.01}, {"eps", 1e-3}, {"eps_placement", text("outside_uncorrected")}};
  const auto keras = test::keras_adam({.learning_rate = 0.01, .epsilon = 1e-3}, grad, kStart, 2);
  require_two_steps("adam", p, keras);
  // With ν this large the forms part: ν/√(1 − β₂ᵗ) in corrected units is not ν.
  const Vector outside =
      test::run_steps("adam", {{"lr", 0.01}, {"eps", 1e-3}}, problem(), kStart, 1);
  REQUIRE((outside - keras[0]).norm() > 1e-6);
}

TEST_CASE("the switches are off by default: the lecture's rules and parameter lists are unchanged",
          "[optimizers][frameworks]") {
  const auto name =
      GENERATE(as<std::string>{}, "gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam");
  const ParamMap defaults = find_optimizer(name)->normalize({});
  for (const char* key : {"dampening", "weight_decay", "weight_decay_mode", "amsgrad", "eps_root",
                          "centered", "initial_accumulator", "preset"}) {
    INFO(name << " " << key);
    CHECK(defaults.count(key) == 0);
  }
}

TEST_CASE("a switch out of its range is a configuration error naming the key and the rule",
          "[optimizers][frameworks][errors]") {
  using test::optimizer_error_of;
  CHECK_THAT(optimizer_error_of("momentum", {{"dampening", 1.0}}),
             Contains("dampening: ") && Contains("0 <= dampening < 1"));
  CHECK_THAT(optimizer_error_of("nesterov", {{"dampening", -0.5}}), Contains("0 <= dampening < 1"));
  CHECK_THAT(optimizer_error_of("adam", {{"weight_decay", -0.1}}),
             Contains("weight_decay: ") && Contains("0 <= weight_decay"));
  CHECK_THAT(optimizer_error_of("gd", {{"weight_decay_mode", text("coupled")}}),
             Contains("weight_decay_mode: ") && Contains("\"l2\", \"decoupled\""));
  CHECK_THAT(optimizer_error_of("adagrad", {{"initial_accumulator", -1.0}}),
             Contains("0 <= initial_accumulator"));
  CHECK_THAT(optimizer_error_of("adam", {{"eps_root", -1e-8}}), Contains("0 <= eps_root"));
  CHECK_THAT(optimizer_error_of("adam", {{"amsgrad", 1.0}}), Contains("amsgrad: ") && Contains("bool"));
  CHECK_THAT(optimizer_error_of("rmsprop", {{"centered", text("yes")}}), Contains("centered: "));
  CHECK_THAT(optimizer_error_of("adagrad", {{"eps_placement", text("outside_uncorrected")}}),
             Contains("eps_placement: ") && Contains("\"inside\", \"outside\""));
  CHECK_THAT(optimizer_error_of("rmsprop", {{"amsgrad", true}}), Contains("unknown key 'amsgrad'"));
}
