// The contract "readable by h5py with nothing but the file": the system Python's h5py opens a
// compacted results file and finds a run through its /index row — parameter sets, points and
// trace rows — with every attribute type and column as documented in docs/results.md, the
// trace bit for bit, compressed with the built-in shuffle and deflate filters.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>

#include "descent/core/config_error.hpp"
#include "descent/store/results_reader.hpp"
#include "descent/store/results_store.hpp"
#include "sample_runs.hpp"
#include "support/temporary_directory.hpp"

using namespace descent;

namespace {

constexpr const char* kScript = R"(
import sys, h5py, numpy
f = h5py.File(sys.argv[1], "r")
print(f.attrs["schema"], int(f.attrs["schema_version"]), f.attrs["suite_name"])
index = f["index"]
print(len(index), ",".join(index.dtype.names))
row = index[0]
print(row["run_id"].decode(), row["optimizer"].decode(), row["status"].decode(),
      row["stop_reason"].decode(), int(row["iterations"]), int(row["seed"]), row["dim"])
params = f["params"][str(row["params"])].attrs
print(isinstance(params["bias_correction"], numpy.bool_), float(params["lr"]), params["eps_placement"])
print(f["objective_params"][str(row["objective_params"])].attrs["eigenvalues"].tolist(),
      int(f["settings"][str(row["settings"])].attrs["max_iter"]))
trace = f["traces"][str(row["trace"])]
rows = slice(row["trace_start"], row["trace_start"] + row["trace_rows"])
print(trace["x"][rows].shape, trace["f"].compression, trace["f"].shuffle, trace["iter"].dtype,
      trace["damping"][rows].shape)
print(trace["f"][rows].tobytes().hex())
x = slice(row["x_start"], row["x_start"] + row["dim"])
print(trace["x"][rows][-1, :].tobytes().hex(), f["points/x_final"][x].tobytes().hex())
)";

std::string hex_bytes(const double* values, std::size_t count) {
  std::string hex;
  const auto* bytes = reinterpret_cast<const unsigned char*>(values);
  for (std::size_t i = 0; i < count * sizeof(double); ++i) {
    static constexpr char kDigits[] = "0123456789abcdef";
    hex += kDigits[bytes[i] >> 4];
    hex += kDigits[bytes[i] & 0xF];
  }
  return hex;
}

std::string run_command(const std::string& command) {
  std::string output;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe)) output += buffer;
  REQUIRE(::pclose(pipe) == 0);
  return output;
}

}  // namespace

TEST_CASE("h5py reads a results file with nothing but the file", "[store][h5py]") {
  const test::TemporaryDirectory dir;
  const RunSpec spec = test::quadratic_run("adam", 0.1);
  RunResult result = test::run(spec);
  result.trace.extra["damping"] = std::vector<double>(result.trace.size(), 0.25);
  ResultsStore store(dir / "out.h5", test::suite_of({spec}));
  store.write_run(spec, result);
  store.compact();
  std::ofstream(dir / "read.py") << kScript;

  const std::string output = run_command("/usr/bin/python3 " + (dir / "read.py").string() + " " +
                                         (dir / "out.h5").string() + " 2>&1");
  std::string columns;
  for (const auto& c : index_columns()) columns += (columns.empty() ? "" : ",") + c;
  columns += ",seed,params,objective_params,settings,x_start,trace,trace_start,trace_rows";
  const auto& t = result.trace;
  const std::string expected =
      "descent.results 2 store-test\n"
      "1 " + columns + "\n" +
      spec.run_id + " adam " + std::string(to_string(result.status())) + " " +
      std::string(to_string(result.stop_reason)) + " " + std::to_string(result.iterations) + " " +
      std::to_string(spec.seed) + " 2\n"
      "True 0.1 outside\n"
      "[1.0, 10.0] 30\n"
      "(" + std::to_string(t.size()) + ", 2) gzip True int64 (" + std::to_string(t.size()) + ",)\n" +
      hex_bytes(t.f.data(), t.size()) + "\n" +
      hex_bytes(t.x.data() + (t.size() - 1) * 2, 2) + " " + hex_bytes(result.x_final.data(), 2) + "\n";
  REQUIRE(output == expected);
}

TEST_CASE("HDF5 files written by other programs are refused with a configuration error",
          "[store][h5py][config]") {
  const test::TemporaryDirectory dir;
  std::ofstream(dir / "write.py") << R"(
import sys, h5py, numpy
with h5py.File(sys.argv[1] + "/plain.h5", "w") as f:
    f["data"] = numpy.arange(3.0)
with h5py.File(sys.argv[1] + "/array.h5", "w") as f:
    f.attrs["schema"] = numpy.arange(3)
with h5py.File(sys.argv[1] + "/future.h5", "w") as f:
    f.attrs["schema"] = "descent.results"
    f.attrs["schema_version"] = 3
)";
  run_command("/usr/bin/python3 " + (dir / "write.py").string() + " " + dir.path().string() +
              " 2>&1");
  REQUIRE_THROWS_WITH(ResultsReader(dir / "plain.h5"), Catch::Contains("not a descent results file"));
  REQUIRE_THROWS_WITH(ResultsReader(dir / "array.h5"), Catch::Contains("not a descent results file"));
  REQUIRE_THROWS_WITH(ResultsReader(dir / "future.h5"),
                      Catch::Contains("schema version 3") && Catch::Contains("future.h5"));
  REQUIRE_THROWS_AS(ResultsStore(dir / "future.h5", test::suite_of({})), ConfigError);
}
