// Weight decay λ on the first-order rules, in the two forms the frameworks use:
//   weight_decay_mode = "l2"         g ← g + λ θ before the rule (torch.optim's `weight_decay`
//                                    on SGD, Adagrad, RMSprop and Adam: an L2 penalty ½λ‖θ‖²)
//   weight_decay_mode = "decoupled"  θ ← (1 − ε λ) θ before the rule, ε the scheduled rate
//                                    (Loshchilov & Hutter 2019, AdamW; torch.optim.AdamW
//                                    multiplies θ by 1 − lr·weight_decay, Keras 3 applies every
//                                    optimizer's `weight_decay` as θ − θ·λ·lr, optax.adamw adds
//                                    λθ to the update that the rate scales)
// For plain gradient descent the two coincide; for the adaptive rules they differ, since the
// L2 term passes through the rule's scaling and the decoupled one does not.
//
// Both keys are optional: unset, there is no decay (the lecture's rules) and the key is not
// part of the method's parameters, so the runs of earlier suites keep their ids.
#pragma once

#include <optional>
#include <string_view>
#include <utility>

#include "descent/core/params.hpp"
#include "descent/core/types.hpp"

namespace descent {

enum class WeightDecayMode { kL2, kDecoupled };

// The formula text of the keys below, which every first-order method takes alike: an entry
// appends it to the formula of a method with `weight_decay` (optimizer_entry.hpp).
inline constexpr std::string_view kWeightDecayFormula = R"(
weight_decay = λ:  g ← g + λ θ at the point of the gradient ("l2", torch.optim), or
                   θ ← (1 − ε λ) θ before the step ("decoupled", AdamW, Keras))";

inline constexpr std::pair<std::string_view, WeightDecayMode> kWeightDecayModes[] = {
    {"l2", WeightDecayMode::kL2}, {"decoupled", WeightDecayMode::kDecoupled}};

struct WeightDecay {
  std::optional<double> rate{};           // λ ≥ 0; unset: no decay
  std::optional<WeightDecayMode> mode{};  // unset: l2

  template <class V>
  void visit(V& v) {
    v.optional_real("weight_decay", rate, Range::non_negative(),
                    "weight decay λ (unset: none); its form is weight_decay_mode");
    v.optional_choice(
        "weight_decay_mode", mode, kWeightDecayModes,
        "l2: g ← g + λθ (torch); decoupled: θ ← (1 − ελ)θ (AdamW, Keras) (unset: l2)");
  }

  double lambda() const { return rate.value_or(0.0); }
  bool l2() const {
    return lambda() > 0.0 && mode.value_or(WeightDecayMode::kL2) == WeightDecayMode::kL2;
  }
  bool decoupled() const { return lambda() > 0.0 && mode == WeightDecayMode::kDecoupled; }

  // The decoupled form: θ ← (1 − ε λ) θ, with the scheduled rate ε. Nothing for the L2 form.
  void shrink(Vector& x, double lr) const {
    if (decoupled()) x *= 1.0 - lr * lambda();
  }
  // The gradient the rule uses at θ: g + λθ in the L2 form (written into `buffer`), else g.
  const Vector& gradient(const Vector& x, const Vector& g, Vector& buffer) const {
    if (!l2()) return g;
    buffer = g + lambda() * x;
    return buffer;
  }
  // Both, as a step at θ with gradient g and rate ε begins: shrinks θ, then returns the
  // gradient the rule uses.
  const Vector& apply(Vector& x, double lr, const Vector& g, Vector& buffer) const {
    shrink(x, lr);
    return gradient(x, g, buffer);
  }
};

}  // namespace descent
