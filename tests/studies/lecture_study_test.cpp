// The lecture study on a copy from one start with a shorter cap and an Adam too slow to arrive:
// each claim's verdict follows what the results show.
#include "support/study_copies.hpp"

using namespace descent;

TEST_CASE("a copy of the lecture study marks each claim by what its runs did", "[studies][lecture]") {
  const test::StudyRun study({.kind = "lecture", .run = R"toml(max_iter = 3000
stop = { step_norm = 1e-12 })toml", .body = R"toml(
[[objective]]
name = "beale"
starts = [[2.0, -2.0]]
[[optimizer]]
name = "gd"
lr = 1e-4
[[optimizer]]
name = "momentum"
lr = 5e-4
momentum = 0.9
[[optimizer]]
name = "rmsprop"
label = "rmsprop+momentum"
lr = 1e-2
momentum = 0.9
eps_placement = "outside"
[[optimizer]]
name = "adam"
lr = 1e-6
)toml"});
  REQUIRE(study.rows.size() == 4);  // one claim per method present
  const auto verdict = [&](const std::string& quantity) {
    const auto row = test::the_row(study.rows, quantity);
    CHECK(row.at("parameters") == "start=(2 -2)");
    CHECK(row.at("predicted") == "1");
    return row.at("verdict");
  };
  CHECK(verdict("gradient descent does not reach") == "agrees");
  CHECK(verdict("momentum is trapped") == "agrees");
  CHECK(verdict("RMSProp with momentum reaches the minimum before every other") == "agrees");
  CHECK(verdict("Adam reaches the minimum") == "differs");  // lr = 1e-6 barely moves
  CHECK(test::the_row(study.rows, "Adam reaches").at("measured") == "0");
  test::require_latex_compiles(study.output(), "study.tex");
}
