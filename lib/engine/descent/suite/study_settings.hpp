// StudySettings: the [study] table of a suite: which analysis `descent study` and `descent report` run on
// the suite's results (docs/studies.md):
//   [study]
//   kind = "conditioning"        required, one of study_kinds()
//   tolerance = 0.05             optional: the largest relative error |measured − predicted| /
//                                |predicted| a row may have to read `agrees` (0 < tolerance < 1;
//                                default: the study's own, stated in docs/studies.md)
// The table is read with the rest of the suite and again, from the suite text stored in a
// results file, by `descent report`, so both run the same analysis.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace descent {

struct StudySettings {
  std::string kind;
  std::optional<double> tolerance;

  bool operator==(const StudySettings&) const = default;
};

// The analyses a [study] may name, in the order docs/studies.md presents them.
const std::vector<std::string>& study_kinds();

// The [study] table of a suite's text (as a results file stores it), or nothing when it has
// none; `name` is used in messages. Problems are located ConfigErrors as in load_suite.
std::optional<StudySettings> study_settings_of(const std::string& toml_text, const std::string& name);

}  // namespace descent
