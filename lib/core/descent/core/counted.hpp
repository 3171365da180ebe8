// A count with its noun in the right number, for every message that counts something:
// counted(1, "run") is "1 run", counted(3, "run") "3 runs", counted(0, "point") "0 points";
// nouns whose plural is not noun + "s" give it: counted(2, "index", "indices").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace descent {

inline std::string counted(std::int64_t count, std::string_view noun,
                           std::string_view plural = {}) {
  std::string text = std::to_string(count) + " ";
  if (count == 1) return text.append(noun);
  return plural.empty() ? text.append(noun).append("s") : text.append(plural);
}

}  // namespace descent
