#include "descent/store/results_columns.hpp"

#include <algorithm>
#include <cstring>
#include <type_traits>
#include <unordered_map>

namespace descent::columns {

namespace {

using h5::Element;
using h5::Handle;

constexpr const char* kPoints = "points";
constexpr const char* kTraces = "traces";
constexpr const char* kParamGroups[] = {"params", "objective_params", "settings"};
// A copy moves blocks of at most this many values per column (and at least one run).
constexpr hsize_t kCopyElements = hsize_t{1} << 16;
constexpr std::size_t kValueBytes = 8;  // int64 and float64 alike
// A reader walking runs in stored order reads ahead this much of each column: 8 chunks, few
// HDF5 reads, and little memory for a report's 8 columns × trace layouts (a block is touched
// once; 1 MiB blocks cost the report a fifth of its peak memory, and their page faults).
constexpr hsize_t kReadAheadBytes = hsize_t{1} << 18;

struct ColumnSpec {
  std::string name;
  Element element;
  hsize_t width;
};

hsize_t chunk_rows(hsize_t width) { return std::max<hsize_t>(kChunkElements / width, 1); }

// A layout's columns in name order; its signature tells layouts apart.
std::string signature(const std::vector<ColumnSpec>& specs) {
  std::string text;
  for (const auto& spec : specs)
    text.append(spec.name)
        .append(spec.element == Element::kInt64 ? ":i" : ":f")
        .append(std::to_string(spec.width))
        .push_back(';');
  return text;
}

std::vector<ColumnSpec> layout_of(const Trace& trace) {
  std::vector<ColumnSpec> specs;
  for (const auto& column : schema::standard_columns())
    specs.push_back({column.name,
                     std::holds_alternative<std::vector<std::int64_t> Trace::*>(column.field)
                         ? Element::kInt64
                         : Element::kFloat64,
                     1});
  if (trace.x_dim > 0) specs.push_back({"x", Element::kFloat64, static_cast<hsize_t>(trace.x_dim)});
  for (const auto& [name, values] : trace.extra) specs.push_back({name, Element::kFloat64, 1});
  std::sort(specs.begin(), specs.end(),
            [](const ColumnSpec& a, const ColumnSpec& b) { return a.name < b.name; });
  return specs;
}

// The values of the trace column `name` (row-major).
const void* column_values(const Trace& trace, const std::string& name) {
  if (name == "x") return trace.x.data();
  for (const auto& column : schema::standard_columns())
    if (name == column.name)
      return std::visit([&](auto member) -> const void* { return (trace.*member).data(); },
                        column.field);
  return trace.extra.at(name).data();
}

// One column being written: its dataset and the rows not yet written.
struct OpenColumn {
  ColumnSpec spec;
  Handle dataset;
  std::vector<std::byte> pending{};
  hsize_t pending_rows = 0;

  void append(const void* values, hsize_t rows) {
    const auto* bytes = static_cast<const std::byte*>(values);
    pending.insert(pending.end(), bytes, bytes + rows * spec.width * kValueBytes);
    pending_rows += rows;
  }
  // Writes the whole chunks pending, or everything.
  void write(bool everything) {
    const hsize_t chunk = chunk_rows(spec.width);
    const hsize_t rows = everything ? pending_rows : pending_rows / chunk * chunk;
    if (rows == 0) return;
    h5::append_rows(dataset, spec.element, pending.data(), rows, spec.width);
    pending.erase(pending.begin(),
                  pending.begin() + static_cast<std::ptrdiff_t>(rows * spec.width * kValueBytes));
    pending_rows -= rows;
  }
};

// Columns of equal length being written: a trace layout, or the points.
struct ColumnSetWriter {
  Handle group;
  std::vector<OpenColumn> columns;
  std::int64_t rows = 0;

