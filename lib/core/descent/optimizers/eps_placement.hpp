// Where the adaptive rules put ν, the small constant that keeps a division finite:
//   kInside              ε g / √(a + ν)    (the lecture's RMSProp slides and code; Adam's slide;
//                                           optax and Keras RMSprop and Adagrad)
//   kOutside             ε g / (√a + ν)    (the lecture's Adagrad and Adam code; PyTorch, optax
//                                           Adam)
//   kOutsideUncorrected  Adam only: ν added to √a before the bias correction, which moves into
//                        the rate: ε √(1 − β₂ᵗ)/(1 − β₁ᵗ) · v / (√a + ν)   (Keras Adam)
#pragma once

#include <string_view>
#include <utility>

namespace descent {

enum class EpsPlacement { kInside, kOutside, kOutsideUncorrected };

inline constexpr std::pair<std::string_view, EpsPlacement> kEpsPlacementChoices[] = {
    {"inside", EpsPlacement::kInside}, {"outside", EpsPlacement::kOutside}};

inline constexpr std::pair<std::string_view, EpsPlacement> kAdamEpsPlacementChoices[] = {
    {"inside", EpsPlacement::kInside},
    {"outside", EpsPlacement::kOutside},
    {"outside_uncorrected", EpsPlacement::kOutsideUncorrected}};

}  // namespace descent
