// "Did you mean …" for mistyped names and keys.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "descent/core/suggest.hpp"

namespace descent {
namespace {

TEST_CASE("edit distance counts insertions, deletions, substitutions and swaps", "[suggest]") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("adam", "adam") == 0);
  CHECK(edit_distance("adam", "adamw") == 1);
  CHECK(edit_distance("lbfgs", "bfgs") == 1);
  CHECK(edit_distance("rosenbrock", "rosenbrok") == 1);
  CHECK(edit_distance("lr", "rl") == 1);  // one adjacent transposition
  CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("the closest known names are suggested, nearest first", "[suggest]") {
  const std::vector<std::string> known = {"run", "list", "show", "check", "inspect", "report",
                                          "merge"};
  CHECK(did_you_mean("inpsect", known) == " (did you mean 'inspect'?)");
  CHECK(did_you_mean("rn", known) == " (did you mean 'run'?)");
  CHECK(did_you_mean("frobnicate", known).empty());
  CHECK(did_you_mean("run", known).empty());  // an exact match is no suggestion
  const std::vector<std::string> methods = {"bfgs", "lbfgs", "gd", "cg"};
  CHECK(did_you_mean("dbfgs", methods) == " (did you mean 'bfgs' or 'lbfgs'?)");
  CHECK(closest_names("gc", methods) == std::vector<std::string>{"gd", "cg"});
}

}  // namespace
}  // namespace descent
