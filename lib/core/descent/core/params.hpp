// Parameters: the typed values that configure objectives, optimizers and run settings.
//
// An options aggregate lists its fields once, in a member template `visit(V& v)`:
//
//   template <class V> void visit(V& v) {
//     v.real("lr", lr, Range::positive(), "learning rate ε");
//     v.flag("bias_correction", bias_correction, "divide moments by 1 − βᵗ");
//     v.choice("eps_placement", eps_placement, kEpsPlacementChoices, "where ν sits");
//   }
//
// and the same list then fills it from a ParamMap (suite files, command line), writes it
// back as a ParamMap (HDF5 attributes, run ids, logs), describes it (`descent show`) and
// checks every range. Keys are validated: an unknown key, a wrong type or a value out of
// range is a ConfigError naming the key and the rule.
#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "descent/core/config_error.hpp"

namespace descent {

using ParamValue = std::variant<bool, std::int64_t, double, std::string, std::vector<double>>;
using ParamMap = std::map<std::string, ParamValue, std::less<>>;

// Canonical text of a value: doubles round-trip exactly ("%.17g"), lists as [a, b].
std::string to_text(const ParamValue& value);
// "bool", "integer", "real", "string" or "list of reals".
std::string type_name(const ParamValue& value);
// Canonical text of a whole map, "key=value;" in key order: the input of run ids.
std::string to_text(const ParamMap& params);

// A numeric interval written at the field: "0 < lr", "0 <= beta < 1".
struct Range {
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  bool lo_open = false;
  bool hi_open = false;

  static constexpr Range any() { return {}; }
  static constexpr Range positive() {
    return {0.0, std::numeric_limits<double>::infinity(), true, false};
  }
  static constexpr Range non_negative() { return {0.0, std::numeric_limits<double>::infinity()}; }
  static constexpr Range unit_right_open() { return {0.0, 1.0, false, true}; }  // [0, 1)
  static constexpr Range open_unit() { return {0.0, 1.0, true, true}; }        // (0, 1)
  static constexpr Range at_least(double lo) {
    return {lo, std::numeric_limits<double>::infinity()};
  }
  static constexpr Range closed(double lo, double hi) { return {lo, hi}; }

  bool contains(double value) const;
  // The rule as a reader writes it, with `name` in the middle: "0 <= beta < 1".
  std::string describe(std::string_view name) const;
};

template <class E>
using Choices = std::span<const std::pair<std::string_view, E>>;

// One field as `descent show` prints it.
struct FieldInfo {
  std::string name;
  std::string type;
  std::string default_text;  // "none" for unset optional fields
  std::string rule;
  std::string doc;
};

namespace detail {

[[noreturn]] void throw_wrong_type(std::string_view key, std::string_view expected,
                                   const ParamValue& got);
[[noreturn]] void throw_out_of_range(std::string_view key, double value, const Range& range);
[[noreturn]] void throw_bad_choice(std::string_view key, const std::string& got,
                                   const std::vector<std::string_view>& allowed);
[[noreturn]] void throw_unknown_keys(const std::vector<std::string>& unknown,
                                     const std::vector<std::string>& known);

double as_real(std::string_view key, const ParamValue& value);
std::int64_t as_integer(std::string_view key, const ParamValue& value);
void check_range(std::string_view key, double value, const Range& range);
std::string real_text(double value);

// Fills fields from a map; remembers which keys it used.
class Applier {
 public:
  explicit Applier(const ParamMap& params) : params_(params) {}

