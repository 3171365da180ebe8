#include "descent/suite/suite.hpp"

#include <map>

#include "descent/core/counted.hpp"
#include "descent/core/text_file.hpp"
#include "descent/suite/located_params.hpp"
#include "descent/suite/memory_limit.hpp"
#include "descent/suite/objective_section.hpp"
#include "descent/suite/optimizer_section.hpp"
#include "descent/suite/run_table.hpp"
#include "descent/suite/source_file.hpp"
#include "descent/suite/study_section.hpp"

namespace descent {

namespace {

using namespace suite_toml;

// The suite's own top-level keys.
struct SuiteHeader {
  std::string name;
  std::string description;
  std::int64_t seed = 1;
  std::int64_t repeats = 1;

  template <class V>
  void visit(V& v) {
    v.text("name", name, "name of the suite (required)");
    v.text("description", description, "one line on what the suite studies");
    v.integer("seed", seed, Range::non_negative(), "every run derives its seed from it");
    v.integer("repeats", repeats, Range::closed(1, kMaxSuiteRuns), "repetitions of each cell");
  }
  void validate() const {
    if (name.empty()) throw ConfigError("name", "key 'name' must be a non-empty string");
  }
};

const std::vector<std::string> kSections = {"run", "objective", "optimizer", "study"};

constexpr toml::source_position kDocumentStart{1, 1};

SuiteHeader read_header(const SourceFile& file, const toml::table& root) {
  std::vector<std::string> known;
  for (const auto& field : fields_of<SuiteHeader>()) known.push_back(field.name);
  known.insert(known.end(), kSections.begin(), kSections.end());
  reject_unknown_keys(file, root, "", known);
  const LocatedParams params = read_params(file, root, {"", kDocumentStart}, kSections);
  if (!params.values.contains("name"))
    file.fail({"name", kDocumentStart},
              "required key 'name' is missing (a string naming the suite)");
  return located(file, params, [&] { return options_from<SuiteHeader>(params.values); });
}

RunSettings read_run_defaults(const SourceFile& file, const toml::table& root) {
  RunSettings settings;
  const toml::node* node = root.get("run");
  if (!node) return settings;
  const Origin origin = origin_of(*node, "run");
  const toml::table* table = node->as_table();
  if (!table) file.fail(origin, "key 'run' must be a table ([run]), got " + describe_node(*node));
  apply_run_table(file, *table, origin, settings);
  return settings;
}

// The [[objective]] or [[optimizer]] tables: at least one, each a table.
std::vector<const toml::table*> section_tables(const SourceFile& file, const toml::table& root,
                                               const std::string& section) {
  const toml::node* node = root.get(section);
  if (!node)
    file.fail({section, kDocumentStart}, "the suite needs at least one [[" + section + "]] table");
  const Origin origin = origin_of(*node, section);
  const toml::array* array = node->as_array();
  if (!array || array->empty())
    file.fail(origin, "key '" + section + "' must be one or more [[" + section + "]] tables, got " +
                          describe_node(*node));
  std::vector<const toml::table*> tables;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::table* table = (*array)[i].as_table();
    if (!table)
      file.fail(origin_of((*array)[i], element_key(section, i)),
                "every [[" + section + "]] must be a table, got " + describe_node((*array)[i]));
    tables.push_back(table);
  }
  return tables;
}

// Where a run came from in the file, to name both runs of a duplicate cell.
struct RunOrigin {
  const ObjectiveSetup* objective;
  std::size_t start;
  const OptimizerVariant* variant;
  std::int64_t repeat;

  std::string describe() const {
    return objective->origin.key + " (" + objective->label + ") start " + std::to_string(start) +
           " × " + variant->origin.key + " (" + variant->label + ") repeat " +
           std::to_string(repeat);
  }
  // Where this run's table differs from `other`'s (two runs of one objective instance and start
  // differ in the start index, so a duplicate comes from a repeated objective, optimizer or
  // sweep value).
  Origin difference_from(const RunOrigin& other) const {
    if (objective != other.objective)
      return objective->index != other.objective->index ? objective->origin : objective->sweep_origin;
    if (variant->index != other.variant->index) return variant->origin;
    return variant->sweep_origin;
  }
};

void check_unique(const SourceFile& file, const std::vector<RunSpec>& runs,
                  const std::vector<RunOrigin>& origins) {
  std::map<std::string_view, std::size_t> first_with_id;  // views of the runs' ids
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const auto [it, inserted] = first_with_id.emplace(runs[i].run_id, i);
    if (inserted) continue;
    const RunOrigin& earlier = origins[it->second];
    file.fail(origins[i].difference_from(earlier),
              "duplicate cell: run " + origins[i].describe() + " is the same run as " +
                  earlier.describe() + " (run id " + runs[i].run_id +
                  "); every cell must differ in objective, parameters, start, optimizer, "
                  "hyperparameters or run settings");
  }
}

