// Names of objective instances: "quadratic κ=1000" rather than "quadratic" three times. An
// instance is an objective with its (normalised) parameters; it is named by the objective
// and the parameters whose values differ among the instances of that objective in view (a
// suite's runs, a results file), in key order. A parameter named after a Greek letter is
// written as the letter (kappa → κ), values as parameter_text writes them, a list of more than
// four numbers as its length ("[50 values]"). An objective with a single instance is named by the objective alone.
#pragma once

#include <map>
#include <set>
#include <string>

#include "descent/core/params.hpp"

namespace descent {

class InstanceNames {
 public:
  void add(const std::string& objective, const ParamMap& params);
  std::string name(const std::string& objective, const ParamMap& params) const;

 private:
  std::map<std::string, std::set<std::string>> instances_;  // objective → to_text(params)
  std::map<std::string, std::set<std::string>> varying_;     // objective → parameter keys
  std::map<std::string, ParamMap> first_;                    // objective → first params seen
};

// "κ" for "kappa", the key itself when it names no Greek letter.
std::string parameter_symbol(const std::string& key);

// A parameter's value for tables: exact (reads back to the same value) and plain: strings
// without quotes, whole reals below 10¹⁵ in magnitude as integers ("1000", not "1e+03"),
// other reals as to_text writes them, lists of reals in brackets.
std::string parameter_text(const ParamValue& value);

}  // namespace descent
