// libFuzzer entry point: results files (HDF5 bytes), fuzz_inputs.hpp.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_inputs.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  descent::fuzz::read_results_input(data, size);
  return 0;
}
