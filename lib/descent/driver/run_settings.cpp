#include "descent/driver/run_settings.hpp"

namespace descent {

namespace {

template <class Sub>
void merge_prefixed(ParamMap& out, std::string_view prefix, const Sub& sub) {
  for (auto& [key, value] : params_of(sub)) out.emplace(std::string(prefix) + "." + key, value);
}

}  // namespace

ParamMap params_of(const RunSettings& settings) {
  ParamMap out;
  out.emplace("max_iter", settings.max_iter);
  merge_prefixed(out, "stop", settings.stop);
  merge_prefixed(out, "record", settings.record);
  merge_prefixed(out, "divergence", settings.divergence);
  return out;
}

}  // namespace descent
