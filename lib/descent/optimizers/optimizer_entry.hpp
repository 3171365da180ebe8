// OptimizerEntry: what the registry knows of one method: its documentation (the update rule
// as formulas, the conventions it follows), its parameters, and a validated factory.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "descent/core/params.hpp"
#include "descent/optimizers/optimizer.hpp"

namespace descent {

struct OptimizerDoc {
  std::string name;
  std::string summary;  // one line
  std::string formula;  // the update rule, several lines of plain text
  std::string source;   // the reference and the conventions followed
};

struct OptimizerEntry {
  OptimizerDoc doc;
  std::vector<FieldInfo> fields;
  std::function<ParamMap(const ParamMap&)> normalize;
  std::function<std::unique_ptr<Optimizer>(const ParamMap&)> make;
};

// For a method class with `using Options = ...;` and `explicit Method(const Options&)`.
template <class Method>
OptimizerEntry optimizer_entry(OptimizerDoc doc) {
  using Options = typename Method::Options;
  return OptimizerEntry{
      .doc = std::move(doc),
      .fields = fields_of<Options>(),
      .normalize = [](const ParamMap& p) { return params_of(options_from<Options>(p)); },
      .make = [](const ParamMap& p) -> std::unique_ptr<Optimizer> {
        return std::make_unique<Method>(options_from<Options>(p));
      },
  };
}

}  // namespace descent
