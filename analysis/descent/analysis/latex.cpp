#include "descent/analysis/latex.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>

namespace descent {

namespace {

const std::map<char32_t, const char*>& unicode_latex() {
  static const std::map<char32_t, const char*> table{
      {U'α', "$\\alpha$"},   {U'β', "$\\beta$"},     {U'γ', "$\\gamma$"},   {U'δ', "$\\delta$"},
      {U'ε', "$\\varepsilon$"}, {U'ζ', "$\\zeta$"},  {U'η', "$\\eta$"},     {U'θ', "$\\theta$"},
      {U'ι', "$\\iota$"},    {U'κ', "$\\kappa$"},    {U'λ', "$\\lambda$"},  {U'μ', "$\\mu$"},
      {U'ν', "$\\nu$"},      {U'ξ', "$\\xi$"},       {U'π', "$\\pi$"},      {U'ρ', "$\\rho$"},
      {U'σ', "$\\sigma$"},   {U'τ', "$\\tau$"},      {U'υ', "$\\upsilon$"}, {U'φ', "$\\varphi$"},
      {U'χ', "$\\chi$"},     {U'ψ', "$\\psi$"},      {U'ω', "$\\omega$"},   {U'Γ', "$\\Gamma$"},
      {U'Δ', "$\\Delta$"},   {U'Θ', "$\\Theta$"},    {U'Λ', "$\\Lambda$"},  {U'Ξ', "$\\Xi$"},
      {U'Π', "$\\Pi$"},      {U'Σ', "$\\Sigma$"},    {U'Φ', "$\\Phi$"},     {U'Ψ', "$\\Psi$"},
      {U'Ω', "$\\Omega$"},   {U'∇', "$\\nabla$"},    {U'‖', "$\\|$"},       {U'≤', "$\\leq$"},
      {U'≥', "$\\geq$"},     {U'×', "$\\times$"},    {U'−', "$-$"},         {U'·', "$\\cdot$"},
      {U'≈', "$\\approx$"},  {U'∞', "$\\infty$"},    {U'→', "$\\to$"},      {U'√', "$\\surd$"},
      {U'∈', "$\\in$"},      {U'²', "$^{2}$"},       {U'³', "$^{3}$"},      {U'¹', "$^{1}$"},
      {U'⁰', "$^{0}$"},      {U'⁻', "$^{-}$"},      {U'ᵀ', "$^{T}$"},       {U'ⁿ', "$^{n}$"},      {U'₀', "$_{0}$"},
      {U'₁', "$_{1}$"},      {U'₂', "$_{2}$"},       {U'₃', "$_{3}$"},      {U'₄', "$_{4}$"},
      {U'₅', "$_{5}$"},      {U'₆', "$_{6}$"},       {U'₇', "$_{7}$"},      {U'₈', "$_{8}$"},
      {U'₉', "$_{9}$"},      {U'ₖ', "$_{k}$"},       {U'ₜ', "$_{t}$"},      {U'–', "--"},
      {U'—', "---"},         {U'…', "\\ldots{}"},    {U'°', "\\textdegree{}"}};
  return table;
}

// The code point starting at text[i] and its length in bytes; U+FFFD for a malformed sequence.
std::pair<char32_t, std::size_t> decode(const std::string& text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  if (length == 1 || i + length > text.size()) return {U'\uFFFD', 1};
  char32_t point = lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {U'\uFFFD', 1};
    point = (point << 6) | (byte(i + k) & 0x3F);
  }
  return {point, length};
}

}  // namespace

std::string latex_escape(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      switch (c) {
        case '_': case '%': case '&': case '#': case '$': case '{': case '}':
          out.push_back('\\');
          out.push_back(c);
          break;
        case '~': out.append("\\textasciitilde{}"); break;
        case '^': out.append("\\textasciicircum{}"); break;
        case '\\': out.append("\\textbackslash{}"); break;
        case '<': out.append("\\textless{}"); break;
        case '>': out.append("\\textgreater{}"); break;
        case '|': out.append("\\textbar{}"); break;
        default: out.push_back(c);
      }
      ++i;
      continue;
    }
    const auto [point, length] = decode(text, i);
    if (const auto it = unicode_latex().find(point); it != unicode_latex().end())
      out.append(it->second);
    else if (point >= 0xC0 && point <= 0x17F && point != 0xD7 && point != 0xF7)
      out.append(text, i, length);  // Latin-1 and Latin Extended-A letters: pdflatex has them
    else
      out.push_back('?');
    i += length;
  }
  return out;
}

std::string latex_number(double value, int digits) {
  if (std::isnan(value)) return "--";
  if (std::isinf(value)) return value > 0 ? "$\\infty$" : "$-\\infty$";
  char buffer[64];
  // The decimal exponent after rounding to `digits` digits: the one printf's %g tests, so that
  // positional notation is chosen exactly when %g writes no exponent of its own.
  std::snprintf(buffer, sizeof buffer, "%.*e", digits - 1, value);
  const std::string text = buffer;
  const auto e = text.find('e');
  const int exponent = std::stoi(text.substr(e + 1));
  if (value == 0.0 || (exponent >= -3 && exponent < digits)) {
    std::snprintf(buffer, sizeof buffer, "$%.*g$", digits, value);
    return buffer;
  }
  std::string out = "$";
  out.append(text, 0, e).append("\\times10^{").append(std::to_string(exponent)).append("}$");
  return out;
}

void write_table_float(std::ostream& out, const LatexTable& table) {
  out << "% needs \\usepackage{booktabs,graphicx}\n"
      << "\\begin{table}[htbp]\n\\centering\n"
      << "\\caption{" << table.caption << "}\n"
      << "\\label{" << table.label << "}\n"
      << "\\resizebox{\\ifdim\\width>\\linewidth\\linewidth\\else\\width\\fi}{!}{%\n"
      << "\\begin{tabular}{" << table.columns << "}\n\\toprule\n";
  const auto row_text = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? " & " : "") << cells[i];
    out << " \\\\\n";
  };
  row_text(table.header);
  out << "\\midrule\n";
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    if (r > 0 && table.rows[r].group != table.rows[r - 1].group) out << "\\midrule\n";
    row_text(table.rows[r].cells);
  }
  out << "\\bottomrule\n\\end{tabular}}\n\\end{table}\n";
}

}  // namespace descent
