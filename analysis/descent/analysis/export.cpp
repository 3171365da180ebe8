#include "descent/analysis/export.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>
#include <stdexcept>
#include <tuple>

#include "descent/core/config_error.hpp"

namespace descent {

ExportFormat export_format_from(const std::string& text) {
  if (text == "ioh") return ExportFormat::kIoh;
  if (text == "coco") return ExportFormat::kCoco;
  throw ConfigError("--export", "--export '" + text + "' must be ioh or coco");
}

std::string to_string(ExportFormat format) { return format == ExportFormat::kIoh ? "ioh" : "coco"; }

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

std::string number(const char* format, double value) {
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (std::isnan(value)) return "nan";
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

// The evaluation count of a record: its cost, rounded up, at least 1.
long long evaluations(double cost) { return std::max(1LL, static_cast<long long>(std::ceil(cost))); }

// A quoted value of an .info line: its single quotes become backquotes and its commas
// semicolons (the readers split the line at commas).
std::string quoted(std::string text) {
  for (char& c : text) {
    if (c == '\'') c = '`';
    if (c == ',') c = ';';
  }
  return "'" + text + "'";
}

// A directory name for an algorithm: ASCII letters, digits, '.', '=', '-'; anything else '_'.
std::string stem_of(const std::string& text) {
  std::string stem;
  for (unsigned char c : text) {
    const bool keep = std::isalnum(c) != 0 || c == '.' || c == '=' || c == '-';
    if (keep) stem.push_back(static_cast<char>(c));
    else if (stem.empty() || stem.back() != '_') stem.push_back('_');
  }
  while (!stem.empty() && stem.back() == '_') stem.pop_back();
  return stem.empty() ? "algorithm" : stem;
}

struct Record {
  long long evals;
  double f;  // f − f*
};

// The run's records, then its end from the /index row.
std::vector<Record> records_of(const ExportRun& run, const CostModel& cost) {
  const IndexRow& row = *run.row;
  const Trace& trace = *run.trace;
  std::vector<Record> records;
  for (std::size_t k = 0; k < trace.size(); ++k)
    records.push_back({evaluations(cost.cost(trace.evals_f[k], trace.evals_grad[k],
                                              trace.evals_hess[k], trace.evals_hvp[k], row.dim)),
                       trace.f[k] - run.f_star});
  const Record end{evaluations(cost.cost(row.evals_f, row.evals_grad, row.evals_hess, row.evals_hvp, row.dim)),
                   row.f_final - run.f_star};
  // A last record at the final counts is the end itself.
  if (!records.empty() && records.back().evals == end.evals) records.back() = end;
  else records.push_back(end);
  return records;
}

// The best f − f* so far; a non-finite value leaves it unchanged.
class BestSoFar {
 public:
  // Whether `f` improves on the best so far (and becomes it).
  bool improve(double f) {
    const bool better = std::isfinite(f) && f < value_;
    if (better) value_ = f;
    return better;
  }
  double value() const { return value_; }

 private:
  double value_ = kInf;
};

// One run's block of an IOHprofiler .dat file; returns the run's best f − f*.
double write_ioh_run(const std::vector<Record>& records, std::ostream& dat) {
  BestSoFar best;
  dat << "\"function evaluation\" \"best-so-far f(x)\"\n";
  for (std::size_t k = 0; k < records.size(); ++k)
    if (best.improve(records[k].f) || k == 0 || k + 1 == records.size())
      dat << records[k].evals << ' ' << number("%.10e", best.value()) << '\n';
  return best.value();
}

// The evaluation count after `count` among 1, 2, 5, 10, 20, 50, …
long long next_evaluation_trigger(long long count) {
  long long decade = 1;
  while (decade * 10 <= count) decade *= 10;
  const long long mantissa = count / decade;
  return mantissa == 1 ? 2 * decade : mantissa == 2 ? 5 * decade : 10 * decade;
}

// One run's blocks of the COCO .dat, .tdat and .rdat files; returns the run's best f − f*.
double write_coco_run(const std::vector<Record>& records, double f_star, std::ostream& dat,
                      std::ostream& tdat, std::ostream& rdat) {
  const std::string header = "% f evaluations | g evaluations | best noise-free fitness - Fopt (" +
                             number("%13.12e", f_star) +
                             ") + sum g_i+ | measured fitness | best measured fitness or "
                             "single-digit g-values | x1 | x2...\n";
  dat << header;
  tdat << header;
  rdat << header;
  BestSoFar best;
  int level = std::numeric_limits<int>::max();  // of the last .dat row: best ≤ 10^(level/5)
  long long trigger = 1;                        // the next .tdat evaluation count
  for (std::size_t k = 0; k < records.size(); ++k) {
    const Record& r = records[k];
    best.improve(r.f);
    const double b = best.value();
    const std::string line = std::to_string(r.evals) + " 0 " + number("%+10.9e", b) + " " +
                             number("%+10.9e", r.f + f_star) + " " + number("%+10.9e", b + f_star) + "\n";
    // f − f* ≤ 0 reaches every level.
    const int reached = !std::isfinite(b) ? level
                        : b > 0.0         ? static_cast<int>(std::floor(5.0 * std::log10(b) + 1e-9))
                                          : std::numeric_limits<int>::min();
    if (k == 0 || reached < level) {
      dat << line;
      level = std::min(level, reached);
    }
    if (r.evals >= trigger || k + 1 == records.size()) {
      tdat << line;
      while (trigger <= r.evals) trigger = next_evaluation_trigger(trigger);
    }
  }
  return best.value();
}

}  // namespace

struct Exporter::Block {
  std::string instance;
  std::string suite;
  double f_star = 0.0;
  std::vector<std::string> info_entries;  // "I:EVALS|BEST"
  std::ostringstream dat, tdat, rdat;
};

Exporter::Exporter(ExportFormat format, std::filesystem::path directory, CostModel cost,
                   std::string software_version)
    : format_(format),
      directory_(std::move(directory)),
      cost_(cost),
      software_version_(std::move(software_version)) {}

Exporter::~Exporter() = default;

void Exporter::add(const ExportRun& run) {
  const int function = function_ids_.try_emplace(run.instance, static_cast<int>(function_ids_.size()) + 1)
                           .first->second;
  if (!algorithm_stems_.contains(run.algorithm)) {
    std::set<std::string> taken;
    for (const auto& [name, stem] : algorithm_stems_) taken.insert(stem);
    std::string stem = stem_of(run.algorithm);
    for (int n = 2; taken.contains(stem); ++n) stem = stem_of(run.algorithm) + "-" + std::to_string(n);
    algorithm_stems_.emplace(run.algorithm, stem);
    algorithms_.push_back(run.algorithm);
  }
  auto& block = blocks_[{run.algorithm, function, run.row->dim}];
  if (!block) {
    block = std::make_unique<Block>();
    block->instance = run.instance;
    block->suite = run.suite;
    block->f_star = run.f_star;
  }

  const std::vector<Record> records = records_of(run, cost_);
  const double best = format_ == ExportFormat::kIoh
                          ? write_ioh_run(records, block->dat)
                          : write_coco_run(records, run.f_star, block->dat, block->tdat, block->rdat);
  const long long final_evals = records.back().evals;
  block->info_entries.push_back(std::to_string(run.row->start_index + 1) + ":" +
                                std::to_string(final_evals) + "|" +
                                number(format_ == ExportFormat::kCoco ? "%.1e" : "%.5e", best));
}

std::vector<std::filesystem::path> Exporter::finish() {
  const std::string name = to_string(format_);
  const auto temporary = directory_ / (name + ".tmp");
  std::filesystem::remove_all(temporary);
  const auto write = [](const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path);
    out << text;
    out.close();
    if (!out) throw std::runtime_error("writing " + path.string() + " failed");
  };
  const bool coco = format_ == ExportFormat::kCoco;
  const std::string prefix = coco ? "bbobexp" : "IOHprofiler";
  // .info text per (algorithm, K), blocks in increasing dimension.
  std::map<std::pair<std::string, int>, std::string> infos;
  for (const auto& [key, block] : blocks_) {
    const auto& [algorithm, function, dim] = key;
    const std::string k = std::to_string(function);
    const std::string data = "data_f" + k + "/" + prefix + "_f" + k + "_DIM" + std::to_string(dim);
    std::string& info = infos[{algorithm, function}];
    if (!info.empty()) info += "\n";
    info += "suite = " + quoted(coco ? std::string("bbob") : block->suite) + ", funcId = " + k +
            ", DIM = " + std::to_string(dim);
    if (coco) info += ", Precision = 1.000e-08";
    info += ", algId = " + quoted(algorithm);
    info += coco ? ", coco_version = " + quoted("descent " + software_version_) +
                       ", logger = 'bbob', data_format = 'bbob-new2'"
                 : std::string(", maximization = F");
    info += "\n% " + block->instance + "; descent suite " + block->suite + "; f* = " +
            number("%.17g", block->f_star) + "; cost " + cost_.text() + "\n" + data + ".dat";
    for (const auto& entry : block->info_entries) info += ", " + entry;
    const auto root = temporary / algorithm_stems_.at(algorithm);
    write(root / (data + ".dat"), block->dat.str());
    if (coco) {
      write(root / (data + ".tdat"), block->tdat.str());
      write(root / (data + ".rdat"), block->rdat.str());
    }
  }
  for (const auto& [key, info] : infos)
    write(temporary / algorithm_stems_.at(key.first) / (prefix + "_f" + std::to_string(key.second) + ".info"),
          info + "\n");
  const auto final_directory = directory_ / name;
  std::filesystem::remove_all(final_directory);
  std::filesystem::create_directories(temporary);
  std::filesystem::rename(temporary, final_directory);
  std::vector<std::filesystem::path> written;
  for (const auto& algorithm : algorithms_) written.push_back(final_directory / algorithm_stems_.at(algorithm));
  return written;
}

}  // namespace descent
