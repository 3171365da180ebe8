#include "descent/store/results_reader.hpp"

#include <algorithm>
#include <cmath>

#include "descent/store/results_schema.hpp"

namespace descent {

const std::vector<std::string>& index_columns() {
  static const std::vector<std::string> columns{
      "run_id",     "objective",  "optimizer",  "label",     "dim",
      "start_index", "repeat",    "status",     "stop_reason", "iterations",
      "f_final",    "grad_norm_final", "evals_f", "evals_grad", "evals_hess",
      "evals_hvp",  "seconds",    "f_star",     "f_star_source"};
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
  static const std::vector<std::string> columns{
      "iter", "f",          "grad_norm",  "raw_grad_norm", "step_norm", "lr",
      "evals_f", "evals_grad", "evals_hess", "evals_hvp",  "seconds"};
  return columns;
}

struct ResultsReader::Impl {
  std::filesystem::path path;
  h5::Handle file;
  ResultsFileInfo info;
  std::vector<IndexRow> index;
};

ResultsReader::ResultsReader(const std::filesystem::path& path) : impl_(std::make_unique<Impl>()) {
  const auto held = h5::lock();
  impl_->path = path;
  impl_->file = schema::open_results(path);
  schema::validated_read(path.string(), [&] {
    impl_->info = schema::read_root(impl_->file);
    impl_->index = schema::read_index(impl_->file);
  });
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
  return std::any_of(impl_->index.begin(), impl_->index.end(),
                     [&](const IndexRow& row) { return row.run_id == run_id; });
}

StoredRun ResultsReader::run(const std::string& run_id) const {
  const auto held = h5::lock();
  return schema::validated_read(impl_->path.string(),
                                [&] { return schema::read_run(impl_->file, run_id); });
}

RunSpec ResultsReader::spec(const std::string& run_id) const {
  const auto held = h5::lock();
  return schema::validated_read(impl_->path.string(),
                                [&] { return schema::read_spec(impl_->file, run_id); });
}

std::vector<std::string> ResultsReader::trace_columns(const std::string& run_id) const {
  const auto held = h5::lock();
  return schema::validated_read(impl_->path.string(),
                                [&] { return schema::trace_columns(impl_->file, run_id); });
}

}  // namespace descent
