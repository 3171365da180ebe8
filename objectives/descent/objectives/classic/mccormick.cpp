#include "descent/objectives/classic/mccormick.hpp"

#include <cmath>
#include <numbers>

namespace descent {

double McCormick::value(const Vector& x) const {
  return evaluate<double>(std::span<const double>(x.data(), 2));
}

void McCormick::gradient(const Vector& p, Vector& g) const {
  const double c = std::cos(p[0] + p[1]), d = p[0] - p[1];
  g.resize(2);
  g[0] = c + 2.0 * d - 1.5;
  g[1] = c - 2.0 * d + 2.5;
}

void McCormick::hessian(const Vector& p, Matrix& h) const {
  const double s = std::sin(p[0] + p[1]);
  h.resize(2, 2);
  h(0, 0) = h(1, 1) = 2.0 - s;
  h(0, 1) = h(1, 0) = -2.0 - s;
}

std::vector<KnownMinimum> McCormick::minima() const {
  const double third_pi = std::numbers::pi / 3.0;
  return {{Vector{{0.5 - third_pi, -0.5 - third_pi}}, -std::numbers::sqrt3 / 2.0 - third_pi, true}};
}

std::vector<Vector> McCormick::standard_starts() const { return {Vector{{3.0, 3.0}}}; }

Box McCormick::domain() const { return {Vector{{-1.5, -3.0}}, Vector{{4.0, 4.0}}}; }

ObjectiveEntry mccormick_entry() {
  return objective_entry<McCormick>({
      .name = "mccormick",
      .family = "classic 2-D",
      .summary = "McCormick's function: a tilted sinusoidal valley (bounded below on its domain only)",
      .formula = "f(x, y) = sin(x + y) + (x − y)² − 1.5x + 2.5y + 1\n"
                 "∇²f = −sin(x + y) [[1, 1], [1, 1]] + [[2, −2], [−2, 2]]\n"
                 "minimum on [−1.5, 4] × [−3, 4]: f(½ − π/3, −½ − π/3) = −√3/2 − π/3 ≈ −1.913223\n"
                 "unbounded below on R²; start (3, 3)",
      .source = "G. P. McCormick (1976); Jamil & Yang (2013), A literature survey of benchmark "
                "functions, no. 80",
  });
}

}  // namespace descent
