#include "descent/driver/run_settings.hpp"

namespace descent {

namespace {

struct PrefixedCollector {
  ParamMap& out;
  template <class Sub>
  void table(std::string_view prefix, const Sub& sub) {
    for (auto& [key, value] : params_of(sub)) out.emplace(std::string(prefix) + "." + key, value);
  }
};

}  // namespace

ParamMap params_of(const RunSettings& settings) {
  ParamMap out = params_of<RunSettings>(settings);
  RunSettings copy = settings;
  PrefixedCollector collector{out};
  copy.visit_tables(collector);
  return out;
}

}  // namespace descent
