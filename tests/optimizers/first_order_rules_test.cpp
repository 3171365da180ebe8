// Every first-order rule and switch, pinned by exact one- and two-step updates on a 2-D
// quadratic f = ½(x₁² + 4x₂²), against the lecture's formulas written out by hand.
#include <catch2/catch.hpp>

#include <cmath>

#include "descent/optimizers/registry.hpp"
#include "descent/objectives/quadratic/quadratic.hpp"
#include "support/config_errors.hpp"
#include "support/pinned_quadratic.hpp"
#include "support/scripted_context.hpp"
#include "support/tolerances.hpp"

using namespace descent;
using Catch::Matchers::WithinRel;
using namespace test::pinned;

namespace {

Vector run_steps(const std::string& name, const ParamMap& params, int steps) {
  return test::run_steps(name, params, problem(), kStart, steps);
}

}  // namespace

TEST_CASE("gd takes θ − εg", "[optimizers][exact]") {
  const double eps = 0.1;
  const Vector x1 = kStart - eps * grad(kStart);
  const Vector x2 = x1 - eps * grad(x1);
  require_equal(run_steps("gd", {{"lr", eps}}, 1), x1);
  require_equal(run_steps("gd", {{"lr", eps}}, 2), x2);
}

TEST_CASE("momentum accumulates v ← αv − εg, θ ← θ + v", "[optimizers][exact]") {
  const double eps = 0.1, alpha = 0.9;
  const Vector v1 = -eps * grad(kStart);
  const Vector x1 = kStart + v1;
  const Vector v2 = alpha * v1 - eps * grad(x1);
  const Vector x2 = x1 + v2;
  require_equal(run_steps("momentum", {{"lr", eps}, {"momentum", alpha}}, 1), x1);
  require_equal(run_steps("momentum", {{"lr", eps}, {"momentum", alpha}}, 2), x2);
}

TEST_CASE("nesterov follows the lecture's code and its look-ahead slide", "[optimizers][exact]") {
  const double eps = 0.1, alpha = 0.8;

  SECTION("reparam: θ += v + α(v − v_old)") {
    const Vector v1 = -eps * grad(kStart);
    const Vector x1 = kStart + v1 + alpha * v1;
    const Vector v2 = alpha * v1 - eps * grad(x1);
    const Vector x2 = x1 + v2 + alpha * (v2 - v1);
    const ParamMap p{{"lr", eps}, {"momentum", alpha}, {"form", std::string("reparam")}};
    require_equal(run_steps("nesterov", p, 1), x1);
    require_equal(run_steps("nesterov", p, 2), x2);
  }
  SECTION("lookahead: v ← αv − ε∇J(θ + αv), θ ← θ + v") {
    const Vector v1 = -eps * grad(kStart);
    const Vector x1 = kStart + v1;
    const Vector v2 = alpha * v1 - eps * grad(x1 + alpha * v1);
    const Vector x2 = x1 + v2;
    const ParamMap p{{"lr", eps}, {"momentum", alpha}, {"form", std::string("lookahead")}};
    require_equal(run_steps("nesterov", p, 1), x1);
    require_equal(run_steps("nesterov", p, 2), x2);
  }
  SECTION("the two forms agree under θ̃ = θ + αv") {
    // From v₀ = 0 both start at θ₀ = θ̃₀; after k steps θ̃ₖ = θₖ + α vₖ.
    const ParamMap reparam{{"lr", eps}, {"momentum", alpha}, {"form", std::string("reparam")}};
    const ParamMap lookahead{{"lr", eps}, {"momentum", alpha}, {"form", std::string("lookahead")}};
    const Vector theta3 = run_steps("nesterov", lookahead, 3);
    const Vector theta2 = run_steps("nesterov", lookahead, 2);
    const Vector v3 = theta3 - theta2;
    require_equal(run_steps("nesterov", reparam, 3), theta3 + alpha * v3);
  }
}