  ColumnSetWriter(Handle group_, const std::vector<ColumnSpec>& specs, Compression compression)
      : group(std::move(group_)) {
    for (const auto& spec : specs)
      columns.push_back({spec, h5::create_column(group, spec.name, spec.element, spec.width,
                                                 chunk_rows(spec.width),
                                                 compression == Compression::kDeflate)});
  }
  // After `added` rows were appended to every column.
  void added(hsize_t rows_added) {
    rows += static_cast<std::int64_t>(rows_added);
    for (auto& column : columns) column.write(false);
  }
  void flush() {
    for (auto& column : columns) column.write(true);
  }
  std::size_t buffered_bytes() const {
    std::size_t bytes = 0;
    for (const auto& column : columns) bytes += column.pending.size();
    return bytes;
  }
};

// A parameter set's content, for recognising one already stored.
std::string key_of(const ParamMap& params) {
  std::string key;
  const auto bytes = [&](const void* data, std::size_t size) {
    key.append(static_cast<const char*>(data), size);
  };
  for (const auto& [name, value] : params) {
    key.append(name).push_back('\0');
    key.push_back(static_cast<char>(value.index()));
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, std::vector<double>>) {
            const std::size_t size = v.size();
            bytes(&size, sizeof size);
            bytes(v.data(), size * sizeof(typename T::value_type));
          } else {
            bytes(&v, sizeof v);
          }
        },
        value);
  }
  return key;
}

// The distinct parameter sets of one kind: /<kind>/<k>, k = 0, 1, ...
struct ParamSetWriter {
  Handle group;
  std::unordered_map<std::string, std::int64_t> ids;

  std::int64_t id(const ParamMap& params) {
    const auto [it, added] = ids.try_emplace(key_of(params), static_cast<std::int64_t>(ids.size()));
    if (added) {
      const Handle set = h5::create_group(group, std::to_string(it->second));
      for (const auto& [name, value] : params) h5::write_attribute(set, name, value);
    }
    return it->second;
  }
};

// Copies rows `ranges` (start, count) of `source`'s columns to the end of `target`, in blocks
// of consecutive rows; returns where each range starts in `target`.
std::vector<std::int64_t> copy_ranges(ColumnSetWriter& target, const std::vector<const Handle*>& source,
                                      const std::vector<std::pair<std::int64_t, std::int64_t>>& ranges) {
  hsize_t widest = 1;
  for (const auto& column : target.columns) widest = std::max(widest, column.spec.width);
  const auto block_rows = static_cast<std::int64_t>(std::max<hsize_t>(kCopyElements / widest, 1));
  std::vector<std::int64_t> starts(ranges.size());
  std::vector<std::byte> block;
  for (std::size_t first = 0; first < ranges.size();) {
    const std::int64_t begin = ranges[first].first;
    std::int64_t end = begin + ranges[first].second;
    std::size_t last = first + 1;
    while (last < ranges.size() && ranges[last].first == end &&
           end + ranges[last].second - begin <= block_rows)
      end += ranges[last++].second;
    const auto rows = static_cast<hsize_t>(end - begin);
    for (std::size_t c = 0; c < target.columns.size(); ++c) {
      auto& column = target.columns[c];
      block.resize(rows * column.spec.width * kValueBytes);
      h5::read_rows(*source[c], column.spec.element, static_cast<hsize_t>(begin), rows,
                    column.spec.width, block.data());
      column.append(block.data(), rows);
    }
    for (std::size_t i = first; i < last; ++i) starts[i] = target.rows + (ranges[i].first - begin);
    target.added(rows);
    first = last;
  }
  return starts;
}

// Rows of one column held after a read: [first, first + rows) as `element`, width values a row.
struct ColumnBlock {
  Element element = Element::kFloat64;
  hsize_t first = 0;
  hsize_t rows = 0;
  hsize_t last_read_end = 0;  // where the latest read of this column ended
  std::vector<std::uint64_t> words;  // kValueBytes each
};

// A trace layout or the points of a file being read: its columns, opened once.
struct ColumnSetReader {
  std::vector<ColumnSpec> specs;
  std::vector<Handle> datasets;
  hsize_t rows = 0;
  mutable std::vector<ColumnBlock> blocks;

