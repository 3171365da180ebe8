// The files `descent report` and `descent study` write, read back: CSV (tables, figure data)
// as RFC 4180 records, whose quoted fields may hold commas, doubled quotes and line breaks, and
// LaTeX tables compiled by pdflatex.
#pragma once

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "support/text_files.hpp"

namespace descent::test {

// One data row: column name (from the header) → field.
using CsvRow = std::map<std::string, std::string>;

// The rows of a CSV file with a header line; every row has as many fields as the header.
inline std::vector<CsvRow> read_csv(const std::filesystem::path& path) {
  REQUIRE(std::filesystem::is_regular_file(path));
  const std::string text = text_of(path);
  std::vector<std::vector<std::string>> records(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field.push_back(text[++i]);
      else if (c == '"') quoted = false;
      else field.push_back(c);
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',' || c == '\n') {
      records.back().push_back(std::move(field));
      field.clear();
      if (c == '\n') records.emplace_back();
    } else {
      field.push_back(c);
    }
  }
  if (!field.empty() || !records.back().empty())
    records.back().push_back(std::move(field));  // a last line without a line break
  else
    records.pop_back();
  std::vector<CsvRow> rows;
  for (std::size_t r = 1; r < records.size(); ++r) {
    REQUIRE(records[r].size() == records[0].size());
    CsvRow row;
    for (std::size_t c = 0; c < records[0].size(); ++c) row[records[0][c]] = records[r][c];
    rows.push_back(std::move(row));
  }
  return rows;
}

// pdflatex compiles a document in `directory` that holds its `table` (a .tex file there).
inline void require_latex_compiles(const std::filesystem::path& directory, const std::string& table) {
  INFO(table);
  write_file(directory / "document.tex",
             "\\documentclass{article}\n\\usepackage{booktabs,graphicx}\n\\begin{document}\n\\input{" +
                 table + "}\n\\end{document}\n");
  const std::string command = "cd '" + directory.string() +
                              "' && pdflatex -interaction=nonstopmode -halt-on-error document.tex > latex.log 2>&1";
  const int status = std::system(command.c_str());
  INFO(text_of(directory / "latex.log"));
  REQUIRE(status == 0);
  REQUIRE(std::filesystem::file_size(directory / "document.pdf") > 1000);
}

}  // namespace descent::test
