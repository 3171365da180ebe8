#include "descent/driver/minibatch.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <utility>

namespace descent {

void BatchSettings::validate() const {
  if (replacement && !size)
    throw ConfigError("replacement", "key 'replacement' applies to minibatches: set 'size' too");
}

std::uint64_t uniform_below(std::mt19937_64& rng, std::uint64_t n) {
  // Accept draws below the largest multiple of n: each residue is then equally likely.
  const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() -
                              std::numeric_limits<std::uint64_t>::max() % n;
  std::uint64_t draw = rng();
  while (draw >= limit) draw = rng();
  return draw % n;
}

MinibatchSampler::MinibatchSampler(Index num_terms, const BatchSettings& settings,
                                   std::uint64_t seed)
    : num_terms_(num_terms),
      size_(settings.replacement ? static_cast<Index>(settings.size.value_or(num_terms))
                                 : std::min<Index>(settings.size.value_or(num_terms), num_terms)),
      replacement_(settings.replacement),
      rng_(seed) {
  batch_.reserve(static_cast<std::size_t>(size_));
  if (!replacement_) {
    permutation_.resize(static_cast<std::size_t>(num_terms_));
    std::iota(permutation_.begin(), permutation_.end(), Index{0});
    shuffle();
  }
}

// Fisher–Yates.
void MinibatchSampler::shuffle() {
  for (std::size_t i = permutation_.size(); i > 1; --i) {
    const auto j = static_cast<std::size_t>(uniform_below(rng_, i));
    std::swap(permutation_[i - 1], permutation_[j]);
  }
}

std::span<const Index> MinibatchSampler::next() {
  batch_.clear();
  if (replacement_) {
    epoch_ = drawn_ / num_terms_;
    for (Index i = 0; i < size_; ++i)
      batch_.push_back(static_cast<Index>(uniform_below(rng_, static_cast<std::uint64_t>(num_terms_))));
    drawn_ += size_;
  } else {
    if (position_ == num_terms_) {
      shuffle();
      position_ = 0;
      ++epoch_;
    }
    const Index end = std::min(position_ + size_, num_terms_);
    batch_.assign(permutation_.begin() + position_, permutation_.begin() + end);
    position_ = end;
  }
  std::sort(batch_.begin(), batch_.end());
  return batch_;
}

}  // namespace descent
