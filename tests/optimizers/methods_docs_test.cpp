// docs/methods.md agrees with the registry: a section `### \`name\`` for every registered
// method and for no other, each with a parameter table that lists every parameter with its
// default and rule, and nothing else.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "descent/optimizers/registry.hpp"

using namespace descent;

namespace {

std::vector<std::string> doc_lines() {
  std::ifstream in(std::string(DESCENT_SOURCE_DIR) + "/docs/methods.md");
  REQUIRE(in);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string trimmed(std::string text) {
  const auto begin = text.find_first_not_of(' ');
  if (begin == std::string::npos) return "";
  text = text.substr(begin, text.find_last_not_of(' ') - begin + 1);
  if (text.size() >= 2 && text.front() == '`' && text.back() == '`') text = text.substr(1, text.size() - 2);
  return text;
}

std::vector<std::string> cells(const std::string& row) {
  std::vector<std::string> out;
  std::stringstream in(row.substr(1));
  for (std::string cell; std::getline(in, cell, '|');) out.push_back(trimmed(cell));
  return out;
}

// A parameter as the docs table gives it: "key | default | rule".
using Row = std::string;
Row row_of(const std::string& key, const std::string& default_text, const std::string& rule) {
  return key + " | " + default_text + " | " + rule;
}

constexpr const char* kTableHeader = "| key | default | rule | meaning |";

// Method name → the rows of its parameter table, for every `### \`name\`` section.
std::map<std::string, std::set<Row>> documented_methods() {
  std::map<std::string, std::set<Row>> methods;
  std::set<Row>* current = nullptr;
  bool in_table = false;
  for (const auto& line : doc_lines()) {
    if (line.rfind("#", 0) == 0) {
      in_table = false;
      current = nullptr;
      if (line.rfind("### `", 0) == 0) current = &methods[trimmed(line.substr(4))];
      continue;
    }
    if (line == kTableHeader) {
      in_table = current != nullptr;
      continue;
    }
    if (!in_table) continue;
    if (line.rfind("|", 0) != 0) {
      in_table = false;
      continue;
    }
    const auto row = cells(line);
    if (row.size() < 3 || row[0].find_first_not_of("-") == std::string::npos) continue;
    current->insert(row_of(row[0], row[1], row[2]));
  }
  return methods;
}

// The table rows the registry expects, to paste into the docs.
std::string expected_table(const OptimizerEntry& entry) {
  std::string table = std::string(kTableHeader) + "\n|---|---|---|---|\n";
  for (const auto& f : entry.fields) {
    table += "| `" + f.name + "` | `" + f.default_text + "` | ";
    table += (f.rule.empty() ? "" : "`" + f.rule + "`") + " | " + f.doc + " |\n";
  }
  return table;
}

}  // namespace

TEST_CASE("docs/methods.md documents every registered method and its parameters, and nothing else",
          "[optimizers][docs]") {
  const auto documented = documented_methods();
  std::set<std::string> registered;
  for (const auto& entry : optimizer_registry()) {
    registered.insert(entry.doc.name);
    INFO("method " << entry.doc.name << "; the registry's table:\n" << expected_table(entry));
    REQUIRE(documented.count(entry.doc.name) == 1);
    std::set<Row> expected;
    for (const auto& f : entry.fields) expected.insert(row_of(f.name, f.default_text, f.rule));
    CHECK(documented.at(entry.doc.name) == expected);
  }
  for (const auto& [name, rows] : documented) {
    INFO("documented method " << name);
    CHECK(registered.count(name) == 1);
  }
}
