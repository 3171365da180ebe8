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
//
// Each declaration (`real`, `optional_real`, `integer`, `optional_integer`, `flag`,
// `optional_flag`, `text`, `reals`, `choice`, `optional_choice`) forwards to the visitor's one
// template `field(key, value, rule, doc)`; a FieldType says how each value type reads, writes and is
// checked, so adding a value type is one FieldType and one declaration.
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

// The rule of a field whose every value is allowed (flags, text).
struct AnyValue {};

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

// The alternative T of `value`, or a ConfigError saying that key must be `expected`.
template <class T>
const T& as_alternative(std::string_view key, const ParamValue& value, std::string_view expected) {
  if (const T* held = std::get_if<T>(&value)) return *held;
  throw_wrong_type(key, expected, value);
}

}  // namespace detail

// FieldType<T>: how a field of value type T reads from a ParamValue, writes back to one, and
// which rule it is checked against. The one place to add a value type.
template <class T>
struct FieldType;

template <>
struct FieldType<double> {
  using Rule = Range;
  static constexpr std::string_view kName = "real";
  static double read(std::string_view key, const ParamValue& v, const Rule&) {
    return detail::as_real(key, v);
  }
  static ParamValue write(double x, const Rule&) { return x; }
  static std::string rule_text(std::string_view key, const Rule& r) { return r.describe(key); }
  static void check(std::string_view key, double x, const Rule& r) { detail::check_range(key, x, r); }
};

template <>
struct FieldType<std::int64_t> {
  using Rule = Range;
  static constexpr std::string_view kName = "integer";
  static std::int64_t read(std::string_view key, const ParamValue& v, const Rule&) {
    return detail::as_integer(key, v);
  }
  static ParamValue write(std::int64_t x, const Rule&) { return x; }
  static std::string rule_text(std::string_view key, const Rule& r) { return r.describe(key); }
  static void check(std::string_view key, std::int64_t x, const Rule& r) {
    detail::check_range(key, static_cast<double>(x), r);
  }
};

template <>
struct FieldType<bool> {
  using Rule = AnyValue;
  static constexpr std::string_view kName = "bool";
  static bool read(std::string_view key, const ParamValue& v, const Rule&) {
    return detail::as_alternative<bool>(key, v, "bool");
  }
  static ParamValue write(bool x, const Rule&) { return x; }
  static std::string rule_text(std::string_view, const Rule&) { return ""; }
  static void check(std::string_view, bool, const Rule&) {}
};

template <>
struct FieldType<std::string> {
  using Rule = AnyValue;
  static constexpr std::string_view kName = "string";
  static std::string read(std::string_view key, const ParamValue& v, const Rule&) {
    return detail::as_alternative<std::string>(key, v, "string");
  }
  static ParamValue write(const std::string& x, const Rule&) { return x; }
  static std::string rule_text(std::string_view, const Rule&) { return ""; }
  static void check(std::string_view, const std::string&, const Rule&) {}
};

// A list of reals: the range holds for each element.
template <>
struct FieldType<std::vector<double>> {
  using Rule = Range;
  static constexpr std::string_view kName = "list of reals";
  static std::vector<double> read(std::string_view key, const ParamValue& v, const Rule&) {
    return detail::as_alternative<std::vector<double>>(key, v, "list of reals");
  }
  static ParamValue write(const std::vector<double>& x, const Rule&) { return x; }
  static std::string rule_text(std::string_view, const Rule& r) { return r.describe("each"); }
  static void check(std::string_view key, const std::vector<double>& x, const Rule& r) {
    for (double element : x) detail::check_range(key, element, r);
  }
};

// An enumeration, written as the name of one of its choices.
template <class E>
  requires std::is_enum_v<E>
struct FieldType<E> {
  using Rule = Choices<E>;
  static constexpr std::string_view kName = "string";
  static E read(std::string_view key, const ParamValue& v, const Rule& choices) {
    const auto& name = detail::as_alternative<std::string>(key, v, "string");
    std::vector<std::string_view> allowed;
    for (const auto& [choice_name, choice_value] : choices) {
      if (choice_name == name) return choice_value;
      allowed.push_back(choice_name);
    }
    detail::throw_bad_choice(key, name, allowed);
  }
  static ParamValue write(E x, const Rule& choices) {
    std::string name;
    for (const auto& [choice_name, choice_value] : choices)
      if (choice_value == x) name = choice_name;
    return name;
  }
  static std::string rule_text(std::string_view, const Rule& choices) {
    std::string allowed;
    for (const auto& choice : choices) allowed.append(allowed.empty() ? "one of " : ", ").append(choice.first);
    return allowed;
  }
  static void check(std::string_view, E, const Rule&) {}
};

namespace detail {

template <class T>
struct Holder {
  using Value = T;
  static T* held(T& field) { return &field; }
};
// An optional field: a value of T, or unset (not written, not checked).
template <class T>
struct Holder<std::optional<T>> {
  using Value = T;
  static T* held(std::optional<T>& field) { return field ? &*field : nullptr; }
};

}  // namespace detail

// The value type of a field (T of std::optional<T>), and the rule it is declared with.
template <class Field>
using FieldValue = typename detail::Holder<Field>::Value;
template <class Field>
using FieldRule = typename FieldType<FieldValue<Field>>::Rule;

// The value a field holds, or nullptr for an unset optional field.
template <class Field>
FieldValue<Field>* held_value(Field& field) {
  return detail::Holder<Field>::held(field);
}

