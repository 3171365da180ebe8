#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iomanip>
#include <ostream>

#include "descent/analysis/studies/study.hpp"
#include "descent/analysis/studies/study_runs.hpp"
#include "descent/analysis/latex.hpp"
#include "descent/analysis/tables.hpp"
#include "descent/core/config_error.hpp"

namespace descent::studies {

std::string to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::kAgrees: return "agrees";
    case Verdict::kDiffers: return "differs";
    case Verdict::kMeasuredOnly: return "measured_only";
  }
  return "";
}

double StudyRow::rel_error() const {
  if (!predicted) return std::nan("");
  return std::abs(measured - *predicted) / scale();
}

double StudyRow::scale() const { return predicted && *predicted != 0.0 ? std::abs(*predicted) : 1.0; }

Verdict StudyRow::verdict(double study_tolerance) const {
  if (!predicted) return Verdict::kMeasuredOnly;
  const double tol = tolerance.value_or(study_tolerance);
  const double p = *predicted;
  bool holds = false;
  switch (comparison) {
    case Comparison::kEqual: holds = rel_error() <= tol; break;
    case Comparison::kAtMost: holds = measured <= p + tol * scale(); break;
    case Comparison::kAtLeast: holds = measured >= p - tol * scale(); break;
  }
  return holds ? Verdict::kAgrees : Verdict::kDiffers;
}

FigurePanel& Figure::panel(const std::string& panel_name, const std::string& xlabel, const std::string& ylabel,
                           const std::string& xscale, const std::string& yscale) {
  for (auto& p : panels)
    if (p.name == panel_name) return p;
  panels.push_back({panel_name, xlabel, ylabel, xscale, yscale, ""});
  return panels.back();
}

void Figure::line(const std::string& panel, const std::string& series, const std::string& role,
                  const std::vector<double>& x, const std::vector<double>& y) {
  for (std::size_t i = 0; i < x.size() && i < y.size(); ++i)
    if (std::isfinite(x[i]) && std::isfinite(y[i])) points.push_back({panel, series, role, x[i], y[i], 0.0});
}

void Figure::bar(const std::string& panel, const std::string& series, double x, double height) {
  points.push_back({panel, series, "bar", x, height, 0.0});
}

void Figure::cell(const std::string& panel, double x, double y, double value) {
  points.push_back({panel, "", "cell", x, y, value});
}

const StudyDefinition& study_definition(const std::string& kind) {
  static const std::vector<StudyDefinition> definitions = {
      {"conditioning", "Rates of convergence against the condition number", 0.05, analyse_conditioning},
      {"lecture", "The lecture's claims about Beale's function", 0.0, analyse_lecture},
      {"second_order_rates", "Orders of convergence of second-order and quasi-Newton methods", 0.1,
       analyse_second_order_rates},
      {"regularized_newton", "Regularized Newton between Newton and gradient descent, and saddles", 0.1,
       analyse_regularized_newton},
      {"vanishing_exploding", "Vanishing and exploding gradients through time and depth", 0.05,
       analyse_vanishing_exploding},
      {"clipping", "Gradient clipping on the cliff and an exploding recurrence", 0.0, analyse_clipping},
      {"label_smoothing", "Label smoothing in softmax regression", 0.05, analyse_label_smoothing},
  };
  for (const auto& definition : definitions)
    if (definition.kind == kind) return definition;
  throw ConfigError("study.kind", "unknown study '" + kind + "'");
}

namespace {

std::string data_number(double value) {
  if (std::isnan(value)) return "";
  return number_text(value, 17);
}

void write_figure_data(const StudyResult& result, const std::filesystem::path& directory,
                       std::vector<std::filesystem::path>& written) {
  std::filesystem::create_directories(directory);
  const auto index_path = directory / "figures.csv";
  std::ofstream index(index_path);
  index << "figure,title,panel,xlabel,ylabel,xscale,yscale,value_label\n";
  for (const Figure& figure : result.figures) {
    for (const FigurePanel& p : figure.panels)
      index << csv_field(figure.name) << ',' << csv_field(figure.title) << ',' << csv_field(p.name) << ','
            << csv_field(p.xlabel) << ',' << csv_field(p.ylabel) << ',' << p.xscale << ',' << p.yscale
            << ',' << csv_field(p.value_label) << "\n";
    const auto path = directory / (figure.name + ".csv");
    std::ofstream out(path);
    out << "panel,series,role,x,y,value\n";
    for (const FigurePoint& point : figure.points)
      out << csv_field(point.panel) << ',' << csv_field(point.series) << ',' << point.role << ','
          << data_number(point.x) << ',' << data_number(point.y) << ','
          << (point.role == "cell" ? data_number(point.value) : "") << "\n";
    if (!out) throw std::runtime_error("writing " + path.string() + " failed");
    written.push_back(path);
  }
  if (!index) throw std::runtime_error("writing " + index_path.string() + " failed");
  written.push_back(index_path);
}

template <class Write>
std::filesystem::path write_file(const std::filesystem::path& path, Write&& write) {
  const auto temporary = std::filesystem::path(path.string() + ".tmp");
  {
    std::ofstream out(temporary);
    if (!out) throw ConfigError("-o", "cannot write " + temporary.string());
    write(out);
    if (!out) throw std::runtime_error("writing " + temporary.string() + " failed");
  }
  std::filesystem::rename(temporary, path);
  return path;
}

std::string predicted_text(const StudyRow& row, int digits) {
  if (!row.predicted) return "";
  const char* prefix = row.comparison == Comparison::kAtMost    ? "<= "
                       : row.comparison == Comparison::kAtLeast ? ">= "
                                                                : "";
  return prefix + number_text(*row.predicted, digits);
}

}  // namespace

