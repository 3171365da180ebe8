// Small text files for tests: suite files written in place, outputs and messages read back.
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace descent::test {

inline std::filesystem::path write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path) << text;
  return path;
}

// The whole file, empty when it cannot be read.
inline std::string text_of(const std::filesystem::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace descent::test