// The declarations an options aggregate's `visit` calls, each forwarded to the visitor's
// `template <class Field> void field(std::string_view key, Field& value,
//                                    const FieldRule<Field>& rule, std::string_view doc)`.
// `group(member)` declares the fields of an aggregate that several hold (a line search, weight
// decay) in place; its cross-field rules, `validate()`, run before its holder's.
template <class Visitor>
class FieldVisitor {
 public:
  void real(std::string_view key, double& value, Range range, std::string_view doc) {
    self().field(key, value, range, doc);
  }
  void optional_real(std::string_view key, std::optional<double>& value, Range range,
                     std::string_view doc) {
    self().field(key, value, range, doc);
  }
  void integer(std::string_view key, std::int64_t& value, Range range, std::string_view doc) {
    self().field(key, value, range, doc);
  }
  void optional_integer(std::string_view key, std::optional<std::int64_t>& value, Range range,
                        std::string_view doc) {
    self().field(key, value, range, doc);
  }
  void flag(std::string_view key, bool& value, std::string_view doc) {
    self().field(key, value, AnyValue{}, doc);
  }
  void optional_flag(std::string_view key, std::optional<bool>& value, std::string_view doc) {
    self().field(key, value, AnyValue{}, doc);
  }
  void text(std::string_view key, std::string& value, std::string_view doc) {
    self().field(key, value, AnyValue{}, doc);
  }
  void reals(std::string_view key, std::vector<double>& value, Range range, std::string_view doc) {
    self().field(key, value, range, doc);
  }
  template <class E>
  void choice(std::string_view key, E& value, std::type_identity_t<Choices<E>> choices,
              std::string_view doc) {
    self().field(key, value, choices, doc);
  }
  template <class E>
  void optional_choice(std::string_view key, std::optional<E>& value,
                       std::type_identity_t<Choices<E>> choices, std::string_view doc) {
    self().field(key, value, choices, doc);
  }
  template <class Group>
  void group(Group& fields) {
    fields.visit(self());
  }

 private:
  Visitor& self() { return static_cast<Visitor&>(*this); }
};

namespace detail {

// Fills fields from a map; remembers which keys it used.
class Applier : public FieldVisitor<Applier> {
 public:
  explicit Applier(const ParamMap& params) : params_(params) {}

  template <class Field>
  void field(std::string_view key, Field& value, const FieldRule<Field>& rule, std::string_view) {
    using Type = FieldType<FieldValue<Field>>;
    if (const ParamValue* given = find(key)) value = Type::read(key, *given, rule);
    if (const auto* held = held_value(value)) Type::check(key, *held, rule);
  }

  // Throws for keys of the map that no field claimed.
  void reject_unknown() const;

 private:
  const ParamValue* find(std::string_view key);

  const ParamMap& params_;
  std::vector<std::string> known_;
};

// Writes every field that holds a value, defaults included, into a map.
class Collector : public FieldVisitor<Collector> {
 public:
  template <class Field>
  void field(std::string_view key, Field& value, const FieldRule<Field>& rule, std::string_view) {
    if (const auto* held = held_value(value))
      params_.emplace(key, FieldType<FieldValue<Field>>::write(*held, rule));
  }

  ParamMap take() { return std::move(params_); }

 private:
  ParamMap params_;
};

// Describes every field for `descent show`.
class Describer : public FieldVisitor<Describer> {
 public:
  template <class Field>
  void field(std::string_view key, Field& value, const FieldRule<Field>& rule,
             std::string_view doc) {
    using Type = FieldType<FieldValue<Field>>;
    const auto* held = held_value(value);
    fields_.push_back({std::string(key), std::string(Type::kName),
                       held ? to_text(Type::write(*held, rule)) : "none",
                       Type::rule_text(key, rule), std::string(doc)});
  }

  std::vector<FieldInfo> take() { return std::move(fields_); }

 private:
  std::vector<FieldInfo> fields_;
};

// Checks every rule of an aggregate built in code.
class RuleChecker : public FieldVisitor<RuleChecker> {
 public:
  template <class Field>
  void field(std::string_view key, Field& value, const FieldRule<Field>& rule, std::string_view) {
    if (const auto* held = held_value(value)) FieldType<FieldValue<Field>>::check(key, *held, rule);
  }
};

template <class Options>
concept HasCrossFieldRules = requires(const Options& o) { o.validate(); };

// Runs the cross-field rules (`validate()`) of every group an aggregate holds, then its own.
class CrossFieldChecker : public FieldVisitor<CrossFieldChecker> {
 public:
  template <class Field>
  void field(std::string_view, Field&, const FieldRule<Field>&, std::string_view) {}
  template <class Group>
  void group(Group& fields) {
    fields.visit(*this);
    if constexpr (HasCrossFieldRules<Group>) fields.validate();
  }
};

// Non-const only because `visit` is: the checker changes nothing.
template <class Options>
void check_cross_field_rules(Options& options) {
  CrossFieldChecker checker;
  checker.group(options);
}

}  // namespace detail

// Checks every field's rule, then the cross-field rules of its groups and of
// `Options::validate()` if any.
template <class Options>
void validate_fields(const Options& options) {
  Options copy = options;
  detail::RuleChecker checker;
  copy.visit(checker);
  detail::check_cross_field_rules(copy);
}

// Options from a map: defaults for absent keys; unknown keys, wrong types and values out of
// range throw ConfigError.
template <class Options>
Options options_from(const ParamMap& params, Options options = {}) {
  detail::Applier applier(params);
  options.visit(applier);
  applier.reject_unknown();
  detail::check_cross_field_rules(options);
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
