#include "descent/analysis/tables.hpp"

#include <cstdio>
#include <fstream>
#include <string_view>
#include <utility>
#include <vector>

#include "descent/core/config_error.hpp"

namespace descent {

namespace {

std::string number(double value, int digits) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
  return buffer;
}

std::string data_number(double value) { return number(value, 17); }

// The characters outside ASCII that descent's labels and study quantities use, as LaTeX
// writes them in text mode (pdflatex stops at a Unicode character it has no definition for).
const std::vector<std::pair<std::string_view, std::string_view>>& unicode_latex() {
  static const std::vector<std::pair<std::string_view, std::string_view>> table = {
      {"α", "\\ensuremath{\\alpha}"},   {"β", "\\ensuremath{\\beta}"},
      {"γ", "\\ensuremath{\\gamma}"},   {"δ", "\\ensuremath{\\delta}"},
      {"ε", "\\ensuremath{\\varepsilon}"}, {"η", "\\ensuremath{\\eta}"},
      {"θ", "\\ensuremath{\\theta}"},   {"κ", "\\ensuremath{\\kappa}"},
      {"λ", "\\ensuremath{\\lambda}"},  {"μ", "\\ensuremath{\\mu}"},
      {"ρ", "\\ensuremath{\\rho}"},     {"σ", "\\ensuremath{\\sigma}"},
      {"Δ", "\\ensuremath{\\Delta}"},   {"∇", "\\ensuremath{\\nabla}"},
      {"∂", "\\ensuremath{\\partial}"}, {"‖", "\\ensuremath{\\|}"},
      {"≤", "\\ensuremath{\\le}"},      {"≥", "\\ensuremath{\\ge}"},
      {"≈", "\\ensuremath{\\approx}"},  {"∝", "\\ensuremath{\\propto}"},
      {"→", "\\ensuremath{\\to}"},      {"√", "\\ensuremath{\\surd}"},
      {"∞", "\\ensuremath{\\infty}"},   {"−", "\\ensuremath{-}"},
      {"·", "\\ensuremath{\\cdot}"},    {"×", "\\ensuremath{\\times}"},
      {"⁻", "\\ensuremath{^{-}}"},        {"¹", "\\ensuremath{^{1}}"},
      {"²", "\\ensuremath{^{2}}"},        {"³", "\\ensuremath{^{3}}"},
      {"ᵏ", "\\ensuremath{^{k}}"},        {"ᵢ", "\\ensuremath{_{i}}"},
      {"ₖ", "\\ensuremath{_{k}}"},        {"₊", "\\ensuremath{_{+}}"},
      {"₀", "\\ensuremath{_{0}}"},        {"₁", "\\ensuremath{_{1}}"},
      {"–", "--"},                          {"—", "---"},
      {"…", "\\ldots{}"},
  };
  return table;
}

}  // namespace

std::string latex_escape(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      bool known = false;
      for (const auto& [utf8, latex] : unicode_latex())
        if (text.compare(i, utf8.size(), utf8) == 0) {
          out.append(latex);
          i += utf8.size() - 1;
          known = true;
          break;
        }
      if (!known) {
        // An unknown character becomes "?" (its remaining UTF-8 bytes skipped), never a
        // character pdflatex cannot typeset.
        out.push_back('?');
        while (i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) ++i;
      }
      continue;
    }
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
  }
  return out;
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

void write_runs_csv(const ResultsReader& results, std::ostream& out) {
  const auto& columns = index_columns();
  for (std::size_t i = 0; i < columns.size(); ++i) out << (i ? "," : "") << columns[i];
  out << "\n";
  for (const IndexRow& r : results.index()) {
    out << csv_field(r.run_id) << ',' << csv_field(r.objective) << ',' << csv_field(r.optimizer) << ','
        << csv_field(r.label) << ',' << r.dim << ',' << r.start_index << ',' << r.repeat << ','
        << csv_field(r.status) << ',' << csv_field(r.stop_reason) << ',' << r.iterations << ','
        << data_number(r.f_final) << ',' << data_number(r.grad_norm_final) << ',' << r.evals_f << ','
        << r.evals_grad << ',' << r.evals_hess << ',' << r.evals_hvp << ',' << data_number(r.seconds)
        << "\n";
  }
}

void write_traces_csv(const ResultsReader& results, std::ostream& out) {
  out << "run_id,label,objective,start_index,repeat,iter,f,grad_norm,raw_grad_norm,step_norm,lr,"
         "evals_f,evals_grad,evals_hess,evals_hvp,seconds\n";
  for (const IndexRow& r : results.index()) {
    const Trace trace = results.run(r.run_id).result.trace;
    const std::string key = csv_field(r.run_id) + ',' + csv_field(r.label) + ',' +
                            csv_field(r.objective) + ',' + std::to_string(r.start_index) + ',' +
                            std::to_string(r.repeat) + ',';
    for (std::size_t k = 0; k < trace.size(); ++k) {
      out << key << trace.iter[k] << ',' << data_number(trace.f[k]) << ','
          << data_number(trace.grad_norm[k]) << ',' << data_number(trace.raw_grad_norm[k]) << ','
          << data_number(trace.step_norm[k]) << ',' << data_number(trace.lr[k]) << ','
          << trace.evals_f[k] << ',' << trace.evals_grad[k] << ',' << trace.evals_hess[k] << ','
          << trace.evals_hvp[k] << ',' << data_number(trace.seconds[k]) << "\n";
    }
  }
}

void write_summary_latex(const ResultsReader& results, std::ostream& out) {
  out << "% descent results: " << latex_escape(results.info().suite_name) << "\n"
      << "% needs \\usepackage{booktabs}\n"
      << "\\begin{tabular}{llrrlrrrl}\n\\toprule\n"
      << "objective & method & start & repeat & stop reason & iterations & $f$ evals & "
         "$\\nabla f$ evals & final $f$ \\\\\n\\midrule\n";
  std::string previous_objective;
  for (const IndexRow& r : results.index()) {
    if (!previous_objective.empty() && r.objective != previous_objective) out << "\\midrule\n";
    previous_objective = r.objective;
    out << latex_escape(r.objective) << " & " << latex_escape(r.label) << " & " << r.start_index
        << " & " << r.repeat << " & " << latex_escape(r.stop_reason) << " & " << r.iterations << " & " << r.evals_f << " & " << r.evals_grad << " & $"
        << number(r.f_final, 4) << "$ \\\\\n";
  }
  out << "\\bottomrule\n\\end{tabular}\n";
}

std::vector<std::filesystem::path> write_tables(const ResultsReader& results,
                                                const std::filesystem::path& directory) {
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error)
    throw ConfigError("-o", "cannot create the output directory " + directory.string() + ": " +
                                error.message());
  const std::vector<std::pair<std::string, void (*)(const ResultsReader&, std::ostream&)>> files{
      {"runs.csv", write_runs_csv}, {"traces.csv", write_traces_csv}, {"summary.tex", write_summary_latex}};
  std::vector<std::filesystem::path> written;
  for (const auto& [name, write] : files) {
    const auto path = directory / name;
    const auto temporary = directory / (name + ".tmp");
    {
      std::ofstream out(temporary);
      if (!out) throw ConfigError("-o", "cannot write " + temporary.string());
      write(results, out);
      if (!out) throw std::runtime_error("writing " + temporary.string() + " failed");
    }
    std::filesystem::rename(temporary, path);
    written.push_back(path);
  }
  return written;
}

}  // namespace descent
