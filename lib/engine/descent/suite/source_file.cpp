#include "descent/suite/source_file.hpp"

#include <algorithm>

#include "descent/core/params.hpp"

namespace descent::suite_toml {

Origin origin_of(const toml::node& node, std::string key) {
  return {std::move(key), node.source().begin};
}

std::string child_key(std::string_view parent, std::string_view key) {
  std::string out(parent);
  if (!out.empty()) out += '.';
  return out.append(key);
}

std::string element_key(std::string_view parent, std::size_t index) {
  return std::string(parent).append("[").append(std::to_string(index)).append("]");
}

std::string_view last_key(std::string_view path) {
  const auto dot = path.rfind('.');
  auto last = dot == std::string_view::npos ? path : path.substr(dot + 1);
  return last.substr(0, last.find('['));
}

std::string describe_node(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "a list";
    case toml::node_type::string:
      return std::string("string \"").append(*node.value<std::string_view>()).append("\"");
    case toml::node_type::integer:
      return "integer " + to_text(ParamValue(*node.value<std::int64_t>()));
    case toml::node_type::floating_point:
      return "real " + to_text(ParamValue(*node.value<double>()));
    case toml::node_type::boolean:
      return *node.value<bool>() ? "bool true" : "bool false";
    default:
      return "a date or time";
  }
}

std::string SourceFile::prefix(toml::source_position position) const {
  return std::string(name_)
      .append(":")
      .append(std::to_string(position.line))
      .append(":")
      .append(std::to_string(position.column))
      .append(": ");
}

void SourceFile::fail(const Origin& origin, std::string_view rule) const {
  throw ConfigError(origin.key,
                    prefix(origin.position).append(origin.key).append(": ").append(rule));
}

void SourceFile::fail_unknown_key(const toml::key& key, std::string_view parent,
                                  const std::vector<std::string>& known) const {
  const Origin origin{child_key(parent, key.str()), key.source().begin};
  try {
    detail::throw_unknown_keys({std::string(key.str())}, known);
  } catch (const ConfigError& error) {
    fail(origin, error.what());
  }
}

void SourceFile::fail_document(toml::source_position position, std::string_view kind,
                               std::string_view rule) const {
  throw ConfigError("", prefix(position).append(kind).append(": ").append(rule));
}

void reject_unknown_keys(const SourceFile& file, const toml::table& table, std::string_view parent,
                         const std::vector<std::string>& known) {
  for (const auto& [key, node] : table)
    if (std::find(known.begin(), known.end(), key.str()) == known.end())
      file.fail_unknown_key(key, parent, known);
}

}  // namespace descent::suite_toml
