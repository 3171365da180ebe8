// The [run] table of a suite, and an optimizer's `run = {...}` override, applied to
// RunSettings without naming any of its fields: the top-level keys are those of
// `RunSettings::visit` (max_iter), the sub-tables those of `RunSettings::visit_tables`
// (stop, record, divergence, and any added there later), each an inline table filled by
// options_from. Applying a table on top of settings overrides key by key: a sub-table given
// in the override merges into the sub-table already set (keys it does not name keep their
// value).
#pragma once

#include "descent/driver/run_settings.hpp"
#include "descent/suite/source_file.hpp"

namespace descent::suite_toml {

// `table` is at `origin` ("run" or "optimizer[2].run"); throws a located ConfigError for an
// unknown key, a sub-table that is not a table, a wrong type or a value out of range.
void apply_run_table(const SourceFile& file, const toml::table& table, const Origin& origin,
                     RunSettings& settings);

}  // namespace descent::suite_toml
