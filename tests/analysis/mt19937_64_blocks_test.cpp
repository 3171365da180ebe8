// Mt19937_64Blocks against the standard library's engine, output for output.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <random>

#include "descent/analysis/mt19937_64_blocks.hpp"

using namespace descent;

TEST_CASE("the block generator hands out std::mt19937_64's sequence for every seed",
          "[analysis][random]") {
  const std::uint64_t seed = GENERATE(std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{5489},
                                      std::numeric_limits<std::uint64_t>::max(),
                                      static_cast<std::uint64_t>(Catch::rngSeed()));
  INFO("seed " << seed);
  std::mt19937_64 standard(seed);
  Mt19937_64Blocks blocks(seed);
  // 10⁴ outputs: the first block, the seams between blocks, and 32 twists of the state.
  for (int i = 0; i < 10000; ++i) {
    INFO("output " << i);
    REQUIRE(blocks() == standard());
  }
}
