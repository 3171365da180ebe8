#include "descent/objectives/classic/rosenbrock.hpp"

namespace descent {

double Rosenbrock::value(const Vector& x) const {
  return evaluate<double>(std::span<const double>(x.data(), 2));
}

// ∇f = (−2(a − x) − 4bx(y − x²), 2b(y − x²))
void Rosenbrock::gradient(const Vector& q, Vector& g) const {
  const double x = q[0], y = q[1];
  g.resize(2);
  g[0] = -2.0 * (p_.a - x) - 4.0 * p_.b * x * (y - x * x);
  g[1] = 2.0 * p_.b * (y - x * x);
}

// ∇²f = [[2 − 4b(y − x²) + 8bx², −4bx], [−4bx, 2b]]
void Rosenbrock::hessian(const Vector& q, Matrix& h) const {
  const double x = q[0], y = q[1];
  h.resize(2, 2);
  h(0, 0) = 2.0 - 4.0 * p_.b * (y - x * x) + 8.0 * p_.b * x * x;
  h(0, 1) = h(1, 0) = -4.0 * p_.b * x;
  h(1, 1) = 2.0 * p_.b;
}

std::vector<KnownMinimum> Rosenbrock::minima() const {
  return {{Vector{{p_.a, p_.a * p_.a}}, 0.0, true}};
}

std::vector<Vector> Rosenbrock::standard_starts() const { return {Vector{{-1.2, 1.0}}}; }

ObjectiveEntry rosenbrock_entry() {
  return objective_entry<Rosenbrock>({
      .name = "rosenbrock",
      .family = "classic 2-D",
      .summary = "Rosenbrock's banana valley in two dimensions",
      .formula = "f(x, y) = (a − x)² + b (y − x²)²\n"
                 "∇f = (−2(a − x) − 4bx(y − x²), 2b(y − x²))\n"
                 "minimum: f(a, a²) = 0; standard start (−1.2, 1)",
      .source = "H. H. Rosenbrock (1960); Moré, Garbow & Hillstrom (1981), problem 1",
  });
}

}  // namespace descent
