// The complete example of docs/suites.md is a valid suite and expands as the text says.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "descent/suite/suite.hpp"

using namespace descent;

namespace {

// The ```toml block after the "suite-example" marker.
std::string documented_example() {
  std::ifstream in(std::string(DESCENT_SOURCE_DIR) + "/docs/suites.md");
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
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
  const Suite suite = parse_suite(documented_example(), "docs/suites.md");
  REQUIRE(suite.name == "lecture-beale");
  REQUIRE(suite.runs.size() == 30);
  std::set<std::string> labels;
  for (const auto& run : suite.runs) {
    labels.insert(run.label);
    REQUIRE(run.settings.max_iter == (run.optimizer == "adam" ? 2000 : 10000));
    REQUIRE(run.settings.stop.grad_norm == 1e-10);
  }
  REQUIRE(labels == std::set<std::string>{"gd", "momentum", "adam, lecture code lr=0.0001",
                                          "adam, lecture code lr=0.001",
                                          "adam, lecture code lr=0.01"});
}
