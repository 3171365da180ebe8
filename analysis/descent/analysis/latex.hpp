// LaTeX for papers: escaping text (Unicode mapped to LaTeX), numbers, and complete table floats.
//
// A float is written as
//   \begin{table}[htbp] \centering \caption{…} \label{…}
//   \resizebox{\ifdim\width>\linewidth\linewidth\else\width\fi}{!}{\begin{tabular}…}
//   \end{table}
// with booktabs rules: it shrinks to the text width when wider, never grows. Needs
// \usepackage{booktabs,graphicx} (each file says so in its first lines).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace descent {

// Text for LaTeX: the characters LaTeX treats specially escaped ("a_b" → "a\_b"), and UTF-8
// mapped: Greek letters, ∇, ‖, ≤, ≥, ×, −, ·, ≈, ∞, →, sub- and superscript digits to math
// ("α" → "$\alpha$"), dashes and … to their text forms, Latin-1 letters kept (pdflatex reads
// UTF-8), any other character replaced by "?".
std::string latex_escape(const std::string& text);

// A number in math mode with `digits` significant digits: "$0.125$", "$5.25\times10^{-9}$"
// (scientific below 10⁻³ and from 10^digits after rounding, so never printf's "5e+03"),
// "$\infty$"; NaN is "--".
std::string latex_number(double value, int digits = 3);

// A row of a table: its cells (LaTeX) and the group it belongs to (e.g. its objective
// instance). A \midrule separates consecutive rows of different groups.
struct LatexRow {
  std::string group;
  std::vector<std::string> cells;
};

struct LatexTable {
  std::string caption;  // LaTeX
  std::string label;    // \label key
  std::string columns;  // tabular column specification: text left (l), numbers right (r)
  std::vector<std::string> header;  // LaTeX
  std::vector<LatexRow> rows = {};
};

void write_table_float(std::ostream& out, const LatexTable& table);

}  // namespace descent
