// Faults around the results file as a user meets them (docs/results.md, "Guarantees"): a
// second writer, a lock left by kill -9, a full disk, too few file descriptors, leftovers of
// killed merges, a segment of another suite, a run group deleted from a file, and output
// paths that cannot be used. Each is a clear error with nothing lost, or is repaired.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "descent/store/results_reader.hpp"
#include "support/subprocess.hpp"
#include "support/temporary_directory.hpp"
#include "support/text_files.hpp"

using namespace descent;
namespace fs = std::filesystem;
using test::text_of;
using test::write_file;

namespace {

// `runs` runs of gd on the quadratic, `iterations` each, every iteration recorded.
std::string gd_suite(const std::string& name, int runs, int iterations) {
  return "name = \"" + name + "\"\n[run]\nmax_iter = " + std::to_string(iterations) +
         "\n[[objective]]\nname = \"quadratic\"\nparams = { dim = 2 }\nstarts = { random = " +
         std::to_string(runs) + ", box = [-1, 1] }\n[[optimizer]]\nname = \"gd\"\nlr = 1e-3\n";
}

// Runs a shell command line (for ulimit); returns its exit status, or 128 + signal.
int shell(const std::string& command) {
  const int status = std::system(command.c_str());
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + WTERMSIG(status);
}

std::size_t stored_runs(const fs::path& path) { return ResultsReader(path).index().size(); }

}  // namespace