  // Rows [start, start + count) of column c (count × width values) into `out`. A read that
  // begins where the column's previous one ended reads ahead a block of kReadAheadBytes, so a
  // reader walking runs in stored order costs one HDF5 read per block and column, not one per
  // run; other reads take only their rows.
  void read(std::size_t c, Element element, hsize_t start, hsize_t count, void* out) const {
    if (count == 0) return;
    const hsize_t width = specs[c].width;
    ColumnBlock& block = blocks[c];
    const bool held = block.rows > 0 && block.element == element && start >= block.first &&
                      start - block.first <= block.rows && count <= block.rows - (start - block.first);
    if (!held) {
      hsize_t wanted = count;
      if (start == block.last_read_end && start <= rows)
        wanted = std::min(std::max(count, kReadAheadBytes / (kValueBytes * width)), rows - start);
      wanted = std::max(wanted, count);  // rows past the end: read_rows names the damage
      block.words.resize(wanted * width);
      block.rows = 0;
      h5::read_rows(datasets[c], element, start, wanted, width, block.words.data());
      block.element = element;
      block.first = start;
      block.rows = wanted;
    }
    block.last_read_end = start + count;
    std::memcpy(out, block.words.data() + (start - block.first) * width, count * width * kValueBytes);
  }

  explicit ColumnSetReader(const Handle& group) {
    for (const auto& name : h5::link_names(group)) {
      // A chunk's worth of cache: the chunk a block shares with the next is inflated once.
      Handle dataset = h5::open_column(group, name, kChunkElements * kValueBytes);
      const auto shape = h5::shape_of(dataset);
      if (shape.empty() || shape.size() > 2 || (shape.size() == 2 && shape[1] == 0))
        throw h5::Error(dataset.object() + " in " + dataset.file() + " is not a column");
      if (!datasets.empty() && shape[0] != rows)
        throw h5::Error(dataset.object() + " in " + dataset.file() + " has " +
                        std::to_string(shape[0]) + " rows, its neighbours " +
                        std::to_string(rows));
      rows = shape[0];
      specs.push_back({name, h5::element_of(dataset), shape.size() == 2 ? shape[1] : 1});
      datasets.push_back(std::move(dataset));
    }
    blocks.resize(datasets.size());
  }
  const ColumnSpec* find(const std::string& name) const {
    for (const auto& spec : specs)
      if (spec.name == name) return &spec;
    return nullptr;
  }
  const Handle& dataset(const std::string& name) const {
    const auto* spec = find(name);
    if (!spec) throw h5::Error("no column " + name);
    return datasets[static_cast<std::size_t>(spec - specs.data())];
  }
};

std::int64_t& set_id(RunLocation& at, int kind) {
  return kind == 0 ? at.params : kind == 1 ? at.objective_params : at.settings;
}
std::int64_t set_id(const RunLocation& at, int kind) {
  return kind == 0 ? at.params : kind == 1 ? at.objective_params : at.settings;
}

// `what()` names the rows in the error; it is called only on failure, so that checking every
// run of a file builds no strings.
template <class What>
void check_rows(const ColumnSetReader& set, What&& what, std::int64_t start, std::int64_t count) {
  if (start < 0 || count < 0 || static_cast<hsize_t>(start) > set.rows ||
      static_cast<hsize_t>(count) > set.rows - static_cast<hsize_t>(start))
    throw h5::Error(what() + ": rows " + std::to_string(start) + " to " +
                    std::to_string(start + count) + " asked for, it has " +
                    std::to_string(set.rows));
}

}  // namespace

struct RunsWriter::Impl {
  Compression compression;
  ParamSetWriter param_sets[3];
  Handle traces;
  ColumnSetWriter points;
  std::map<std::string, std::int64_t> layout_ids;  // signature → k
  std::vector<ColumnSetWriter> layouts;

  Impl(const Handle& file, Compression compression_)
      : compression(compression_),
        traces(h5::create_group(file, kTraces)),
        points(h5::create_group(file, kPoints),
               {{"x0", Element::kFloat64, 1}, {"x_final", Element::kFloat64, 1}}, compression) {
    for (int kind = 0; kind < 3; ++kind) param_sets[kind].group = h5::create_group(file, kParamGroups[kind]);
  }

  std::int64_t layout(const std::vector<ColumnSpec>& specs) {
    const auto [it, added] = layout_ids.try_emplace(signature(specs), static_cast<std::int64_t>(layouts.size()));
    if (added)
      layouts.emplace_back(h5::create_group(traces, std::to_string(it->second)), specs, compression);
    return it->second;
  }
};

RunsWriter::RunsWriter(const Handle& file, Compression compression)
    : impl_(std::make_unique<Impl>(file, compression)) {}
