#include "descent/objectives/classic/six_hump_camel.hpp"

namespace descent {

double SixHumpCamel::value(const Vector& x) const {
  return evaluate<double>(std::span<const double>(x.data(), 2));
}

void SixHumpCamel::gradient(const Vector& p, Vector& g) const {
  const double x = p[0], y = p[1], x2 = x * x;
  g.resize(2);
  g[0] = x * (8.0 - 8.4 * x2 + 2.0 * x2 * x2) + y;
  g[1] = x - 8.0 * y + 16.0 * y * y * y;
}

void SixHumpCamel::hessian(const Vector& p, Matrix& h) const {
  const double x2 = p[0] * p[0];
  h.resize(2, 2);
  h(0, 0) = 8.0 - 25.2 * x2 + 10.0 * x2 * x2;
  h(0, 1) = h(1, 0) = 1.0;
  h(1, 1) = 48.0 * p[1] * p[1] - 8.0;
}

// Roots of ∇f = 0 computed to 40 digits (mpmath), rounded; f is symmetric under (x, y) → −(x, y).
std::vector<KnownMinimum> SixHumpCamel::minima() const {
  std::vector<KnownMinimum> result;
  const struct {
    double x, y, f;
    bool global;
  } half[] = {{0.08984201310031806, -0.7126564030207396, -1.0316284534898774, true},
              {1.703606714969981, -0.7960835686726251, -0.21546382438371764, false},
              {1.6071047529201972, 0.5686514548841314, 2.1042503103112584, false}};
  for (const auto& m : half) {
    result.push_back({Vector{{m.x, m.y}}, m.f, m.global});
    result.push_back({Vector{{-m.x, -m.y}}, m.f, m.global});
  }
  return result;
}

std::vector<Vector> SixHumpCamel::standard_starts() const { return {Vector{{-2.5, 1.5}}}; }

Box SixHumpCamel::domain() const { return {Vector{{-3.0, -2.0}}, Vector{{3.0, 2.0}}}; }

ObjectiveEntry six_hump_camel_entry() {
  return objective_entry<SixHumpCamel>({
      .name = "six_hump_camel",
      .family = "classic 2-D",
      .summary = "Six-hump camel: two global and four local minima",
      .formula = "f(x, y) = (4 − 2.1x² + x⁴/3) x² + xy + (4y² − 4) y²\n"
                 "∇²f = [[8 − 25.2x² + 10x⁴, 1], [1, 48y² − 8]]\n"
                 "global minima ±(0.0898420, −0.7126564), f = −1.0316285\n"
                 "local minima ±(1.7036067, −0.7960836), f = −0.2154638; ±(1.6071048, 0.5686515), "
                 "f = 2.1042503\nstart (−2.5, 1.5); domain [−3, 3] × [−2, 2]",
      .source = "L. C. W. Dixon & G. P. Szegő (1978); Jamil & Yang (2013), no. 30",
  });
}

}  // namespace descent
