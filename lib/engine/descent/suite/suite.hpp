// Suite: a validated experiment suite file (docs/suites.md, schema 1), expanded
// into the list of runs it describes: objectives × their sweep grids × starts × optimizers ×
// their sweep grids × repeats, in a stable order (the order of the file, sweeps in key order,
// repeats last).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "descent/core/catalog.hpp"
#include "descent/suite/run_spec.hpp"
#include "descent/suite/study_settings.hpp"

namespace descent {

struct Suite {
  std::string name;
  std::string description;
  std::uint64_t seed = 1;
  std::int64_t repeats = 1;
  std::optional<StudySettings> study;  // the [study] table, when the suite is a study
  std::filesystem::path path;
  std::string toml_text;  // verbatim
  std::string sha256;     // of toml_text
  std::vector<RunSpec> runs;
};

// The largest suite file read (16 MiB; the shipped suites are a few KiB). Only a regular file
// is read: a FIFO or a device is refused before a byte is read (descent/core/text_file.hpp).
inline constexpr std::uintmax_t kMaxSuiteFileBytes = std::uintmax_t{16} << 20;

// Reads, validates and expands a suite file. Any problem (malformed TOML, unknown objective,
// optimizer or key, wrong type, value out of range, start of the wrong dimension) throws
// ConfigError whose message starts "FILE:LINE:COLUMN: KEY: " and states the rule broken.
Suite load_suite(const std::filesystem::path& path, const Catalog& catalog);
// The same, from text (`path` is used in messages only).
Suite parse_suite(const std::string& toml_text, const std::filesystem::path& path,
                  const Catalog& catalog);

// Per-run seed: the first 63 bits of SHA-256("suite_seed=S\n" + canonical_text(spec)) with the
// spec's seed set to 0, i.e. a hash of the suite seed and everything that defines the run
// (objective, parameters, start, optimizer, hyperparameters, settings, repeat).
std::uint64_t derive_seed(std::uint64_t suite_seed, const RunSpec& spec_without_seed);
// The same with the spec's x0 given as its text (start_text).
std::uint64_t derive_seed(std::uint64_t suite_seed, const RunSpec& spec_without_seed,
                          std::string_view x0_text);

}  // namespace descent
