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
#include <vector>

#include "descent/store/results_reader.hpp"
#include "support/run_suites.hpp"
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

// gd_suite(name, runs, iterations) as NAME.toml in a temporary directory, its output NAME.h5.
struct GdSuiteFiles : test::SuiteFiles {
  GdSuiteFiles(const std::string& name, int runs, int iterations)
      : SuiteFiles(name, gd_suite(name, runs, iterations)) {}
};

// Runs a shell command line (for ulimit); returns its exit status, or 128 + signal.
int shell(const std::string& command) {
  const int status = std::system(command.c_str());
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + WTERMSIG(status);
}

std::size_t stored_runs(const fs::path& path) { return ResultsReader(path).index().size(); }

// A tmpfs of `bytes` at DIR/small_disk, unmounted when it goes (a failed check included).
// Mounting needs root: elsewhere mounted() is false and the test says it is not checked.
class SmallDisk {
 public:
  SmallDisk(const fs::path& dir, std::uintmax_t bytes) : path_(dir / "small_disk") {
    fs::create_directories(path_);
    const std::string size = "size=" + std::to_string(bytes);
    mounted_ = ::mount("tmpfs", path_.c_str(), "tmpfs", 0, size.c_str()) == 0;
    if (!mounted_) WARN("cannot mount a tmpfs here (needs root): the full-disk case is not checked");
  }
  ~SmallDisk() {
    if (mounted_) ::umount(path_.c_str());
  }
  SmallDisk(const SmallDisk&) = delete;
  SmallDisk& operator=(const SmallDisk&) = delete;

  bool mounted() const { return mounted_; }
  const fs::path& path() const { return path_; }
  // Everything on the disk copied into `dir` (the bigger disk), then the disk unmounted.
  void move_to(const fs::path& dir) {
    for (const auto& entry : fs::directory_iterator(path_))
      fs::copy(entry.path(), dir / entry.path().filename(),
               fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    ::umount(path_.c_str());
    mounted_ = false;
  }

 private:
  fs::path path_;
  bool mounted_ = false;
};

}  // namespace

TEST_CASE("a second writer of one output exits 2 naming the first, and a lock left by kill -9 "
          "is taken over",
          "[cli][faults][lock]") {
  const GdSuiteFiles files("slow", 40, 200000);
  const auto& [dir, suite, out] = files;
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
  write_file(suite, gd_suite("slow", 3, 50));
  test::run_quietly(suite, out);
  REQUIRE_FALSE(fs::exists(lock));
  REQUIRE(stored_runs(out) >= 3);
}

TEST_CASE("a full disk is an error (exit 1) that loses nothing stored and resumes once there is "
          "room",
          "[cli][faults][disk]") {
  const GdSuiteFiles files("big", 400, 200);
  const auto& [dir, suite, kept] = files;
  SmallDisk disk(dir.path(), std::uintmax_t{1} << 20);
  if (!disk.mounted()) return;
  const auto out = disk.path() / kept.filename();

  const auto full = test::run_descent({"run", suite.string(), "-o", out.string(), "--quiet"});
  CHECK(full.signal == 0);
  CHECK(full.exit_status == 1);
  CHECK_THAT(full.err, Catch::Contains("No space left on device"));
  CHECK_THAT(full.err, Catch::Contains("every stored run is kept, in " + out.string()));
  // What was committed is intact and is kept on the bigger disk.
  disk.move_to(dir.path());
  test::run_quietly(suite, kept);
  REQUIRE(stored_runs(kept) == 400);
}

