// libFuzzer entry point: suite files (TOML text), fuzz_inputs.hpp.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_inputs.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  descent::fuzz::parse_suite_input(data, size);
  return 0;
}