void write_study_csv(const std::string& kind, const StudyResult& result, double tolerance, std::ostream& out) {
  out << "study,quantity,objective,label,parameters,predicted,measured,rel_error,verdict\n";
  for (const StudyRow& row : result.rows)
    out << csv_field(kind) << ',' << csv_field(row.quantity) << ',' << csv_field(row.objective) << ','
        << csv_field(row.label) << ',' << csv_field(row.parameters) << ','
        << (row.predicted ? data_number(*row.predicted) : "") << ',' << data_number(row.measured) << ','
        << data_number(row.rel_error()) << ',' << to_string(row.verdict(tolerance)) << "\n";
}

void write_study_latex(const ResultsReader& results, const StudyDefinition& definition,
                       const StudyResult& result, double tolerance, std::ostream& out) {
  const ResultsFileInfo& info = results.info();
  LatexTable table;
  std::string& caption = table.caption;
  caption.append(latex_escape(definition.title)).append(". Suite \\texttt{");
  caption.append(latex_escape(info.suite_name)).append("}, descent ");
  caption.append(latex_escape(info.software_version)).append(", commit \\texttt{");
  caption.append(latex_escape(info.git_commit.substr(0, 12)));
  caption.append("}. A row agrees when the measurement is within a relative ");
  caption.append(latex_escape(number_text(tolerance, 3)));
  caption.append(" of the prediction unless the row states its own tolerance (docs/studies.md).");
  for (const auto& note : result.notes) caption.append(" ").append(latex_escape(note));
  std::string label = definition.kind;  // a \label takes no escaped characters
  std::replace(label.begin(), label.end(), '_', '-');
  table.label = std::string("tab:study-").append(label);
  table.columns = "p{3.6cm}llp{3.2cm}rrrl";
  table.header = {"quantity", "objective", "method", "parameters", "predicted", "measured",
                  "rel.\\ error", "verdict"};
  for (const StudyRow& row : result.rows) {
    std::string parameters = row.parameters;
    for (auto& c : parameters)
      if (c == ';') c = ' ';
    const double rel = row.rel_error();
    table.rows.push_back({.group = "",  // one group: no rules between rows
                          .cells = {latex_escape(row.quantity), latex_escape(row.objective),
                                    latex_escape(row.label), latex_escape(parameters),
                                    latex_escape(predicted_text(row, 4)),
                                    latex_escape(number_text(row.measured, 4)),
                                    std::isnan(rel) ? "" : latex_escape(number_text(rel, 2)),
                                    latex_escape(to_string(row.verdict(tolerance)))}});
  }
  out << "% descent study " << definition.kind << "\n";
  write_table_float(out, table);
}

StudyReport write_study_report(const ResultsReader& results, const Catalog& catalog,
                               const std::filesystem::path& directory) {
  const auto settings = study_settings_of(results.info().suite_toml, results.path().string() + " (stored suite)");
  if (!settings)
    throw ConfigError("study", "the results file " + results.path().string() + " (suite '" +
                                   results.info().suite_name + "') holds no [study] table");
  const StudyDefinition& definition = study_definition(settings->kind);
  StudyReport report;
  report.settings = *settings;
  report.tolerance = settings->tolerance.value_or(definition.default_tolerance);
  report.result = definition.analyse(load_runs(results, catalog));

  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error)
    throw ConfigError("-o", "cannot create the output directory " + directory.string() + ": " + error.message());
  report.written.push_back(write_file(directory / "study.csv", [&](std::ostream& out) {
    write_study_csv(definition.kind, report.result, report.tolerance, out);
  }));
  report.written.push_back(write_file(directory / "study.tex", [&](std::ostream& out) {
    write_study_latex(results, definition, report.result, report.tolerance, out);
  }));
  report.figure_directory = directory / "figures";
  write_figure_data(report.result, report.figure_directory, report.written);
  return report;
}

void print_study_table(const StudyReport& report, std::ostream& out) {
  const std::vector<std::string> header = {"quantity", "objective", "method", "parameters",
                                           "predicted", "measured", "rel_error", "verdict"};
  std::vector<std::vector<std::string>> cells;
  for (const StudyRow& row : report.result.rows) {
    const double rel = row.rel_error();
    cells.push_back({row.quantity, row.objective, row.label, row.parameters, predicted_text(row, 4),
                     number_text(row.measured, 4), std::isnan(rel) ? "" : number_text(rel, 2),
                     to_string(row.verdict(report.tolerance))});
  }
  // Widths in characters, not bytes (labels hold UTF-8 such as κ and ‖).
  const auto width = [](const std::string& text) {
    std::size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80;
    return n;
  };
  std::vector<std::size_t> widths(header.size());
  for (std::size_t j = 0; j < header.size(); ++j) {
    widths[j] = width(header[j]);
    for (const auto& line : cells) widths[j] = std::max(widths[j], width(line[j]));
  }
  const auto print_line = [&](const std::vector<std::string>& line) {
    for (std::size_t j = 0; j < line.size(); ++j) {
      out << line[j];
      if (j + 1 < line.size()) out << std::string(widths[j] - width(line[j]) + 2, ' ');
    }
    out << "\n";
  };
  print_line(header);
  for (const auto& line : cells) print_line(line);
  out << "\n" << report.settings.kind << ": a row agrees within a relative " << number_text(report.tolerance, 3)
      << " unless it states its own tolerance (docs/studies.md)\n";
  for (const auto& note : report.result.notes) out << "note: " << note << "\n";
}

}  // namespace descent::studies