TEST_CASE("adagrad divides by the root of the summed squares", "[optimizers][exact]") {
  const double eps = 0.5, nu = 1e-7;
  const auto two_steps = [&](bool outside) {
    Vector a = Vector::Zero(2), x = kStart;
    std::vector<Vector> xs;
    for (int k = 0; k < 2; ++k) {
      const Vector g = grad(x);
      a += g.cwiseProduct(g);
      for (int i = 0; i < 2; ++i)
        x[i] -= eps * g[i] / (outside ? std::sqrt(a[i]) + nu : std::sqrt(a[i] + nu));
      xs.push_back(x);
    }
    return xs;
  };
  SECTION("outside (default): ε g / (√a + ν)") {
    const auto xs = two_steps(true);
    require_equal(run_steps("adagrad", {{"lr", eps}}, 1), xs[0]);
    require_equal(run_steps("adagrad", {{"lr", eps}}, 2), xs[1]);
  }
  SECTION("inside: ε g / √(a + ν)") {
    const auto xs = two_steps(false);
    const ParamMap p{{"lr", eps}, {"eps_placement", std::string("inside")}};
    require_equal(run_steps("adagrad", p, 1), xs[0]);
    require_equal(run_steps("adagrad", p, 2), xs[1]);
  }
}

TEST_CASE("rmsprop averages squared gradients with β", "[optimizers][exact]") {
  const double eps = 0.01, beta = 0.99, nu = 1e-7;
  const auto two_steps = [&](double alpha, bool outside) {
    Vector a = Vector::Zero(2), v = Vector::Zero(2), x = kStart;
    std::vector<Vector> xs;
    for (int k = 0; k < 2; ++k) {
      const Vector g = grad(x);
      a = beta * a + (1 - beta) * g.cwiseProduct(g);
      for (int i = 0; i < 2; ++i) {
        const double scale = outside ? std::sqrt(a[i]) + nu : std::sqrt(a[i] + nu);
        if (alpha > 0) {
          v[i] = alpha * v[i] - eps * g[i] / scale;
          x[i] += v[i];
        } else {
          x[i] -= eps * g[i] / scale;
        }
      }
      xs.push_back(x);
    }
    return xs;
  };
  SECTION("plain, inside (default)") {
    const auto xs = two_steps(0.0, false);
    require_equal(run_steps("rmsprop", {{"lr", eps}}, 1), xs[0]);
    require_equal(run_steps("rmsprop", {{"lr", eps}}, 2), xs[1]);
  }
  SECTION("plain, outside") {
    const auto xs = two_steps(0.0, true);
    const ParamMap p{{"lr", eps}, {"eps_placement", std::string("outside")}};
    require_equal(run_steps("rmsprop", p, 2), xs[1]);
  }
  SECTION("with momentum, as the lecture's RMSProp+momentum code (outside)") {
    const auto xs = two_steps(0.9, true);
    const ParamMap p{{"lr", eps}, {"momentum", 0.9}, {"eps_placement", std::string("outside")}};
    require_equal(run_steps("rmsprop", p, 1), xs[0]);
    require_equal(run_steps("rmsprop", p, 2), xs[1]);
  }
  SECTION("with momentum, as the slide (inside)") {
    const auto xs = two_steps(0.9, false);
    require_equal(run_steps("rmsprop", {{"lr", eps}, {"momentum", 0.9}}, 2), xs[1]);
  }
}

