// Where the adaptive rules put ν, the small constant that keeps a division finite:
//   kInside   ε g / √(a + ν)    (the lecture's RMSProp slides and code; Adam's slide)
//   kOutside  ε g / (√a + ν)    (the lecture's Adagrad and Adam code; PyTorch, optax)
#pragma once

#include <string_view>
#include <utility>

namespace descent {

enum class EpsPlacement { kInside, kOutside };

inline constexpr std::pair<std::string_view, EpsPlacement> kEpsPlacementChoices[] = {
    {"inside", EpsPlacement::kInside}, {"outside", EpsPlacement::kOutside}};

}  // namespace descent
