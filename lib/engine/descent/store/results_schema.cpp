#include "descent/store/results_schema.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <limits>
#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <type_traits>

#include "descent/core/config_error.hpp"
#include "descent/store/global_heap_check.hpp"
#include "descent/store/variable_string_check.hpp"

namespace descent::schema {

namespace {

using h5::Handle;

// /index in memory: one 8-byte slot per column, in index_table's order; text as HDF5
// variable-length strings (char*, which HDF5 only reads through when writing).
union IndexSlot {
  char* text;
  std::int64_t integer;
  std::uint64_t unsigned_integer;
  double real;
};

template <class>
struct MemberOf;
template <class Owner, class T>
struct MemberOf<T Owner::*> {
  using owner = Owner;
  using type = T;
};

template <class Owner>
Owner& part(IndexEntry& entry) {
  if constexpr (std::is_same_v<Owner, IndexRow>) return entry.row;
  else return entry.location;
}

template <class Owner>
const Owner& part(const IndexEntry& entry) {
  if constexpr (std::is_same_v<Owner, IndexRow>) return entry.row;
  else return entry.location;
}

// The HDF5 memory type of a column and the type class it must have in a file.
hid_t column_type(const IndexColumn& column, hid_t text) {
  return std::visit(
      [&](auto member) -> hid_t {
        using T = typename MemberOf<decltype(member)>::type;
        if constexpr (std::is_same_v<T, std::string>) return text;
        else if constexpr (std::is_same_v<T, double>) return H5T_NATIVE_DOUBLE;
        else if constexpr (std::is_same_v<T, std::int64_t>) return H5T_NATIVE_INT64;
        else return H5T_NATIVE_UINT64;
      },
      column.field);
}

// The columns to read from the /index `dataset` of a file of `version`: every required one,
// and each optional one the file has (the others keep IndexRow's defaults).
std::vector<IndexColumn> columns_of(std::int64_t version, const Handle& dataset) {
  const Handle stored = dataset.derived(H5Dget_type(dataset.id()), "H5Dget_type");
  std::vector<IndexColumn> columns;
  for (const auto& column : index_table()) {
    if (column.located && version < 2) continue;
    if (column.optional && H5Tget_member_index(stored.id(), column.name) < 0) continue;
    columns.push_back(column);
  }
  return columns;
}

Handle index_type(const Handle& about, const std::vector<IndexColumn>& columns,
                  const Handle& text) {
  Handle type = about.derived(H5Tcreate(H5T_COMPOUND, sizeof(IndexSlot) * columns.size()),
                              "H5Tcreate");
  for (std::size_t i = 0; i < columns.size(); ++i)
    type.check(H5Tinsert(type.id(), columns[i].name, i * sizeof(IndexSlot),
                         column_type(columns[i], text.id())),
               "H5Tinsert");
  return type;
}

void store(const IndexEntry& entry, const IndexColumn& column, IndexSlot& slot) {
  std::visit(
      [&](auto member) {
        using T = typename MemberOf<decltype(member)>::type;
        const auto& value = part<typename MemberOf<decltype(member)>::owner>(entry).*member;
        if constexpr (std::is_same_v<T, std::string>) slot.text = const_cast<char*>(value.c_str());
        else if constexpr (std::is_same_v<T, double>) slot.real = value;
        else if constexpr (std::is_same_v<T, std::int64_t>) slot.integer = value;
        else slot.unsigned_integer = value;
      },
      column.field);
}

void load(IndexEntry& entry, const IndexColumn& column, const IndexSlot& slot) {
  std::visit(
      [&](auto member) {
        using T = typename MemberOf<decltype(member)>::type;
        auto& value = part<typename MemberOf<decltype(member)>::owner>(entry).*member;
        if constexpr (std::is_same_v<T, std::string>) value = slot.text ? slot.text : "";
        else if constexpr (std::is_same_v<T, double>) value = slot.real;
        else if constexpr (std::is_same_v<T, std::int64_t>) value = slot.integer;
        else value = slot.unsigned_integer;
      },
      column.field);
}

// Whether the stored /index has every column, each of the right type class.
void check_index_type(const Handle& dataset, const std::vector<IndexColumn>& columns) {
  const Handle stored = dataset.derived(H5Dget_type(dataset.id()), "H5Dget_type");
  if (H5Tget_class(stored.id()) != H5T_COMPOUND)
    throw h5::Error("/index is not a table (compound dataset)");
  const Handle text = h5::string_type();
  for (const auto& column : columns) {
    const int member = H5Tget_member_index(stored.id(), column.name);
    if (member < 0) throw h5::Error(std::string("/index has no column ") + column.name);
    const H5T_class_t expected = H5Tget_class(column_type(column, text.id()));
    if (H5Tget_member_class(stored.id(), static_cast<unsigned>(member)) != expected)
      throw h5::Error(std::string("/index column ") + column.name + " has the wrong type");
  }
  if (H5Sget_simple_extent_ndims(dataset.derived(H5Dget_space(dataset.id()), "H5Dget_space").id()) != 1)
    throw h5::Error("/index is not one-dimensional");
}

ParamMap read_params(const Handle& parent, const char* name) {
  const Handle group = h5::open_group(parent, name);
  ParamMap params;
  for (const auto& key : h5::attribute_names(group)) params.emplace(key, h5::read_attribute(group, key));
  return params;
}

Vector to_vector(const std::vector<double>& values) {
  return Eigen::Map<const Vector>(values.data(), static_cast<Index>(values.size()));
}

bool is_link_name(const std::string& name) {
  return !name.empty() && name != "." && name.find('/') == std::string::npos;
}

}  // namespace

bool is_standard_column(const std::string& name) {
  const auto& standard = standard_trace_columns();
  return name == "x" || std::find(standard.begin(), standard.end(), name) != standard.end();
}

const std::vector<IndexColumn>& index_table() {
  static const std::vector<IndexColumn> table{
      {"run_id", &IndexRow::run_id, false},
      {"objective", &IndexRow::objective, false},
      {"optimizer", &IndexRow::optimizer, false},
      {"label", &IndexRow::label, false},
      {"dim", &IndexRow::dim, false},
      {"start_index", &IndexRow::start_index, false},
      {"repeat", &IndexRow::repeat, false},
      {"status", &IndexRow::status, false},
      {"stop_reason", &IndexRow::stop_reason, false},
      {"iterations", &IndexRow::iterations, false},
      {"f_final", &IndexRow::f_final, false},
      {"grad_norm_final", &IndexRow::grad_norm_final, false},
      {"evals_f", &IndexRow::evals_f, false},
      {"evals_grad", &IndexRow::evals_grad, false},
      {"evals_hess", &IndexRow::evals_hess, false},
      {"evals_hvp", &IndexRow::evals_hvp, false},
      {"seconds", &IndexRow::seconds, false},
      {"f_star", &IndexRow::f_star, false, true},
      {"f_star_source", &IndexRow::f_star_source, false, true},
      {"seed", &RunLocation::seed, true},
      {"params", &RunLocation::params, true},
      {"objective_params", &RunLocation::objective_params, true},
      {"settings", &RunLocation::settings, true},
      {"x_start", &RunLocation::x_start, true},
      {"trace", &RunLocation::trace, true},
      {"trace_start", &RunLocation::trace_start, true},
      {"trace_rows", &RunLocation::trace_rows, true},
  };
  return table;
}

const std::vector<StandardColumn>& standard_columns() {
  static const std::vector<StandardColumn> columns{
      {"iter", &Trace::iter},
      {"f", &Trace::f},
      {"grad_norm", &Trace::grad_norm},
      {"raw_grad_norm", &Trace::raw_grad_norm},
      {"step_norm", &Trace::step_norm},
      {"lr", &Trace::lr},
      {"evals_f", &Trace::evals_f},
      {"evals_grad", &Trace::evals_grad},
      {"evals_hess", &Trace::evals_hess},
      {"evals_hvp", &Trace::evals_hvp},
      {"seconds", &Trace::seconds},
  };
  return columns;
}

ConfigError invalid_file(const std::string& file, const std::string& what) {
  return ConfigError(file, file + ": not a valid results file: " + what);
}

void write_root(const Handle& file, const ResultsFileInfo& info) {
  h5::write_attribute(file, "schema", info.schema.c_str());
  h5::write_attribute(file, "schema_version", ParamValue(info.schema_version));
  h5::write_attribute(file, "software_version", info.software_version.c_str());
  h5::write_attribute(file, "git_commit", info.git_commit.c_str());
  h5::write_attribute(file, "compiler", info.compiler.c_str());
  h5::write_attribute(file, "build_type", info.build_type.c_str());
  h5::write_attribute(file, "created", info.created.c_str());
  h5::write_attribute(file, "host", info.host.c_str());
  h5::write_attribute(file, "suite_name", info.suite_name.c_str());
  h5::write_attribute(file, "suite_toml", info.suite_toml.c_str());
  h5::write_attribute(file, "suite_sha256", info.suite_sha256.c_str());
  h5::write_attribute(file, "ranks", ParamValue(info.ranks));
  h5::write_attribute(file, "threads", ParamValue(info.threads));
  h5::write_attribute(file, "hosts", info.hosts.c_str());
}

ResultsFileInfo read_root(const Handle& file) {
  ResultsFileInfo info;
  info.schema = h5::read_string_attribute(file, "schema");
  info.schema_version = h5::read_integer_attribute(file, "schema_version");
  info.software_version = h5::read_string_attribute(file, "software_version");
  info.git_commit = h5::read_string_attribute(file, "git_commit");
  info.compiler = h5::read_string_attribute(file, "compiler");
  info.build_type = h5::read_string_attribute(file, "build_type");
  info.created = h5::read_string_attribute(file, "created");
  info.host = h5::read_string_attribute(file, "host");
  info.suite_name = h5::read_string_attribute(file, "suite_name");
  info.suite_toml = h5::read_string_attribute(file, "suite_toml");
  info.suite_sha256 = h5::read_string_attribute(file, "suite_sha256");
  if (h5::has_attribute(file, "ranks")) info.ranks = h5::read_integer_attribute(file, "ranks");
  if (h5::has_attribute(file, "threads")) info.threads = h5::read_integer_attribute(file, "threads");
  info.hosts = h5::has_attribute(file, "hosts") ? h5::read_string_attribute(file, "hosts") : info.host;
  return info;
}

Handle open_results(const std::filesystem::path& path) {
  const std::string name = path.string();
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (!std::filesystem::exists(status))
    throw ConfigError(name, name + ": no such results file");
  if (!std::filesystem::is_regular_file(status))
    throw ConfigError(name, name + ": not a results file (not a regular file)");
  // Whether the file can be opened at all: running out of file descriptors or memory, or an
  // I/O error, is a failure of this run (exit status 1), not a verdict on the file.
  const int probe = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (probe < 0) {
    if (errno == EACCES) throw ConfigError(name, name + ": cannot read (" + std::strerror(errno) + ")");
    throw std::runtime_error(name + ": cannot open (" + std::strerror(errno) + ")");
  }
  // HDF5 reads variable-length strings through the global heap without bounds: a damaged
  // heap is found here, before the first attribute is read (global_heap_check.hpp).
  std::optional<std::string> heap_damage;
  try {
    heap_damage = h5::global_heap_damage(probe);
  } catch (const std::runtime_error& e) {
    ::close(probe);
    throw std::runtime_error(name + ": " + e.what());
  }
  ::close(probe);
  if (heap_damage) throw invalid_file(name, *heap_damage);
  Handle file;
  try {
    file = h5::open_file(path);
  } catch (const h5::Error& e) {
    if (errno == EMFILE || errno == ENFILE || errno == ENOMEM || errno == EIO)
      throw std::runtime_error(name + ": cannot open: " + e.what());
    throw ConfigError(name, name + ": not a descent results file (cannot be opened as HDF5: " +
                                e.what() + ")");
  }
  try {
    if (!h5::has_attribute(file, "schema") ||
        h5::read_attribute(file, "schema") != ParamValue(std::string(kResultsSchema)))
      throw ConfigError(name, name + ": not a descent results file (no root attribute schema = \"" +
                                  kResultsSchema + "\")");
    const ParamValue version =
        h5::has_attribute(file, "schema_version") ? h5::read_attribute(file, "schema_version")
                                                  : ParamValue(std::string("none"));
    const auto* number = std::get_if<std::int64_t>(&version);
    if (!number || *number < kFirstVersion || *number > kResultsSchemaVersion)
      throw ConfigError(name, name + ": results schema version " + to_text(version) +
                                  ", this descent reads versions " +
                                  std::to_string(kFirstVersion) + " to " +
                                  std::to_string(kResultsSchemaVersion));
    for (const char* required : {kIndex, kRuns})
      if ((required == kIndex || *number == kFirstVersion) && !h5::has_link(file, required))
        throw ConfigError(name, name + ": not a valid results file: no /" + required);
  } catch (const h5::Error& e) {
    throw ConfigError(name, name + ": not a descent results file (" + e.what() + ")");
  }
  return file;
}

std::int64_t version_of(const Handle& file) {
  return h5::read_integer_attribute(file, "schema_version");
}

IndexRow index_row(const RunSpec& spec, const RunResult& result) {
  return IndexRow{
      .run_id = spec.run_id,
      .objective = spec.objective,
      .optimizer = spec.optimizer,
      .label = spec.label,
      .dim = spec.dim(),
      .start_index = spec.start_index,
      .repeat = spec.repeat,
      .status = std::string(to_string(result.status())),
      .stop_reason = std::string(to_string(result.stop_reason)),
      .iterations = result.iterations,
      .f_final = result.f_final,
      .grad_norm_final = result.grad_norm_final,
      .evals_f = result.evals.f,
      .evals_grad = result.evals.grad,
      .evals_hess = result.evals.hess,
      .evals_hvp = result.evals.hvp,
      .seconds = result.seconds,
      .f_star = result.f_star,
      .f_star_source = std::isnan(result.f_star) ? kFStarNone : kFStarKnown,
  };
}

void write_index(const Handle& file, std::span<const IndexEntry> entries) {
  const auto& columns = index_table();
  std::vector<IndexSlot> slots(entries.size() * columns.size());
  for (std::size_t r = 0; r < entries.size(); ++r)
    for (std::size_t c = 0; c < columns.size(); ++c)
      store(entries[r], columns[c], slots[r * columns.size() + c]);
  const Handle text = h5::string_type();
  const Handle type = index_type(file, columns, text);
  const hsize_t dims[1] = {entries.size()};
  const Handle space = file.derived(H5Screate_simple(1, dims, nullptr), "H5Screate_simple");
  const Handle dataset(H5Dcreate2(file.id(), kIndex, type.id(), space.id(), H5P_DEFAULT,
                                  H5P_DEFAULT, H5P_DEFAULT),
                       "H5Dcreate2", file.file(), "/index");
  if (!slots.empty())
    dataset.check(H5Dwrite(dataset.id(), type.id(), H5S_ALL, H5S_ALL, H5P_DEFAULT, slots.data()),
                  "H5Dwrite");
}

std::vector<IndexEntry> read_index(const Handle& file) {
  std::vector<IndexEntry> entries;
  for_each_index_entry(file, [&](std::size_t rows) { entries.reserve(rows); },
                       [&](IndexEntry& entry) { entries.push_back(std::move(entry)); });
  return entries;
}

void for_each_index_entry(const Handle& file, const std::function<void(std::size_t)>& rows_ahead,
                          const std::function<void(IndexEntry&)>& take) {
  const Handle dataset(H5Dopen2(file.id(), kIndex, H5P_DEFAULT), "H5Dopen2", file.file(), "/index");
  if (H5Tget_class(dataset.derived(H5Dget_type(dataset.id()), "H5Dget_type").id()) != H5T_COMPOUND)
    throw h5::Error("/index is not a table (compound dataset)");
  const auto columns = columns_of(version_of(file), dataset);
  check_index_type(dataset, columns);
  const Handle space = dataset.derived(H5Dget_space(dataset.id()), "H5Dget_space");
  const std::size_t rows = h5::bounded_count(dataset, space, sizeof(IndexSlot) * columns.size());
  h5::check_variable_strings(dataset, rows);
  const Handle text = h5::string_type();
  const Handle type = index_type(file, columns, text);
  // In blocks: HDF5's copies of the text of a block at a time, not of the whole table.
  constexpr std::size_t kBlockRows = 4096;
  rows_ahead(rows);
  std::vector<IndexSlot> slots(std::min(rows, kBlockRows) * columns.size());
  for (std::size_t first = 0; first < rows; first += kBlockRows) {
    const hsize_t start[1] = {first};
    const hsize_t count[1] = {std::min(kBlockRows, rows - first)};
    dataset.check(H5Sselect_hyperslab(space.id(), H5S_SELECT_SET, start, nullptr, count, nullptr),
                  "H5Sselect_hyperslab");
    const Handle block = dataset.derived(H5Screate_simple(1, count, nullptr), "H5Screate_simple");
    dataset.check(H5Dread(dataset.id(), type.id(), block.id(), space.id(), H5P_DEFAULT, slots.data()),
                  "H5Dread");
    // The slots' strings are HDF5's until reclaimed, also when `take` throws.
    struct Reclaim {
      const Handle& type;
      const Handle& block;
      std::vector<IndexSlot>& slots;
      ~Reclaim() { H5Dvlen_reclaim(type.id(), block.id(), H5P_DEFAULT, slots.data()); }
    } reclaim{type, block, slots};
    for (std::size_t r = 0; r < count[0]; ++r) {
      IndexEntry entry;
      for (std::size_t c = 0; c < columns.size(); ++c) load(entry, columns[c], slots[r * columns.size() + c]);
      take(entry);
    }
  }
}

void check_storable(const RunSpec& spec, const RunResult& result) {
  const auto fail = [&](const std::string& why) {
    throw std::invalid_argument("run '" + spec.run_id + "' cannot be stored: " + why);
  };
  if (!is_link_name(spec.run_id)) fail("its run_id is empty or contains '/'");
  if (result.x_final.size() != spec.dim())
    fail("x_final has " + std::to_string(result.x_final.size()) + " coordinates, x0 has " +
         std::to_string(spec.dim()));
  const Trace& t = result.trace;
  const std::size_t n = t.size();
  for (const auto& column : standard_columns())
    std::visit([&](auto member) {
      if ((t.*member).size() != n) fail("trace columns have unequal lengths");
    }, column.field);
  if (t.x_dim < 0 || t.x.size() != n * static_cast<std::size_t>(t.x_dim))
    fail("trace x holds " + std::to_string(t.x.size()) + " values, not records × x_dim");
  for (const auto& [name, values] : t.extra) {
    if (!is_link_name(name) || is_standard_column(name))
      fail("method-specific column '" + name + "' is not a usable dataset name");
    if (values.size() != n) fail("method-specific column '" + name + "' has the wrong length");
  }
}

bool has_run_group(const Handle& file, const std::string& run_id) {
  return is_link_name(run_id) && h5::has_link(h5::open_group(file, kRuns), run_id);
}

namespace {

Handle open_run(const Handle& file, const std::string& run_id) {
  const Handle runs = h5::open_group(file, kRuns);
  if (!is_link_name(run_id) || !h5::has_link(runs, run_id))
    throw ConfigError("run_id", file.file() + ": holds no run '" + run_id + "'");
  return h5::open_group(runs, run_id);
}

RunSpec spec_of_group(const Handle& run, const std::string& run_id) {
  RunSpec spec;
  spec.run_id = run_id;
  spec.objective = h5::read_string_attribute(run, "objective");
  spec.objective_params = read_params(run, "objective_params");
  spec.start_index = h5::read_integer_attribute(run, "start_index");
  spec.x0 = to_vector(h5::read_reals(run, "x0"));
  spec.optimizer = h5::read_string_attribute(run, "optimizer");
  spec.label = h5::read_string_attribute(run, "label");
  spec.optimizer_params = read_params(run, "params");
  spec.settings = run_settings_from(read_params(run, "settings"));
  spec.repeat = h5::read_integer_attribute(run, "repeat");
  spec.seed = h5::read_unsigned_attribute(run, "seed");
  return spec;
}

}  // namespace

RunSpec read_spec_v1(const Handle& file, const std::string& run_id) {
  return spec_of_group(open_run(file, run_id), run_id);
}

namespace {

// Whether a trace read that asked for `columns` (empty: all) reads column `name`; iter, which
// gives the number of records, is always read.
bool wanted(const std::vector<std::string>& columns, const std::string& name) {
  return columns.empty() || name == "iter" || std::find(columns.begin(), columns.end(), name) != columns.end();
}

// The trace of the version-1 run group `run`.
Trace trace_of_group(const Handle& file, const Handle& run, const std::string& run_id,
                     const std::vector<std::string>& columns) {
  const auto invalid = [&](const std::string& what) {
    throw invalid_file(file.file(), "run '" + run_id + "': " + what);
  };
  const Handle trace_group = h5::open_group(run, "trace");
  Trace t;
  for (const auto& column : standard_columns())
    if (wanted(columns, column.name))
      std::visit(
          [&](auto member) {
            using Values = std::remove_reference_t<decltype(t.*member)>;
            if constexpr (std::is_same_v<Values, std::vector<double>>)
              t.*member = h5::read_reals(trace_group, column.name);
            else
              t.*member = h5::read_integers(trace_group, column.name);
          },
          column.field);
  for (const auto& name : h5::link_names(trace_group)) {
    if (!wanted(columns, name)) continue;
    if (name == "x") {
      const auto shape = h5::dataset_shape(trace_group, "x");
      t.x_dim = shape.size() == 2 ? static_cast<Index>(shape[1]) : 0;
      t.x = h5::read_reals(trace_group, "x");
    } else if (!is_standard_column(name)) {
      t.extra.emplace(name, h5::read_reals(trace_group, name));
    }
  }
  const std::size_t records = t.iter.size();
  const auto require_records = [&](const char* name, std::size_t size) {
    if (size != records)
      invalid(std::string("trace column ") + name + " has " + std::to_string(size) +
              " entries, iter has " + std::to_string(records));
  };
  for (const auto& column : standard_columns())
    if (wanted(columns, column.name))
      std::visit([&](auto member) { require_records(column.name, (t.*member).size()); }, column.field);
  for (const auto& [name, values] : t.extra) require_records(name.c_str(), values.size());
  if (t.x.size() != records * static_cast<std::size_t>(t.x_dim) || (t.x_dim == 0 && !t.x.empty()))
    invalid("trace column x is not records × dim");
  return t;
}

}  // namespace

namespace {

// The run's result without its trace, its stop reason and coordinates checked.
RunResult result_of_group(const Handle& file, const Handle& run, const std::string& run_id,
                          const RunSpec& spec) {
  RunResult result;
  const std::string reason = h5::read_string_attribute(run, "stop_reason");
  const auto stop_reason = stop_reason_from(reason);
  if (!stop_reason)
    throw ConfigError("stop_reason", file.file() + ": run '" + run_id +
                                         "' has an unknown stop reason '" + reason + "'");
  result.stop_reason = *stop_reason;
  result.iterations = h5::read_integer_attribute(run, "iterations");
  result.f_final = h5::read_real_attribute(run, "f_final");
  result.grad_norm_final = h5::read_real_attribute(run, "grad_norm_final");
  result.evals = {.f = h5::read_integer_attribute(run, "evals_f"),
                  .grad = h5::read_integer_attribute(run, "evals_grad"),
                  .hess = h5::read_integer_attribute(run, "evals_hess"),
                  .hvp = h5::read_integer_attribute(run, "evals_hvp")};
  result.seconds = h5::read_real_attribute(run, "seconds");
  result.x_final = to_vector(h5::read_reals(run, "x_final"));

  const std::int64_t dim = h5::read_integer_attribute(run, "dim");
  if (spec.x0.size() != dim || result.x_final.size() != dim)
    throw invalid_file(file.file(), "run '" + run_id + "': x0 and x_final have " +
                                        std::to_string(spec.x0.size()) + " and " +
                                        std::to_string(result.x_final.size()) +
                                        " coordinates, dim is " + std::to_string(dim));
  return result;
}

void check_run_v1(const Handle& file, const Handle& run, const std::string& run_id) {
  result_of_group(file, run, run_id, spec_of_group(run, run_id));
}

}  // namespace

StoredRun read_run_v1(const Handle& file, const std::string& run_id) {
  const Handle run = open_run(file, run_id);
  StoredRun stored;
  stored.spec = spec_of_group(run, run_id);
  stored.result = result_of_group(file, run, run_id, stored.spec);
  stored.result.trace = trace_of_group(file, run, run_id, {});
  return stored;
}

Trace read_trace_v1(const Handle& file, const std::string& run_id, const std::vector<std::string>& columns) {
  // The run is checked whole, as read_run_v1 checks it, so that a damaged run is refused by
  // every reader; only the columns asked for are read from its trace.
  const Handle run = open_run(file, run_id);
  check_run_v1(file, run, run_id);
  return trace_of_group(file, run, run_id, columns);
}

std::vector<std::string> trace_columns_v1(const Handle& file, const std::string& run_id) {
  const Handle runs = h5::open_group(file, kRuns);
  if (!is_link_name(run_id) || !h5::has_link(runs, run_id))
    throw ConfigError("run_id", file.file() + ": holds no run '" + run_id + "'");
  return ordered_trace_columns(
      h5::link_names(h5::open_group(h5::open_group(runs, run_id), "trace")));
}

std::vector<std::string> ordered_trace_columns(const std::vector<std::string>& present) {
  std::vector<std::string> columns;
  for (const auto& name : standard_trace_columns())
    if (std::find(present.begin(), present.end(), name) != present.end()) columns.push_back(name);
  if (std::find(present.begin(), present.end(), "x") != present.end()) columns.push_back("x");
  for (const auto& name : present)
    if (!is_standard_column(name)) columns.push_back(name);
  return columns;
}

}  // namespace descent::schema