RunsWriter::~RunsWriter() = default;

IndexEntry RunsWriter::add(const RunSpec& spec, const RunResult& result) {
  IndexEntry entry{schema::index_row(spec, result), {}};
  RunLocation& at = entry.location;
  at.seed = spec.seed;
  at.params = impl_->param_sets[0].id(spec.optimizer_params);
  at.objective_params = impl_->param_sets[1].id(spec.objective_params);
  at.settings = impl_->param_sets[2].id(params_of(*spec.settings));

  auto& points = impl_->points;
  at.x_start = points.rows;
  points.columns[0].append(spec.x0.data(), static_cast<hsize_t>(spec.dim()));
  points.columns[1].append(result.x_final.data(), static_cast<hsize_t>(spec.dim()));
  points.added(static_cast<hsize_t>(spec.dim()));

  const Trace& trace = result.trace;
  at.trace = impl_->layout(layout_of(trace));
  auto& layout = impl_->layouts[static_cast<std::size_t>(at.trace)];
  at.trace_start = layout.rows;
  at.trace_rows = static_cast<std::int64_t>(trace.size());
  for (auto& column : layout.columns) column.append(column_values(trace, column.spec.name), trace.size());
  layout.added(trace.size());
  return entry;
}

void RunsWriter::flush() {
  impl_->points.flush();
  for (auto& layout : impl_->layouts) layout.flush();
}

std::size_t RunsWriter::buffered_bytes() const {
  std::size_t bytes = impl_->points.buffered_bytes();
  for (const auto& layout : impl_->layouts) bytes += layout.buffered_bytes();
  return bytes;
}

struct RunsReader::Impl {
  Handle file;
  Handle param_groups[3];
  Handle traces;
  std::unique_ptr<ColumnSetReader> points;
  // One copy of each set, shared by the specs read from it (suite/shared_value.hpp).
  mutable std::map<std::int64_t, Shared<ParamMap>> param_sets[3];
  mutable std::map<std::int64_t, Shared<RunSettings>> settings;
  mutable std::map<std::int64_t, std::unique_ptr<ColumnSetReader>> layouts;

  const ColumnSetReader& layout(std::int64_t id) const {
    auto& slot = layouts[id];
    if (!slot) {
      if (id < 0 || !h5::has_link(traces, std::to_string(id)))
        throw h5::Error("/traces holds no layout " + std::to_string(id));
      slot = std::make_unique<ColumnSetReader>(h5::open_group(traces, std::to_string(id)));
      for (const auto& column : schema::standard_columns())
        if (!slot->find(column.name))
          throw h5::Error("/traces/" + std::to_string(id) + " has no column " + column.name);
    }
    return *slot;
  }
  // The run's trace layout, h5::Error unless the run's rows lie within it and its x has dim
  // columns.
  const ColumnSetReader& checked_layout(const IndexEntry& entry) const {
    const RunLocation& at = entry.location;
    const auto& set = layout(at.trace);
    check_rows(set, [&] { return "run '" + entry.row.run_id + "' in /traces/" + std::to_string(at.trace); },
               at.trace_start, at.trace_rows);
    if (const auto* x = set.find("x"); x && static_cast<std::int64_t>(x->width) != entry.row.dim)
      throw h5::Error("run '" + entry.row.run_id + "': trace x has " + std::to_string(x->width) + " columns, dim is " +
                      std::to_string(entry.row.dim));
    return set;
  }
  const Shared<ParamMap>& param_set(int kind, std::int64_t id) const {
    const auto it = param_sets[kind].find(id);
    if (it != param_sets[kind].end()) return it->second;
    const std::string name = std::to_string(id);
    if (id < 0 || !h5::has_link(param_groups[kind], name))
      throw h5::Error(std::string("/") + kParamGroups[kind] + " holds no set " + name);
    const Handle set = h5::open_group(param_groups[kind], name);
    ParamMap params;
    for (const auto& key : h5::attribute_names(set)) params.emplace(key, h5::read_attribute(set, key));
    return param_sets[kind].emplace(id, std::move(params)).first->second;
  }
  const Shared<RunSettings>& settings_set(std::int64_t id) const {
    const auto it = settings.find(id);
    if (it != settings.end()) return it->second;
    return settings.emplace(id, run_settings_from(*param_set(2, id))).first->second;
  }
};

