#include "descent/suite/instance_name.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <utility>
#include <variant>

namespace descent {

std::string parameter_symbol(const std::string& key) {
  static constexpr std::array<std::pair<const char*, const char*>, 18> kGreek{{
      {"alpha", "α"}, {"beta", "β"}, {"gamma", "γ"}, {"delta", "δ"}, {"epsilon", "ε"},
      {"eta", "η"}, {"theta", "θ"}, {"kappa", "κ"}, {"lambda", "λ"}, {"mu", "μ"},
      {"nu", "ν"}, {"rho", "ρ"}, {"sigma", "σ"}, {"tau", "τ"}, {"phi", "φ"},
      {"omega", "ω"}, {"xi", "ξ"}, {"zeta", "ζ"}}};
  for (const auto& [name, letter] : kGreek)
    if (key == name) return letter;
  return key;
}

namespace {

std::string real_text(double real) {
  if (std::floor(real) == real && std::fabs(real) < 1e15)
    return std::to_string(static_cast<std::int64_t>(real));
  return to_text(ParamValue(real));
}

}  // namespace

std::string parameter_text(const ParamValue& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* real = std::get_if<double>(&value)) return real_text(*real);
  if (const auto* list = std::get_if<std::vector<double>>(&value)) {
    std::string out = "[";
    for (std::size_t i = 0; i < list->size(); ++i) out.append(i ? ", " : "").append(real_text((*list)[i]));
    return out.append("]");
  }
  return to_text(value);
}

namespace {

std::string value_text(const ParamValue& value) {
  if (const auto* list = std::get_if<std::vector<double>>(&value); list && list->size() > 4)
    return std::string("[").append(std::to_string(list->size())).append(" values]");
  return parameter_text(value);
}

}  // namespace

void InstanceNames::add(const std::string& objective, const ParamMap& params) {
  if (!instances_[objective].insert(to_text(params)).second) return;
  const auto [first, inserted] = first_.try_emplace(objective, params);
  if (inserted) return;
  auto& varying = varying_[objective];
  for (const auto& [key, value] : params) {
    const auto seen = first->second.find(key);
    if (seen == first->second.end() || seen->second != value) varying.insert(key);
  }
  for (const auto& [key, value] : first->second)
    if (!params.contains(key)) varying.insert(key);
}

std::string InstanceNames::name(const std::string& objective, const ParamMap& params) const {
  std::string text = objective;
  const auto varying = varying_.find(objective);
  if (varying == varying_.end()) return text;
  bool first = true;
  for (const auto& key : varying->second) {
    const auto value = params.find(key);
    if (value == params.end()) continue;
    text.append(first ? " " : ", ").append(parameter_symbol(key)).append("=").append(value_text(value->second));
    first = false;
  }
  return text;
}

}  // namespace descent
