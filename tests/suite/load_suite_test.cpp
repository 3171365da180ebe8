// load_suite reads a suite file from disk; a file it cannot read is a located ConfigError.
#include <catch2/catch.hpp>

#include <stdlib.h>  // mkdtemp

#include <filesystem>
#include <fstream>

#include "descent/objectives/registry.hpp"
#include "descent/suite/suite.hpp"

using namespace descent;

namespace {

// A fresh directory under the system's temporary directory, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "descent-suite-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

const std::string kText = R"(name = "from-disk"   # a comment, kept verbatim
[[objective]]
name = "beale"
starts = [[2.0, -2.0], [-3.0, 3.0]]
[[optimizer]]
name = "adam"
sweep = { lr = [1e-3, 1e-2] }
)";

}  // namespace

TEST_CASE("load_suite reads a file and keeps its text verbatim", "[suite][file]") {
  const TempDir dir;
  const auto path = dir.path() / "lecture.toml";
  std::ofstream(path, std::ios::binary) << kText;

  const Suite loaded = load_suite(path, builtin_catalog());
  REQUIRE(loaded.name == "from-disk");
  REQUIRE(loaded.path == path);
  REQUIRE(loaded.toml_text == kText);
  REQUIRE(loaded.sha256 == sha256_hex(kText));
  REQUIRE(loaded.runs.size() == 4);

  const Suite parsed = parse_suite(kText, path, builtin_catalog());
  for (std::size_t i = 0; i < parsed.runs.size(); ++i)
    REQUIRE(loaded.runs[i].run_id == parsed.runs[i].run_id);

  SECTION("errors name the file as given") {
    std::ofstream(path, std::ios::binary) << "name = \"x\"\nrepeats = -2\n";
    REQUIRE_THROWS_WITH(load_suite(path, builtin_catalog()),
                        Catch::Matchers::StartsWith(path.string() + ":2:11: repeats: "));
  }
}

TEST_CASE("a missing or unreadable suite file is a ConfigError naming it", "[suite][file]") {
  const TempDir dir;
  SECTION("missing") {
    const auto path = dir.path() / "no-such-suite.toml";
    REQUIRE_THROWS_MATCHES(
        load_suite(path, builtin_catalog()), ConfigError,
        Catch::Matchers::Message(path.string() +
                                 ":1:1: file: cannot read the suite file: it does not exist"));
  }
  SECTION("a directory") {
    REQUIRE_THROWS_MATCHES(
        load_suite(dir.path(), builtin_catalog()), ConfigError,
        Catch::Matchers::Message(dir.path().string() +
                                 ":1:1: file: cannot read the suite file: it is a directory, not a regular file"));
  }
}