// Every method that forms dense n×n matrices against every objective, before any run: a
// mismatch is reported at the [[optimizer]] table, naming the [[objective]] and the limit.
void check_dense_matrices(const SourceFile& file, const std::vector<ObjectiveSetup>& objectives,
                          const std::vector<OptimizerVariant>& variants) {
  for (const auto& variant : variants) {
    for (const auto& objective : objectives)
      if (const auto conflict = dense_matrix_conflict(*variant.entry, *objective.objective))
        file.fail(variant.origin, "with " + describe(objective) + ": " + *conflict);
  }
}

// objectives × starts × optimizer variants × repeats, before expanding them.
void check_run_count(const SourceFile& file, const std::vector<ObjectiveSetup>& objectives,
                     std::size_t variants, std::int64_t repeats) {
  std::int64_t starts = 0;
  for (const auto& objective : objectives) starts += static_cast<std::int64_t>(objective.starts.size());
  // Each factor is at most kMaxSuiteRuns times the number of tables: the product fits.
  const double runs = static_cast<double>(starts) * static_cast<double>(variants) *
                      static_cast<double>(repeats);
  if (runs > static_cast<double>(kMaxSuiteRuns))
    file.fail_document(kDocumentStart, "runs",
                       "the suite expands to " + counted(starts, "start") + " × " +
                           counted(static_cast<std::int64_t>(variants), "optimizer variant") +
                           " × " + counted(repeats, "repeat") + " = " +
                           counted(static_cast<std::int64_t>(runs), "run") +
                           ", more than a suite may expand to (" +
                           std::to_string(kMaxSuiteRuns) +
                           "); split the study into several suites");
}

// Every expanded run holds a copy of its start point (memory_limit.hpp).
void check_run_memory(const SourceFile& file, const std::vector<ObjectiveSetup>& objectives,
                      std::size_t variants, std::int64_t repeats) {
  const double runs_per_start = static_cast<double>(variants) * static_cast<double>(repeats);
  double runs = 0.0, coordinates = 0.0;
  for (const auto& objective : objectives) {
    const auto starts = static_cast<double>(objective.starts.size());
    runs += starts * runs_per_start;
    coordinates += starts * runs_per_start * static_cast<double>(objective.objective->dim());
  }
  const std::string rule = memory_rule(
      "the suite's " + std::to_string(static_cast<std::int64_t>(runs)) +
          " runs, each holding its start point,",
      coordinates * static_cast<double>(sizeof(double)), available_memory_bytes());
  if (!rule.empty())
    file.fail_document(kDocumentStart, "memory",
                       rule + "; use fewer starts, variants or repeats, or a smaller dimension");
}

std::vector<RunSpec> expand(const SourceFile& file, const std::vector<ObjectiveSetup>& objectives,
                            const std::vector<OptimizerVariant>& variants, std::uint64_t seed,
                            std::int64_t repeats) {
  std::size_t count = 0;
  for (const auto& objective : objectives)
    count += objective.starts.size() * variants.size() * static_cast<std::size_t>(repeats);
  std::vector<RunSpec> runs;
  std::vector<RunOrigin> origins;
  runs.reserve(count);
  origins.reserve(count);
  // One copy of each parameter map and of each variant's settings, shared by its runs.
  std::vector<Shared<RunSettings>> settings;
  for (const auto& variant : variants) settings.emplace_back(variant.settings);
  for (const auto& objective : objectives) {
    const Shared<ParamMap> objective_params(objective.params);
    std::vector<Shared<ParamMap>> hyperparameters;
    for (const auto& variant : variants)
      hyperparameters.emplace_back(hyperparameters_for(file, variant, objective));
    for (std::size_t s = 0; s < objective.starts.size(); ++s) {
      const std::string x0_text = start_text(objective.starts[s]);
      for (std::size_t v = 0; v < variants.size(); ++v)
        for (std::int64_t repeat = 0; repeat < repeats; ++repeat) {
          const OptimizerVariant& variant = variants[v];
          RunSpec spec;
          spec.objective = objective.name;
          spec.objective_params = objective_params;
          spec.start_index = static_cast<std::int64_t>(s);
          spec.x0 = objective.starts[s];
          spec.optimizer = variant.name();
          spec.label = variant.label;
          spec.optimizer_params = hyperparameters[v];
          spec.settings = settings[v];
          spec.repeat = repeat;
          spec.seed = derive_seed(seed, spec, x0_text);
          spec.run_id = compute_run_id(spec, x0_text);
          runs.push_back(std::move(spec));
          origins.push_back({&objective, s, &variant, repeat});
        }
    }
  }
  check_unique(file, runs, origins);
  return runs;
}

