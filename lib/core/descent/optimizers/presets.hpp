// Presets: `preset = "torch"` on an optimizer sets the defaults of its parameters to those a
// framework documents for the same method, so that a configuration ported from torch.optim,
// optax or Keras runs the same rule; keys given explicitly override the preset's values.
// "lecture" is the methods' own defaults (their options structs).
//
// The table of every preset's values is in presets.cpp, as data, and docs/methods.md
// reproduces it; tests/optimizers/presets_test.cpp checks the two agree. A preset resolves to
// plain parameter values before a method is built: the results store the values among the
// method's parameters and the preset's name among the run settings.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "descent/core/params.hpp"

namespace descent {

enum class Preset { kLecture, kTorch, kOptax, kKeras };

inline constexpr std::pair<std::string_view, Preset> kPresetChoices[] = {
    {"lecture", Preset::kLecture},
    {"torch", Preset::kTorch},
    {"optax", Preset::kOptax},
    {"keras", Preset::kKeras}};

// The key that names a preset among an optimizer's parameters.
inline constexpr std::string_view kPresetKey = "preset";

// One framework's defaults for one method.
struct PresetDefaults {
  Preset preset;
  std::string_view optimizer;  // the method's registered name
  std::string_view source;     // the framework's class or function, whose defaults these are
  ParamMap values;
};

std::span<const PresetDefaults> preset_table();

std::string preset_name(Preset preset);

// The defaults `preset` sets on `optimizer`, or nullptr when the preset does not cover it.
const PresetDefaults* find_preset(Preset preset, std::string_view optimizer);

// `given` with its "preset" key (if any) resolved: the preset's values fill every key not
// given, and the key itself is gone. A preset that is not a known name, or that has no
// defaults for `optimizer` (every method takes "lecture"), is a ConfigError on key "preset".
ParamMap resolve_preset(std::string_view optimizer, const ParamMap& given);

}  // namespace descent
