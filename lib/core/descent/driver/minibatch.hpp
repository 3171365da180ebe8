// Minibatch sampling (the lecture's "Stochastic gradient descent"; Goodfellow et al. 2016,
// §8.1.3 and Algorithm 8.1). For a finite sum f = (1/m) Σᵢ fᵢ the driver evaluates, at each
// iterate, the mean of fᵢ and ∇fᵢ over a batch B of term indices:
//
//   replacement = false (default): each epoch is a fresh random permutation of 0 … m−1, cut
//     into consecutive batches of `size`; the last batch of an epoch is smaller when size
//     does not divide m (PyTorch's DataLoader with drop_last = false). size ≥ m is the
//     whole set every step: plain (batch) gradient descent.
//   replacement = true: every batch is `size` indices drawn uniformly and independently;
//     the epoch is ⌊terms drawn before the batch / m⌋.
//
// Indices within a batch are sorted: the mean is the same in exact arithmetic, memory is
// read in order, and a batch of all m terms sums in the same order as the full objective,
// so SGD with size = m reproduces gradient descent bit for bit.
//
// Every random choice comes from std::mt19937_64 seeded with the run's seed; shuffling and
// uniform draws use our own unbiased rejection sampling (not std:: distributions, whose
// output the standard leaves to the implementation), so a seed means the same batches on
// every platform.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <span>
#include <vector>

#include "descent/core/params.hpp"
#include "descent/core/types.hpp"

namespace descent {

struct BatchSettings {
  std::optional<std::int64_t> size = std::nullopt;  // absent: full-batch gradients
  bool replacement = false;

  template <class V>
  void visit(V& v) {
    v.optional_integer("size", size, Range::at_least(1),
                       "terms per minibatch (1: stochastic; absent: full batch)");
    v.flag("replacement", replacement, "draw with replacement instead of epoch permutations");
  }
  void validate() const;
  bool active() const { return size.has_value(); }
};

// A uniform integer in [0, n) from rng, by rejection (unbiased, platform-independent).
std::uint64_t uniform_below(std::mt19937_64& rng, std::uint64_t n);

class MinibatchSampler {
 public:
  MinibatchSampler(Index num_terms, const BatchSettings& settings, std::uint64_t seed);

  // The next batch (sorted indices); valid until the next call.
  std::span<const Index> next();
  // Epoch (from 0) of the batch last returned.
  std::int64_t epoch() const { return epoch_; }
  Index batch_size() const { return size_; }

 private:
  void shuffle();

  Index num_terms_;
  Index size_;
  bool replacement_;
  std::mt19937_64 rng_;
  std::vector<Index> permutation_;
  Index position_ = 0;
  std::int64_t drawn_ = 0;
  std::int64_t epoch_ = 0;
  std::vector<Index> batch_;
};

}  // namespace descent
