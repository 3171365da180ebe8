// read_text_file: the whole content of a file a user named (a suite file, a CSV data set).
//
// Only a regular file is read, and only up to a size limit: a FIFO would block the reader
// until some other process writes to it, and a device such as /dev/zero never ends. The file
// is opened without blocking and checked through its descriptor (fstat), so the check and the
// read concern the same file; nothing but a regular file has a byte read from it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace descent {

// Why a file was not read, as a rule without the path ("it is a FIFO, not a regular file");
// the caller names the file in its own message.
class TextFileRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The bytes of `path`; TextFileRefused if it does not exist, cannot be opened, is not a
// regular file, or holds more than `max_bytes`.
std::string read_text_file(const std::filesystem::path& path, std::uintmax_t max_bytes);

}  // namespace descent
