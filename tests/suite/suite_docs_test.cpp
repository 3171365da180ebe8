// The complete example of docs/suites.md is a valid suite and expands as the text says, and
// its table of run settings names every key a [run] table accepts.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "descent/objectives/registry.hpp"
#include "descent/driver/run_settings.hpp"
#include "descent/suite/suite.hpp"

using namespace descent;

namespace {

std::string suites_doc() {
  std::ifstream in(std::string(DESCENT_SOURCE_DIR) + "/docs/suites.md");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every key of a [run] table as the suite file writes it: "max_iter", "stop.step_norm", ...
struct DottedKeys {
  std::vector<std::string> keys;
  template <class Sub>
  void table(std::string_view name, Sub& sub) {
    for (const auto& field : fields_of(sub)) keys.push_back(std::string(name) + "." + field.name);
  }
};

// The ```toml block after the "suite-example" marker.
std::string documented_example() {
  const std::string doc = suites_doc();
  const auto marker = doc.find("<!-- suite-example");
  REQUIRE(marker != std::string::npos);
  const std::string open = "```toml\n";
  const auto begin = doc.find(open, marker) + open.size();
  const auto end = doc.find("```", begin);
  return doc.substr(begin, end - begin);
}

}  // namespace

TEST_CASE("the complete example of docs/suites.md is valid and has the runs it announces",
          "[suite][docs]") {
  const Suite suite = parse_suite(documented_example(), "docs/suites.md", builtin_catalog());
  REQUIRE(suite.name == "lecture-beale");
  REQUIRE(suite.runs.size() == 30);
  std::set<std::string> labels;
  for (const auto& run : suite.runs) {
    labels.insert(run.label);
    REQUIRE(run.settings->max_iter == (run.optimizer == "adam" ? 2000 : 10000));
    REQUIRE(run.settings->stop.grad_norm == 1e-10);
  }
  REQUIRE(labels == std::set<std::string>{"gd", "momentum", "adam, lecture code lr=0.0001",
                                          "adam, lecture code lr=0.001",
                                          "adam, lecture code lr=0.01"});
}

TEST_CASE("the run-settings table of docs/suites.md lists every key the run settings accept",
          "[suite][docs]") {
  const std::string doc = suites_doc();
  DottedKeys dotted;
  for (const auto& field : fields_of<RunSettings>()) dotted.keys.push_back(field.name);
  RunSettings settings;
  settings.visit_tables(dotted);
  REQUIRE(dotted.keys.size() > 20);
  for (const auto& key : dotted.keys) {
    INFO("key " << key);
    CHECK(doc.find("| `" + key + "` |") != std::string::npos);
  }
}
