// `descent run` as a user meets it: the results file, resume after SIGKILL, identical data
// on one or two threads, and bad input refused with exit status 2 and nothing written.
#include <catch2/catch.hpp>

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "descent/core/counted.hpp"
#include "descent/store/results_reader.hpp"
#include "support/run_suites.hpp"
#include "support/same_runs.hpp"
#include "support/subprocess.hpp"
#include "support/temporary_directory.hpp"
#include "support/text_files.hpp"

using namespace descent;
namespace fs = std::filesystem;
using test::kSlowSuite;
using test::kSmallSuite;
using test::write_file;

TEST_CASE("run writes a results file and prints the summary", "[cli]") {
  const test::SuiteFiles files("small", kSmallSuite);
  const auto& [dir, suite, out] = files;
  const auto result = test::run_descent({"run", suite.string(), "-o", out.string()});
  INFO(result.err);
  REQUIRE(result.exit_status == 0);
  REQUIRE_THAT(result.out, Catch::Contains("stop reason") && Catch::Contains("dist to min"));
  REQUIRE_THAT(result.out, Catch::Contains("adam lr=0.1"));
  const ResultsReader reader(out);
  REQUIRE(reader.index().size() == 12);
  REQUIRE(reader.info().suite_name == "small");
  REQUIRE_FALSE(fs::exists(out.string() + ".segments"));
  // Readable by HDF5's own tools with nothing but the file.
  REQUIRE(std::system(("h5dump -H " + out.string() + " > /dev/null").c_str()) == 0);
}

TEST_CASE("the same suite gives identical datasets with -j 1 and -j 2", "[cli][slow]") {
  const test::SuiteFiles files("small", kSmallSuite);
  test::require_same_as_one_process(files.suite, test::run_quietly(files.suite, files.out, {"-j", "2"}));
}

TEST_CASE("a suite killed midway resumes to the same file as an uninterrupted run",
          "[cli][slow][crash]") {
  const test::SuiteFiles files("slow", kSlowSuite);
  const auto& [dir, suite, killed] = files;

  const pid_t pid = test::start_descent({"run", suite.string(), "-o", killed.string(), "--quiet"});
  test::wait_for_committed(killed, 3);
  ::kill(pid, SIGKILL);
  const auto killed_result = test::wait_for(pid);
  REQUIRE(killed_result.signal == SIGKILL);
  const std::size_t done_before = test::committed_runs(killed);
  REQUIRE(done_before < 12);

  const auto resumed = test::run_descent({"run", suite.string(), "-o", killed.string()});
  INFO(resumed.err);
  REQUIRE(resumed.exit_status == 0);
  REQUIRE_THAT(resumed.err, Catch::Contains(counted(static_cast<std::int64_t>(12 - done_before), "run") + " to do, " +
                                            std::to_string(done_before) + " already stored"));

  test::require_same_as_one_process(suite, killed);

  const auto again = test::run_descent({"run", suite.string(), "-o", killed.string()});
  REQUIRE_THAT(again.err, Catch::Contains("0 runs to do, 12 already stored"));
}

TEST_CASE("bad input exits with status 2, names the problem and writes nothing", "[cli][errors]") {
  test::TemporaryDirectory dir;
  const auto out = dir / "out.h5";
  const auto base = std::string("name = \"bad\"\n[[objective]]\nname = \"beale\"\n");

  struct Case {
    const char* what;
    std::string toml;
    const char* expected;  // in the message
  };
  const Case cases[] = {
      {"malformed TOML", "name = \"bad\n", "bad.toml:1"},
      {"unknown objective", "name = \"bad\"\n[[objective]]\nname = \"bael\"\n[[optimizer]]\nname = \"gd\"\n", "bael"},
      {"unknown optimizer", base + "[[optimizer]]\nname = \"adamw\"\n", "adamw"},
      {"unknown key", base + "[[optimizer]]\nname = \"adam\"\nbetta1 = 0.9\n", "betta1"},
      {"wrong type", base + "[[optimizer]]\nname = \"adam\"\nlr = \"fast\"\n", "lr"},
      {"lr <= 0", base + "[[optimizer]]\nname = \"gd\"\nlr = -0.1\n", "0 < lr"},
      {"beta outside [0, 1)", base + "[[optimizer]]\nname = \"rmsprop\"\nbeta = 1.0\n", "beta < 1"},
      {"start of the wrong dimension",
       "name = \"bad\"\n[[objective]]\nname = \"beale\"\nstarts = [[1.0, 2.0, 3.0]]\n[[optimizer]]\nname = \"gd\"\n",
       "start"},
      {"newton on an objective too large for dense matrices (after a run that would succeed)",
       "name = \"bad\"\n[[objective]]\nname = \"beale\"\n[[objective]]\nname = "
       "\"extended_rosenbrock\"\nparams = { dim = 1000000 }\n[[optimizer]]\nname = \"gd\"\n"
       "[[optimizer]]\nname = \"newton\"\n",
       "bad.toml:9:1: optimizer[1]: with objective[1] 'extended_rosenbrock' (line 4)"},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    const auto suite = write_file(dir / "bad.toml", c.toml);
    const auto result = test::run_descent({"run", suite.string(), "-o", out.string()});
    REQUIRE(result.exit_status == 2);
    REQUIRE_THAT(result.err, Catch::Contains("bad.toml") && Catch::Contains(c.expected));
    REQUIRE_FALSE(fs::exists(out));
    REQUIRE_FALSE(fs::exists(out.string() + ".segments"));
  }
}

