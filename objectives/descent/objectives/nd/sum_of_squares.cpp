#include "descent/objectives/nd/sum_of_squares.hpp"

namespace descent {

namespace {

// (1, 2, …, n): the diagonal of ½∇²f.
Vector weights(Index n) { return Vector::LinSpaced(n, 1.0, static_cast<double>(n)); }

}  // namespace

double SumOfSquares::value(const Vector& x) const {
  double sum = 0.0;
  for (Index i = 0; i < dim_; ++i) sum += static_cast<double>(i + 1) * x[i] * x[i];
  return sum;
}

void SumOfSquares::gradient(const Vector& x, Vector& g) const {
  g.resize(dim_);
  for (Index i = 0; i < dim_; ++i) g[i] = 2.0 * static_cast<double>(i + 1) * x[i];
}

void SumOfSquares::hessian(const Vector&, Matrix& h) const {
  check_dense_hessian(*this);
  h = (2.0 * weights(dim_)).asDiagonal();
}

void SumOfSquares::hessian_vector(const Vector&, const Vector& v, Vector& hv) const {
  hv.resize(dim_);
  for (Index i = 0; i < dim_; ++i) hv[i] = 2.0 * static_cast<double>(i + 1) * v[i];
}

std::vector<KnownMinimum> SumOfSquares::minima() const {
  return {{Vector::Zero(dim_), 0.0, true}};
}

std::vector<Vector> SumOfSquares::standard_starts() const { return {Vector::Ones(dim_)}; }

ObjectiveConstants SumOfSquares::constants() const {
  return strongly_convex_constants(dim_, 2.0 * static_cast<double>(dim_), 2.0);
}

Box SumOfSquares::domain() const {
  return {Vector::Constant(dim_, -10.0), Vector::Constant(dim_, 10.0)};
}

ObjectiveEntry sum_of_squares_entry() {
  return objective_entry<SumOfSquares>({
      .name = "sum_of_squares",
      .family = "n-D",
      .summary = "Σ i xᵢ²: an axis-aligned ellipsoid with condition number n",
      .formula = "f(x) = Σᵢ i xᵢ² (i = 1 … n),  ∇f = (2i xᵢ),  ∇²f = diag(2i)\n"
                 "minimum f(0) = 0; start (1, …, 1); domain [−10, 10]ⁿ",
      .source = "Jamil & Yang (2013), A literature survey of benchmark functions, no. 138",
      .check_params = {{{"dim", std::int64_t{1}}}, {{"dim", std::int64_t{4}}}},
  });
}

}  // namespace descent
