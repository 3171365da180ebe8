// What the fuzz programs (tests/fuzz/*_fuzz.cpp, libFuzzer) do with one input, shared with the
// test that replays their corpus in every build (corpus_replay_test.cpp). An input may be
// refused only as a ConfigError (a located message, exit status 2 from descent); any other
// exception, a crash or a sanitizer report is a defect, and the input that found it is kept
// under tests/fuzz/corpus/<target>/.
#pragma once

#include <cstddef>
#include <cstdint>

namespace descent::fuzz {

// The bytes as a suite file: parsed, validated and expanded against the built-in catalog.
void parse_suite_input(const std::uint8_t* data, std::size_t size);

// The bytes as a results file (written to a temporary file): opened, summarised as `inspect`
// does, and every run and its trace read and tabulated as `report` does.
void read_results_input(const std::uint8_t* data, std::size_t size);

}  // namespace descent::fuzz
