// SourceFile: the suite file being read, and the errors that point into it.
//
// Every problem in a suite file is a ConfigError whose message starts
// "FILE:LINE:COLUMN: KEY: " (lines and columns from 1, as editors count them) and whose key()
// is the dotted path of the offending value, e.g. "optimizer[2].lr" or "run.stop.step_norm"
// (array elements indexed from 0). Problems of the whole document (the file cannot be read,
// the TOML is malformed) name the kind of problem in place of the key and have an empty key().
#pragma once

#include <toml++/toml.h>

#include <string>
#include <string_view>
#include <vector>

#include "descent/core/config_error.hpp"

namespace descent::suite_toml {

// Where a value sits in the suite file.
struct Origin {
  std::string key;  // dotted path
  toml::source_position position;
};

// The origin of `node` under the dotted path `key`.
Origin origin_of(const toml::node& node, std::string key);
// "run" + "stop" → "run.stop"; "" + "name" → "name".
std::string child_key(std::string_view parent, std::string_view key);
// "optimizer" + 2 → "optimizer[2]".
std::string element_key(std::string_view parent, std::size_t index);
// The last component of a dotted path, as the param layer names keys: "lr" of "optimizer[2].lr".
std::string_view last_key(std::string_view path);

// A TOML value as the param layer's messages show one: "integer 5", "string \"x\"", "a table".
std::string describe_node(const toml::node& node);

class SourceFile {
 public:
  explicit SourceFile(std::string name) : name_(std::move(name)) {}

  const std::string& name() const { return name_; }

  // Throws ConfigError(origin.key, "FILE:LINE:COLUMN: KEY: rule").
  [[noreturn]] void fail(const Origin& origin, std::string_view rule) const;
  // A key the table does not know, in the param layer's words ("unknown key 'x' (known keys:
  // ...)"), at the key's own position.
  [[noreturn]] void fail_unknown_key(const toml::key& key, std::string_view parent,
                                     const std::vector<std::string>& known) const;
  // A problem of the whole document: "FILE:LINE:COLUMN: KIND: rule", empty key().
  [[noreturn]] void fail_document(toml::source_position position, std::string_view kind,
                                  std::string_view rule) const;

 private:
  std::string prefix(toml::source_position position) const;

  std::string name_;
};

// Rejects every key of `table` not in `known`.
void reject_unknown_keys(const SourceFile& file, const toml::table& table, std::string_view parent,
                         const std::vector<std::string>& known);

}  // namespace descent::suite_toml
