#include "descent/store/results_reader.hpp"

#include <cmath>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "descent/core/config_error.hpp"
#include "descent/store/results_columns.hpp"

#include "descent/store/results_schema.hpp"

namespace descent {

const std::vector<std::string>& index_columns() {
  static const std::vector<std::string> columns = [] {
    std::vector<std::string> names;
    for (const auto& column : schema::index_table())
      if (!column.located) names.emplace_back(column.name);
    return names;
  }();
  return columns;
}

bool IndexRow::operator==(const IndexRow& o) const {
  const auto same = [](double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); };
  return run_id == o.run_id && objective == o.objective && optimizer == o.optimizer &&
         label == o.label && dim == o.dim && start_index == o.start_index && repeat == o.repeat &&
         status == o.status && stop_reason == o.stop_reason && iterations == o.iterations &&
         same(f_final, o.f_final) && same(grad_norm_final, o.grad_norm_final) &&
         evals_f == o.evals_f && evals_grad == o.evals_grad && evals_hess == o.evals_hess &&
         evals_hvp == o.evals_hvp && same(seconds, o.seconds) && same(f_star, o.f_star) &&
         f_star_source == o.f_star_source;
}

const std::vector<std::string>& standard_trace_columns() {
  static const std::vector<std::string> columns = [] {
    std::vector<std::string> names;
    for (const auto& column : schema::standard_columns()) names.emplace_back(column.name);
    return names;
  }();
  return columns;
}

struct ResultsReader::Impl {
  std::filesystem::path path;
  h5::Handle file;
  ResultsFileInfo info;
  std::vector<IndexRow> index;
  std::vector<schema::RunLocation> locations;  // version 2, beside `index`
  std::unordered_map<std::string_view, std::size_t> position;  // run id → row
  std::optional<columns::RunsReader> runs;                     // version 2

  // What `from_group(run_id)` (version 1) or `from_entry(entry)` (version 2) reads, HDF5
  // failures turned into invalid_file.
  template <class FromGroup, class FromEntry>
  auto read(const std::string& run_id, FromGroup&& from_group, FromEntry&& from_entry) const {
    const auto held = h5::lock();
    if (!runs) return schema::validated_read(path.string(), from_group);
    const auto it = position.find(run_id);
    if (it == position.end())
      throw ConfigError("run_id", path.string() + ": holds no run '" + run_id + "'");
    const schema::IndexEntry entry{index[it->second], locations[it->second]};
    return schema::validated_read(path.string(), [&] { return from_entry(entry); });
  }
};

ResultsReader::ResultsReader(const std::filesystem::path& path) : impl_(std::make_unique<Impl>()) {
  const auto held = h5::lock();
  impl_->path = path;
  impl_->file = schema::open_results(path);
  schema::validated_read(path.string(), [&] {
    impl_->info = schema::read_root(impl_->file);
    const bool located = impl_->info.schema_version >= 2;
    schema::for_each_index_entry(
        impl_->file,
        [&](std::size_t rows) {
          impl_->index.reserve(rows);
          if (located) impl_->locations.reserve(rows);
        },
        [&](schema::IndexEntry& entry) {
          impl_->index.push_back(std::move(entry.row));
          if (located) impl_->locations.push_back(entry.location);
        });
    if (located) impl_->runs.emplace(impl_->file);
  });
  impl_->position.reserve(impl_->index.size());
  for (std::size_t i = 0; i < impl_->index.size(); ++i)
    impl_->position.emplace(impl_->index[i].run_id, i);
}

ResultsReader::~ResultsReader() {
  const auto held = h5::lock();
  impl_.reset();
}

ResultsReader::ResultsReader(ResultsReader&&) noexcept = default;
ResultsReader& ResultsReader::operator=(ResultsReader&&) noexcept = default;

const std::filesystem::path& ResultsReader::path() const { return impl_->path; }
const ResultsFileInfo& ResultsReader::info() const { return impl_->info; }
const std::vector<IndexRow>& ResultsReader::index() const { return impl_->index; }

bool ResultsReader::contains(const std::string& run_id) const {
  return impl_->position.contains(run_id);
}

StoredRun ResultsReader::run(const std::string& run_id) const {
  return impl_->read(
      run_id, [&] { return schema::read_run_v1(impl_->file, run_id); },
      [&](const schema::IndexEntry& entry) { return impl_->runs->run(entry); });
}

RunSpec ResultsReader::spec(const std::string& run_id) const {
  return impl_->read(
      run_id, [&] { return schema::read_spec_v1(impl_->file, run_id); },
      [&](const schema::IndexEntry& entry) { return impl_->runs->spec(entry); });
}

Trace ResultsReader::trace(const std::string& run_id, const std::vector<std::string>& columns) const {
  Trace trace;
  trace_into(run_id, columns, trace);
  return trace;
}

void ResultsReader::trace_into(const std::string& run_id, const std::vector<std::string>& columns,
                               Trace& trace) const {
  impl_->read(
      run_id, [&] { trace = schema::read_trace_v1(impl_->file, run_id, columns); },
      [&](const schema::IndexEntry& entry) { impl_->runs->trace_into(entry, columns, trace); });
}

std::vector<std::string> ResultsReader::trace_columns(const std::string& run_id) const {
  return impl_->read(
      run_id, [&] { return schema::trace_columns_v1(impl_->file, run_id); },
      [&](const schema::IndexEntry& entry) { return impl_->runs->trace_columns(entry); });
}

}  // namespace descent
