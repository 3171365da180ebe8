// docs/objectives.md agrees with the registry: its index lists every registered objective,
// with the entry's family and the same parameters and defaults, and nothing else. Run with
// DESCENT_UPDATE_DOCS=1, the test writes the index from the registry instead (rows that agree
// are kept as written) and passes: docs/extending.md.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "descent/objectives/registry.hpp"

using namespace descent;

namespace {

const std::string kDocPath = std::string(DESCENT_SOURCE_DIR) + "/docs/objectives.md";

std::string objectives_doc() {
  std::ifstream in(kDocPath);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

struct IndexRow {
  std::string family;
  std::string parameters;
};

std::string trimmed(const std::string& text) {
  const auto begin = text.find_first_not_of(' ');
  const auto end = text.find_last_not_of(' ');
  return begin == std::string::npos ? "" : text.substr(begin, end - begin + 1);
}

// The rows "| `name` | family | parameters |" of the table after the "objective-index" marker.
std::map<std::string, IndexRow> documented_index() {
  const std::string doc = objectives_doc();
  const auto marker = doc.find("<!-- objective-index");
  REQUIRE(marker != std::string::npos);
  std::istringstream lines(doc.substr(marker));
  std::map<std::string, IndexRow> rows;
  std::string line;
  std::getline(lines, line);  // the marker
  while (std::getline(lines, line) && line.empty()) {
  }
  for (; !line.empty() && line[0] == '|'; std::getline(lines, line)) {
    std::vector<std::string> cells;
    std::istringstream row(line.substr(1));
    for (std::string cell; std::getline(row, cell, '|');) cells.push_back(trimmed(cell));
    if (cells.size() < 3 || cells[0].size() < 3 || cells[0].front() != '`') continue;  // header
    const std::string name = cells[0].substr(1, cells[0].size() - 2);
    INFO("docs/objectives.md index row " << name);
    CHECK(rows.count(name) == 0);
    rows[name] = {cells[1], cells[2]};
  }
  return rows;
}

// The items "`key` = default" of a parameters cell ("none": no items).
std::vector<std::pair<std::string, std::string>> parameter_items(const std::string& cell) {
  std::vector<std::pair<std::string, std::string>> items;
  if (cell == "none") return items;
  for (std::size_t begin = 0; begin < cell.size();) {
    const auto key_end = cell.find("` = ", begin);
    REQUIRE(key_end != std::string::npos);
    auto next = cell.find(", `", key_end);
    if (next == std::string::npos) next = cell.size();
    items.emplace_back(cell.substr(begin + 1, key_end - begin - 1), cell.substr(key_end + 4, next - key_end - 4));
    begin = next + 2;
  }
  return items;
}

// Defaults as written: numbers compare by value ("100" and "1e+02"), the rest as text.
bool same_default(const std::string& documented, const std::string& registered) {
  char* end_documented = nullptr;
  char* end_registered = nullptr;
  const double a = std::strtod(documented.c_str(), &end_documented);
  const double b = std::strtod(registered.c_str(), &end_registered);
  if (!documented.empty() && *end_documented == '\0' && !registered.empty() && *end_registered == '\0')
    return a == b;
  return documented == registered;
}

// An index row as the registry gives it.
std::string index_row(const ObjectiveEntry& entry) {
  std::string parameters;
  for (const auto& f : entry.fields)
    parameters += (parameters.empty() ? "`" : ", `") + f.name + "` = " + f.default_text;
  return "| `" + entry.name + "` | " + entry.family + " | " +
         (parameters.empty() ? "none" : parameters) + " |";
}

bool row_agrees(const IndexRow& row, const ObjectiveEntry& entry) {
  const auto items = parameter_items(row.parameters);
  if (row.family != entry.family || items.size() != entry.fields.size()) return false;
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].first != entry.fields[i].name ||
        !same_default(items[i].second, entry.fields[i].default_text))
      return false;
  return true;
}

// Rewrites the index in registry order: a documented row that agrees stays as written, any
// other row is the registry's.
void update_index(const std::map<std::string, IndexRow>& rows) {
  const std::string doc = objectives_doc();
  const auto marker = doc.find("<!-- objective-index");
  const auto header = doc.find("\n", marker) + 1;
  const auto body = doc.find("\n", doc.find("\n", header) + 1) + 1;  // after header and rule
  auto end = body;
  while (end < doc.size() && doc[end] == '|') end = doc.find("\n", end) + 1;
  std::map<std::string, std::string> written;
  std::istringstream lines(doc.substr(body, end - body));
  for (std::string line; std::getline(lines, line);)
    written[line.substr(3, line.find('`', 3) - 3)] = line;
  std::string index;
  for (const auto& entry : objective_registry()) {
    const auto row = rows.find(entry.name);
    const bool agrees = row != rows.end() && row_agrees(row->second, entry);
    index += (agrees ? written.at(entry.name) : index_row(entry)) + "\n";
  }
  std::ofstream(kDocPath) << doc.substr(0, body) << index << doc.substr(end);
}

bool updating_docs() {
  const char* update = std::getenv("DESCENT_UPDATE_DOCS");
  return update != nullptr && std::string(update) == "1";
}

}  // namespace

TEST_CASE("the index of docs/objectives.md lists every registered objective with its family and "
          "parameters, and nothing else",
          "[objectives][docs]") {
  if (updating_docs()) update_index(documented_index());
  const auto rows = documented_index();
  REQUIRE(rows.size() >= 60);
  for (const auto& entry : objective_registry()) {
    INFO("registered objective " << entry.name << "; the registry's row:\n" << index_row(entry));
    const auto row = rows.find(entry.name);
    REQUIRE(row != rows.end());
    CHECK(row->second.family == entry.family);
    const auto items = parameter_items(row->second.parameters);
    REQUIRE(items.size() == entry.fields.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
      INFO("parameter " << entry.fields[i].name << ", documented " << items[i].first << " = " << items[i].second);
      CHECK(items[i].first == entry.fields[i].name);
      CHECK(same_default(items[i].second, entry.fields[i].default_text));
    }
  }
  for (const auto& [name, row] : rows) {
    INFO("documented objective " << name);
    CHECK(find_objective(name) != nullptr);
  }
}
