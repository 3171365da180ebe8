// Formula: an arithmetic expression over an objective's constants, the value of a
// hyperparameter given as a string in a suite: lr = "2/(L + mu)" (docs/suites.md).
//
// Grammar (recursive descent; spaces between tokens are ignored):
//   sum      := product (("+" | "-") product)*        left-associative: 8 - 2 - 1 = 5
//   product  := unary (("*" | "/") unary)*            left-associative: 8 / 2 / 2 = 2
//   unary    := "-" unary | power
//   power    := primary ("^" unary)?                  right-associative: 2^3^2 = 2^9;
//                                                     -2^2 = -(2^2); 2^-1 = 0.5
//   primary  := number | constant | function "(" sum ("," sum)* ")" | "(" sum ")"
//   number   := digits ["." [digits]] [exponent] | "." digits [exponent],
//               exponent := ("e" | "E") ["+" | "-"] digits
//   constant := L | mu | kappa | dim                   (objective_constants.hpp)
//   function := sqrt | log | exp                       one argument; log is the natural log
//             | min | max                              two or more arguments
// Evaluation is IEEE double arithmetic: sqrt(-1) or log(0) give NaN or −∞, and whoever uses
// the value decides whether it is acceptable.
//
// Problems are a FormulaError holding the column (from 1) of the character at fault in the
// formula's text: parse errors at the unexpected character, an unknown name at the name,
// a constant the objective does not know (in `evaluate`) at its first use.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "descent/core/objective_constants.hpp"

namespace descent {

class FormulaError : public std::runtime_error {
 public:
  FormulaError(std::size_t column, const std::string& message)
      : std::runtime_error(message), column_(column) {}
  // Of the character at fault, from 1.
  std::size_t column() const { return column_; }

 private:
  std::size_t column_;
};

class Formula {
 public:
  // Throws FormulaError for text that is not a formula of the grammar above.
  static Formula parse(std::string_view text);

  const std::string& text() const { return text_; }
  // The constants the formula uses, each once, sorted.
  std::vector<std::string> constants() const;
  // The value with these constants; FormulaError when the formula uses one they lack.
  double evaluate(const ObjectiveConstants& constants) const;

  enum class Operation {
    kNumber, kConstant, kNegate, kAdd, kSubtract, kMultiply, kDivide, kPower,
    kSqrt, kLog, kExp, kMin, kMax
  };
  struct Node {
    Operation operation = Operation::kNumber;
    double number = 0.0;          // kNumber
    std::string name;             // kConstant
    std::size_t column = 0;       // where the node starts in the text
    std::vector<Node> operands;
  };

 private:
  Formula(std::string text, Node root) : text_(std::move(text)), root_(std::move(root)) {}

  std::string text_;
  Node root_;
};

}  // namespace descent
