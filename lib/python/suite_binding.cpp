// descent._run_suite: `descent run SUITE -o OUT -j THREADS` without the summary table: loads
// and validates the suite (ConfigError before anything is written), skips the runs already
// stored in OUT (resume), runs the rest on the engine's threads writing each finished run at
// once, and compacts OUT. The GIL is released while the runs execute.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "descent/objectives/registry.hpp"
#include "descent/runner/runner.hpp"
#include "descent/store/results_store.hpp"
#include "descent/suite/suite.hpp"

namespace py = pybind11;

namespace descent::python {

namespace {

// The results file written; without an output, results/<suite name>.h5 as `descent run`
// chooses it.
std::filesystem::path run_suite(const std::filesystem::path& suite_path,
                                std::optional<std::filesystem::path> output, int threads) {
  if (threads < 1)
    throw ConfigError("threads", "key 'threads' = " + std::to_string(threads) +
                                     " breaks the rule 1 <= threads");
  py::gil_scoped_release release;
  const Catalog catalog = builtin_catalog();
  const Suite suite = load_suite(suite_path, catalog);
  if (!output) {
    output = std::filesystem::path("results") / (suite.name + ".h5");
    std::filesystem::create_directories(output->parent_path());
  }
  ResultsStore store(*output, suite);
  const std::set<std::string> stored = store.stored_run_ids();
  std::vector<const RunSpec*> pending;
  for (const RunSpec& spec : suite.runs)
    if (!stored.contains(spec.run_id)) pending.push_back(&spec);
  run_all(pending, threads, catalog,
          [&](const RunSpec& spec, const RunResult& result) { store.write_run(spec, result); });
  store.compact();
  return *output;
}

}  // namespace

void bind_suites(py::module_& module) {
  module.def("_run_suite", &run_suite, py::arg("path"), py::arg("output"), py::arg("threads"));
}

}  // namespace descent::python
