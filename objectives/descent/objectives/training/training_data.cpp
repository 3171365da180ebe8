#include "descent/objectives/training/training_data.hpp"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <mutex>
#include <string_view>
#include <random>
#include <algorithm>

#include "descent/core/config_error.hpp"
#include "descent/core/text_file.hpp"
#include "descent/objectives/quadratic/random_matrices.hpp"

namespace descent {

namespace {

std::string concat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (auto part : parts) out.append(part);
  return out;
}

[[noreturn]] void csv_error(const std::string& path, std::int64_t line, std::int64_t column,
                            const std::string& message) {
  std::string where = path;
  where.append(":").append(std::to_string(line));
  if (column > 0) where.append(":").append(std::to_string(column));
  throw ConfigError("csv", concat({where, ": ", message}));
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

struct Field {
  std::string_view text;
  std::int64_t column = 1;  // of the first character after leading blanks
};

std::vector<Field> split_fields(std::string_view line) {
  std::vector<Field> fields;
  std::size_t start = 0;
  while (true) {
    const auto comma = line.find(',', start);
    const auto raw = line.substr(start, comma == std::string_view::npos ? std::string_view::npos
                                                                        : comma - start);
    const auto lead = raw.find_first_not_of(" \t");
    const auto offset = lead == std::string_view::npos ? raw.size() : lead;
    fields.push_back({trim(raw), static_cast<std::int64_t>(start + offset) + 1});
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return fields;
}

bool parse_number(std::string_view text, double& value) {
  if (text.empty()) return false;
  if (text.front() == '+') text.remove_prefix(1);
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

CsvTable parse_csv_table(const std::string& path) {
  std::string text;
  try {
    text = read_text_file(path, kMaxCsvFileBytes);
  } catch (const TextFileRefused& refused) {
    throw ConfigError("csv", concat({"cannot read the CSV file '", path, "': ", refused.what()}));
  }
  CsvTable table;
  table.path = path;
  std::vector<std::vector<double>> rows;
  std::size_t width = 0;
  std::int64_t line_number = 0;
  bool first_line = true;
  for (std::string_view rest = text; !rest.empty();) {
    const auto newline = rest.find('\n');
    std::string_view line = rest.substr(0, newline);
    rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const auto content = trim(line);
    if (content.empty() || content.front() == '#') continue;
    const auto fields = split_fields(line);
    if (first_line) {
      first_line = false;
      width = fields.size();
      bool any_number = false;
      double ignored = 0.0;
      for (const auto& field : fields) any_number = any_number || parse_number(field.text, ignored);
      if (!any_number) continue;  // a header
    }
    if (fields.size() != width)
      csv_error(path, line_number, 0, concat({"expected ", std::to_string(width), " fields (as the first line), got ",
                                                  std::to_string(fields.size())}));
    std::vector<double> row(fields.size());
    for (std::size_t j = 0; j < fields.size(); ++j) {
      if (!parse_number(fields[j].text, row[j]))
        csv_error(path, line_number, fields[j].column,
                  concat({"'", fields[j].text, "' is not a number"}));
      if (!std::isfinite(row[j]))
        csv_error(path, line_number, fields[j].column,
                  concat({"'", fields[j].text, "' is not a finite number"}));
    }
    rows.push_back(std::move(row));
    table.lines.push_back(line_number);
    table.last_field_columns.push_back(fields.back().column);
  }
  if (rows.empty()) csv_error(path, line_number, 0, "the CSV file has no data lines");
  if (width < 2)
    csv_error(path, table.lines.front(), 0, "a line needs at least one feature and a label (2 fields)");
  table.values.resize(static_cast<Index>(rows.size()), static_cast<Index>(width));
  for (std::size_t i = 0; i < rows.size(); ++i)
    for (std::size_t j = 0; j < width; ++j)
      table.values(static_cast<Index>(i), static_cast<Index>(j)) = rows[i][j];
  return table;
}

struct CachedTable {
  std::filesystem::file_time_type modified;
  std::uintmax_t size = 0;
  std::shared_ptr<const CsvTable> table;
};

}  // namespace

std::shared_ptr<const CsvTable> read_csv_table(const std::string& path) {
  namespace fs = std::filesystem;
  static std::mutex mutex;
  static std::map<fs::path, CachedTable> cache;
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (error || !fs::exists(status))
    throw ConfigError("csv", concat({"cannot open the CSV file '", path, "'"}));
  // A FIFO or device would block or never end: only regular files are data sets.
  if (!fs::is_regular_file(status))
    throw ConfigError("csv", concat({"the CSV file '", path, "' is not a regular file"}));
  const fs::path key = fs::absolute(path, error);
  const auto modified = fs::last_write_time(path, error);
  const auto size = fs::file_size(path, error);
  if (error) throw ConfigError("csv", concat({"cannot open the CSV file '", path, "'"}));
  {
    const std::lock_guard lock(mutex);
    const auto found = cache.find(key);
    if (found != cache.end() && found->second.modified == modified && found->second.size == size)
      return found->second.table;
  }
  // Parsed outside the lock: threads reading other files do not wait for this one.
  auto table = std::make_shared<const CsvTable>(parse_csv_table(path));
  const std::lock_guard lock(mutex);
  cache[key] = {modified, size, table};
  return table;
}

namespace {

LabelledData synthetic_classes(const ClassificationDataParams& p, Index classes) {
  const Index m = p.examples, d = p.features;
  std::mt19937_64 rng(static_cast<std::uint64_t>(p.data_seed));
  Matrix means = gaussian_matrix(d, classes, rng);
  for (Index k = 0; k < classes; ++k) means.col(k) *= p.separation / means.col(k).norm();
  LabelledData data;
  data.classes = classes;
  data.inputs = gaussian_matrix(d, m, rng);
  data.labels.resize(static_cast<std::size_t>(m));
  for (Index i = 0; i < m; ++i) {
    data.labels[static_cast<std::size_t>(i)] = i % classes;
    data.inputs.col(i) += means.col(i % classes);
  }
  for (Index j = 0; j < d; ++j) {
    const double t = d == 1 ? 0.0 : static_cast<double>(j) / static_cast<double>(d - 1);
    data.inputs.row(j) *= std::pow(p.scale, t);
  }
  return data;
}

LabelledData classes_from_csv(const std::string& path, Index max_classes) {
  const auto shared = read_csv_table(path);
  const CsvTable& table = *shared;
  const Index m = table.values.rows(), d = table.values.cols() - 1;
  LabelledData data;
  data.inputs = table.values.leftCols(d).transpose();
  data.labels.resize(static_cast<std::size_t>(m));
  Index largest = 0;
  for (Index i = 0; i < m; ++i) {
    const double label = table.values(i, d);
    const auto row = static_cast<std::size_t>(i);
    if (label < 0.0 || std::floor(label) != label || label > 1e9)
      csv_error(path, table.lines[row], table.last_field_columns[row],
                concat({"the label ", detail::real_text(label), " is not a class index (an integer >= 0)"}));
    const auto k = static_cast<Index>(label);
    if (max_classes > 0 && k >= max_classes)
      csv_error(path, table.lines[row], table.last_field_columns[row],
                concat({"the label ", std::to_string(k), " is not below ", std::to_string(max_classes),
                        " (this objective has ", std::to_string(max_classes), " classes)"}));
    data.labels[row] = k;
    largest = std::max(largest, k);
  }
  if (largest < 1) csv_error(path, table.lines.front(), 0, "the labels name only one class; at least two are needed");
  data.classes = largest + 1;
  return data;
}

}  // namespace

LabelledData load_classification(const ClassificationDataParams& params, Index classes,
                                 Index max_classes) {
  if (!params.csv.empty()) return classes_from_csv(params.csv, max_classes);
  return synthetic_classes(params, classes);
}

LabelledData load_regression_csv(const std::string& path) {
  const auto shared = read_csv_table(path);
  const CsvTable& table = *shared;
  const Index d = table.values.cols() - 1;
  LabelledData data;
  data.inputs = table.values.leftCols(d).transpose();
  data.targets = table.values.col(d);
  return data;
}

Vector smoothed_targets(Index label, Index classes, double alpha) {
  Vector t = Vector::Constant(classes, alpha / static_cast<double>(classes));
  t[label] += 1.0 - alpha;
  return t;
}

}  // namespace descent
