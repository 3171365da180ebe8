// The start points of one [[objective]]: its `starts` key, one of
//   starts = [[2.0, -2.0], [-3.0, 3.0]]      explicit points, each of the objective's dimension
//   starts = "standard"                      the objective's standard_starts() (the default)
//   starts = { random = 8, box = [-4, 4] }   K random points (random_starts.hpp)
#pragma once

#include <cstdint>
#include <vector>

#include "descent/core/objective.hpp"
#include "descent/suite/source_file.hpp"

namespace descent::suite_toml {

// `objective_table` is the [[objective]] at `objective_origin` ("objective[1]"), `index` its
// position among the objectives (it seeds random starts together with `suite_seed`).
std::vector<Vector> read_starts(const SourceFile& file, const toml::table& objective_table,
                                const Origin& objective_origin, std::string_view objective_name,
                                const Objective& objective, std::uint64_t suite_seed,
                                std::size_t index);

}  // namespace descent::suite_toml
