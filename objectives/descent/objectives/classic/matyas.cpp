#include "descent/objectives/classic/matyas.hpp"

namespace descent {

double Matyas::value(const Vector& x) const {
  return evaluate<double>(std::span<const double>(x.data(), 2));
}

void Matyas::gradient(const Vector& p, Vector& g) const {
  g.resize(2);
  g[0] = 0.52 * p[0] - 0.48 * p[1];
  g[1] = 0.52 * p[1] - 0.48 * p[0];
}

void Matyas::hessian(const Vector&, Matrix& h) const { h = Matrix{{0.52, -0.48}, {-0.48, 0.52}}; }

std::vector<KnownMinimum> Matyas::minima() const { return {{Vector::Zero(2), 0.0, true}}; }

std::vector<Vector> Matyas::standard_starts() const { return {Vector{{10.0, 8.0}}}; }

// ∇²f = [[0.52, −0.48], [−0.48, 0.52]]: eigenvalues 0.52 ± 0.48.
ObjectiveConstants Matyas::constants() const {
  return strongly_convex_constants(2, 0.52 + 0.48, 0.52 - 0.48);
}

Box Matyas::domain() const { return {Vector::Constant(2, -10.0), Vector::Constant(2, 10.0)}; }

ObjectiveEntry matyas_entry() {
  return objective_entry<Matyas>({
      .name = "matyas",
      .family = "classic 2-D",
      .summary = "Matyas' function: a flat convex quadratic valley along x = y (κ = 25)",
      .formula = "f(x, y) = 0.26 (x² + y²) − 0.48 xy\n"
                 "∇f = (0.52x − 0.48y, 0.52y − 0.48x),  ∇²f = [[0.52, −0.48], [−0.48, 0.52]]\n"
                 "minimum: f(0, 0) = 0; start (10, 8); domain [−10, 10]²",
      .source = "A. Matyas (1965); Jamil & Yang (2013), A literature survey of benchmark "
                "functions, no. 71",
  });
}

}  // namespace descent