TEST_CASE("adam follows the lecture's code, with both switches", "[optimizers][exact]") {
  const double eps = 0.01, b1 = 0.9, b2 = 0.99, nu = 1e-7;
  const auto two_steps = [&](bool bias_correction, bool outside) {
    Vector v = Vector::Zero(2), a = Vector::Zero(2), x = kStart;
    std::vector<Vector> xs;
    for (int t = 1; t <= 2; ++t) {
      const Vector g = grad(x);
      v = b1 * v + (1 - b1) * g;
      a = b2 * a + (1 - b2) * g.cwiseProduct(g);
      const Vector vu = bias_correction ? Vector(v / (1 - std::pow(b1, t))) : v;
      const Vector au = bias_correction ? Vector(a / (1 - std::pow(b2, t))) : a;
      for (int i = 0; i < 2; ++i)
        x[i] -= eps * vu[i] / (outside ? std::sqrt(au[i]) + nu : std::sqrt(au[i] + nu));
      xs.push_back(x);
    }
    return xs;
  };
  const auto params = [&](bool bias_correction, const char* placement) {
    return ParamMap{{"lr", eps}, {"beta1", b1}, {"beta2", b2},
                    {"bias_correction", bias_correction}, {"eps_placement", std::string(placement)}};
  };
  SECTION("bias-corrected, outside (default: lecture code)") {
    const auto xs = two_steps(true, true);
    require_equal(run_steps("adam", params(true, "outside"), 1), xs[0]);
    require_equal(run_steps("adam", params(true, "outside"), 2), xs[1]);
  }
  SECTION("bias-corrected, inside (slide)") {
    const auto xs = two_steps(true, false);
    require_equal(run_steps("adam", params(true, "inside"), 1), xs[0]);
    require_equal(run_steps("adam", params(true, "inside"), 2), xs[1]);
  }
  SECTION("without bias correction") {
    const auto xs = two_steps(false, false);
    require_equal(run_steps("adam", params(false, "inside"), 1), xs[0]);
    require_equal(run_steps("adam", params(false, "inside"), 2), xs[1]);
  }
  SECTION("first step has length ≈ ε in every coordinate (bias correction)") {
    const Vector x1 = run_steps("adam", params(true, "outside"), 1);
    REQUIRE_THAT(std::fabs(x1[0] - kStart[0]), WithinRel(eps, 1e-6));
    REQUIRE_THAT(std::fabs(x1[1] - kStart[1]), WithinRel(eps, 1e-6));
  }
}

TEST_CASE("defaults follow the lecture's conventions", "[optimizers]") {
  const auto defaults = [](const char* name) { return find_optimizer(name)->normalize({}); };
  REQUIRE(std::get<double>(defaults("adam").at("beta1")) == 0.9);
  REQUIRE(std::get<double>(defaults("adam").at("beta2")) == 0.999);
  REQUIRE(std::get<double>(defaults("adam").at("eps")) == 1e-7);
  REQUIRE(std::get<std::string>(defaults("adam").at("eps_placement")) == "outside");
  REQUIRE(std::get<bool>(defaults("adam").at("bias_correction")));
  REQUIRE(std::get<double>(defaults("rmsprop").at("beta")) == 0.99);
  REQUIRE(std::get<std::string>(defaults("rmsprop").at("eps_placement")) == "inside");
  REQUIRE(std::get<std::string>(defaults("adagrad").at("eps_placement")) == "outside");
  REQUIRE(std::get<std::string>(defaults("nesterov").at("form")) == "reparam");
}

TEST_CASE("out-of-range hyperparameters are configuration errors naming the key",
          "[optimizers][errors]") {
  using test::optimizer_error_of;
  REQUIRE_THAT(optimizer_error_of("gd", {{"lr", -1.0}}), Catch::Contains("'lr'") && Catch::Contains("0 < lr"));
  REQUIRE_THAT(optimizer_error_of("adam", {{"beta1", 1.0}}), Catch::Contains("0 <= beta1 < 1"));
  REQUIRE_THAT(optimizer_error_of("rmsprop", {{"beta", -0.1}}), Catch::Contains("key 'beta'"));
  REQUIRE_THAT(optimizer_error_of("adam", {{"eps_placement", std::string("middle")}}),
               Catch::Contains("\"inside\", \"outside\""));
  REQUIRE_THAT(optimizer_error_of("adam", {{"lr", std::string("fast")}}), Catch::Contains("real number"));
  REQUIRE_THAT(optimizer_error_of("adam", {{"betta1", 0.9}}), Catch::Contains("unknown key 'betta1'"));
}