  void real(std::string_view key, double& field, Range range, std::string_view) {
    if (const auto* v = find(key)) field = as_real(key, *v);
    check_range(key, field, range);
  }
  void optional_real(std::string_view key, std::optional<double>& field, Range range,
                     std::string_view) {
    if (const auto* v = find(key)) field = as_real(key, *v);
    if (field) check_range(key, *field, range);
  }
  void integer(std::string_view key, std::int64_t& field, Range range, std::string_view) {
    if (const auto* v = find(key)) field = as_integer(key, *v);
    check_range(key, static_cast<double>(field), range);
  }
  void optional_integer(std::string_view key, std::optional<std::int64_t>& field, Range range,
                        std::string_view) {
    if (const auto* v = find(key)) field = as_integer(key, *v);
    if (field) check_range(key, static_cast<double>(*field), range);
  }
  void flag(std::string_view key, bool& field, std::string_view) {
    if (const auto* v = find(key)) {
      if (!std::holds_alternative<bool>(*v)) throw_wrong_type(key, "bool", *v);
      field = std::get<bool>(*v);
    }
  }
  void optional_flag(std::string_view key, std::optional<bool>& field, std::string_view doc) {
    bool value = field.value_or(false);
    if (find(key)) {
      known_.pop_back();
      flag(key, value, doc);
      field = value;
    }
  }
  void text(std::string_view key, std::string& field, std::string_view) {
    if (const auto* v = find(key)) {
      if (!std::holds_alternative<std::string>(*v)) throw_wrong_type(key, "string", *v);
      field = std::get<std::string>(*v);
    }
  }
  void reals(std::string_view key, std::vector<double>& field, Range range, std::string_view) {
    if (const auto* v = find(key)) {
      if (!std::holds_alternative<std::vector<double>>(*v)) throw_wrong_type(key, "list of reals", *v);
      field = std::get<std::vector<double>>(*v);
    }
    for (double x : field) check_range(key, x, range);
  }
  template <class E>
  void choice(std::string_view key, E& field, std::type_identity_t<Choices<E>> choices, std::string_view) {
    const auto* v = find(key);
    if (!v) return;
    if (!std::holds_alternative<std::string>(*v)) throw_wrong_type(key, "string", *v);
    const auto& name = std::get<std::string>(*v);
    std::vector<std::string_view> allowed;
    for (const auto& [choice_name, choice_value] : choices) {
      if (choice_name == name) {
        field = choice_value;
        return;
      }
      allowed.push_back(choice_name);
    }
    throw_bad_choice(key, name, allowed);
  }

  // Throws for keys of the map that no field claimed.
  void reject_unknown() const;

 private:
  const ParamValue* find(std::string_view key);

  const ParamMap& params_;
  std::vector<std::string> known_;
};

// Writes every field, defaults included, into a map.
class Collector {
 public:
  void real(std::string_view key, double field, Range, std::string_view) { put(key, field); }
  void optional_real(std::string_view key, const std::optional<double>& field, Range,
                     std::string_view) {
    if (field) put(key, *field);
  }
  void integer(std::string_view key, std::int64_t field, Range, std::string_view) {
    put(key, field);
  }
  void optional_integer(std::string_view key, const std::optional<std::int64_t>& field, Range,
                        std::string_view) {
    if (field) put(key, *field);
  }
  void flag(std::string_view key, bool field, std::string_view) { put(key, field); }
  void optional_flag(std::string_view key, const std::optional<bool>& field, std::string_view) {
    if (field) put(key, *field);
  }
  void text(std::string_view key, const std::string& field, std::string_view) { put(key, field); }
  void reals(std::string_view key, const std::vector<double>& field, Range, std::string_view) {
    put(key, field);
  }
  template <class E>
  void choice(std::string_view key, E field, std::type_identity_t<Choices<E>> choices, std::string_view) {
    for (const auto& [name, value] : choices)
      if (value == field) put(key, std::string(name));
  }

  ParamMap take() { return std::move(params_); }

