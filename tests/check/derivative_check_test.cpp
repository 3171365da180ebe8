// The finite-difference derivative check: it passes every registered objective, fails
// derivatives that are wrong in one entry, and shows the V-shaped error curve (truncation
// error falling with h, rounding error growing as h shrinks).
#include <catch2/catch.hpp>

#include "descent/check/derivative_check.hpp"
#include "descent/objectives/registry.hpp"
#include "descent/objectives/classic/rosenbrock.hpp"

using namespace descent;

namespace {

// Rosenbrock with one analytic derivative entry wrong, as a user's typo would make it.
class MistypedRosenbrock final : public Objective {
 public:
  enum class Typo { kGradient, kHessian };
  explicit MistypedRosenbrock(Typo typo) : typo_(typo) {}
  Index dim() const override { return 2; }
  double value(const Vector& x) const override { return exact_.value(x); }
  void gradient(const Vector& x, Vector& g) const override {
    exact_.gradient(x, g);
    if (typo_ == Typo::kGradient) g[1] = 200.0 * (x[1] + x[0] * x[0]);  // sign of x² flipped
  }
  void hessian(const Vector& x, Matrix& h) const override {
    exact_.hessian(x, h);
    if (typo_ == Typo::kHessian) h(0, 1) = h(1, 0) = 400.0 * x[0];  // sign flipped
  }

 private:
  Rosenbrock exact_;
  Typo typo_;
};

}  // namespace

TEST_CASE("every registered objective passes the derivative check", "[check]") {
  for (const auto& entry : objective_registry()) {
    const auto objective = entry.make({});
    INFO(entry.name);
    const auto report = check_derivatives(*objective, {.points = 2, .seed = Catch::rngSeed()});
    INFO("gradient error " << report.best_gradient_error << " at h = " << report.best_gradient_step
                           << ", Hessian error " << report.best_hessian_error << " at h = "
                           << report.best_hessian_step);
    CHECK(report.passed);
  }
}

TEST_CASE("a wrong gradient or Hessian entry fails the derivative check", "[check]") {
  const auto typo = GENERATE(MistypedRosenbrock::Typo::kGradient, MistypedRosenbrock::Typo::kHessian);
  const MistypedRosenbrock objective(typo);
  const auto report = check_derivatives(objective, {.seed = Catch::rngSeed()});
  CHECK_FALSE(report.passed);
  if (typo == MistypedRosenbrock::Typo::kGradient) {
    CHECK(report.best_gradient_error > 1e-2);
  } else {
    CHECK(report.best_gradient_error < 1e-8);
    CHECK(report.best_hessian_error > 1e-2);
  }
}

TEST_CASE("the error against the step size is V-shaped", "[check]") {
  const Rosenbrock objective;
  const auto report = check_derivatives(objective, {.points = 2, .seed = Catch::rngSeed()});
  REQUIRE(report.errors.size() == 12);
  CHECK(report.errors.front().step == 1e-1);
  CHECK_THAT(report.errors.back().step, Catch::Matchers::WithinRel(1e-12, 1e-9));
  const auto& largest = report.errors.front();
  const auto& smallest = report.errors.back();
  // The bottom of the V is orders of magnitude below both ends.
  CHECK(report.best_gradient_error < 1e-3 * largest.gradient_central);
  CHECK(report.best_gradient_error < 1e-3 * smallest.gradient_central);
  CHECK(report.best_hessian_error < 1e-3 * smallest.hessian_central);
  CHECK(report.best_gradient_step > 1e-12);
  CHECK(report.best_gradient_step < 1e-1);
  // Central differences beat forward differences at their best steps (h² against h).
  double best_forward = 1.0;
  for (const auto& e : report.errors) best_forward = std::min(best_forward, e.gradient_forward);
  CHECK(report.best_gradient_error < best_forward);
}

TEST_CASE("large objectives are checked along directions without a dense Hessian", "[check]") {
  const auto objective = find_objective("extended_rosenbrock")->make({{"dim", std::int64_t{20'000}}});
  const auto report = check_derivatives(*objective, {.points = 2, .seed = Catch::rngSeed()});
  CHECK(report.directional);
  CHECK(report.passed);
}

TEST_CASE("derivative check options are validated", "[check]") {
  const Rosenbrock objective;
  CHECK_THROWS_AS(check_derivatives(objective, {.points = 0}), ConfigError);
  CHECK_THROWS_AS(check_derivatives(objective, {.largest_step = 1e-6, .smallest_step = 1e-3}), ConfigError);
}
