// A user optimizer: sign descent, θ ← θ − εₖ sign(g) (Bernstein et al. 2018, signSGD). It
// derives from OptimizerWith<Options>, which validates the options and hands the driver the
// base rate from `lr`, and steps with the scheduled rate εₖ = context.lr().
#pragma once

#include "descent/core/params.hpp"
#include "descent/optimizers/optimizer.hpp"

struct SignDescentOptions {
  double lr = 1e-2;  // ε₀ > 0
  template <class V> void visit(V& v) { v.real("lr", lr, descent::Range::positive(), "learning rate ε"); }
};

class SignDescent final : public descent::OptimizerWith<SignDescentOptions> {
 public:
  using OptimizerWith::OptimizerWith;
  static constexpr descent::MethodDoc kDoc{.name = "sign_descent", .summary = "θ ← θ − ε sign(g)",
                                           .formula = "θ ← θ − ε sign(g)",
                                           .source = "Bernstein et al. (2018)"};
  void reset(descent::Index) override {}
  descent::StepStatus step(descent::Vector& x, descent::StepContext& context) override {
    x -= context.lr() * context.g().cwiseSign();
    return descent::StepStatus::kOk;
  }
};
