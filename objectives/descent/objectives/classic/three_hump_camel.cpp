#include "descent/objectives/classic/three_hump_camel.hpp"

#include <cmath>

namespace descent {

double ThreeHumpCamel::value(const Vector& x) const {
  return evaluate<double>(std::span<const double>(x.data(), 2));
}

void ThreeHumpCamel::gradient(const Vector& p, Vector& g) const {
  const double x = p[0], y = p[1], x2 = x * x;
  g.resize(2);
  g[0] = x * (4.0 - 4.2 * x2 + x2 * x2) + y;
  g[1] = x + 2.0 * y;
}

void ThreeHumpCamel::hessian(const Vector& p, Matrix& h) const {
  const double x2 = p[0] * p[0];
  h.resize(2, 2);
  h(0, 0) = 4.0 - 12.6 * x2 + 5.0 * x2 * x2;
  h(0, 1) = h(1, 0) = 1.0;
  h(1, 1) = 2.0;
}

// On y = −x/2 the stationarity condition is x (3.5 − 4.2x² + x⁴) = 0; the larger root of
// the quadratic in x² gives the two local minima, the smaller one the saddles.
std::vector<KnownMinimum> ThreeHumpCamel::minima() const {
  const double a = std::sqrt((4.2 + std::sqrt(3.64)) / 2.0);
  std::vector<KnownMinimum> result{{Vector::Zero(2), 0.0, true}};
  for (double sign : {1.0, -1.0}) {
    const Vector x{{sign * a, -sign * a / 2.0}};
    result.push_back({x, value(x), false});
  }
  return result;
}

std::vector<Vector> ThreeHumpCamel::standard_starts() const { return {Vector{{-4.0, 3.0}}}; }

Box ThreeHumpCamel::domain() const {
  return {Vector::Constant(2, -5.0), Vector::Constant(2, 5.0)};
}

ObjectiveEntry three_hump_camel_entry() {
  return objective_entry<ThreeHumpCamel>({
      .name = "three_hump_camel",
      .family = "classic 2-D",
      .summary = "Three-hump camel: a global minimum and two local ones",
      .formula = "f(x, y) = 2x² − 1.05x⁴ + x⁶/6 + xy + y²\n"
                 "∇²f = [[4 − 12.6x² + 5x⁴, 1], [1, 2]]\n"
                 "global minimum f(0, 0) = 0; local minima ±(1.747552, −0.873776), f = 0.298638\n"
                 "start (−4, 3); domain [−5, 5]²",
      .source = "F. H. Branin (1972); Jamil & Yang (2013), A literature survey of benchmark "
                "functions, no. 29",
  });
}

}  // namespace descent
