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

#include "support/subprocess.hpp"
#include "support/temporary_directory.hpp"
#include "support/text_files.hpp"

namespace descent::test {

// A predicted number as the analysis writes it (17 significant digits) against a closed form
// computed in the test: rounding in the two computations only.
inline constexpr double kClosedForm = 1e-12;

using CsvRow = std::map<std::string, std::string>;

// RFC 4180 fields of one line (no line breaks inside fields in study.csv).
inline std::vector<std::string> csv_fields(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back().push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back().push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back().push_back(c);
    }
  }
  return fields;
}

inline std::vector<CsvRow> read_csv(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  const auto header = csv_fields(line);
  std::vector<CsvRow> rows;
  while (std::getline(in, line)) {
    const auto fields = csv_fields(line);
    REQUIRE(fields.size() == header.size());
    CsvRow row;
    for (std::size_t i = 0; i < header.size(); ++i) row[header[i]] = fields[i];
    rows.push_back(row);
  }
  return rows;
}

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

// pdflatex compiles a document holding the study's table float.
inline void require_latex_compiles(const std::filesystem::path& directory) {
  write_file(directory / "document.tex",
             "\\documentclass{article}\n\\usepackage{booktabs,graphicx}\n\\begin{document}\n\\input{study.tex}\n"
             "\\end{document}\n");
  const std::string command = "cd '" + directory.string() +
                              "' && pdflatex -interaction=nonstopmode -halt-on-error document.tex > latex.log 2>&1";
  const int status = std::system(command.c_str());
  INFO(text_of(directory / "latex.log"));
  REQUIRE(status == 0);
  REQUIRE(std::filesystem::file_size(directory / "document.pdf") > 1000);
}

}  // namespace descent::test
