#include "descent/suite/random_starts.hpp"

#include <cmath>
#include <random>
#include <string>

#include "descent/suite/run_spec.hpp"

namespace descent {

void RandomStarts::validate() const {
  const bool ordered =
      box.size() == 2 && std::isfinite(box[0]) && std::isfinite(box[1]) && box[0] < box[1];
  if (!ordered)
    throw ConfigError(
        "box", "key 'box' must be [lo, hi] with finite lo < hi, got " + to_text(ParamValue(box)));
}

std::uint64_t random_starts_seed(std::uint64_t suite_seed, std::size_t objective_index) {
  const std::string key = "descent.random_starts suite_seed=" + std::to_string(suite_seed) +
                          " objective=" + std::to_string(objective_index);
  return std::stoull(sha256_hex(key).substr(0, 16), nullptr, 16);
}

std::vector<Vector> random_starts(const RandomStarts& spec, Index dim, std::uint64_t seed) {
  std::mt19937_64 generator(seed);
  const double lo = spec.box[0];
  const double width = spec.box[1] - spec.box[0];
  std::vector<Vector> points;
  for (std::int64_t k = 0; k < spec.random; ++k) {
    Vector x(dim);
    for (Index i = 0; i < dim; ++i) {
      const double u = static_cast<double>(generator() >> 11) * 0x1.0p-53;
      x[i] = lo + width * u;
    }
    points.push_back(std::move(x));
  }
  return points;
}

}  // namespace descent
