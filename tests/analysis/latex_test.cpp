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

TEST_CASE("numbers are set in math mode, scientific below 1e-3 and from 1e4 on", "[analysis][latex]") {
  REQUIRE(latex_number(0.125) == "$0.125$");
  REQUIRE(latex_number(5.25e-9) == "$5.25\\times10^{-9}$");
  REQUIRE(latex_number(123456.0) == "$1.23\\times10^{5}$");
  REQUIRE(latex_number(0.0) == "$0$");
  REQUIRE(latex_number(std::numeric_limits<double>::infinity()) == "$\\infty$");
  REQUIRE(latex_number(std::nan("")) == "--");
}

TEST_CASE("a table float compiles with pdflatex", "[analysis][latex][pdflatex]") {
  const test::TemporaryDirectory dir;
  LatexTable table{.caption = latex_escape("Runs of suite lecture_α, 4 runs"),
                   .label = "tab:test",
                   .columns = "llr",
                   .header = {"objective", "method", "$f - f^*$"},
                   .rows = {{latex_escape("quadratic κ=10"), latex_escape("gd lr=1/L"), latex_number(1e-9)},
                            {latex_escape("beale"), latex_escape("adam, β₂=0.999 #1"), latex_number(2.5)}},
                   .rule_before = {1}};
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

TEST_CASE("a group of rows starts where the key changes, never at row 0", "[analysis][latex]") {
  REQUIRE(group_starts({}).empty());
  REQUIRE(group_starts({"a", "a"}).empty());
  REQUIRE(group_starts({"a", "a", "b", "c", "c", "a"}) == std::vector<std::size_t>{2, 3, 5});
}
