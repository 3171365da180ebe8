#include "descent/optimizers/first_order_entries.hpp"

#include "descent/optimizers/adagrad.hpp"
#include "descent/optimizers/adam.hpp"
#include "descent/optimizers/gradient_descent.hpp"
#include "descent/optimizers/momentum.hpp"
#include "descent/optimizers/nesterov.hpp"
#include "descent/optimizers/rmsprop.hpp"

namespace descent {

void add_first_order_entries(std::vector<OptimizerEntry>& entries) {
  entries.push_back(optimizer_entry<GradientDescent>({
      .name = "gd",
      .summary = "gradient descent (SGD with minibatches)",
      .formula = "θ ← θ − ε g",
      .source = "Goodfellow, Bengio & Courville, Deep Learning (2016), §8.3.1",
  }));
  entries.push_back(optimizer_entry<Momentum>({
      .name = "momentum",
      .summary = "heavy-ball momentum",
      .formula = "v ← α v − ε g\nθ ← θ + v\n(v₀ = 0)",
      .source = "Polyak (1964); Goodfellow et al. (2016), Algorithm 8.2",
  }));
  entries.push_back(optimizer_entry<Nesterov>({
      .name = "nesterov",
      .summary = "Nesterov momentum, reparametrised (lecture code) or look-ahead (slide)",
      .formula = "reparam:   v_old ← v;  v ← α v − ε ∇J(θ̃);  θ̃ ← θ̃ + v + α (v − v_old)\n"
                 "lookahead: v ← α v − ε ∇J(θ + α v);  θ ← θ + v\n"
                 "(the two are equivalent under θ̃ = θ + α v; lookahead costs one more gradient)",
      .source = "Nesterov (1983); Sutskever, Martens, Dahl & Hinton (2013); Goodfellow et al. "
                "(2016), Algorithm 8.3",
  }));
  entries.push_back(optimizer_entry<Adagrad>({
      .name = "adagrad",
      .summary = "adaptive gradient: per-coordinate rates from the sum of squared gradients",
      .formula = "a ← a + g ⊙ g\n"
                 "θ ← θ − ε g / (√a + ν)      eps_placement = \"outside\" (lecture code)\n"
                 "θ ← θ − ε g / √(a + ν)      eps_placement = \"inside\"",
      .source = "Duchi, Hazan & Singer (2011); Goodfellow et al. (2016), Algorithm 8.4",
  }));
  entries.push_back(optimizer_entry<Rmsprop>({
      .name = "rmsprop",
      .summary = "RMSProp: an exponentially weighted average of squared gradients; optional momentum",
      .formula = "a ← β a + (1 − β) g ⊙ g\n"
                 "momentum = 0:  θ ← θ − ε g / √(a + ν)\n"
                 "momentum = α:  v ← α v − ε g / √(a + ν);  θ ← θ + v\n"
                 "(eps_placement = \"outside\" uses √a + ν, as the lecture's RMSProp+momentum code)",
      .source = "Tieleman & Hinton (2012), Coursera lecture 6.5; Goodfellow et al. (2016), "
                "Algorithms 8.5, 8.6",
  }));
  entries.push_back(optimizer_entry<Adam>({
      .name = "adam",
      .summary = "adaptive moments with bias correction",
      .formula = "t ← t + 1\n"
                 "v ← β₁ v + (1 − β₁) g;   a ← β₂ a + (1 − β₂) g ⊙ g\n"
                 "ṽ = v / (1 − β₁ᵗ);   ã = a / (1 − β₂ᵗ)   (bias_correction = false: ṽ = v, ã = a)\n"
                 "θ ← θ − ε ṽ / (√ã + ν)      eps_placement = \"outside\" (lecture code)\n"
                 "θ ← θ − ε ṽ / √(ã + ν)      eps_placement = \"inside\" (lecture slide)",
      .source = "Kingma & Ba (2015); Goodfellow et al. (2016), Algorithm 8.7",
  }));
}

}  // namespace descent
