// The suite and study files shipped in experiments/suites and experiments/studies, as the
// tests that load or run every one of them list them.
#pragma once

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace descent::test {

// The .toml files of experiments/FOLDER in the source tree, sorted by name.
inline std::vector<std::filesystem::path> shipped_toml_files(const std::string& folder) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(DESCENT_SOURCE_DIR) / "experiments" / folder))
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace descent::test