TEST_CASE("an unwritable output is refused and an existing results file is untouched",
          "[cli][errors]") {
  const test::SuiteFiles files("small", kSmallSuite);
  const auto& [dir, suite, out] = files;
  const auto result = test::run_descent({"run", suite.string(), "-o", "/proc/descent/out.h5"});
  REQUIRE(result.exit_status == 2);
  REQUIRE_THAT(result.err, Catch::Contains("/proc/descent/out.h5"));

  test::run_quietly(suite, out);
  const auto size = fs::file_size(out);
  const auto time = fs::last_write_time(out);
  const auto bad = write_file(dir / "bad.toml", "name = \"small\"\n[[objective]]\nname = \"beale\"\n[[optimizer]]\nname = \"gd\"\nlr = 0\n");
  REQUIRE(test::run_descent({"run", bad.string(), "-o", out.string()}).exit_status == 2);
  REQUIRE(fs::file_size(out) == size);
  REQUIRE(fs::last_write_time(out) == time);
}

TEST_CASE("show, list and inspect answer, and an unknown name is a usage error", "[cli]") {
  REQUIRE(test::run_descent({"list", "optimizers"}).exit_status == 0);
  const auto json = test::run_descent({"list", "objectives", "--json"});
  REQUIRE(json.exit_status == 0);
  REQUIRE_THAT(json.out, Catch::Contains("\"beale\""));
  const auto show = test::run_descent({"show", "adam"});
  REQUIRE_THAT(show.out, Catch::Contains("bias_correction") && Catch::Contains("0.999"));
  const auto show_long_name = test::run_descent({"show", "bfgs"});
  REQUIRE_THAT(show_long_name.out, Catch::Contains("nonpositive_curvature  string"));
  REQUIRE(test::run_descent({"show", "no_such_thing"}).exit_status == 2);
  REQUIRE(test::run_descent({"frobnicate"}).exit_status == 2);
  REQUIRE(test::run_descent({"inspect", "/nonexistent/file.h5"}).exit_status == 2);
}

TEST_CASE("an output holding another suite's results is refused, and an edited suite resumes into it",
          "[cli][errors]") {
  test::TemporaryDirectory dir;
  const auto out = dir / "out.h5";
  const auto first = write_file(dir / "first.toml",
                                "name = \"first\"\n[run]\nmax_iter = 5\n[[objective]]\nname = "
                                "\"beale\"\n[[optimizer]]\nname = \"gd\"\n");
  test::run_quietly(first, out);
  const auto size = fs::file_size(out);
  const auto time = fs::last_write_time(out);

  const auto other = write_file(dir / "other.toml",
                                "name = \"other\"\n[run]\nmax_iter = 5\n[[objective]]\nname = "
                                "\"beale\"\n[[optimizer]]\nname = \"adam\"\n");
  const auto refused = test::run_descent({"run", other.string(), "-o", out.string()});
  REQUIRE(refused.exit_status == 2);
  REQUIRE_THAT(refused.err, Catch::Contains(out.string() +
                                            ": holds the results of suite 'first', not of suite "
                                            "'other'"));
  REQUIRE(fs::file_size(out) == size);
  REQUIRE(fs::last_write_time(out) == time);
  REQUIRE_FALSE(fs::exists(out.string() + ".segments"));

  // The same suite with one optimizer more: the stored run is kept, the new one added.
  write_file(first, "name = \"first\"\n[run]\nmax_iter = 5\n[[objective]]\nname = \"beale\"\n"
                    "[[optimizer]]\nname = \"gd\"\n[[optimizer]]\nname = \"adam\"\n");
  const auto resumed = test::run_descent({"run", first.string(), "-o", out.string(), "--quiet"});
  REQUIRE(resumed.exit_status == 0);
  REQUIRE(ResultsReader(out).index().size() == 2);
}

TEST_CASE("an output that is not a results file, the suite file itself included, is left intact",
          "[cli][errors]") {
  const test::SuiteFiles files("small", kSmallSuite);
  const auto& [dir, suite, out] = files;
  const auto notes = write_file(out, "my notes\n");
  for (const auto& output : {notes, suite}) {
    INFO(output.string());
    std::ifstream before_stream(output);
    const std::string before{std::istreambuf_iterator<char>(before_stream), {}};
    const auto result = test::run_descent({"run", suite.string(), "-o", output.string()});
    REQUIRE(result.exit_status == 2);
    REQUIRE_THAT(result.err, Catch::Contains(output.string() + ": not a descent results file"));
    std::ifstream after_stream(output);
    REQUIRE(std::string{std::istreambuf_iterator<char>(after_stream), {}} == before);
    REQUIRE_FALSE(fs::exists(output.string() + ".segments"));
  }
}
