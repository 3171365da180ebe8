// A user optimizer: sign descent, θ ← θ − εₖ sign(g) (Bernstein et al. 2018, signSGD). It
// steps with the driver's scheduled rate εₖ = context.lr(), so schedules apply to it.
#pragma once

#include "descent/core/params.hpp"
#include "descent/optimizers/optimizer.hpp"

struct SignDescentOptions {
  double lr = 1e-2;  // ε₀ > 0
  template <class V> void visit(V& v) { v.real("lr", lr, descent::Range::positive(), "learning rate ε"); }
};

class SignDescent final : public descent::Optimizer {
 public:
  using Options = SignDescentOptions;
  static descent::OptimizerDoc doc() {
    return {.name = "sign_descent", .summary = "θ ← θ − ε sign(g)", .formula = "θ ← θ − ε sign(g)",
            .source = "Bernstein et al. (2018)"};
  }
  explicit SignDescent(const Options& options) : options_(options) { descent::validate_fields(options_); }
  void reset(descent::Index) override {}
  descent::StepStatus step(descent::Vector& x, descent::StepContext& context) override {
    x -= context.lr() * context.g().cwiseSign();
    return descent::StepStatus::kOk;
  }
  double base_lr() const override { return options_.lr; }

 private:
  Options options_;
};
