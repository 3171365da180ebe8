// LaTeX text, numbers and table floats; a float compiles with the system's pdflatex.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "descent/analysis/latex.hpp"
#include "support/temporary_directory.hpp"

using namespace descent;

TEST_CASE("text is escaped and Unicode mapped to LaTeX", "[analysis][latex]") {
  REQUIRE(latex_escape("a_b & 50%") == "a\\_b \\& 50\\%");
  REQUIRE(latex_escape("adam α=0.1") == "adam $\\alpha$=0.1");
  REQUIRE(latex_escape("quadratic κ=1000") == "quadratic $\\kappa$=1000");
  REQUIRE(latex_escape("saddle-free |λ|") == "saddle-free \\textbar{}$\\lambda$\\textbar{}");
  REQUIRE(latex_escape("‖∇f‖ ≤ 10⁻³") == "$\\|$$\\nabla$f$\\|$ $\\leq$ 10$^{-}$$^{3}$");
  REQUIRE(latex_escape("Müller") == "Müller");
}

TEST_CASE("numbers are set in math mode, scientific below 1e-3 and from 10^digits on", "[analysis][latex]") {
  REQUIRE(latex_number(0.125) == "$0.125$");
  REQUIRE(latex_number(5.25e-9) == "$5.25\\times10^{-9}$");
  REQUIRE(latex_number(123456.0) == "$1.23\\times10^{5}$");
  REQUIRE(latex_number(0.0) == "$0$");
  // From 10^digits (after rounding) on, the ×10 form: printf's %g would write "5e+03".
  REQUIRE(latex_number(5000.0) == "$5.00\\times10^{3}$");
  REQUIRE(latex_number(1310.0) == "$1.31\\times10^{3}$");
  REQUIRE(latex_number(999.7) == "$1.00\\times10^{3}$");
  REQUIRE(latex_number(999.0) == "$999$");
  REQUIRE(latex_number(-2.5e-4) == "$-2.50\\times10^{-4}$");
  REQUIRE(latex_number(1310.0, 4) == "$1310$");
  REQUIRE(latex_number(std::numeric_limits<double>::infinity()) == "$\\infty$");
  REQUIRE(latex_number(std::nan("")) == "--");
}

TEST_CASE("a table float compiles with pdflatex", "[analysis][latex][pdflatex]") {
  const test::TemporaryDirectory dir;
  LatexTable table{.caption = latex_escape("Runs of suite lecture_α, 4 runs"),
                   .label = "tab:test",
                   .columns = "llr",
                   .header = {"objective", "method", "$f - f^*$"},
                   .rows = {{"quadratic", {latex_escape("quadratic κ=10"), latex_escape("gd lr=1/L"),
                                           latex_number(1e-9)}},
                            {"beale", {latex_escape("beale"), latex_escape("adam, β₂=0.999 #1"),
                                       latex_number(2.5)}}}};
  std::ostringstream text;
  write_table_float(text, table);
  REQUIRE_THAT(text.str(), Catch::Contains("\\begin{table}") && Catch::Contains("\\caption{") &&
                               Catch::Contains("\\label{tab:test}") && Catch::Contains("\\resizebox"));
  std::ofstream(dir / "table.tex") << text.str();
  std::ofstream(dir / "main.tex") << "\\documentclass{article}\n\\usepackage{booktabs,graphicx}\n"
                                     "\\begin{document}\n\\input{table.tex}\n\\end{document}\n";
  const std::string command = "cd '" + dir.path().string() +
                              "' && pdflatex -interaction=nonstopmode -halt-on-error main.tex > log.txt 2>&1";
  REQUIRE(std::system(command.c_str()) == 0);
  REQUIRE(std::filesystem::file_size(dir / "main.pdf") > 0);
}

TEST_CASE("a rule separates consecutive rows of different groups, never the first row",
          "[analysis][latex]") {
  LatexTable table{.caption = "c", .label = "tab:groups", .columns = "l", .header = {"h"}};
  for (const char* group : {"a", "a", "b", "c", "c", "a"})
    table.rows.push_back({group, {std::string("row ") + group}});
  std::ostringstream text;
  write_table_float(text, table);
  const std::string header = "h \\\\\n\\midrule\n";
  const std::string body = text.str().substr(text.str().find(header) + header.size());
  REQUIRE(body.substr(0, body.find("\\bottomrule")) ==
          "row a \\\\\nrow a \\\\\n\\midrule\nrow b \\\\\n\\midrule\nrow c \\\\\n"
          "row c \\\\\n\\midrule\nrow a \\\\\n");
}