RunsReader::RunsReader(const Handle& file) : impl_(std::make_unique<Impl>()) {
  impl_->file = file.derived(H5Iget_file_id(file.id()), "H5Iget_file_id");
  for (int kind = 0; kind < 3; ++kind)
    impl_->param_groups[kind] = h5::open_group(impl_->file, kParamGroups[kind]);
  impl_->traces = h5::open_group(impl_->file, kTraces);
  impl_->points = std::make_unique<ColumnSetReader>(h5::open_group(impl_->file, kPoints));
  for (const char* name : {"x0", "x_final"})
    if (!impl_->points->find(name) || impl_->points->find(name)->width != 1)
      throw h5::Error(std::string("/points has no column ") + name);
}

RunsReader::~RunsReader() = default;
RunsReader::RunsReader(RunsReader&&) noexcept = default;
RunsReader& RunsReader::operator=(RunsReader&&) noexcept = default;

void RunsReader::check(const IndexEntry& entry) const {
  const RunLocation& at = entry.location;
  for (int kind = 0; kind < 3; ++kind) impl_->param_set(kind, set_id(at, kind));
  check_rows(*impl_->points, [&] { return "run '" + entry.row.run_id + "' in /points"; }, at.x_start,
             entry.row.dim);
  impl_->checked_layout(entry);
}

RunSpec RunsReader::spec(const IndexEntry& entry) const {
  check(entry);
  const IndexRow& row = entry.row;
  const RunLocation& at = entry.location;
  RunSpec spec;
  spec.run_id = row.run_id;
  spec.objective = row.objective;
  spec.objective_params = impl_->param_set(1, at.objective_params);
  spec.start_index = row.start_index;
  spec.optimizer = row.optimizer;
  spec.label = row.label;
  spec.optimizer_params = impl_->param_set(0, at.params);
  spec.settings = impl_->settings_set(at.settings);
  spec.repeat = row.repeat;
  spec.seed = at.seed;
  spec.x0.resize(row.dim);
  read_point(entry, "x0", spec.x0.data());
  return spec;
}

void RunsReader::read_point(const IndexEntry& entry, const char* name, double* out) const {
  const auto& points = *impl_->points;
  for (std::size_t c = 0; c < points.specs.size(); ++c)
    if (points.specs[c].name == name)
      points.read(c, Element::kFloat64, static_cast<hsize_t>(entry.location.x_start),
                  static_cast<hsize_t>(entry.row.dim), out);
}

StoredRun RunsReader::run(const IndexEntry& entry) const {
  const IndexRow& row = entry.row;
  StoredRun stored;
  stored.spec = spec(entry);

  RunResult& result = stored.result;
  const auto reason = stop_reason_from(row.stop_reason);
  if (!reason) throw h5::Error("run '" + row.run_id + "' has an unknown stop reason '" + row.stop_reason + "'");
  result.stop_reason = *reason;
  result.iterations = row.iterations;
  result.f_final = row.f_final;
  result.grad_norm_final = row.grad_norm_final;
  result.evals = {.f = row.evals_f, .grad = row.evals_grad, .hess = row.evals_hess, .hvp = row.evals_hvp};
  result.seconds = row.seconds;
  result.f_star = row.f_star;
  result.x_final.resize(row.dim);
  read_point(entry, "x_final", result.x_final.data());
  trace_into(entry, {}, result.trace);
  return stored;
}

