// Builds an ObjectiveEntry from an objective class. The class provides
//   struct Params { ...; template <class V> void visit(V&); };   (may be empty)
//   explicit Obj(const Params&);
//   template <class T> T evaluate(std::span<const T> x) const;   the formula, generic in T
// and the entry derives from them the validated factory, the parameter list for
// `descent show`, and the Boost.Math autodiff derivatives used to verify ∇f and ∇²f.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <boost/math/differentiation/autodiff.hpp>

#include "descent/core/objective_registry.hpp"

namespace descent {

struct ObjectiveDoc {
  std::string name;
  std::string family;
  std::string summary;
  std::string formula;
  std::string source;
  std::vector<ParamMap> check_params = {};
};

// ∇f and ∇²f of `Obj::evaluate` with nested forward-mode duals: the input
// x + ε₁eᵢ + ε₂eⱼ gives ∂f/∂xᵢ as the ε₁ coefficient and ∂²f/∂xᵢ∂xⱼ as the ε₁ε₂ one.
// n(n+1)/2 evaluations: meant for verification at small n.
template <class Obj>
AutodiffDerivatives autodiff_derivatives() {
  return [](const Objective& base, const Vector& x, Vector& g, Matrix& h) {
    namespace ad = boost::math::differentiation;
    using Dual2 = ad::autodiff_fvar<double, 1, 1>;
    const auto& objective = dynamic_cast<const Obj&>(base);
    const Index n = x.size();
    g.resize(n);
    h.resize(n, n);
    std::vector<Dual2> point(static_cast<std::size_t>(n));
    for (Index i = 0; i < n; ++i) {
      for (Index j = i; j < n; ++j) {
        for (Index k = 0; k < n; ++k) point[static_cast<std::size_t>(k)] = Dual2(x[k]);
        auto [outer, inner] = ad::make_ftuple<double, 1, 1>(x[i], x[j]);
        if (i == j) {
          point[static_cast<std::size_t>(i)] = outer + inner - Dual2(x[i]);
        } else {
          point[static_cast<std::size_t>(i)] = outer;
          point[static_cast<std::size_t>(j)] = inner;
        }
        const Dual2 f = objective.template evaluate<Dual2>(std::span<const Dual2>(point));
        h(i, j) = h(j, i) = static_cast<double>(f.derivative(1, 1));
        if (i == j) g[i] = static_cast<double>(f.derivative(1, 0));
      }
    }
  };
}

template <class Obj>
ObjectiveEntry objective_entry(ObjectiveDoc doc) {
  using Params = typename Obj::Params;
  ObjectiveEntry entry;
  entry.name = std::move(doc.name);
  entry.family = std::move(doc.family);
  entry.summary = std::move(doc.summary);
  entry.formula = std::move(doc.formula);
  entry.source = std::move(doc.source);
  entry.fields = fields_of<Params>();
  entry.check_params = std::move(doc.check_params);
  entry.normalize = [](const ParamMap& params) { return params_of(options_from<Params>(params)); };
  entry.make = [](const ParamMap& params) -> std::unique_ptr<Objective> {
    return std::make_unique<Obj>(options_from<Params>(params));
  };
  entry.autodiff = autodiff_derivatives<Obj>();
  return entry;
}

// Parameters of an objective that has none.
struct NoParams {
  template <class V>
  void visit(V&) {}
};

// Parameters of an n-dimensional family whose only parameter is its dimension,
// kMinDim ≤ n ≤ kMaxDim, n a multiple of kBlock (a family made of blocks of kBlock coordinates).
template <std::int64_t kDefaultDim = 10, std::int64_t kMinDim = 1,
          std::int64_t kMaxDim = 10'000'000, std::int64_t kBlock = 1>
struct DimensionParams {
  std::int64_t dim = kDefaultDim;
  template <class V>
  void visit(V& v) {
    static const std::string doc =
        kBlock == 1 ? "dimension n" : "dimension n (a multiple of " + std::to_string(kBlock) + ")";
    v.integer("dim", dim, Range::closed(static_cast<double>(kMinDim), static_cast<double>(kMaxDim)),
              doc);
  }
  void validate() const {
    if (dim % kBlock != 0)
      throw ConfigError("dim", "key 'dim' = " + std::to_string(dim) + " must be a multiple of " +
                                   std::to_string(kBlock) + " (the function works in blocks of " +
                                   std::to_string(kBlock) + " coordinates)");
  }
};

}  // namespace descent
