// ScriptedContext: a StepContext for unit tests of a single step rule: a fixed learning rate
// and a gradient computed from an objective, with no driver around it.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "descent/core/evaluator.hpp"
#include "descent/optimizers/optimizer.hpp"
#include "descent/optimizers/registry.hpp"

namespace descent::test {

class ScriptedContext final : public StepContext {
 public:
  ScriptedContext(const Objective& objective, double lr) : evaluator_(objective), lr_(lr) {}

  // Evaluates f and g at x: call before each step.
  void at(const Vector& x) { f_ = evaluator_.value_gradient(x, g_); }

  Index iteration() const override { return 0; }
  double lr() const override { return lr_; }
  double f() const override { return f_; }
  const Vector& g() const override { return g_; }
  void gradient_at(const Vector& p, Vector& g) override { evaluator_.gradient(p, g); }
  Evaluator& evaluator() override { return evaluator_; }
  void set_values_at_new_iterate(double, const Vector&) override {}
  void record(std::string_view column, double value) override {
    recorded.emplace_back(std::string(column), value);
  }

  std::vector<std::pair<std::string, double>> recorded;

 private:
  Evaluator evaluator_;
  double lr_;
  double f_ = 0.0;
  Vector g_;
};

// θ after `steps` steps of the registered method `name` with `params` from x, at the constant
// rate of its normalised `lr`.
inline Vector run_steps(const std::string& name, const ParamMap& params, const Objective& objective,
                        Vector x, int steps) {
  const auto* entry = find_optimizer(name);
  REQUIRE(entry != nullptr);
  auto optimizer = entry->make(params);
  optimizer->reset(x.size());
  ScriptedContext context(objective, std::get<double>(entry->normalize(params).at("lr")));
  for (int k = 0; k < steps; ++k) {
    context.at(x);
    REQUIRE(optimizer->step(x, context) == StepStatus::kOk);
  }
  return x;
}

}  // namespace descent::test