void RunsReader::trace_into(const IndexEntry& entry, const std::vector<std::string>& columns, Trace& t) const {
  const RunLocation& at = entry.location;
  const ColumnSetReader& layout = impl_->checked_layout(entry);
  const auto rows = static_cast<hsize_t>(at.trace_rows);
  const auto start = static_cast<hsize_t>(at.trace_start);
  const auto wanted = [&](const ColumnSpec* column) {
    return column && (columns.empty() || column->name == "iter" ||
                      std::find(columns.begin(), columns.end(), column->name) != columns.end());
  };
  // Fills `values` with the column when it is wanted, else empties it; resize() keeps the
  // capacity of an earlier run's trace.
  const auto read_into = [&](const ColumnSpec* column, auto& values) {
    using T = typename std::decay_t<decltype(values)>::value_type;
    if (!wanted(column)) {
      values.clear();
      return;
    }
    const auto c = static_cast<std::size_t>(column - layout.specs.data());
    if (column->name != "x" && column->width != 1)
      throw h5::Error(layout.datasets[c].object() + " in " + layout.datasets[c].file() + " is not one-dimensional");
    values.resize(rows * column->width);
    layout.read(c, std::is_same_v<T, double> ? Element::kFloat64 : Element::kInt64, start, rows, values.data());
  };
  for (const auto& standard : schema::standard_columns())
    std::visit([&](auto member) { read_into(layout.find(standard.name), t.*member); }, standard.field);
  const ColumnSpec* x = layout.find("x");
  read_into(x, t.x);
  t.x_dim = wanted(x) ? static_cast<Index>(x->width) : 0;
  std::erase_if(t.extra, [&](const auto& column) { return !wanted(layout.find(column.first)); });
  for (const ColumnSpec& column : layout.specs)
    if (column.name != "x" && !schema::is_standard_column(column.name) && wanted(&column))
      read_into(&column, t.extra[column.name]);
}

std::vector<std::string> RunsReader::trace_columns(const IndexEntry& entry) const {
  std::vector<std::string> names;
  for (const auto& spec : impl_->layout(entry.location.trace).specs) names.push_back(spec.name);
  return schema::ordered_trace_columns(names);
}

std::vector<IndexEntry> RunsWriter::copy(const Handle& source, std::span<const IndexEntry> entries) {
  std::vector<IndexEntry> copied(entries.begin(), entries.end());
  const RunsReader reader(source);
  for (const auto& entry : entries) reader.check(entry);

  const RunsReader::Impl& from = *reader.impl_;
  std::map<std::int64_t, std::int64_t> set_ids[3];  // source id → id here
  for (int kind = 0; kind < 3; ++kind)
    for (auto& entry : copied) {
      std::int64_t& id = set_id(entry.location, kind);
      const auto [it, added] = set_ids[kind].try_emplace(id, 0);
      if (added) it->second = impl_->param_sets[kind].id(from.param_set(kind, id));
      id = it->second;
    }

  // Runs in the order their rows lie in the source, so that neighbours copy as one block.
  const auto copy_sorted = [&](ColumnSetWriter& target, const ColumnSetReader& columns,
                               std::vector<std::size_t> runs, auto&& start_of, auto&& rows_of) {
    std::sort(runs.begin(), runs.end(),
              [&](std::size_t a, std::size_t b) { return start_of(copied[a]) < start_of(copied[b]); });
    std::vector<std::pair<std::int64_t, std::int64_t>> ranges;
    for (std::size_t r : runs) ranges.emplace_back(start_of(copied[r]), rows_of(copied[r]));
    std::vector<const Handle*> datasets;
    for (const auto& column : target.columns) datasets.push_back(&columns.dataset(column.spec.name));
    const auto starts = copy_ranges(target, datasets, ranges);
    for (std::size_t i = 0; i < runs.size(); ++i) start_of(copied[runs[i]]) = starts[i];
  };

  std::vector<std::size_t> all(copied.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  copy_sorted(impl_->points, *from.points, all,
              [](IndexEntry& e) -> std::int64_t& { return e.location.x_start; },
              [](const IndexEntry& e) { return e.row.dim; });

  std::map<std::int64_t, std::vector<std::size_t>> by_layout;
  for (std::size_t i = 0; i < copied.size(); ++i) by_layout[copied[i].location.trace].push_back(i);
  for (const auto& [source_layout, runs] : by_layout) {
    const ColumnSetReader& columns = from.layout(source_layout);
    const std::int64_t layout = impl_->layout(columns.specs);
    copy_sorted(impl_->layouts[static_cast<std::size_t>(layout)], columns, runs,
                [](IndexEntry& e) -> std::int64_t& { return e.location.trace_start; },
                [](const IndexEntry& e) { return e.location.trace_rows; });
    for (std::size_t r : runs) copied[r].location.trace = layout;
  }
  return copied;
}

}  // namespace descent::columns
