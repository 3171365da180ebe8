#include "descent/suite/study_section.hpp"

#include <cmath>

#include "descent/core/suggest.hpp"

namespace descent {

using namespace suite_toml;

const std::vector<std::string>& study_kinds() {
  static const std::vector<std::string> kinds = {
      "conditioning", "lecture",  "second_order_rates", "regularized_newton",
      "vanishing_exploding", "clipping", "label_smoothing"};
  return kinds;
}

std::optional<StudySettings> read_study_section(const SourceFile& file, const toml::table& root) {
  const toml::node* node = root.get("study");
  if (!node) return std::nullopt;
  const Origin origin = origin_of(*node, "study");
  const toml::table* table = node->as_table();
  if (!table) file.fail(origin, "key 'study' must be a table ([study]), got " + describe_node(*node));
  reject_unknown_keys(file, *table, "study", {"kind", "tolerance"});

  StudySettings study;
  std::string known = " (known studies: ";
  for (std::size_t i = 0; i < study_kinds().size(); ++i)
    known.append(i ? ", " : "").append(study_kinds()[i]);
  known.append(")");
  const toml::node* kind = table->get("kind");
  if (!kind) file.fail({"study.kind", origin.position}, "required key 'kind' is missing" + known);
  const Origin kind_origin = origin_of(*kind, "study.kind");
  const auto name = kind->value<std::string>();
  if (!name) file.fail(kind_origin, "key 'kind' must be string, got " + describe_node(*kind) + known);
  bool found = false;
  for (const auto& k : study_kinds()) found = found || k == *name;
  if (!found)
    file.fail(kind_origin, "unknown study '" + *name + "'" + did_you_mean(*name, study_kinds()) + known);
  study.kind = *name;

  if (const toml::node* tolerance = table->get("tolerance")) {
    const Origin tolerance_origin = origin_of(*tolerance, "study.tolerance");
    const auto value = tolerance->value<double>();
    if (!value || !tolerance->is_number())
      file.fail(tolerance_origin, "key 'tolerance' must be a number, got " + describe_node(*tolerance));
    if (!(*value > 0.0 && *value < 1.0))
      file.fail(tolerance_origin, "key 'tolerance' = " + std::to_string(*value) +
                                      " breaks the rule 0 < tolerance < 1 (a relative error)");
    study.tolerance = *value;
  }
  return study;
}

std::optional<StudySettings> study_settings_of(const std::string& toml_text, const std::string& name) {
  const SourceFile file(name);
  try {
    const toml::table root = toml::parse(std::string_view(toml_text), std::string_view(name));
    return read_study_section(file, root);
  } catch (const toml::parse_error& error) {
    file.fail_document(error.source().begin, "syntax", error.description());
  }
}

}  // namespace descent