toml::table parse_document(const SourceFile& file, const std::string& text) {
  try {
    return toml::parse(std::string_view(text), std::string_view(file.name()));
  } catch (const toml::parse_error& error) {
    file.fail_document(error.source().begin, "syntax", error.description());
  }
}

}  // namespace

Suite parse_suite(const std::string& toml_text, const std::filesystem::path& path,
                  const Catalog& catalog) {
  const SourceFile file(path.string());
  const toml::table root = parse_document(file, toml_text);
  const SuiteHeader header = read_header(file, root);
  const auto seed = static_cast<std::uint64_t>(header.seed);
  const RunSettings defaults = read_run_defaults(file, root);
  std::optional<StudySettings> study = read_study_section(file, root);

  std::vector<ObjectiveSetup> objectives;
  std::size_t objective_index = 0;
  for (const toml::table* table : section_tables(file, root, "objective"))
    for (auto& instance : read_objective(file, *table, objective_index++, seed, catalog))
      objectives.push_back(std::move(instance));
  std::vector<OptimizerVariant> variants;
  std::size_t optimizer_index = 0;
  for (const toml::table* table : section_tables(file, root, "optimizer"))
    for (auto& variant : read_optimizer(file, *table, optimizer_index++, defaults, catalog))
      variants.push_back(std::move(variant));

  check_dense_matrices(file, objectives, variants);
  check_run_count(file, objectives, variants.size(), header.repeats);
  check_run_memory(file, objectives, variants.size(), header.repeats);

  Suite suite;
  suite.name = header.name;
  suite.description = header.description;
  suite.seed = seed;
  suite.repeats = header.repeats;
  suite.study = std::move(study);
  suite.path = path;
  suite.toml_text = toml_text;
  suite.sha256 = sha256_hex(toml_text);
  suite.runs = expand(file, objectives, variants, seed, header.repeats);
  return suite;
}

Suite load_suite(const std::filesystem::path& path, const Catalog& catalog) {
  const SourceFile file(path.string());
  std::string text;
  try {
    text = read_text_file(path, kMaxSuiteFileBytes);
  } catch (const TextFileRefused& refused) {
    file.fail_document(kDocumentStart, "file",
                       std::string("cannot read the suite file: ").append(refused.what()));
  }
  if (text.empty())
    file.fail_document(kDocumentStart, "file",
                       "the suite file is empty (a suite needs at least name, [[objective]] and "
                       "[[optimizer]]; see docs/suites.md)");
  return parse_suite(text, path, catalog);
}

// Hashing the canonical text makes the seed a function of what the run is, not of where it
// sits in the file: reordering a suite or adding runs to it leaves every other run's seed as
// it was. The first 63 bits of the hash, so that the seed fits every signed 64-bit field.
std::uint64_t derive_seed(std::uint64_t suite_seed, const RunSpec& spec_without_seed) {
  return derive_seed(suite_seed, spec_without_seed, start_text(spec_without_seed.x0));
}

std::uint64_t derive_seed(std::uint64_t suite_seed, const RunSpec& spec_without_seed,
                          std::string_view x0_text) {
  RunSpec key = spec_without_seed;
  key.seed = 0;
  const std::string text =
      "suite_seed=" + std::to_string(suite_seed) + "\n" + canonical_text(key, x0_text);
  return std::stoull(sha256_hex(text).substr(0, 16), nullptr, 16) >> 1;
}

}  // namespace descent
