// Minibatch sampling and finite sums: batches cover each epoch once, minibatch gradients
// average to the full gradient, and sampling is reproducible from the seed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>

#include "descent/driver/minibatch.hpp"
#include "descent/objectives/training/finite_sum.hpp"
#include "descent/objectives/registry.hpp"

using namespace descent;

namespace {

// Sums of the same terms in another grouping differ by rounding only: a few ulps of the
// largest partial sum.
constexpr double kRegrouped = 1e-13;

const FiniteSumObjective& finite_sum(const std::unique_ptr<Objective>& objective) {
  const auto* sum = dynamic_cast<const FiniteSumObjective*>(objective.get());
  REQUIRE(sum != nullptr);
  return *sum;
}

Vector random_point(Index n, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> coordinate(-1.0, 1.0);
  Vector x(n);
  for (Index i = 0; i < n; ++i) x[i] = coordinate(rng);
  return x;
}

const char* const kFiniteSums[] = {"logistic_regression", "softmax_regression", "deep_linear",
                                   "linear_recurrence", "tanh_mlp"};

}  // namespace

TEST_CASE("without replacement every epoch visits each term exactly once, in sorted batches",
          "[training][minibatch]") {
  const Index m = 10;
  MinibatchSampler sampler(m, {.size = 4, .replacement = false}, 7);
  for (std::int64_t epoch = 0; epoch < 3; ++epoch) {
    std::vector<Index> seen;
    for (const Index expected_size : {4, 4, 2}) {
      const auto batch = sampler.next();
      REQUIRE(sampler.epoch() == epoch);
      REQUIRE(static_cast<Index>(batch.size()) == expected_size);
      REQUIRE(std::is_sorted(batch.begin(), batch.end()));
      seen.insert(seen.end(), batch.begin(), batch.end());
    }
    std::sort(seen.begin(), seen.end());
    std::vector<Index> all(m);
    std::iota(all.begin(), all.end(), Index{0});
    REQUIRE(seen == all);
  }
}

TEST_CASE("a batch at least as large as the set is the whole set, in order", "[training][minibatch]") {
  MinibatchSampler sampler(5, {.size = 9, .replacement = false}, 1);
  for (int k = 0; k < 3; ++k) {
    const auto batch = sampler.next();
    REQUIRE(std::vector<Index>(batch.begin(), batch.end()) == std::vector<Index>{0, 1, 2, 3, 4});
    REQUIRE(sampler.epoch() == k);
  }
}

TEST_CASE("with replacement batches have the requested size and count epochs by terms drawn",
          "[training][minibatch]") {
  MinibatchSampler sampler(6, {.size = 4, .replacement = true}, 3);
  const std::int64_t expected_epochs[] = {0, 0, 1, 2, 2, 3};  // drawn before: 0, 4, 8, 12, 16, 20
  for (const std::int64_t epoch : expected_epochs) {
    const auto batch = sampler.next();
    REQUIRE(batch.size() == 4);
    REQUIRE(sampler.epoch() == epoch);
    for (const Index i : batch) REQUIRE((i >= 0 && i < 6));
  }
}

TEST_CASE("the same seed gives the same batches and another seed other batches",
          "[training][minibatch][seed]") {
  const auto draw = [](std::uint64_t seed, bool replacement) {
    MinibatchSampler sampler(50, {.size = 5, .replacement = replacement}, seed);
    std::vector<Index> all;
    for (int k = 0; k < 30; ++k) {
      const auto batch = sampler.next();
      all.insert(all.end(), batch.begin(), batch.end());
    }
    return all;
  };
  const std::uint64_t seed = Catch::rngSeed();
  for (const bool replacement : {false, true}) {
    REQUIRE(draw(seed, replacement) == draw(seed, replacement));
    REQUIRE(draw(seed, replacement) != draw(seed + 1, replacement));
  }
}

TEST_CASE("uniform_below covers its range evenly", "[training][minibatch]") {
  std::mt19937_64 rng(Catch::rngSeed());
  std::vector<int> counts(7, 0);
  const int draws = 70000;
  for (int i = 0; i < draws; ++i) ++counts[uniform_below(rng, 7)];
  // Each count is Binomial(70000, 1/7): mean 10000, standard deviation ≈ 92.6; 6σ bounds.
  for (const int count : counts) REQUIRE(std::abs(count - 10000) < 556);
}

