#include "descent/objectives/nd/rastrigin.hpp"

namespace descent {

namespace {

constexpr double kTwoPi = 2.0 * std::numbers::pi;

}  // namespace

double Rastrigin::value(const Vector& x) const {
  return evaluate<double>(std::span<const double>(x.data(), dim_));
}

void Rastrigin::gradient(const Vector& x, Vector& g) const {
  g = (2.0 * x.array() + 10.0 * kTwoPi * (kTwoPi * x.array()).sin()).matrix();
}

void Rastrigin::hessian(const Vector& x, Matrix& h) const {
  check_dense_hessian(*this);
  h = (2.0 + 10.0 * kTwoPi * kTwoPi * (kTwoPi * x.array()).cos()).matrix().asDiagonal();
}

void Rastrigin::hessian_vector(const Vector& x, const Vector& v, Vector& hv) const {
  hv = ((2.0 + 10.0 * kTwoPi * kTwoPi * (kTwoPi * x.array()).cos()) * v.array()).matrix();
}

std::vector<KnownMinimum> Rastrigin::minima() const { return {{Vector::Zero(dim_), 0.0, true}}; }

std::vector<Vector> Rastrigin::standard_starts() const { return {Vector::Constant(dim_, 2.5)}; }

Box Rastrigin::domain() const {
  return {Vector::Constant(dim_, -5.12), Vector::Constant(dim_, 5.12)};
}

ObjectiveEntry rastrigin_entry() {
  return objective_entry<Rastrigin>({
      .name = "rastrigin",
      .family = "n-D",
      .summary = "Rastrigin: a parabola covered in cosine ripples, ~10ⁿ local minima",
      .formula = "f(x) = 10n + Σ (xᵢ² − 10 cos 2πxᵢ)\n"
                 "∇f = 2x + 20π sin 2πx,  ∇²f = diag(2 + 40π² cos 2πxᵢ)\n"
                 "global minimum f(0) = 0; start (2.5, …, 2.5); domain [−5.12, 5.12]ⁿ",
      .source = "L. A. Rastrigin (1974); H. Mühlenbein, D. Schomisch & J. Born (1991)",
      .check_params = {{{"dim", std::int64_t{1}}}, {{"dim", std::int64_t{4}}}},
  });
}

}  // namespace descent
