// The step kernels on long arrays: vectorised bodies (SSE2 or AVX2, chosen at run time) and
// scalar remainders compute each rule's formula bit for bit, as a plain scalar loop does.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "descent/optimizers/adagrad.hpp"
#include "descent/optimizers/adam.hpp"
#include "descent/optimizers/gradient_descent.hpp"
#include "descent/optimizers/momentum.hpp"
#include "descent/optimizers/nesterov.hpp"
#include "descent/optimizers/rmsprop.hpp"

using namespace descent;

namespace {

constexpr Index kLength = 1027;  // not a multiple of any vector width: remainders run too

template <class T>
struct Arrays {
  std::vector<T> x, g, v, a;
};

template <class T>
Arrays<T> random_arrays() {
  std::mt19937_64 rng(Catch::rngSeed());
  std::uniform_real_distribution<double> signed_unit(-1.0, 1.0);
  std::uniform_real_distribution<double> positive(0.01, 2.0);
  Arrays<T> s{std::vector<T>(kLength), std::vector<T>(kLength), std::vector<T>(kLength),
              std::vector<T>(kLength)};
  for (Index i = 0; i < kLength; ++i) {
    s.x[i] = static_cast<T>(signed_unit(rng));
    s.g[i] = static_cast<T>(signed_unit(rng));
    s.v[i] = static_cast<T>(0.1 * signed_unit(rng));
    s.a[i] = static_cast<T>(positive(rng));
  }
  return s;
}

// Counts the elements of the kernel's result that differ in any bit from the reference's.
template <class T>
std::int64_t differing_elements(const Arrays<T>& kernel, const Arrays<T>& reference) {
  std::int64_t count = 0;
  for (Index i = 0; i < kLength; ++i)
    count += kernel.x[i] != reference.x[i] || kernel.v[i] != reference.v[i] ||
             kernel.a[i] != reference.a[i];
  return count;
}

}  // namespace

TEMPLATE_TEST_CASE("step kernels equal their scalar formulas bit for bit on long arrays",
                   "[optimizers][exact]", double, float) {
  using T = TestType;
  const T lr = T(0.01), alpha = T(0.9), beta = T(0.99), nu = T(1e-7);
  const Arrays<T> start = random_arrays<T>();
  Arrays<T> kernel = start, reference = start;
  auto& [x, g, v, a] = reference;

  SECTION("gd") {
    gradient_descent_kernel(kernel.x.data(), kernel.g.data(), kLength, lr);
    for (Index i = 0; i < kLength; ++i) x[i] -= lr * g[i];
  }
  SECTION("momentum") {
    momentum_kernel(kernel.x.data(), kernel.g.data(), kernel.v.data(), kLength, lr, alpha);
    for (Index i = 0; i < kLength; ++i) {
      v[i] = alpha * v[i] - lr * g[i];
      x[i] += v[i];
    }
  }
  SECTION("nesterov") {
    nesterov_kernel(kernel.x.data(), kernel.g.data(), kernel.v.data(), kLength, lr, alpha);
    for (Index i = 0; i < kLength; ++i) {
      const T v_old = v[i];
      v[i] = alpha * v[i] - lr * g[i];
      x[i] += v[i] + alpha * (v[i] - v_old);
    }
  }
  SECTION("adagrad, ν outside and inside") {
    const bool outside = GENERATE(true, false);
    adagrad_kernel(kernel.x.data(), kernel.g.data(), kernel.a.data(), kLength, lr, nu,
                   outside ? EpsPlacement::kOutside : EpsPlacement::kInside);
    for (Index i = 0; i < kLength; ++i) {
      a[i] += g[i] * g[i];
      x[i] -= lr * g[i] / (outside ? std::sqrt(a[i]) + nu : std::sqrt(a[i] + nu));
    }
  }
  SECTION("rmsprop, with and without momentum, ν outside and inside") {
    const bool outside = GENERATE(true, false);
    const bool with_momentum = GENERATE(true, false);
    const auto placement = outside ? EpsPlacement::kOutside : EpsPlacement::kInside;
    if (with_momentum)
      rmsprop_momentum_kernel(kernel.x.data(), kernel.g.data(), kernel.a.data(), kernel.v.data(),
                              kLength, lr, beta, alpha, nu, placement);
    else
      rmsprop_kernel(kernel.x.data(), kernel.g.data(), kernel.a.data(), kLength, lr, beta, nu,
                     placement);
    for (Index i = 0; i < kLength; ++i) {
      a[i] = beta * a[i] + (T(1) - beta) * g[i] * g[i];
      const T scale = outside ? std::sqrt(a[i]) + nu : std::sqrt(a[i] + nu);
      if (with_momentum) {
        v[i] = alpha * v[i] - lr * g[i] / scale;
        x[i] += v[i];
      } else {
        x[i] -= lr * g[i] / scale;
      }
    }
  }
  SECTION("adam at step 3, ν outside and inside") {
    const bool outside = GENERATE(true, false);
    const auto s = AdamStep<T>::at(3, lr, T(0.9), T(0.999), nu, true,
                                   outside ? EpsPlacement::kOutside : EpsPlacement::kInside);
    adam_kernel(s, kernel.x.data(), kernel.g.data(), kernel.v.data(), kernel.a.data(), kLength);
    for (Index i = 0; i < kLength; ++i) {
      v[i] = s.beta1 * v[i] + (T(1) - s.beta1) * g[i];
      a[i] = s.beta2 * a[i] + (T(1) - s.beta2) * g[i] * g[i];
      x[i] -= s.lr * (v[i] * s.c1) /
              (outside ? std::sqrt(a[i] * s.c2) + s.nu : std::sqrt(a[i] * s.c2 + s.nu));
    }
  }
  REQUIRE(differing_elements(kernel, reference) == 0);
  REQUIRE(kernel.x != start.x);
}