 private:
  void put(std::string_view key, ParamValue value) { params_.emplace(key, std::move(value)); }
  ParamMap params_;
};

// Describes every field for `descent show`.
class Describer {
 public:
  void real(std::string_view key, double field, Range range, std::string_view doc) {
    add(key, "real", real_text(field), range.describe(key), doc);
  }
  void optional_real(std::string_view key, const std::optional<double>& field, Range range,
                     std::string_view doc) {
    add(key, "real", field ? real_text(*field) : "none", range.describe(key), doc);
  }
  void integer(std::string_view key, std::int64_t field, Range range, std::string_view doc) {
    add(key, "integer", std::to_string(field), range.describe(key), doc);
  }
  void optional_integer(std::string_view key, const std::optional<std::int64_t>& field,
                        Range range, std::string_view doc) {
    add(key, "integer", field ? std::to_string(*field) : "none", range.describe(key), doc);
  }
  void flag(std::string_view key, bool field, std::string_view doc) {
    add(key, "bool", field ? "true" : "false", "", doc);
  }
  void optional_flag(std::string_view key, const std::optional<bool>& field, std::string_view doc) {
    add(key, "bool", field ? (*field ? "true" : "false") : "none", "", doc);
  }
  void text(std::string_view key, const std::string& field, std::string_view doc) {
    add(key, "string", field.empty() ? "\"\"" : "\"" + field + "\"", "", doc);
  }
  void reals(std::string_view key, const std::vector<double>& field, Range range,
             std::string_view doc) {
    add(key, "list of reals", to_text(ParamValue(field)), range.describe("each"), doc);
  }
  template <class E>
  void choice(std::string_view key, E field, std::type_identity_t<Choices<E>> choices, std::string_view doc) {
    std::string current, allowed;
    for (const auto& [name, value] : choices) {
      if (value == field) current.append("\"").append(name).append("\"");
      allowed.append(allowed.empty() ? "one of " : ", ").append(name);
    }
    add(key, "string", current, allowed, doc);
  }

  std::vector<FieldInfo> take() { return std::move(fields_); }

 private:
  void add(std::string_view key, std::string type, std::string def, std::string rule,
           std::string_view doc) {
    fields_.push_back({std::string(key), std::move(type), std::move(def), std::move(rule),
                       std::string(doc)});
  }
  std::vector<FieldInfo> fields_;
};

// Checks every range of an aggregate built in code.
class RangeChecker {
 public:
  void real(std::string_view key, double field, Range range, std::string_view) {
    check_range(key, field, range);
  }
  void optional_real(std::string_view key, const std::optional<double>& field, Range range,
                     std::string_view) {
    if (field) check_range(key, *field, range);
  }
  void integer(std::string_view key, std::int64_t field, Range range, std::string_view) {
    check_range(key, static_cast<double>(field), range);
  }
  void optional_integer(std::string_view key, const std::optional<std::int64_t>& field,
                        Range range, std::string_view) {
    if (field) check_range(key, static_cast<double>(*field), range);
  }
  void flag(std::string_view, bool, std::string_view) {}
  void optional_flag(std::string_view, const std::optional<bool>&, std::string_view) {}
  void text(std::string_view, const std::string&, std::string_view) {}
  void reals(std::string_view key, const std::vector<double>& field, Range range,
             std::string_view) {
    for (double x : field) check_range(key, x, range);
  }
  template <class E>
  void choice(std::string_view, E, std::type_identity_t<Choices<E>>, std::string_view) {}
};

template <class Options>
concept HasCrossFieldRules = requires(const Options& o) { o.validate(); };

}  // namespace detail

// Checks every field's range, then the cross-field rules of `Options::validate()` if any.
template <class Options>
void validate_fields(const Options& options) {
  Options copy = options;
  detail::RangeChecker checker;
  copy.visit(checker);
  if constexpr (detail::HasCrossFieldRules<Options>) options.validate();
}

// Options from a map: defaults for absent keys; unknown keys, wrong types and values out of
// range throw ConfigError.
template <class Options>
Options options_from(const ParamMap& params, Options options = {}) {
  detail::Applier applier(params);
  options.visit(applier);
  applier.reject_unknown();
  if constexpr (detail::HasCrossFieldRules<Options>) options.validate();
  return options;
}

// Every field with its value, defaults included.
template <class Options>
ParamMap params_of(Options options) {
  detail::Collector collector;
  options.visit(collector);
  return collector.take();
}

template <class Options>
std::vector<FieldInfo> fields_of(Options options = {}) {
  detail::Describer describer;
  options.visit(describer);
  return describer.take();
}

}  // namespace descent
