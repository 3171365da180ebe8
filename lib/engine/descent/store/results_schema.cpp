#include "descent/store/results_schema.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <map>
#include <optional>
#include <stdexcept>

#include "descent/core/config_error.hpp"
#include "descent/store/global_heap_check.hpp"

namespace descent::schema {

namespace {

using h5::Handle;

// /index in memory: text as HDF5 variable-length strings (char*), numbers as they are.
struct IndexRecord {
  char* run_id;
  char* objective;
  char* optimizer;
  char* label;
  std::int64_t dim;
  std::int64_t start_index;
  std::int64_t repeat;
  char* status;
  char* stop_reason;
  std::int64_t iterations;
  double f_final;
  double grad_norm_final;
  std::int64_t evals_f;
  std::int64_t evals_grad;
  std::int64_t evals_hess;
  std::int64_t evals_hvp;
  double seconds;
};

Handle index_type(const Handle& about) {
  Handle type = about.derived(H5Tcreate(H5T_COMPOUND, sizeof(IndexRecord)), "H5Tcreate");
  const Handle text = h5::string_type();
  const auto add = [&](const char* name, std::size_t offset, hid_t member) {
    type.check(H5Tinsert(type.id(), name, offset, member), "H5Tinsert");
  };
  add("run_id", offsetof(IndexRecord, run_id), text.id());
  add("objective", offsetof(IndexRecord, objective), text.id());
  add("optimizer", offsetof(IndexRecord, optimizer), text.id());
  add("label", offsetof(IndexRecord, label), text.id());
  add("dim", offsetof(IndexRecord, dim), H5T_NATIVE_INT64);
  add("start_index", offsetof(IndexRecord, start_index), H5T_NATIVE_INT64);
  add("repeat", offsetof(IndexRecord, repeat), H5T_NATIVE_INT64);
  add("status", offsetof(IndexRecord, status), text.id());
  add("stop_reason", offsetof(IndexRecord, stop_reason), text.id());
  add("iterations", offsetof(IndexRecord, iterations), H5T_NATIVE_INT64);
  add("f_final", offsetof(IndexRecord, f_final), H5T_NATIVE_DOUBLE);
  add("grad_norm_final", offsetof(IndexRecord, grad_norm_final), H5T_NATIVE_DOUBLE);
  add("evals_f", offsetof(IndexRecord, evals_f), H5T_NATIVE_INT64);
  add("evals_grad", offsetof(IndexRecord, evals_grad), H5T_NATIVE_INT64);
  add("evals_hess", offsetof(IndexRecord, evals_hess), H5T_NATIVE_INT64);
  add("evals_hvp", offsetof(IndexRecord, evals_hvp), H5T_NATIVE_INT64);
  add("seconds", offsetof(IndexRecord, seconds), H5T_NATIVE_DOUBLE);
  return type;
}

// HDF5 only reads variable-length strings through char*; it never writes through them.
char* text(const std::string& s) { return const_cast<char*>(s.c_str()); }
std::string text(const char* s) { return s ? s : ""; }

void write_params(const Handle& parent, const char* name, const ParamMap& params) {
  const Handle group = h5::create_group(parent, name);
  for (const auto& [key, value] : params) h5::write_attribute(group, key, value);
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

bool is_standard_column(const std::string& name) {
  const auto& standard = standard_trace_columns();
  return name == "x" || std::find(standard.begin(), standard.end(), name) != standard.end();
}

bool is_link_name(const std::string& name) {
  return !name.empty() && name != "." && name.find('/') == std::string::npos;
}

}  // namespace

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
    if (version != ParamValue(kResultsSchemaVersion))
      throw ConfigError(name, name + ": results schema version " + to_text(version) +
                                  ", this descent reads version " +
                                  std::to_string(kResultsSchemaVersion));
    for (const char* required : {kIndex, kRuns})
      if (!h5::has_link(file, required))
        throw ConfigError(name, name + ": not a valid results file: no /" + required);
  } catch (const h5::Error& e) {
    throw ConfigError(name, name + ": not a descent results file (" + e.what() + ")");
  }
  return file;
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
  };
}

