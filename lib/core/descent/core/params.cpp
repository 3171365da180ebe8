#include "descent/core/params.hpp"

#include "descent/core/suggest.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace descent {

std::string detail::real_text(double value) {
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (std::isnan(value)) return "nan";
  // The shortest "%.Ng" that reads back to the same double. std::to_chars gives the
  // round-trip form of fewest characters: the fewest digits, or one more where a shorter
  // exponent makes up for it. So no N below one less than its digit
  // count reads back, and the search starts there, where a search from N = 1 formats and parses
  // up to 17 times.
  char shortest[32];
  const auto end = std::to_chars(shortest, shortest + sizeof shortest, value,
                                 std::chars_format::scientific).ptr;
  const auto mantissa_end = std::find(shortest, end, 'e');
  const int shortest_digits =
      static_cast<int>(std::count_if(shortest, mantissa_end, [](char c) { return c >= '0' && c <= '9'; }));
  char buffer[32];
  for (int digits = std::clamp(shortest_digits - 1, 1, 17); digits < 17; ++digits) {
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
    if (std::strtod(buffer, nullptr) == value) return buffer;
  }
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}

std::string to_text(const ParamValue& value) {
  struct {
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(double d) const { return detail::real_text(d); }
    std::string operator()(const std::string& s) const { return "\"" + s + "\""; }
    std::string operator()(const std::vector<double>& v) const {
      std::string out = "[";
      for (std::size_t i = 0; i < v.size(); ++i)
        out += (i ? ", " : "") + detail::real_text(v[i]);
      return out + "]";
    }
  } visitor;
  return std::visit(visitor, value);
}

std::string type_name(const ParamValue& value) {
  static const char* const kNames[] = {"bool", "integer", "real", "string", "list of reals"};
  return kNames[value.index()];
}

std::string to_text(const ParamMap& params) {
  std::string out;
  for (const auto& [key, value] : params) out += key + "=" + to_text(value) + ";";
  return out;
}

// Every range is a range of finite numbers: ±inf and NaN break the rule "finite" too.
bool Range::contains(double value) const {
  if (!std::isfinite(value)) return false;
  const bool above = lo_open ? value > lo : value >= lo;
  const bool below = hi_open ? value < hi : value <= hi;
  return above && below;
}

std::string Range::describe(std::string_view name) const {
  const bool has_lo = std::isfinite(lo);
  const bool has_hi = std::isfinite(hi);
  if (!has_lo && !has_hi) return "finite";
  std::string out;
  if (has_lo) out += detail::real_text(lo) + (lo_open ? " < " : " <= ");
  out += name;
  if (has_hi) out += (hi_open ? " < " : " <= ") + detail::real_text(hi);
  return out;
}

namespace detail {

void throw_wrong_type(std::string_view key, std::string_view expected, const ParamValue& got) {
  throw ConfigError(std::string(key), "key '" + std::string(key) + "' must be " +
                                          std::string(expected) + ", got " + type_name(got) +
                                          " " + to_text(got));
}

void throw_out_of_range(std::string_view key, double value, const Range& range) {
  throw ConfigError(std::string(key), "key '" + std::string(key) + "' = " + real_text(value) +
                                          " breaks the rule " + range.describe(key));
}

void throw_bad_choice(std::string_view key, const std::string& got,
                      const std::vector<std::string_view>& allowed) {
  std::string list;
  for (auto name : allowed) list += (list.empty() ? "" : ", ") + std::string("\"") +
                                    std::string(name) + "\"";
  throw ConfigError(std::string(key), "key '" + std::string(key) + "' = \"" + got +
                                          "\" is not one of " + list);
}

void throw_unknown_keys(const std::vector<std::string>& unknown,
                        const std::vector<std::string>& known) {
  std::string known_list;
  for (const auto& k : known) known_list += (known_list.empty() ? "" : ", ") + k;
  throw ConfigError(unknown.front(), "unknown key '" + unknown.front() + "'" +
                                         did_you_mean(unknown.front(), known) + " (known keys: " +
                                         (known_list.empty() ? "none" : known_list) + ")");
}

double as_real(std::string_view key, const ParamValue& value) {
  if (const auto* d = std::get_if<double>(&value)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&value)) return static_cast<double>(*i);
  throw_wrong_type(key, "a real number", value);
}

std::int64_t as_integer(std::string_view key, const ParamValue& value) {
  if (const auto* i = std::get_if<std::int64_t>(&value)) return *i;
  if (const auto* d = std::get_if<double>(&value)) {
    // Accept 1e6 for an integer field when it is exactly an integer.
    if (std::isfinite(*d) && std::floor(*d) == *d && std::fabs(*d) < 9.0e15)
      return static_cast<std::int64_t>(*d);
  }
  throw_wrong_type(key, "an integer", value);
}

void check_range(std::string_view key, double value, const Range& range) {
  if (!range.contains(value)) throw_out_of_range(key, value, range);
}

const ParamValue* Applier::find(std::string_view key) {
  known_.emplace_back(key);
  auto it = params_.find(key);
  return it == params_.end() ? nullptr : &it->second;
}

void Applier::reject_unknown() const {
  std::vector<std::string> unknown;
  for (const auto& [key, value] : params_)
    if (std::find(known_.begin(), known_.end(), key) == known_.end()) unknown.push_back(key);
  if (!unknown.empty()) throw_unknown_keys(unknown, known_);
}

}  // namespace detail
}  // namespace descent
