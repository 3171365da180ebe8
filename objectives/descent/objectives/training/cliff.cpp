#include "descent/objectives/training/cliff.hpp"

#include <cmath>

namespace descent {

namespace {

double sigmoid(double u) {
  if (u >= 0.0) return 1.0 / (1.0 + std::exp(-u));
  const double e = std::exp(u);
  return e / (1.0 + e);
}

}  // namespace

Cliff::Cliff(const Params& params) : p_(params) { validate_fields(p_); }

double Cliff::value(const Vector& x) const {
  const double dx = x[0] - p_.valley;
  return 0.5 * dx * dx + 0.5 * p_.curvature * x[1] * x[1] +
         p_.height * sigmoid((x[0] - p_.wall) / p_.width);
}

void Cliff::gradient(const Vector& x, Vector& g) const {
  const double s = sigmoid((x[0] - p_.wall) / p_.width);
  g.resize(2);
  g[0] = (x[0] - p_.valley) + p_.height / p_.width * s * (1.0 - s);
  g[1] = p_.curvature * x[1];
}

void Cliff::hessian(const Vector& x, Matrix& h) const {
  const double s = sigmoid((x[0] - p_.wall) / p_.width);
  const double slope = s * (1.0 - s);
  h.resize(2, 2);
  h(0, 0) = 1.0 + p_.height / (p_.width * p_.width) * slope * (1.0 - 2.0 * s);
  h(0, 1) = h(1, 0) = 0.0;
  h(1, 1) = p_.curvature;
}

std::vector<KnownMinimum> Cliff::minima() const {
  const Vector x{{p_.valley, 0.0}};
  const double s = sigmoid((p_.valley - p_.wall) / p_.width);
  if (p_.valley >= p_.wall || p_.height / p_.width * s * (1.0 - s) > 1e-14) return {};
  return {{x, value(x), true}};
}

ObjectiveEntry cliff_entry() {
  return objective_entry<Cliff>({
      .name = "cliff",
      .family = "training pathology",
      .summary = "a bowl with a steep wall: the exploding-gradient cliff that clipping tames",
      .formula = "f(x, y) = ½(x − a)² + ½ b y² + H σ((x − c)/w),  σ(u) = 1/(1 + e⁻ᵘ)\n"
                 "∂f/∂x = (x − a) + (H/w) σ(1 − σ): up to H/(4w) on the wall, ~1 elsewhere\n"
                 "an unclipped step from the wall lands ~ε H/(4w) away; clip = { norm = c } bounds it by ε c\n"
                 "minimum (a, 0), f* = H σ((a − c)/w) ≈ 0; standard start (1, 1) on the plateau",
      .source = "Pascanu, Mikolov & Bengio (2013), On the difficulty of training recurrent neural "
                "networks, §3 and Fig. 6; Goodfellow et al. (2016), §8.2.4 and §10.11.1",
  });
}

}  // namespace descent