TEST_CASE("a second writer of one output exits 2 naming the first, and a lock left by kill -9 "
          "is taken over",
          "[cli][faults][lock]") {
  test::TemporaryDirectory dir;
  const auto suite = write_file(dir / "slow.toml", gd_suite("slow", 40, 200000));
  const auto out = dir / "out.h5";
  const pid_t first = test::start_descent({"run", suite.string(), "-o", out.string(), "--quiet"});
  const auto lock = fs::path(out.string() + ".lock");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (text_of(lock).empty() && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  REQUIRE(text_of(lock) == std::to_string(first) + "\n");

  const auto second = test::run_descent({"run", suite.string(), "-o", out.string(), "--quiet"});
  REQUIRE(second.exit_status == 2);
  REQUIRE_THAT(second.err, Catch::Contains(out.string() + ": is being written by process " +
                                           std::to_string(first)));
  const auto part = dir / "part.h5";
  const auto merge = test::run_descent({"merge", out.string(), part.string()});
  REQUIRE(merge.exit_status == 2);
  REQUIRE_THAT(merge.err, Catch::Contains("is being written by process " + std::to_string(first)));

  ::kill(first, SIGKILL);
  REQUIRE(test::wait_for(first).signal == SIGKILL);
  REQUIRE(fs::exists(lock));  // stale: its holder is gone
  const auto small = write_file(dir / "slow.toml", gd_suite("slow", 3, 50));
  const auto resumed = test::run_descent({"run", small.string(), "-o", out.string(), "--quiet"});
  INFO(resumed.err);
  REQUIRE(resumed.exit_status == 0);
  REQUIRE_FALSE(fs::exists(lock));
  REQUIRE(stored_runs(out) >= 3);
}

TEST_CASE("a full disk is an error (exit 1) that loses nothing stored and resumes once there is "
          "room",
          "[cli][faults][disk]") {
  test::TemporaryDirectory dir;
  const auto mount_point = dir / "small_disk";
  fs::create_directories(mount_point);
  if (::mount("tmpfs", mount_point.c_str(), "tmpfs", 0, "size=1m") != 0) {
    WARN("cannot mount a tmpfs here (needs root): the full-disk case is not checked");
    return;
  }
  const auto suite = write_file(dir / "big.toml", gd_suite("big", 400, 200));
  const auto out = mount_point / "out.h5";

  const auto full = test::run_descent({"run", suite.string(), "-o", out.string(), "--quiet"});
  CHECK(full.signal == 0);
  CHECK(full.exit_status == 1);
  CHECK_THAT(full.err, Catch::Contains("No space left on device"));
  // What was committed is intact and is kept on the bigger disk.
  const auto moved = dir / "moved";
  fs::create_directories(moved);
  for (const auto& entry : fs::directory_iterator(mount_point))
    fs::copy(entry.path(), moved / entry.path().filename(), fs::copy_options::recursive);
  ::umount(mount_point.c_str());
  const auto resumed = test::run_descent(
      {"run", suite.string(), "-o", (moved / "out.h5").string(), "--quiet"});
  INFO(resumed.err);
  REQUIRE(resumed.exit_status == 0);
  REQUIRE(stored_runs(moved / "out.h5") == 400);
}

// `descent args` under `ulimit -n limit`; returns its exit status (128 + signal if killed),
// its standard error in `err`.
int descent_with_open_files(int limit, const std::string& args, const fs::path& err) {
  return shell("( ulimit -n " + std::to_string(limit) + " && exec " + test::descent_program() +
               " " + args + " ) > /dev/null 2> " + err.string());
}

TEST_CASE("compaction keeps the number of open files bounded (1,200 runs under ulimit -n 32)",
          "[cli][faults][files]") {
  test::TemporaryDirectory dir;
  const auto suite = write_file(dir / "many.toml", gd_suite("many", 1200, 3));
  const auto out = dir / "out.h5";
  const int status = descent_with_open_files(
      32, "run " + suite.string() + " -o " + out.string() + " --quiet", dir / "err");
  INFO(text_of(dir / "err"));
  REQUIRE(status == 0);
  REQUIRE(stored_runs(out) == 1200);
}

TEST_CASE("running out of file descriptors is an error (exit 1) that loses nothing",
          "[cli][faults][files]") {
  test::TemporaryDirectory dir;
  const auto suite = write_file(dir / "few.toml", gd_suite("few", 5, 3));
  const auto out = dir / "out.h5";
  const std::string args = "run " + suite.string() + " -o " + out.string() + " --quiet";
  // 5 descriptors: the runs are committed to a segment, compaction cannot open it and the
  // temporary output at once.
  const int status = descent_with_open_files(5, args, dir / "err");
  INFO(text_of(dir / "err"));
  REQUIRE(status == 1);
  REQUIRE_THAT(text_of(dir / "err"), Catch::Contains("Too many open files"));
  REQUIRE(descent_with_open_files(64, args, dir / "err") == 0);
  REQUIRE(stored_runs(out) == 5);
}

TEST_CASE("merge removes what killed merges left, and a segment of another suite is refused",
          "[cli][faults]") {
  test::TemporaryDirectory dir;
  const auto suite = write_file(dir / "s.toml", gd_suite("s", 3, 5));
  const auto part = dir / "part.h5";
  REQUIRE(test::run_descent({"run", suite.string(), "-o", part.string(), "--quiet"}).exit_status == 0);

  SECTION("leftovers of killed merges") {
    const auto all = dir / "all.h5";
    const auto leftover = write_file(dir / "all.h5.4242.tmp", "half a file");
    REQUIRE(test::run_descent({"merge", all.string(), part.string()}).exit_status == 0);
    REQUIRE_FALSE(fs::exists(leftover));
    REQUIRE(stored_runs(all) == 3);
  }
  SECTION("a segment of another suite in OUT.h5.segments") {
    const auto other = write_file(dir / "other.toml", gd_suite("other", 2, 5));
    const auto out = dir / "out.h5";
    fs::create_directories(out.string() + ".segments");
    fs::copy_file(part, fs::path(out.string() + ".segments") / "segment-000001.h5");
    const auto refused = test::run_descent({"run", other.string(), "-o", out.string(), "--quiet"});
    REQUIRE(refused.exit_status == 2);
    REQUIRE_THAT(refused.err, Catch::Contains("segment-000001.h5: holds the results of suite 's'"));
  }
}

TEST_CASE("a run whose data are missing from the file is run again on resume", "[cli][faults]") {
  test::TemporaryDirectory dir;
  const auto suite = write_file(dir / "s.toml", gd_suite("s", 3, 5));
  const auto out = dir / "out.h5";
  REQUIRE(test::run_descent({"run", suite.string(), "-o", out.string(), "--quiet"}).exit_status == 0);
  const std::string first = ResultsReader(out).index().front().run_id;
  // Its index row points past the end of its trace columns.
  REQUIRE(shell("/usr/bin/python3 -c \"import h5py; f = h5py.File('" + out.string() +
                "', 'r+'); i = f['index'][()]; i['trace_start'][0] = f['traces/0/f'].shape[0]; "
                "del f['index']; f['index'] = i\"") == 0);
  const auto resumed = test::run_descent({"run", suite.string(), "-o", out.string()});
  REQUIRE(resumed.exit_status == 0);
  REQUIRE_THAT(resumed.err, Catch::Contains("1 run to do, 2 already stored"));
  const ResultsReader reader(out);
  REQUIRE(reader.index().size() == 3);
  REQUIRE_NOTHROW(reader.run(first));
}

TEST_CASE("outputs that cannot be used are refused before any run (exit 2)", "[cli][faults]") {
  test::TemporaryDirectory dir;
  const auto suite = write_file(dir / "s.toml", gd_suite("s", 2, 5));

  SECTION("-o with an empty path") {
    const auto result = test::run_descent({"run", suite.string(), "-o", ""});
    REQUIRE(result.exit_status == 2);
    REQUIRE_THAT(result.err, Catch::Contains("output path is empty"));
  }
  SECTION("a suite name that is not one plain file name, without -o") {
    for (const std::string& name : {std::string("../escaped"), std::string("/tmp/absolute"), std::string(300, 'n')}) {
      INFO(name.substr(0, 20));
      const auto named = write_file(dir / "named.toml",
                                    "name = \"" + name + "\"\n[[objective]]\nname = \"beale\"\n"
                                                         "[[optimizer]]\nname = \"gd\"\n");
      const auto result = test::run_descent({"run", named.string()});
      REQUIRE(result.exit_status == 2);
      REQUIRE_THAT(result.err, Catch::Contains("give the output with -o"));
    }
    REQUIRE_FALSE(fs::exists("escaped.h5"));
    REQUIRE_FALSE(fs::exists("/tmp/absolute.h5"));
  }
  SECTION("an existing output that cannot be replaced (immutable)") {
    const auto out = dir / "out.h5";
    REQUIRE(test::run_descent({"run", suite.string(), "-o", out.string(), "--quiet"}).exit_status == 0);
    if (shell("chattr +i " + out.string() + " 2> /dev/null") != 0) {
      WARN("chattr +i is not supported here: the immutable case is not checked");
      return;
    }
    const auto bigger = write_file(dir / "s.toml", gd_suite("s", 4, 5));
    const auto result = test::run_descent({"run", bigger.string(), "-o", out.string(), "--quiet"});
    shell("chattr -i " + out.string());
    REQUIRE(result.exit_status == 2);
    REQUIRE_THAT(result.err, Catch::Contains("cannot be replaced"));
    REQUIRE_FALSE(fs::exists(out.string() + ".segments"));
  }
}
