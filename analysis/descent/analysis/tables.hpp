// Tables for papers from a results file:
//   runs.csv     one row per run: the /index columns (tidy CSV, RFC 4180 quoting)
//   traces.csv   one row per recorded iteration of every run, in long form: run_id, label,
//                objective, start_index, repeat, then the standard trace columns
//   summary.tex  a booktabs table: per run (objective, method, start, repeat) the stop reason,
//                iterations, evaluations of f and ∇f, and the final f
// Numbers are written with 17 significant digits where they are data (CSV) and with 4 in
// the LaTeX table.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>

#include "descent/store/results_reader.hpp"

namespace descent {

void write_runs_csv(const ResultsReader& results, std::ostream& out);
void write_traces_csv(const ResultsReader& results, std::ostream& out);
void write_summary_latex(const ResultsReader& results, std::ostream& out);

// Writes the three files into `directory` (created if needed); returns their paths.
std::vector<std::filesystem::path> write_tables(const ResultsReader& results,
                                                const std::filesystem::path& directory);

// "a_b" → "a\_b": the characters LaTeX treats specially, escaped; the Greek letters and
// symbols descent's labels use (α, κ, ‖, ≤, …) as math ("\ensuremath{\alpha}"), any other
// non-ASCII character as "?", so the text always compiles with pdflatex.
std::string latex_escape(const std::string& text);
// A CSV field, quoted when it holds a comma, a quote or a line break.
std::string csv_field(const std::string& text);

}  // namespace descent
