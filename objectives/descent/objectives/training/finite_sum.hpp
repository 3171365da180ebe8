// FiniteSumObjective: f(θ) = (1/m) Σᵢ fᵢ(θ), the training loss over m examples (Goodfellow
// et al. 2016, §5.9). A derived class writes the minibatch mean once,
//   batch_loss(θ, B, g)            (1/|B|) Σ_{i∈B} fᵢ(θ), and its gradient into *g if asked
//   batch_hessian_vector(θ, B, v)  (1/|B|) Σ_{i∈B} ∇²fᵢ(θ) v   (exact: Pearlmutter's R-operator)
// and inherits the Objective interface from it: f, ∇f and Hv are the batch over all terms in
// index order (so a minibatch of all m terms gives the same bits), and the dense Hessian is
// assembled column by column from Hv (n products; refused above max_dense_dim(), see check_dense_hessian).
#pragma once

#include <span>
#include <utility>
#include <vector>

#include "descent/core/objective.hpp"

namespace descent {

class FiniteSumObjective : public Objective {
 public:
  virtual double batch_loss(const Vector& x, std::span<const Index> terms, Vector* g) const = 0;
  virtual void batch_hessian_vector(const Vector& x, std::span<const Index> terms,
                                    const Vector& v, Vector& hv) const = 0;

  Index num_terms() const final { return static_cast<Index>(all_terms_.size()); }
  double value(const Vector& x) const final { return batch_loss(x, all_terms_, nullptr); }
  void gradient(const Vector& x, Vector& g) const final { batch_loss(x, all_terms_, &g); }
  double value_gradient(const Vector& x, Vector& g) const final {
    return batch_loss(x, all_terms_, &g);
  }
  double batch_value_gradient(const Vector& x, std::span<const Index> terms,
                              Vector& g) const final {
    return batch_loss(x, terms, &g);
  }
  void hessian(const Vector& x, Matrix& h) const final;
  void hessian_vector(const Vector& x, const Vector& v, Vector& hv) const final {
    batch_hessian_vector(x, all_terms_, v, hv);
  }

  std::span<const Index> all_terms() const { return all_terms_; }

  // One start, fixed at construction: zeros for the convex models, the drawn initial weights
  // for the networks.
  std::vector<Vector> standard_starts() const final { return {standard_start_}; }

 protected:
  // Call once the number of terms is known (the data are loaded).
  void set_num_terms(Index m);
  void set_standard_start(Vector start) { standard_start_ = std::move(start); }

 private:
  std::vector<Index> all_terms_;
  Vector standard_start_;
};

}  // namespace descent
