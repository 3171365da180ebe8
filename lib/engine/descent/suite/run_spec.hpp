// RunSpec: one fully specified run of a suite: objective and its parameters, start point,
// method and all its hyperparameters, run settings, repeat and seed. Parameters are stored
// normalised (every default filled in), so two specifications that mean the same run have
// the same canonical text and so the same run id. The parameter maps and settings are
// Shared (shared_value.hpp): the runs of one objective instance or optimizer variant point to
// one copy.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "descent/core/params.hpp"
#include "descent/core/types.hpp"
#include "descent/driver/run_settings.hpp"
#include "descent/suite/shared_value.hpp"

namespace descent {

// The most runs one suite expands to (objectives × starts × optimizers × sweep points ×
// repeats). Larger studies are split into several suites (or run as shards of one); the
// limit keeps a slip of the keyboard (repeats = 10000000) from hanging the loader.
inline constexpr std::int64_t kMaxSuiteRuns = 100000;

struct RunSpec {
  std::string run_id;  // compute_run_id(*this)
  std::string objective;
  Shared<ParamMap> objective_params;
  std::int64_t start_index = 0;
  Vector x0;
  std::string optimizer;
  std::string label;  // display name; defaults to the optimizer's name
  Shared<ParamMap> optimizer_params;
  Shared<RunSettings> settings;
  std::int64_t repeat = 0;
  std::uint64_t seed = 0;

  Index dim() const { return x0.size(); }
};

// Every field but run_id and label, in a fixed order with exact number formatting.
std::string canonical_text(const RunSpec& spec);
// The same with spec.x0 given as its text, start_text(spec.x0): a suite's expansion formats
// each start once for all the runs from it.
std::string canonical_text(const RunSpec& spec, std::string_view x0_text);
std::string start_text(const Vector& x0);
// The first 16 hex digits of SHA-256(canonical_text): stable across runs and machines.
std::string compute_run_id(const RunSpec& spec);
std::string compute_run_id(const RunSpec& spec, std::string_view x0_text);
// SHA-256 of arbitrary bytes, as 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

}  // namespace descent
