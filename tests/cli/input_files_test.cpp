// Files a user names that are not regular files: a suite file or a CSV data set that is a
// FIFO (which would block the reader until a writer came) or /dev/zero (which never ends) is
// refused before a byte is read, with exit status 2 naming the file and the rule. A suite
// whose start points would not fit in memory is refused at load, naming the bytes.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fstream>
#include <string>

#include "descent/suite/memory_limit.hpp"
#include "support/subprocess.hpp"
#include "support/temporary_directory.hpp"

using namespace descent;

namespace {

void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string csv_suite(const std::string& csv) {
  return "name = \"data\"\n[[objective]]\nname = \"logistic_regression\"\nparams = { csv = \"" +
         csv + "\" }\n[[optimizer]]\nname = \"gd\"\n";
}

}  // namespace

TEST_CASE("a suite file that is a FIFO or a device is refused without reading it", "[cli][files]") {
  const test::TemporaryDirectory dir;
  const auto fifo = dir / "suite.toml";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const bool device = GENERATE(false, true);
  const std::string path = device ? "/dev/zero" : fifo.string();
  const std::string kind = device ? "a character device" : "a FIFO (named pipe)";
  const auto output = dir / "out.h5";
  const auto result = test::run_descent({"run", path, "-o", output.string()});
  INFO(result.err);
  CHECK(result.signal == 0);
  CHECK(result.exit_status == 2);
  CHECK_THAT(result.err, Catch::Contains(path + ":1:1: file: cannot read the suite file: it is " +
                                         kind + ", not a regular file"));
  CHECK_FALSE(std::filesystem::exists(output));
}

TEST_CASE("a CSV data set that is a FIFO or a device is refused without reading it",
          "[cli][files]") {
  const test::TemporaryDirectory dir;
  const auto fifo = dir / "data.csv";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const std::string csv = GENERATE(false, true) ? "/dev/zero" : fifo.string();
  const auto suite = dir / "data.toml";
  write_text(suite, csv_suite(csv));
  const auto result = test::run_descent({"run", suite.string(), "-o", (dir / "out.h5").string()});
  INFO(result.err);
  CHECK(result.signal == 0);
  CHECK(result.exit_status == 2);
  CHECK_THAT(result.err, Catch::Contains("the CSV file '" + csv + "' is not a regular file"));
}

TEST_CASE("a suite whose start points exceed the memory available is refused at load",
          "[cli][files][memory]") {
  if (available_memory_bytes() >= 80'000'000'000) {
    WARN("this machine has 80 GB available: the refusal cannot be shown here");
    return;
  }
  const test::TemporaryDirectory dir;
  const auto suite = dir / "huge.toml";
  // 1,000 points of dimension 10⁷: 8·10¹⁰ bytes before the runs copy them.
  write_text(suite, "name = \"huge\"\n[[objective]]\nname = \"sphere\"\nparams = { dim = 10000000 }\n"
                    "starts = { random = 1000, box = [-1, 1] }\n[[optimizer]]\nname = \"gd\"\n");
  const auto result = test::run_descent({"run", suite.string(), "-o", (dir / "out.h5").string()});
  INFO(result.err);
  CHECK(result.signal == 0);
  CHECK(result.exit_status == 2);
  CHECK_THAT(result.err,
             Catch::Contains(suite.string() + ":5:21: objective[0].starts.random: 1000 random "
                             "starts of dimension 10000000 need 80000000000 bytes (80 GB) of "
                             "memory, more than the ") &&
                 Catch::Contains("available; draw fewer starts or lower the dimension"));
}