void write_index(const Handle& file, std::span<const IndexRow> rows) {
  std::vector<IndexRecord> records;
  records.reserve(rows.size());
  for (const auto& r : rows)
    records.push_back({text(r.run_id), text(r.objective), text(r.optimizer), text(r.label), r.dim,
                       r.start_index, r.repeat, text(r.status), text(r.stop_reason), r.iterations,
                       r.f_final, r.grad_norm_final, r.evals_f, r.evals_grad, r.evals_hess,
                       r.evals_hvp, r.seconds});
  const Handle type = index_type(file);
  const hsize_t dims[1] = {rows.size()};
  const Handle space = file.derived(H5Screate_simple(1, dims, nullptr), "H5Screate_simple");
  const Handle dataset(H5Dcreate2(file.id(), kIndex, type.id(), space.id(), H5P_DEFAULT,
                                  H5P_DEFAULT, H5P_DEFAULT),
                       "H5Dcreate2", file.file(), "/index");
  if (!records.empty())
    dataset.check(H5Dwrite(dataset.id(), type.id(), H5S_ALL, H5S_ALL, H5P_DEFAULT, records.data()),
                  "H5Dwrite");
}

std::vector<IndexRow> read_index(const Handle& file) {
  const Handle dataset(H5Dopen2(file.id(), kIndex, H5P_DEFAULT), "H5Dopen2", file.file(), "/index");
  const Handle space = dataset.derived(H5Dget_space(dataset.id()), "H5Dget_space");
  std::vector<IndexRecord> records(h5::bounded_count(dataset, space, sizeof(IndexRecord)));
  if (records.empty()) return {};
  const Handle type = index_type(file);
  dataset.check(H5Dread(dataset.id(), type.id(), H5S_ALL, H5S_ALL, H5P_DEFAULT, records.data()),
                "H5Dread");
  std::vector<IndexRow> rows;
  rows.reserve(records.size());
  for (const auto& r : records)
    rows.push_back({text(r.run_id), text(r.objective), text(r.optimizer), text(r.label), r.dim,
                    r.start_index, r.repeat, text(r.status), text(r.stop_reason), r.iterations,
                    r.f_final, r.grad_norm_final, r.evals_f, r.evals_grad, r.evals_hess,
                    r.evals_hvp, r.seconds});
  H5Dvlen_reclaim(type.id(), space.id(), H5P_DEFAULT, records.data());
  return rows;
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
  for (std::size_t size : {t.f.size(), t.grad_norm.size(), t.raw_grad_norm.size(),
                           t.step_norm.size(), t.lr.size(), t.evals_f.size(), t.evals_grad.size(),
                           t.evals_hess.size(), t.evals_hvp.size(), t.seconds.size()})
    if (size != n) fail("trace columns have unequal lengths");
  if (t.x_dim < 0 || t.x.size() != n * static_cast<std::size_t>(t.x_dim))
    fail("trace x holds " + std::to_string(t.x.size()) + " values, not records × x_dim");
  for (const auto& [name, values] : t.extra) {
    if (!is_link_name(name) || is_standard_column(name))
      fail("method-specific column '" + name + "' is not a usable dataset name");
    if (values.size() != n) fail("method-specific column '" + name + "' has the wrong length");
  }
}

void write_run(const Handle& runs, const RunSpec& spec, const RunResult& result) {
  const Handle run = h5::create_group(runs, spec.run_id);
  const IndexRow row = index_row(spec, result);
  h5::write_attribute(run, "objective", row.objective.c_str());
  h5::write_attribute(run, "optimizer", row.optimizer.c_str());
  h5::write_attribute(run, "label", row.label.c_str());
  h5::write_attribute(run, "dim", ParamValue(row.dim));
  h5::write_attribute(run, "seed", spec.seed);
  h5::write_attribute(run, "start_index", ParamValue(row.start_index));
  h5::write_attribute(run, "repeat", ParamValue(row.repeat));
  h5::write_attribute(run, "status", row.status.c_str());
  h5::write_attribute(run, "stop_reason", row.stop_reason.c_str());
  h5::write_attribute(run, "iterations", ParamValue(row.iterations));
  h5::write_attribute(run, "f_final", ParamValue(row.f_final));
  h5::write_attribute(run, "grad_norm_final", ParamValue(row.grad_norm_final));
  h5::write_attribute(run, "evals_f", ParamValue(row.evals_f));
  h5::write_attribute(run, "evals_grad", ParamValue(row.evals_grad));
  h5::write_attribute(run, "evals_hess", ParamValue(row.evals_hess));
  h5::write_attribute(run, "evals_hvp", ParamValue(row.evals_hvp));
  h5::write_attribute(run, "seconds", ParamValue(row.seconds));

  write_params(run, "params", spec.optimizer_params);
  write_params(run, "objective_params", spec.objective_params);
  write_params(run, "settings", params_of(spec.settings));
  h5::write_dataset(run, "x0", std::span<const double>(spec.x0.data(), spec.x0.size()), false);
  h5::write_dataset(run, "x_final",
                    std::span<const double>(result.x_final.data(), result.x_final.size()), false);

  const Trace& t = result.trace;
  const Handle trace = h5::create_group(run, "trace");
  h5::write_dataset(trace, "iter", t.iter, true);
  h5::write_dataset(trace, "f", t.f, true);
  h5::write_dataset(trace, "grad_norm", t.grad_norm, true);
  h5::write_dataset(trace, "raw_grad_norm", t.raw_grad_norm, true);
  h5::write_dataset(trace, "step_norm", t.step_norm, true);
  h5::write_dataset(trace, "lr", t.lr, true);
  h5::write_dataset(trace, "evals_f", t.evals_f, true);
  h5::write_dataset(trace, "evals_grad", t.evals_grad, true);
  h5::write_dataset(trace, "evals_hess", t.evals_hess, true);
  h5::write_dataset(trace, "evals_hvp", t.evals_hvp, true);
  h5::write_dataset(trace, "seconds", t.seconds, true);
  if (t.x_dim > 0)
    h5::write_matrix(trace, "x", t.x, t.size(), static_cast<hsize_t>(t.x_dim), true);
  for (const auto& [name, values] : t.extra) h5::write_dataset(trace, name, values, true);
}

