// Running a study through the real `descent study` and reading its study.csv back; the copies
// of shipped studies the tests run with other values are StudyCopy values.
#pragma once

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "support/report_files.hpp"
#include "support/subprocess.hpp"
#include "support/temporary_directory.hpp"
#include "support/text_files.hpp"

namespace descent::test {

// A predicted number as the analysis writes it (17 significant digits) against a closed form
// computed in the test: rounding in the two computations only.
inline constexpr double kClosedForm = 1e-12;

// A copy of a shipped study: the suite `name = "<kind>-copy"` (plus top-level `suite` lines
// such as repeats) with a [study] table of `kind` (plus `study` lines such as a tolerance), a
// [run] table holding `run`, then `body` (its objectives and optimizers).
struct StudyCopy {
  std::string kind;
  std::string suite = "";
  std::string study = "";
  std::string run;
  std::string body;
  bool figures = false;
};

inline std::string study_copy_suite(const StudyCopy& copy) {
  return "name = \"" + copy.kind + "-copy\"\n" + copy.suite + "\n[study]\nkind = \"" + copy.kind + "\"\n" + copy.study +
         "\n[run]\n" + copy.run + "\n" + copy.body;
}

// A study run in a temporary directory: the copy's suite written as <kind>-copy.toml,
// `descent study` run on it (without figures unless asked), study.csv read back.
struct StudyRun {
  TemporaryDirectory directory;
  ProcessResult process;
  std::vector<CsvRow> rows;

  explicit StudyRun(const StudyCopy& copy) {
    const auto file = write_file(directory / (copy.kind + "-copy.toml"), study_copy_suite(copy));
    std::vector<std::string> args = {"study", file.string(), "-o", output().string(), "-j", "2"};
    if (!copy.figures) args.push_back("--no-figures");
    process = run_descent(args);
    INFO(process.err);
    REQUIRE(process.exit_status == 0);
    rows = read_csv(output() / "study.csv");
  }
  std::filesystem::path output() const { return directory / "out"; }
};

// The rows whose quantity contains `quantity`, whose label is `label` (any when empty) and
// whose parameters contain `parameters`.
inline std::vector<CsvRow> rows_where(const std::vector<CsvRow>& rows, const std::string& quantity,
                                      const std::string& label = "", const std::string& parameters = "") {
  std::vector<CsvRow> out;
  for (const auto& row : rows)
    if (row.at("quantity").find(quantity) != std::string::npos &&
        (label.empty() || row.at("label") == label) &&
        row.at("parameters").find(parameters) != std::string::npos)
      out.push_back(row);
  return out;
}

// The one such row.
inline CsvRow the_row(const std::vector<CsvRow>& rows, const std::string& quantity,
                      const std::string& label = "", const std::string& parameters = "") {
  const auto matching = rows_where(rows, quantity, label, parameters);
  INFO(quantity << " / " << label << " / " << parameters);
  REQUIRE(matching.size() == 1);
  return matching.front();
}

inline double number(const CsvRow& row, const std::string& column) { return std::stod(row.at(column)); }

}  // namespace descent::test
