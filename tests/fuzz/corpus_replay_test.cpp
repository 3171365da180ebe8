// Every input kept under tests/fuzz/corpus/<target>/ (seeds and the inputs that once found a
// defect) replayed through what the fuzz program does with it (fuzz_inputs.hpp), in every
// build: a regression input fails here, with its path, without clang or libFuzzer.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz/fuzz_inputs.hpp"

using namespace descent;

TEST_CASE("every kept fuzz input is refused or read without a defect", "[fuzz]") {
  const auto target = GENERATE(as<std::string>{}, "suite_parser", "results_reader");
  const auto run = target == "suite_parser" ? fuzz::parse_suite_input : fuzz::read_results_input;
  const auto corpus = std::filesystem::path(DESCENT_SOURCE_DIR) / "tests/fuzz/corpus" / target;
  std::vector<std::filesystem::path> inputs;
  for (const auto& entry : std::filesystem::directory_iterator(corpus))
    if (entry.is_regular_file()) inputs.push_back(entry.path());
  std::sort(inputs.begin(), inputs.end());
  REQUIRE(inputs.size() >= 2);
  for (const auto& input : inputs) {
    INFO(input.string());
    std::ifstream in(input, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    REQUIRE_NOTHROW(run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
  }
}
