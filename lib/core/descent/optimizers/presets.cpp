#include "descent/optimizers/presets.hpp"

#include <string>
#include <vector>

namespace descent {

namespace {

using namespace std::string_literals;

// What a framework sets alike on every method it shares with descent: torch.optim's
// weight_decay = 0 in the L2 form; Keras 3 applies every optimizer's weight_decay to θ scaled
// by the rate, the decoupled form.
ParamMap framework_defaults(Preset preset) {
  if (preset == Preset::kTorch) return {{"weight_decay", 0.0}, {"weight_decay_mode", "l2"s}};
  if (preset == Preset::kKeras) return {{"weight_decay_mode", "decoupled"s}};
  return {};
}

// Each framework's documented defaults for the methods it shares with descent, besides its
// framework_defaults. Where a framework has no default (optax's learning rates;
// torch.optim.SGD's lr, required in its older releases), the preset leaves the method's own.
// optax applies weight decay only through adamw: its adam preset chooses the decoupled form.
std::vector<PresetDefaults> make_table() {
  std::vector<PresetDefaults> table = {
      {Preset::kTorch, "gd", "torch.optim.SGD", {}},
      {Preset::kTorch, "momentum", "torch.optim.SGD(momentum=μ)", {{"dampening", 0.0}}},
      {Preset::kTorch,
       "nesterov",
       "torch.optim.SGD(momentum=μ, nesterov=True)",
       {{"form", "reparam"s}, {"dampening", 0.0}}},
      {Preset::kTorch,
       "adagrad",
       "torch.optim.Adagrad",
       {{"lr", 1e-2},
        {"eps", 1e-10},
        {"eps_placement", "outside"s},
        {"initial_accumulator", 0.0}}},
      {Preset::kTorch,
       "rmsprop",
       "torch.optim.RMSprop",
       {{"lr", 1e-2},
        {"beta", 0.99},
        {"eps", 1e-8},
        {"eps_placement", "outside"s},
        {"momentum", 0.0},
        {"centered", false},
        {"initial_accumulator", 0.0}}},
      {Preset::kTorch,
       "adam",
       "torch.optim.Adam",
       {{"lr", 1e-3},
        {"beta1", 0.9},
        {"beta2", 0.999},
        {"eps", 1e-8},
        {"bias_correction", true},
        {"eps_placement", "outside"s},
        {"amsgrad", false},
        {"eps_root", 0.0}}},

      {Preset::kOptax, "gd", "optax.sgd", {}},
      {Preset::kOptax, "momentum", "optax.sgd(momentum=μ)", {{"dampening", 0.0}}},
      {Preset::kOptax,
       "nesterov",
       "optax.sgd(momentum=μ, nesterov=True)",
       {{"form", "reparam"s}, {"dampening", 0.0}}},
      {Preset::kOptax,
       "adagrad",
       "optax.adagrad",
       {{"eps", 1e-7}, {"eps_placement", "inside"s}, {"initial_accumulator", 0.1}}},
      {Preset::kOptax,
       "rmsprop",
       "optax.rmsprop",
       {{"beta", 0.9},
        {"eps", 1e-8},
        {"eps_placement", "inside"s},
        {"momentum", 0.0},
        {"centered", false},
        {"initial_accumulator", 0.0}}},
      {Preset::kOptax,
       "adam",
       "optax.adam (optax.adamw for weight decay)",
       {{"beta1", 0.9},
        {"beta2", 0.999},
        {"eps", 1e-8},
        {"eps_root", 0.0},
        {"bias_correction", true},
        {"eps_placement", "outside"s},
        {"amsgrad", false},
        {"weight_decay_mode", "decoupled"s}}},

      {Preset::kKeras, "gd", "keras.optimizers.SGD", {{"lr", 1e-2}}},
      {Preset::kKeras, "momentum", "keras.optimizers.SGD(momentum=μ)", {{"lr", 1e-2}}},
      {Preset::kKeras,
       "nesterov",
       "keras.optimizers.SGD(momentum=μ, nesterov=True)",
       {{"lr", 1e-2}, {"form", "reparam"s}}},
      {Preset::kKeras,
       "adagrad",
       "keras.optimizers.Adagrad",
       {{"lr", 1e-3},
        {"eps", 1e-7},
        {"eps_placement", "inside"s},
        {"initial_accumulator", 0.1}}},
      {Preset::kKeras,
       "rmsprop",
       "keras.optimizers.RMSprop",
       {{"lr", 1e-3},
        {"beta", 0.9},
        {"eps", 1e-7},
        {"eps_placement", "inside"s},
        {"momentum", 0.0},
        {"centered", false}}},
      {Preset::kKeras,
       "adam",
       "keras.optimizers.Adam",
       {{"lr", 1e-3},
        {"beta1", 0.9},
        {"beta2", 0.999},
        {"eps", 1e-7},
        {"bias_correction", true},
        {"eps_placement", "outside_uncorrected"s},
        {"amsgrad", false}}},
  };
  for (PresetDefaults& row : table) row.values.merge(framework_defaults(row.preset));
  return table;
}

}  // namespace

std::string preset_name(Preset preset) {
  return std::get<std::string>(FieldType<Preset>::write(preset, kPresetChoices));
}

std::span<const PresetDefaults> preset_table() {
  static const std::vector<PresetDefaults> table = make_table();
  return table;
}

const PresetDefaults* find_preset(Preset preset, std::string_view optimizer) {
  for (const auto& entry : preset_table())
    if (entry.preset == preset && entry.optimizer == optimizer) return &entry;
  return nullptr;
}

ParamMap resolve_preset(std::string_view optimizer, const ParamMap& given) {
  const auto named = given.find(kPresetKey);
  if (named == given.end()) return given;
  const Preset preset = FieldType<Preset>::read(kPresetKey, named->second, kPresetChoices);
  ParamMap resolved = given;
  resolved.erase(std::string(kPresetKey));
  if (preset == Preset::kLecture) return resolved;
  const PresetDefaults* defaults = find_preset(preset, optimizer);
  if (defaults == nullptr) {
    std::string covered;
    for (const auto& entry : preset_table())
      if (entry.preset == preset)
        covered.append(covered.empty() ? "" : ", ").append(entry.optimizer);
    throw ConfigError(std::string(kPresetKey),
                      "preset '" + preset_name(preset) + "' has no defaults for optimizer '" +
                          std::string(optimizer) + "' (it covers " + covered + ")");
  }
  for (const auto& [key, value] : defaults->values) resolved.emplace(key, value);
  return resolved;
}

}  // namespace descent
