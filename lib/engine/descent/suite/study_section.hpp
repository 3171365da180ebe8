// Reading the [study] table (study_settings.hpp) out of a parsed suite document.
#pragma once

#include <optional>

#include <toml++/toml.h>

#include "descent/suite/source_file.hpp"
#include "descent/suite/study_settings.hpp"

namespace descent {

// The [study] table, or nothing when the suite has none. A wrong type, an unknown kind (with
// the closest known one), an unknown key or a tolerance out of range is a located ConfigError.
std::optional<StudySettings> read_study_section(const suite_toml::SourceFile& file,
                                                const toml::table& root);

}  // namespace descent