StoredRun read_run(const Handle& file, const std::string& run_id) {
  const Handle runs = h5::open_group(file, kRuns);
  if (!is_link_name(run_id) || !h5::has_link(runs, run_id))
    throw ConfigError("run_id", file.file() + ": holds no run '" + run_id + "'");
  const Handle run = h5::open_group(runs, run_id);

  StoredRun stored;
  RunSpec& spec = stored.spec;
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

  RunResult& result = stored.result;
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

  const auto invalid = [&](const std::string& what) {
    throw invalid_file(file.file(), "run '" + run_id + "': " + what);
  };
  const std::int64_t dim = h5::read_integer_attribute(run, "dim");
  if (spec.x0.size() != dim || result.x_final.size() != dim)
    invalid("x0 and x_final have " + std::to_string(spec.x0.size()) + " and " +
            std::to_string(result.x_final.size()) + " coordinates, dim is " + std::to_string(dim));

  const Handle trace_group = h5::open_group(run, "trace");
  Trace& t = result.trace;
  t.iter = h5::read_integers(trace_group, "iter");
  t.f = h5::read_reals(trace_group, "f");
  t.grad_norm = h5::read_reals(trace_group, "grad_norm");
  t.raw_grad_norm = h5::read_reals(trace_group, "raw_grad_norm");
  t.step_norm = h5::read_reals(trace_group, "step_norm");
  t.lr = h5::read_reals(trace_group, "lr");
  t.evals_f = h5::read_integers(trace_group, "evals_f");
  t.evals_grad = h5::read_integers(trace_group, "evals_grad");
  t.evals_hess = h5::read_integers(trace_group, "evals_hess");
  t.evals_hvp = h5::read_integers(trace_group, "evals_hvp");
  t.seconds = h5::read_reals(trace_group, "seconds");
  for (const auto& name : h5::link_names(trace_group)) {
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
  require_records("f", t.f.size());
  require_records("grad_norm", t.grad_norm.size());
  require_records("raw_grad_norm", t.raw_grad_norm.size());
  require_records("step_norm", t.step_norm.size());
  require_records("lr", t.lr.size());
  require_records("evals_f", t.evals_f.size());
  require_records("evals_grad", t.evals_grad.size());
  require_records("evals_hess", t.evals_hess.size());
  require_records("evals_hvp", t.evals_hvp.size());
  require_records("seconds", t.seconds.size());
  for (const auto& [name, values] : t.extra) require_records(name.c_str(), values.size());
  if (t.x.size() != records * static_cast<std::size_t>(t.x_dim) || (t.x_dim == 0 && !t.x.empty()))
    invalid("trace column x is not records × dim");
  return stored;
}

std::vector<std::string> trace_columns(const Handle& file, const std::string& run_id) {
  const Handle runs = h5::open_group(file, kRuns);
  if (!is_link_name(run_id) || !h5::has_link(runs, run_id))
    throw ConfigError("run_id", file.file() + ": holds no run '" + run_id + "'");
  const auto present = h5::link_names(h5::open_group(h5::open_group(runs, run_id), "trace"));
  std::vector<std::string> columns;
  for (const auto& name : standard_trace_columns())
    if (std::find(present.begin(), present.end(), name) != present.end()) columns.push_back(name);
  if (std::find(present.begin(), present.end(), "x") != present.end()) columns.push_back("x");
  for (const auto& name : present)
    if (!is_standard_column(name)) columns.push_back(name);
  return columns;
}

}  // namespace descent::schema
