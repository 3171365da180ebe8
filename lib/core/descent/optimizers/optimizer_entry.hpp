// OptimizerEntry: what the registry knows of one method, all taken from its class: its
// documentation (`Method::kDoc`, completed by optimizer_doc below), its parameters (`Method::Options`), a validated factory,
// and whether it forms dense n×n matrices (a method class says so with
// `kFormsDenseMatrices = true`). Its normalize and make take the key "preset" (presets.hpp)
// besides the method's parameters and resolve it to plain values.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "descent/core/objective.hpp"
#include "descent/core/params.hpp"
#include "descent/optimizers/optimizer.hpp"
#include "descent/optimizers/presets.hpp"

namespace descent {

struct OptimizerEntry {
  OptimizerDoc doc;
  std::vector<FieldInfo> fields;
  std::function<ParamMap(const ParamMap&)> normalize;
  std::function<std::unique_ptr<Optimizer>(const ParamMap&)> make;
  bool forms_dense_matrices = false;  // n×n memory: allowed only where allows_dense_matrices
};

// Why `entry` cannot run on `objective` (a method with dense n×n matrices on an objective above
// its max_dense_dim), or nothing when it can. The suite loader reports it located in the file;
// the runner refuses such a run before allocating anything.
std::optional<std::string> dense_matrix_conflict(const OptimizerEntry& entry,
                                                 const Objective& objective);

// The documentation of a method with parameters `fields`: `doc`, its formula followed by the
// formula text of each shared option group among the fields, once for every method that
// takes the group: kWeightDecayFormula (weight_decay.hpp) for `weight_decay`,
// kLineSearchFormula (search_step.hpp) for `line_search`.
OptimizerDoc optimizer_doc(const MethodDoc& doc, const std::vector<FieldInfo>& fields);

// For a method class derived from OptimizerWith<Options>, with `static constexpr MethodDoc kDoc`.
template <class Method>
OptimizerEntry optimizer_entry() {
  using Options = typename Method::Options;
  const std::string name(Method::kDoc.name);
  return OptimizerEntry{
      .doc = optimizer_doc(Method::kDoc, fields_of<Options>()),
      .fields = fields_of<Options>(),
      .normalize = [name](const ParamMap& p) {
        return params_of(options_from<Options>(resolve_preset(name, p)));
      },
      .make = [name](const ParamMap& p) -> std::unique_ptr<Optimizer> {
        return std::make_unique<Method>(options_from<Options>(resolve_preset(name, p)));
      },
      .forms_dense_matrices = requires { requires Method::kFormsDenseMatrices; },
  };
}

}  // namespace descent