TEST_CASE("a disk that fills up while the segments are joined is an error (exit 1) naming the "
          "output, and loses nothing",
          "[cli][faults][disk]") {
  // OUT.h5 with 100 runs takes two thirds of the disk; one more run fits in its segment, but
  // the joined file (a new OUT.h5 beside the old one until it replaces it) does not.
  const GdSuiteFiles files("grow", 100, 200);
  const auto& [dir, suite, kept] = files;
  test::run_quietly(suite, kept);
  const std::uintmax_t pages = (3 * fs::file_size(kept) / 2) / 4096 + 1;
  SmallDisk disk(dir.path(), pages * 4096);
  if (!disk.mounted()) return;
  const auto out = disk.path() / kept.filename();
  fs::copy_file(kept, out);
  write_file(suite, gd_suite("grow", 101, 200));

  const auto full = test::run_descent({"run", suite.string(), "-o", out.string(), "--quiet"});
  CHECK(full.signal == 0);
  CHECK(full.exit_status == 1);
  CHECK_THAT(full.err, Catch::Contains("No space left on device"));
  CHECK_THAT(full.err, Catch::Contains("every stored run is kept, in " + out.string()));
  CHECK_THAT(full.err, !Catch::Contains("not a valid results file"));
  // The old file and the new run's segment are as they were, and only they are there.
  CHECK(stored_runs(out) == 100);
  std::vector<fs::path> segments;
  for (const auto& entry : fs::directory_iterator(out.string() + ".segments"))
    segments.push_back(entry.path());
  REQUIRE(segments.size() == 1);
  CHECK(stored_runs(segments.front()) == 1);
  disk.move_to(dir.path());

  const auto resumed = test::run_descent({"run", suite.string(), "-o", kept.string()});
  REQUIRE(resumed.exit_status == 0);
  REQUIRE_THAT(resumed.err, Catch::Contains("0 runs to do, 101 already stored"));
  REQUIRE(stored_runs(kept) == 101);
}

// `descent run` of the files' suite into their output under `ulimit -n limit`, which must exit
// with `status` (128 + signal if killed; its standard error is shown when it does not); its
// standard error.
std::string run_with_open_files(int limit, const GdSuiteFiles& files, int status) {
  const auto err = files.dir / "err";
  const int exited = shell("( ulimit -n " + std::to_string(limit) + " && exec " + test::descent_program() +
                           " run " + files.suite.string() + " -o " + files.out.string() +
                           " --quiet ) > /dev/null 2> " + err.string());
  INFO(text_of(err));
  REQUIRE(exited == status);
  return text_of(err);
}

TEST_CASE("compaction keeps the number of open files bounded (1,200 runs under ulimit -n 32)",
          "[cli][faults][files]") {
  const GdSuiteFiles files("many", 1200, 3);
  run_with_open_files(32, files, 0);
  REQUIRE(stored_runs(files.out) == 1200);
}

// [unsanitizable]: the sanitizers' runtime needs descriptors of its own (UBSan's check of a
// vptr's memory opens a pipe), and with five it reports objects it could not read as invalid.
TEST_CASE("running out of file descriptors is an error (exit 1) that loses nothing",
          "[cli][faults][files][unsanitizable]") {
  const GdSuiteFiles files("few", 5, 3);
  // 5 descriptors: the runs are committed to a segment, compaction cannot open it and the
  // temporary output at once.
  REQUIRE_THAT(run_with_open_files(5, files, 1), Catch::Contains("Too many open files"));
  run_with_open_files(64, files, 0);
  REQUIRE(stored_runs(files.out) == 5);
}

TEST_CASE("merge removes what killed merges left, and a segment of another suite is refused",
          "[cli][faults]") {
  const GdSuiteFiles files("s", 3, 5);
  const auto& [dir, suite, part] = files;
  test::run_quietly(suite, part);

  SECTION("leftovers of killed merges") {
    const auto all = dir / "all.h5";
    const auto leftover = write_file(dir / "all.h5.4242.tmp", "half a file");
    REQUIRE(test::run_descent({"merge", all.string(), part.string()}).exit_status == 0);
    REQUIRE_FALSE(fs::exists(leftover));
    REQUIRE(stored_runs(all) == 3);
  }
  SECTION("a segment of another suite in OUT.h5.segments") {
    const auto other = write_file(dir / "other.toml", gd_suite("other", 2, 5));
    const auto out = dir / "joined.h5";
    fs::create_directories(out.string() + ".segments");
    fs::copy_file(part, fs::path(out.string() + ".segments") / "segment-000001.h5");
    const auto refused = test::run_descent({"run", other.string(), "-o", out.string(), "--quiet"});
    REQUIRE(refused.exit_status == 2);
    REQUIRE_THAT(refused.err, Catch::Contains("segment-000001.h5: holds the results of suite 's'"));
  }
}

TEST_CASE("a run whose data are missing from the file is run again on resume", "[cli][faults]") {
  const GdSuiteFiles files("s", 3, 5);
  const auto& [dir, suite, out] = files;
  test::run_quietly(suite, out);
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
  const GdSuiteFiles files("s", 2, 5);
  const auto& [dir, suite, out] = files;

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
    test::run_quietly(suite, out);
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
