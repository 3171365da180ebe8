// "Did you mean …": the known names closest to a mistyped one.
//
// Closeness is the optimal-string-alignment distance (Levenshtein with adjacent
// transpositions: "lr" → "rl" is one edit). A name is suggested when its distance is at most
// max(1, |typed| / 3), so short keys tolerate one slip and long names a few; exact matches are
// not suggestions.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace descent {

std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest known names, nearest first (ties in the order given); empty when none is close.
std::vector<std::string> closest_names(std::string_view typed, std::span<const std::string> known);

// " (did you mean 'x'?)", " (did you mean 'x' or 'y'?)", or "" when nothing is close.
std::string did_you_mean(std::string_view typed, std::span<const std::string> known);

}  // namespace descent
