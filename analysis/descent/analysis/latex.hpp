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
// (scientific below 10⁻³ and from 10⁴), "$\infty$"; NaN is "--".
std::string latex_number(double value, int digits = 3);

struct LatexTable {
  std::string caption;  // LaTeX
  std::string label;    // \label key
  std::string columns;  // tabular column specification: text left (l), numbers right (r)
  std::vector<std::string> header;               // LaTeX
  std::vector<std::vector<std::string>> rows;    // LaTeX
  std::vector<std::size_t> rule_before;          // rows preceded by \midrule (not row 0)
};

void write_table_float(std::ostream& out, const LatexTable& table);

// The rows that begin a new group, for LatexTable::rule_before: each i > 0 with
// keys[i] ≠ keys[i − 1] (keys[i] the group of row i, e.g. its objective instance).
std::vector<std::size_t> group_starts(const std::vector<std::string>& keys);

}  // namespace descent
