// Mt19937_64Blocks: the output sequence of std::mt19937_64 seeded with one value, made a
// state's worth (n = 312 values) at a time. The recurrence and tempering are those of the
// standard (Matsumoto & Nishimura 1998, 64-bit parameters of [rand.predef]):
//   seeding   x₀ = seed, xᵢ = f (xᵢ₋₁ ⊕ (xᵢ₋₁ ≫ (w − 2))) + i,  f = 6364136223846793005
//   twist     xₖ ← xₖ₊ₘ ⊕ (y ≫ 1) ⊕ (a if y is odd),  y = upper 33 bits of xₖ | lower 31 of xₖ₊₁
//   tempering z ⊕= (z ≫ 29) & d, z ⊕= (z ≪ 17) & b, z ⊕= (z ≪ 37) & c, z ⊕= z ≫ 43
// Twisting and tempering whole blocks are loops without branches over independent words,
// which the compiler vectorizes; libstdc++ tempers each value as it is asked for, and
// costs the bootstrap (statistics.hpp) three times as much for its 10⁷ draws.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace descent {

class Mt19937_64Blocks {
 public:
  explicit Mt19937_64Blocks(std::uint64_t seed) {
    state_[0] = seed;
    for (std::size_t i = 1; i < kN; ++i)
      state_[i] = kSeedMultiplier * (state_[i - 1] ^ (state_[i - 1] >> 62)) + i;
  }

  std::uint64_t operator()() {
    if (next_ == kN) refill();
    return block_[next_++];
  }

 private:
  static constexpr std::size_t kN = 312;
  static constexpr std::size_t kM = 156;
  static constexpr std::uint64_t kSeedMultiplier = 6364136223846793005u;

  // The new word k from words k and k + 1 and the word m places on.
  static std::uint64_t twist(std::uint64_t word, std::uint64_t next, std::uint64_t ahead) {
    const std::uint64_t y = (word & 0xFFFFFFFF80000000u) | (next & 0x7FFFFFFFu);
    return ahead ^ (y >> 1) ^ ((0 - (y & 1)) & 0xB5026F5AA96619E9u);
  }

  void refill() {
    for (std::size_t k = 0; k < kN - kM; ++k) state_[k] = twist(state_[k], state_[k + 1], state_[k + kM]);
    for (std::size_t k = kN - kM; k < kN - 1; ++k)
      state_[k] = twist(state_[k], state_[k + 1], state_[k + kM - kN]);
    state_[kN - 1] = twist(state_[kN - 1], state_[0], state_[kM - 1]);
    for (std::size_t k = 0; k < kN; ++k) {
      std::uint64_t z = state_[k];
      z ^= (z >> 29) & 0x5555555555555555u;
      z ^= (z << 17) & 0x71D67FFFEDA60000u;
      z ^= (z << 37) & 0xFFF7EEE000000000u;
      z ^= z >> 43;
      block_[k] = z;
    }
    next_ = 0;
  }

  std::array<std::uint64_t, kN> state_;
  std::array<std::uint64_t, kN> block_{};  // the tempered outputs of the latest twist
  std::size_t next_ = kN;                   // the next of them to hand out
};

}  // namespace descent
