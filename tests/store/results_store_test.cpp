// The results store: every field and column survives a round trip bit for bit; segments,
// resume, crash leftovers, compaction; bad output paths are configuration errors that write
// nothing and leave an existing file alone.
#include <catch2/catch.hpp>

#include <bit>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <limits>
#include <memory>
#include <thread>

#include "descent/core/config_error.hpp"
#include "descent/store/hdf5_lock.hpp"
#include "descent/store/results_reader.hpp"
#include "descent/store/results_store.hpp"
#include "descent/objectives/classic/beale.hpp"
#include "sample_runs.hpp"
#include "support/temporary_directory.hpp"

using namespace descent;
using test::TemporaryDirectory;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
const double kPayloadNaN = std::bit_cast<double>(std::uint64_t{0x7ff8000000000123});

// A run built by hand: parameters of every stored type (one list longer than HDF5's 64 KiB
// limit for compact attributes), special doubles in every column, method-specific columns
// with gaps.
std::pair<RunSpec, RunResult> every_field_run() {
  RunSpec spec;
  spec.objective = "quadratic";
  std::vector<double> eigenvalues(10000);
  for (std::size_t i = 0; i < eigenvalues.size(); ++i) eigenvalues[i] = 1.0 + 1e-3 * static_cast<double>(i);
  spec.objective_params = ParamMap{{"eigenvalues", eigenvalues},
                           {"kappa", 1e3},
                           {"rotate", false},
                           {"rotation_seed", std::int64_t{7}},
                           {"spectrum", std::string("loguniform")}};
  spec.start_index = 2;
  spec.x0 = Vector{{0.1, -0.0, 5e-324}};
  spec.optimizer = "adam";
  spec.label = "adam, lecture code ε·ν";
  spec.optimizer_params = ParamMap{{"lr", 1e-3},
                           {"bias_correction", true},
                           {"eps_placement", std::string("inside")},
                           {"warmup", std::int64_t{-3}},
                           {"milestones", std::vector<double>{0.5, 0.25}},
                           {"one_value", std::vector<double>{2.0}},
                           {"no_values", std::vector<double>{}}};
  spec.settings.edit().max_iter = 2;
  spec.settings.edit().stop.step_norm = 1e-12;
  spec.settings.edit().stop.max_evals = 99;
  spec.settings.edit().stop.f_target = -1e300;
  spec.settings.edit().record.every = 1;
  spec.settings.edit().record.x = true;
  spec.settings.edit().divergence.f_above = 1e12;
  spec.repeat = 3;
  spec.seed = std::numeric_limits<std::uint64_t>::max();
  spec.run_id = compute_run_id(spec);

  RunResult result;
  result.stop_reason = StopReason::kNonFinite;
  result.iterations = 2;
  result.f_final = kNaN;
  result.grad_norm_final = kInf;
  result.evals = {.f = 3, .grad = 3, .hess = 1, .hvp = 4};
  result.seconds = 0.125;
  result.x_final = Vector{{kNaN, kInf, -kInf}};
  Trace& t = result.trace;
  t.iter = {0, 1, 2};
  t.f = {1.5, kInf, kPayloadNaN};
  t.grad_norm = {0.1, 1e308, kNaN};
  t.raw_grad_norm = {0.2, kInf, kNaN};
  t.step_norm = {kNaN, 0.1, kInf};
  t.lr = {1e-3, 1e-3, 5e-4};
  t.evals_f = {1, 2, 3};
  t.evals_grad = {1, 2, 3};
  t.evals_hess = {0, 1, 1};
  t.evals_hvp = {0, 2, 4};
  t.seconds = {0.0, 1.0 / 3.0, 0.125};
  t.x_dim = 3;
  t.x = {0.1, -0.0, 5e-324, 1.0, 2.0, 3.0, kNaN, kInf, -kInf};
  t.extra = {{"ls_trials", {kNaN, 2.0, 3.0}}, {"damping", {kNaN, kNaN, 0.5}}};
  return {spec, result};
}

std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> run_ids(const std::filesystem::path& path) {
  const ResultsReader reader(path);
  std::vector<std::string> ids;
  for (const auto& row : reader.index()) ids.push_back(row.run_id);
  return ids;
}