TEST_CASE("minibatch gradients over one epoch average to the full gradient",
          "[training][minibatch][finite_sum]") {
  std::mt19937_64 rng(Catch::rngSeed());
  for (const char* name : kFiniteSums) {
    INFO(name << " (seed " << Catch::rngSeed() << ")");
    const auto objective = find_objective(name)->make({});
    const auto& sum = finite_sum(objective);
    const Index m = sum.num_terms();
    REQUIRE(m >= 2);
    const Vector x = random_point(sum.dim(), rng);
    Vector full, batch_gradient;
    const double f = sum.value_gradient(x, full);

    MinibatchSampler sampler(m, {.size = 2, .replacement = false}, Catch::rngSeed());
    Vector mean = Vector::Zero(sum.dim());
    double f_mean = 0.0;
    Index covered = 0;
    while (covered < m) {
      const auto batch = sampler.next();
      const double weight = static_cast<double>(batch.size()) / static_cast<double>(m);
      f_mean += weight * sum.batch_value_gradient(x, batch, batch_gradient);
      mean += weight * batch_gradient;
      covered += static_cast<Index>(batch.size());
    }
    REQUIRE_THAT(f_mean, Catch::Matchers::WithinRel(f, kRegrouped));
    REQUIRE((mean - full).cwiseAbs().maxCoeff() <= kRegrouped * std::max(1.0, full.cwiseAbs().maxCoeff()));

    // And each term alone: ∇f = (1/m) Σᵢ ∇fᵢ; Hv likewise.
    Vector single, hv_single, hv_full;
    const Vector v = random_point(sum.dim(), rng);
    sum.hessian_vector(x, v, hv_full);
    Vector term_mean = Vector::Zero(sum.dim()), hv_mean = Vector::Zero(sum.dim());
    for (Index i = 0; i < m; ++i) {
      const Index term[] = {i};
      sum.batch_value_gradient(x, term, single);
      sum.batch_hessian_vector(x, term, v, hv_single);
      term_mean += single / static_cast<double>(m);
      hv_mean += hv_single / static_cast<double>(m);
    }
    REQUIRE((term_mean - full).cwiseAbs().maxCoeff() <= kRegrouped * std::max(1.0, full.cwiseAbs().maxCoeff()));
    REQUIRE((hv_mean - hv_full).cwiseAbs().maxCoeff() <= kRegrouped * std::max(1.0, hv_full.cwiseAbs().maxCoeff()));
  }
}

TEST_CASE("single-term gradients drawn with replacement are unbiased", "[training][minibatch][finite_sum]") {
  const auto objective = find_objective("logistic_regression")->make({});
  const auto& sum = finite_sum(objective);
  std::mt19937_64 rng(Catch::rngSeed());
  const Vector x = random_point(sum.dim(), rng);
  Vector full, g;
  sum.gradient(x, full);
  MinibatchSampler sampler(sum.num_terms(), {.size = 1, .replacement = true}, Catch::rngSeed());
  const int draws = 20000;
  Vector mean = Vector::Zero(sum.dim()), mean_square = Vector::Zero(sum.dim());
  for (int k = 0; k < draws; ++k) {
    sum.batch_value_gradient(x, sampler.next(), g);
    mean += g / draws;
    mean_square += g.cwiseProduct(g) / draws;
  }
  const Vector standard_error = ((mean_square - mean.cwiseProduct(mean)) / draws).cwiseSqrt();
  for (Index j = 0; j < sum.dim(); ++j) {
    INFO("coordinate " << j << " (seed " << Catch::rngSeed() << ")");
    REQUIRE(std::fabs(mean[j] - full[j]) <= 6.0 * standard_error[j] + 1e-15);
  }
}

TEST_CASE("the full objective is the batch of all terms, bit for bit", "[training][finite_sum]") {
  std::mt19937_64 rng(Catch::rngSeed());
  for (const char* name : kFiniteSums) {
    INFO(name);
    const auto objective = find_objective(name)->make({});
    const auto& sum = finite_sum(objective);
    const Vector x = random_point(sum.dim(), rng);
    Vector g_full, g_batch;
    const double f_full = sum.value_gradient(x, g_full);
    const double f_batch = sum.batch_value_gradient(x, sum.all_terms(), g_batch);
    REQUIRE(f_full == f_batch);
    REQUIRE(g_full == g_batch);
    REQUIRE(sum.value(x) == f_full);
  }
}

TEST_CASE("batch settings reject replacement without a size", "[training][minibatch][config]") {
  REQUIRE_THROWS_AS(options_from<BatchSettings>({{"replacement", true}}), ConfigError);
  REQUIRE_THROWS_AS(options_from<BatchSettings>({{"size", std::int64_t{0}}}), ConfigError);
  const auto settings = options_from<BatchSettings>({{"size", std::int64_t{32}}});
  REQUIRE(settings.size == 32);
  REQUIRE_FALSE(settings.replacement);
}
