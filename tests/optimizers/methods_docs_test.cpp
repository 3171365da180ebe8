// docs/methods.md agrees with the registry: a section `### \`name\`` for every registered
// method and for no other, each with a parameter table that lists every parameter with its
// default and rule, and nothing else. Run with DESCENT_UPDATE_DOCS=1, the test first writes
// what the registry says: a section for a method that has none (its formula, parameter table
// and reference, after the section of the method before it in the registry), the registry's
// table where a table disagrees, no section for a method that is not registered
// (docs/extending.md).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "descent/optimizers/registry.hpp"

using namespace descent;

namespace {

const std::string kDocPath = std::string(DESCENT_SOURCE_DIR) + "/docs/methods.md";

std::vector<std::string> doc_lines() {
  std::ifstream in(kDocPath);
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

std::set<Row> expected_rows(const OptimizerEntry& entry) {
  std::set<Row> rows;
  for (const auto& f : entry.fields) rows.insert(row_of(f.name, f.default_text, f.rule));
  return rows;
}

// The section of a method the docs lack: formula, parameter table, reference.
std::string expected_section(const OptimizerEntry& entry) {
  std::string section = "### `" + entry.doc.name + "`\n\n";
  std::stringstream formula(entry.doc.formula);
  for (std::string line; std::getline(formula, line);) section += "    " + line + "\n";
  return section + "\n" + expected_table(entry) + "\nReference: " + entry.doc.source + ".\n\n";
}

bool is_section_of(const std::string& line) { return line.rfind("### `", 0) == 0; }
std::string section_name(const std::string& line) { return trimmed(line.substr(4)); }

// Writes docs/methods.md as the registry says (the header comment above).
void update_methods_doc(const std::map<std::string, std::set<Row>>& documented) {
  const auto lines = doc_lines();
  std::map<std::string, const OptimizerEntry*> registered;
  for (const auto& entry : optimizer_registry()) registered[entry.doc.name] = &entry;
  // Each missing section goes after the section of the method registered before it.
  std::map<std::string, std::string> inserted_after;
  std::string previous;
  for (const auto& entry : optimizer_registry()) {
    if (documented.count(entry.doc.name) == 0) inserted_after[previous] += expected_section(entry);
    previous = entry.doc.name;
  }
  std::string text;
  std::string section;  // the method whose section the line is in, "" outside one
  bool before_first_section = true, skipping_table = false;
  const auto close_section = [&] {
    if (!section.empty()) text += inserted_after[section];
  };
  for (const auto& line : lines) {
    if (line.rfind("#", 0) == 0) {
      close_section();
      section = is_section_of(line) ? section_name(line) : "";
      if (!section.empty() && before_first_section) {
        text += inserted_after[""];
        before_first_section = false;
      }
      if (!section.empty() && registered.count(section) == 0) section = "(unregistered)";
    }
    if (section == "(unregistered)") continue;
    if (skipping_table) {
      if (line.rfind("|", 0) == 0) continue;
      skipping_table = false;
    }
    if (line == kTableHeader && registered.count(section) == 1 &&
        documented.at(section) != expected_rows(*registered.at(section))) {
      text += expected_table(*registered.at(section));
      skipping_table = true;
      continue;
    }
    text += line + "\n";
  }
  close_section();
  std::ofstream(kDocPath) << text;
}

bool updating_docs() {
  const char* update = std::getenv("DESCENT_UPDATE_DOCS");
  return update != nullptr && std::string(update) == "1";
}

}  // namespace

TEST_CASE("docs/methods.md documents every registered method and its parameters, and nothing else",
          "[optimizers][docs]") {
  if (updating_docs()) update_methods_doc(documented_methods());
  const auto documented = documented_methods();
  std::set<std::string> registered;
  for (const auto& entry : optimizer_registry()) {
    registered.insert(entry.doc.name);
    INFO("method " << entry.doc.name << "; the registry's table:\n" << expected_table(entry));
    REQUIRE(documented.count(entry.doc.name) == 1);
    CHECK(documented.at(entry.doc.name) == expected_rows(entry));
  }
  for (const auto& [name, rows] : documented) {
    INFO("documented method " << name);
    CHECK(registered.count(name) == 1);
  }
}