// The committed segments of an output, in name order.
std::vector<std::filesystem::path> segment_files(const std::filesystem::path& output) {
  std::vector<std::filesystem::path> files;
  const auto directory = std::filesystem::path(output.string() + ".segments");
  if (std::filesystem::is_directory(directory))
    for (const auto& entry : std::filesystem::directory_iterator(directory))
      if (entry.path().extension() == ".h5") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::filesystem::path> listing(const std::filesystem::path& directory) {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(directory))
    paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace

TEST_CASE("a stored run reads back with every field and column bit for bit", "[store]") {
  const TemporaryDirectory dir;
  const auto out = dir / "out.h5";
  const auto [spec, result] = every_field_run();
  ResultsStore store(out, test::suite_of({spec}));
  store.write_run(spec, result);

  SECTION("from its segment, which is a results file itself") {
    store.commit();
    const auto segments = segment_files(out);
    REQUIRE(segments.size() == 1);
    const ResultsReader segment(segments.front());
    test::require_same_run(segment.run(spec.run_id), spec, result);
  }
  SECTION("from the compacted file, with its index row and provenance") {
    store.compact();
    const ResultsReader reader(out);
    test::require_same_run(reader.run(spec.run_id), spec, result);
    REQUIRE(reader.contains(spec.run_id));
    REQUIRE_FALSE(reader.contains("0123456789abcdef"));

    REQUIRE(reader.index().size() == 1);
    const IndexRow& row = reader.index().front();
    REQUIRE(row.run_id == spec.run_id);
    REQUIRE(row.objective == "quadratic");
    REQUIRE(row.optimizer == "adam");
    REQUIRE(row.label == spec.label);
    REQUIRE(row.dim == 3);
    REQUIRE(row.start_index == 2);
    REQUIRE(row.repeat == 3);
    REQUIRE(row.status == "diverged");
    REQUIRE(row.stop_reason == "non_finite");
    REQUIRE(row.iterations == 2);
    REQUIRE(std::isnan(row.f_final));
    REQUIRE(row.grad_norm_final == kInf);
    REQUIRE(row.evals_f == 3);
    REQUIRE(row.evals_grad == 3);
    REQUIRE(row.evals_hess == 1);
    REQUIRE(row.evals_hvp == 4);
    REQUIRE(row.seconds == 0.125);

    const ResultsFileInfo& info = reader.info();
    REQUIRE(info.schema == "descent.results");
    REQUIRE(info.schema_version == 2);
    REQUIRE(info.software_version == current_file_info("", "", "").software_version);
    REQUIRE_FALSE(info.git_commit.empty());
    REQUIRE_FALSE(info.compiler.empty());
    REQUIRE_FALSE(info.build_type.empty());
    REQUIRE(info.created.size() == 20);
    REQUIRE(info.created[10] == 'T');
    REQUIRE(info.created.back() == 'Z');
    REQUIRE_FALSE(info.host.empty());
    REQUIRE(info.suite_name == "store-test");
    REQUIRE(info.suite_toml == test::suite_of({}).toml_text);
    REQUIRE(info.suite_sha256 == sha256_hex(info.suite_toml));

    REQUIRE(reader.trace_columns(spec.run_id) ==
            std::vector<std::string>{"iter", "f", "grad_norm", "raw_grad_norm", "step_norm", "lr",
                                     "evals_f", "evals_grad", "evals_hess", "evals_hvp",
                                     "seconds", "x", "damping", "ls_trials"});
    test::require_trace_reads(reader, spec.run_id);
  }
}

TEST_CASE("a run the driver ran reads back unchanged, without x when not recorded", "[store]") {
  const TemporaryDirectory dir;
  auto with_x = test::quadratic_run("adam", 0.1);
  auto without_x = test::quadratic_run("momentum", 0.05);
  without_x.settings.edit().record.x = false;
  without_x.run_id = compute_run_id(without_x);
  const auto result_with_x = test::run(with_x);
  const auto result_without_x = test::run(without_x);
  REQUIRE(result_with_x.trace.x_dim == 2);
  REQUIRE(result_without_x.trace.x_dim == 0);

  ResultsStore store(dir / "out.h5", test::suite_of({with_x, without_x}));
  store.write_run(with_x, result_with_x);
  store.write_run(without_x, result_without_x);
  store.compact();
  const ResultsReader reader(dir / "out.h5");
  test::require_same_run(reader.run(with_x.run_id), with_x, result_with_x);
  test::require_same_run(reader.run(without_x.run_id), without_x, result_without_x);
  const auto columns = reader.trace_columns(without_x.run_id);
  REQUIRE(std::find(columns.begin(), columns.end(), "x") == columns.end());
}

TEST_CASE("a diverging run's non-finite trajectory is stored as data", "[store][divergence]") {
  const TemporaryDirectory dir;
  RunSpec spec;
  spec.objective = "beale";
  spec.objective_params = find_objective("beale")->normalize({});
  spec.x0 = Vector{{2.0, -2.0}};
  spec.optimizer = "gd";
  spec.label = "gd";
  spec.optimizer_params = find_optimizer("gd")->normalize({{"lr", 1e-2}});
  spec.settings.edit().divergence.f_above = std::numeric_limits<double>::max();  // only overflow ends the run
  spec.run_id = compute_run_id(spec);
  const auto result = test::run(spec);
  REQUIRE(result.stop_reason == StopReason::kNonFinite);
  REQUIRE_FALSE(std::isfinite(result.trace.f.back()));

  ResultsStore store(dir / "out.h5", test::suite_of({spec}));
  store.write_run(spec, result);
  store.compact();
  const ResultsReader reader(dir / "out.h5");
  REQUIRE(reader.index().front().status == "diverged");
  REQUIRE(reader.index().front().stop_reason == "non_finite");
  test::require_same_run(reader.run(spec.run_id), spec, result);
}

TEST_CASE("stored runs are found again in segments, in the compacted file, or both",
          "[store][resume]") {
  const TemporaryDirectory dir;
  const auto out = dir / "out.h5";
  const std::vector<RunSpec> runs{test::quadratic_run("gd", 0.01), test::quadratic_run("gd", 0.02),
                                  test::quadratic_run("gd", 0.03)};
  const Suite suite = test::suite_of(runs);
  {
    ResultsStore store(out, suite);
    REQUIRE(store.stored_run_ids().empty());
    store.write_run(runs[0], test::run(runs[0]));
    store.write_run(runs[1], test::run(runs[1]));
    REQUIRE(store.stored_run_ids() == std::set<std::string>{runs[0].run_id, runs[1].run_id});
  }
  REQUIRE_FALSE(std::filesystem::exists(out));

  SECTION("after segments only") {
    const ResultsStore reopened(out, suite);
    REQUIRE(reopened.stored_run_ids() == std::set<std::string>{runs[0].run_id, runs[1].run_id});
  }
  SECTION("after compaction") {
    ResultsStore(out, suite).compact();
    REQUIRE(std::filesystem::exists(out));
    REQUIRE_FALSE(std::filesystem::exists(dir / "out.h5.segments"));
    const ResultsStore reopened(out, suite);
    REQUIRE(reopened.stored_run_ids() == std::set<std::string>{runs[0].run_id, runs[1].run_id});
  }
  SECTION("after compaction and a new segment") {
    ResultsStore(out, suite).compact();
    ResultsStore(out, suite).write_run(runs[2], test::run(runs[2]));
    ResultsStore reopened(out, suite);
    REQUIRE(reopened.stored_run_ids() ==
            std::set<std::string>{runs[0].run_id, runs[1].run_id, runs[2].run_id});
    reopened.compact();
    REQUIRE(run_ids(out) == std::vector<std::string>{runs[0].run_id, runs[1].run_id, runs[2].run_id});
  }
}

TEST_CASE("a segment left under its temporary name by a crash is ignored", "[store][crash]") {
  const TemporaryDirectory dir;
  const auto out = dir / "out.h5";
  const std::vector<RunSpec> runs{test::quadratic_run("gd", 0.01), test::quadratic_run("gd", 0.02)};
  const Suite suite = test::suite_of(runs);
  ResultsStore(out, suite).write_run(runs[0], test::run(runs[0]));
  ResultsStore(out, suite).write_run(runs[1], test::run(runs[1]));
  // The second run's segment as a crash mid-write leaves it: half written, temporary name.
  const auto segments = dir / "out.h5.segments";
  REQUIRE(segment_files(out).size() == 2);
  const auto complete = segment_files(out).back();
  const auto bytes = file_bytes(complete);
  std::filesystem::remove(complete);
  const auto partial = std::filesystem::path(complete.string() + ".4242.tmp");
  std::ofstream(partial, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  // And a compaction killed before its rename.
  const auto partial_output = dir / "out.h5.4242.tmp";
  std::ofstream(partial_output, std::ios::binary) << bytes.substr(0, bytes.size() / 3);

  ResultsStore store(out, suite);
  REQUIRE(store.stored_run_ids() == std::set<std::string>{runs[0].run_id});
  store.compact();
  REQUIRE(run_ids(out) == std::vector<std::string>{runs[0].run_id});
  REQUIRE_FALSE(std::filesystem::exists(partial));
  REQUIRE_FALSE(std::filesystem::exists(partial_output));
  REQUIRE_FALSE(std::filesystem::exists(segments));
}

TEST_CASE("a damaged segment is not counted as stored and is replaced when its run is redone",
          "[store][crash]") {
  const TemporaryDirectory dir;
  const auto out = dir / "out.h5";
  const RunSpec spec = test::quadratic_run("gd", 0.01);
  const Suite suite = test::suite_of({spec});
  std::filesystem::create_directories(dir / "out.h5.segments");
  std::ofstream(dir / "out.h5.segments" / (spec.run_id + ".h5")) << "not HDF5";

  ResultsStore store(out, suite);
  REQUIRE(store.stored_run_ids().empty());
  const auto result = test::run(spec);
  store.write_run(spec, result);
  store.compact();
  test::require_same_run(ResultsReader(out).run(spec.run_id), spec, result);
  REQUIRE_FALSE(std::filesystem::exists(dir / "out.h5.segments"));
}

TEST_CASE("compaction orders runs as in the suite, then others by id, and is idempotent",
          "[store][compaction]") {
  const TemporaryDirectory dir;
  const auto out = dir / "out.h5";
  const std::vector<RunSpec> runs{test::quadratic_run("gd", 0.03), test::quadratic_run("gd", 0.01),
                                  test::quadratic_run("gd", 0.02)};
  std::vector<RunSpec> others{test::quadratic_run("momentum", 0.01), test::quadratic_run("momentum", 0.02)};
  std::sort(others.begin(), others.end(),
            [](const RunSpec& a, const RunSpec& b) { return a.run_id < b.run_id; });
  auto store = std::make_unique<ResultsStore>(out, test::suite_of(runs));
  for (const auto& spec : {others[1], runs[2], runs[0], others[0], runs[1]})
    store->write_run(spec, test::run(spec));

  store->compact();
  const std::vector<std::string> expected{runs[0].run_id, runs[1].run_id, runs[2].run_id,
                                          others[0].run_id, others[1].run_id};
  REQUIRE(run_ids(out) == expected);
  const auto bytes = file_bytes(out);

  SECTION("compacting again changes nothing") {
    store->compact();
    REQUIRE(file_bytes(out) == bytes);
    store.reset();
    ResultsStore(out, test::suite_of(runs)).compact();
    REQUIRE(file_bytes(out) == bytes);
  }
  SECTION("a segment of a run already compacted (a crash before its removal) is stored once") {
    const auto result = test::run(runs[1]);
    store->write_run(runs[1], result);
    store->compact();
    REQUIRE(run_ids(out) == expected);
    test::require_same_run(ResultsReader(out).run(runs[1].run_id), runs[1], result);
  }
}

TEST_CASE("runs read back the same in stored order, reversed and interleaved (the reader's read-ahead)",
          "[store][read]") {
  const TemporaryDirectory dir;
  const auto out = dir / "out.h5";
  std::vector<RunSpec> runs;
  std::vector<RunResult> results;
  for (int k = 0; k < 40; ++k) {
    runs.push_back(test::quadratic_run(k % 2 ? "gd" : "momentum", 0.001 * (k + 1), 0, 20 + k));
    results.push_back(test::run(runs.back()));
  }
  {
    ResultsStore store(out, test::suite_of(runs));
    for (std::size_t k = 0; k < runs.size(); ++k) store.write_run(runs[k], results[k]);
    store.compact();
  }
  std::vector<std::size_t> order(runs.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  SECTION("stored order") {}
  SECTION("reversed") { std::reverse(order.begin(), order.end()); }
  SECTION("interleaved halves") {
    for (std::size_t k = 0; k < runs.size(); ++k) order[k] = k % 2 ? runs.size() / 2 + k / 2 : k / 2;
  }
  const ResultsReader reader(out);
  for (const std::size_t k : order) test::require_same_run(reader.run(runs[k].run_id), runs[k], results[k]);
}

TEST_CASE("threads may write runs at the same time", "[store][threads]") {
  const TemporaryDirectory dir;
  std::vector<RunSpec> runs;
  for (int i = 0; i < 16; ++i) runs.push_back(test::quadratic_run("gd", 0.001 * (i + 1)));
  std::vector<RunResult> results;
  for (const auto& spec : runs) results.push_back(test::run(spec));

  ResultsStore store(dir / "out.h5", test::suite_of(runs));
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (std::size_t i = t; i < runs.size(); i += 4) store.write_run(runs[i], results[i]);
    });
  for (auto& thread : threads) thread.join();
  REQUIRE(store.stored_run_ids().size() == runs.size());
  store.compact();
  const ResultsReader reader(dir / "out.h5");
  REQUIRE(reader.index().size() == runs.size());
  for (std::size_t i = 0; i < runs.size(); ++i) {
    REQUIRE(reader.index()[i].run_id == runs[i].run_id);
    test::require_same_run(reader.run(runs[i].run_id), runs[i], results[i]);
  }
}

namespace {

// `result` with its last trace row repeated until the trace has `rows` rows.
RunResult lengthened(RunResult result, std::size_t rows) {
  Trace& t = result.trace;
  const auto repeat_last = [&](auto& column, std::size_t width) {
    const auto last = std::vector(column.end() - static_cast<std::ptrdiff_t>(width), column.end());
    while (column.size() < rows * width) column.insert(column.end(), last.begin(), last.end());
  };
  for (auto* column : {&t.iter, &t.evals_f, &t.evals_grad, &t.evals_hess, &t.evals_hvp}) repeat_last(*column, 1);
  for (auto* column : {&t.f, &t.grad_norm, &t.raw_grad_norm, &t.step_norm, &t.lr, &t.seconds})
    repeat_last(*column, 1);
  for (auto& [name, column] : t.extra) repeat_last(column, 1);
  repeat_last(t.x, static_cast<std::size_t>(t.x_dim));
  return result;
}

}  // namespace

TEST_CASE("write_run waits while the queued runs hold kQueueBytes, however fast runs finish",
          "[store][threads][memory]") {
  const TemporaryDirectory dir;
  // Runs of 0.4 kQueueBytes each: two fit in the queue beside the one the writer thread holds.
  std::vector<RunSpec> runs;
  std::vector<RunResult> results;
  for (int i = 0; i < 6; ++i) {
    runs.push_back(test::quadratic_run("gd", 0.001 * (i + 1)));
    RunResult result = test::run(runs.back());
    const double row_bytes = static_cast<double>(ResultsStore::queued_bytes(runs.back(), result)) /
                             static_cast<double>(result.trace.size());
    const double rows = 0.4 * static_cast<double>(ResultsStore::kQueueBytes) / row_bytes;
    results.push_back(lengthened(std::move(result), static_cast<std::size_t>(rows)));
  }
  const std::size_t bytes = ResultsStore::queued_bytes(runs[0], results[0]);
  REQUIRE(3 * bytes > ResultsStore::kQueueBytes);
  REQUIRE(2 * bytes <= ResultsStore::kQueueBytes);

  ResultsStore store(dir / "out.h5", test::suite_of(runs));
  const std::size_t admitted = 1 + ResultsStore::kQueueBytes / bytes;  // taken by the writer, queued
  std::size_t admitted_while_blocked = 0;
  std::thread producer;
  {
    const auto h5_held = h5::lock();  // the writer thread cannot write a run while this is held
    producer = std::thread([&] {
      for (std::size_t i = 0; i < runs.size(); ++i) store.write_run(runs[i], results[i]);
    });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (store.stored_run_ids().size() < admitted && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // time to admit more, were it allowed
    admitted_while_blocked = store.stored_run_ids().size();
  }
  producer.join();
  REQUIRE(admitted_while_blocked == admitted);
  store.compact();
  const ResultsReader reader(dir / "out.h5");
  REQUIRE(reader.index().size() == runs.size());
  test::require_same_run(reader.run(runs.back().run_id), runs.back(), results.back());
}

TEST_CASE("a run larger than kQueueBytes is queued alone", "[store][threads][memory]") {
  const TemporaryDirectory dir;
  const RunSpec spec = test::quadratic_run("gd", 0.001);
  RunResult result = test::run(spec);
  const double row_bytes =
      static_cast<double>(ResultsStore::queued_bytes(spec, result)) / static_cast<double>(result.trace.size());
  result = lengthened(std::move(result),
                      static_cast<std::size_t>(1.1 * static_cast<double>(ResultsStore::kQueueBytes) / row_bytes));
  REQUIRE(ResultsStore::queued_bytes(spec, result) > ResultsStore::kQueueBytes);
  ResultsStore store(dir / "out.h5", test::suite_of({spec}));
  store.write_run(spec, result);
  store.compact();
  test::require_same_run(ResultsReader(dir / "out.h5").run(spec.run_id), spec, result);
}

TEST_CASE("an output that cannot be written is a configuration error and nothing is written",
          "[store][config]") {
  const TemporaryDirectory dir;
  const Suite suite = test::suite_of({test::quadratic_run("gd", 0.01)});
  std::ofstream(dir / "plain.txt") << "a regular file";
  std::filesystem::create_directories(dir / "a_directory.h5");
  const auto before = listing(dir.path());

  const auto out = GENERATE(as<std::string>{}, "missing/out.h5", "plain.txt/out.h5", "a_directory.h5");
  INFO(out);
  REQUIRE_THROWS_AS(ResultsStore(dir / out, suite), ConfigError);
  REQUIRE_THROWS_WITH(ResultsStore(dir / out, suite), Catch::Contains((dir / out).string()));
  REQUIRE(listing(dir.path()) == before);
}

TEST_CASE("an existing file is untouched when opening a store on it fails", "[store][config]") {
  const TemporaryDirectory dir;
  const auto out = dir / "out.h5";
  const RunSpec spec = test::quadratic_run("gd", 0.01);
  const Suite suite = test::suite_of({spec});

  SECTION("a results file whose segments path is not a directory") {
    {
      ResultsStore store(out, suite);
      store.write_run(spec, test::run(spec));
      store.compact();
    }
    std::ofstream(dir / "out.h5.segments") << "in the way";
    const auto bytes = file_bytes(out);
    REQUIRE_THROWS_AS(ResultsStore(out, suite), ConfigError);
    REQUIRE(file_bytes(out) == bytes);
    REQUIRE(file_bytes(dir / "out.h5.segments") == "in the way");
  }
  SECTION("a file that is not a descent results file") {
    std::ofstream(out) << "precious notes, not HDF5";
    REQUIRE_THROWS_WITH(ResultsStore(out, suite), Catch::Contains("not a descent results file"));
    REQUIRE(file_bytes(out) == "precious notes, not HDF5");
    REQUIRE_FALSE(std::filesystem::exists(dir / "out.h5.segments"));
  }
}

TEST_CASE("a run that cannot be stored as given is refused before anything is written",
          "[store]") {
  const TemporaryDirectory dir;
  RunSpec spec = test::quadratic_run("gd", 0.01);
  RunResult result = test::run(spec);
  ResultsStore store(dir / "out.h5", test::suite_of({spec}));
  SECTION("columns of unequal length") { result.trace.f.pop_back(); }
  SECTION("a method-specific column named like a standard one") {
    result.trace.extra["f"] = result.trace.f;
  }
  SECTION("x_final of another dimension than x0") { result.x_final = Vector{{1.0}}; }
  REQUIRE_THROWS_AS(store.write_run(spec, result), std::invalid_argument);
  REQUIRE(store.stored_run_ids().empty());
  store.commit();
  REQUIRE(segment_files(dir / "out.h5").empty());
}

TEST_CASE("reading a file that is not a results file is a configuration error naming it",
          "[store][config]") {
  const TemporaryDirectory dir;
  REQUIRE_THROWS_WITH(ResultsReader(dir / "absent.h5"),
                      Catch::Contains((dir / "absent.h5").string()) && Catch::Contains("no such"));
  std::ofstream(dir / "text.h5") << "hello";
  REQUIRE_THROWS_AS(ResultsReader(dir / "text.h5"), ConfigError);
  const RunSpec spec = test::quadratic_run("gd", 0.01);
  ResultsStore store(dir / "out.h5", test::suite_of({spec}));
  store.write_run(spec, test::run(spec));
  store.compact();
  REQUIRE_THROWS_AS(ResultsReader(dir / "out.h5").run("0123456789abcdef"), ConfigError);
}

TEST_CASE("each run's known minimum value f* is an index column that compaction keeps",
          "[store][f_star]") {
  const TemporaryDirectory dir;
  const RunSpec known = test::quadratic_run("gd", 0.1, 0);
  const RunSpec unknown = test::quadratic_run("gd", 0.1, 1);
  RunResult known_result = test::run(known);
  known_result.f_star = -2.5;
  const RunResult unknown_result = test::run(unknown);  // f_star left NaN
  {
    ResultsStore store(dir / "out.h5", test::suite_of({known, unknown}));
    store.write_run(known, known_result);
    store.write_run(unknown, unknown_result);
    store.compact();  // from the segments into the output: rows read back and written again
  }
  const ResultsReader reader(dir / "out.h5");
  REQUIRE(reader.index().size() == 2);
  REQUIRE(reader.index()[0].f_star == -2.5);
  REQUIRE(reader.index()[0].f_star_source == "known");
  REQUIRE(std::isnan(reader.index()[1].f_star));
  REQUIRE(reader.index()[1].f_star_source == "none");
}

TEST_CASE("a file written before the f* columns reads with f* unknown", "[store][f_star][h5py]") {
  const TemporaryDirectory dir;
  const RunSpec spec = test::quadratic_run("gd", 0.1);
  RunResult result = test::run(spec);
  result.f_star = 0.0;
  {
    ResultsStore store(dir / "out.h5", test::suite_of({spec}));
    store.write_run(spec, result);
    store.compact();
  }
  REQUIRE(std::system(("/usr/bin/python3 " DESCENT_SOURCE_DIR "/tests/support/drop_f_star_columns.py " +
                       (dir / "out.h5").string()).c_str()) == 0);
  const ResultsReader reader(dir / "out.h5");
  REQUIRE(reader.index().size() == 1);
  REQUIRE(reader.index()[0].run_id == spec.run_id);
  REQUIRE(reader.index()[0].iterations == result.iterations);
  REQUIRE(std::isnan(reader.index()[0].f_star));
  REQUIRE(reader.index()[0].f_star_source == "none");
}

TEST_CASE(
    "segment writers beside a locking store write their own segments, joined by its compaction",
    "[store][segments]") {
  const TemporaryDirectory dir;
  const auto out = dir / "out.h5";
  const std::vector<RunSpec> runs{test::quadratic_run("gd", 0.01), test::quadratic_run("gd", 0.02),
                                  test::quadratic_run("gd", 0.03)};
  const Suite suite = test::suite_of(runs);
  const Parallelism job{.ranks = 3, .threads = 2, .hosts = {"node2", "node1", "node2"}};
  const RunResult second = test::run(runs[1]);
  ResultsStore root(out, suite, job);
  {
    // No lock taken: the locking store above holds it.
    ResultsStore rank1(out, suite, job, "segment-rank000001-");
    ResultsStore rank2(out, suite, job, "segment-rank000002-");
    rank1.write_run(runs[2], test::run(runs[2]));
    rank2.write_run(runs[1], second);
    rank1.commit();
    rank2.commit();
    REQUIRE_THROWS_AS(rank1.compact(), std::logic_error);
  }
  REQUIRE(std::filesystem::exists(dir / "out.h5.segments" / "segment-rank000001-000001.h5"));
  REQUIRE(std::filesystem::exists(dir / "out.h5.segments" / "segment-rank000002-000001.h5"));
  root.write_run(runs[0], test::run(runs[0]));
  root.compact();

  REQUIRE(run_ids(out) == std::vector<std::string>{runs[0].run_id, runs[1].run_id, runs[2].run_id});
  REQUIRE_FALSE(std::filesystem::exists(dir / "out.h5.segments"));
  const ResultsReader reader(out);
  REQUIRE(reader.info().ranks == 3);
  REQUIRE(reader.info().threads == 2);
  REQUIRE(reader.info().hosts == "node1,node2");
  test::require_same_run(reader.run(runs[1].run_id), runs[1], second);
}

TEST_CASE("a store records one process on this host unless told otherwise", "[store][provenance]") {
  const TemporaryDirectory dir;
  const std::vector<RunSpec> runs{test::quadratic_run("gd", 0.01)};
  ResultsStore store(dir / "out.h5", test::suite_of(runs));
  store.write_run(runs[0], test::run(runs[0]));
  store.compact();
  const ResultsReader reader(dir / "out.h5");
  REQUIRE(reader.info().ranks == 1);
  REQUIRE(reader.info().threads == 1);
  REQUIRE(reader.info().hosts == host_name());
  REQUIRE(reader.info().hosts == reader.info().host);
}
