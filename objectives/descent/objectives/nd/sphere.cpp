#include "descent/objectives/nd/sphere.hpp"

namespace descent {

double Sphere::value(const Vector& x) const { return x.squaredNorm(); }

void Sphere::gradient(const Vector& x, Vector& g) const { g = 2.0 * x; }

void Sphere::hessian(const Vector&, Matrix& h) const {
  check_dense_hessian(*this);
  h = 2.0 * Matrix::Identity(dim_, dim_);
}

void Sphere::hessian_vector(const Vector&, const Vector& v, Vector& hv) const { hv = 2.0 * v; }

std::vector<KnownMinimum> Sphere::minima() const { return {{Vector::Zero(dim_), 0.0, true}}; }

std::vector<Vector> Sphere::standard_starts() const { return {Vector::Ones(dim_)}; }

ObjectiveConstants Sphere::constants() const { return strongly_convex_constants(dim_, 2.0, 2.0); }

Box Sphere::domain() const {
  return {Vector::Constant(dim_, -5.12), Vector::Constant(dim_, 5.12)};
}

ObjectiveEntry sphere_entry() {
  return objective_entry<Sphere>({
      .name = "sphere",
      .family = "n-D",
      .summary = "Sphere Σ xᵢ²: the perfectly conditioned quadratic",
      .formula = "f(x) = Σ xᵢ²,  ∇f = 2x,  ∇²f = 2I\n"
                 "minimum f(0) = 0; start (1, …, 1); domain [−5.12, 5.12]ⁿ",
      .source = "K. A. De Jong (1975), function F1; Jamil & Yang (2013), no. 137",
      .check_params = {{{"dim", std::int64_t{1}}}, {{"dim", std::int64_t{3}}}},
  });
}

}  // namespace descent
