#include "descent/suite/formula.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <set>
#include <utility>
#include <vector>

#include "descent/core/suggest.hpp"

namespace descent {

namespace {

using Node = Formula::Node;
using Operation = Formula::Operation;

struct FunctionInfo {
  std::string_view name;
  Operation operation;
  std::size_t min_arguments;
  std::size_t max_arguments;
};

constexpr std::size_t kAnyNumber = static_cast<std::size_t>(-1);
constexpr FunctionInfo kFunctions[] = {
    {"sqrt", Operation::kSqrt, 1, 1}, {"log", Operation::kLog, 1, 1},
    {"exp", Operation::kExp, 1, 1},   {"min", Operation::kMin, 2, kAnyNumber},
    {"max", Operation::kMax, 2, kAnyNumber},
};

std::string known_names() {
  std::string text = "known constants: ";
  for (std::size_t i = 0; i < kObjectiveConstantNames.size(); ++i)
    text.append(i ? ", " : "").append(kObjectiveConstantNames[i]);
  text.append("; functions: ");
  for (std::size_t i = 0; i < std::size(kFunctions); ++i)
    text.append(i ? ", " : "").append(kFunctions[i].name);
  return text;
}

// The constants and functions by name, for the suggestion of a mistyped one.
std::vector<std::string> known_name_list() {
  std::vector<std::string> names(kObjectiveConstantNames.begin(), kObjectiveConstantNames.end());
  for (const auto& function : kFunctions) names.emplace_back(function.name);
  return names;
}

bool is_name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Node formula() {
    skip_spaces();
    if (at_end()) fail(1, "the formula is empty");
    Node root = sum();
    if (!at_end())
      fail(column(), "unexpected '" + std::string(1, peek()) +
                         "' after a complete expression (operators: + - * / ^)");
    return root;
  }

 private:
  Node sum() { return chain(&Parser::product, {{'+', Operation::kAdd}, {'-', Operation::kSubtract}}); }
  Node product() { return chain(&Parser::unary, {{'*', Operation::kMultiply}, {'/', Operation::kDivide}}); }

  // operand (operator operand)*, grouped to the left.
  Node chain(Node (Parser::*operand)(), std::initializer_list<std::pair<char, Operation>> operators) {
    Node left = (this->*operand)();
    while (!at_end()) {
      const auto match = std::find_if(operators.begin(), operators.end(),
                                      [&](const auto& candidate) { return candidate.first == peek(); });
      if (match == operators.end()) break;
      const std::size_t at = column();
      advance();
      left = binary(match->second, at, std::move(left), (this->*operand)());
    }
    return left;
  }

  Node unary() {
    if (!at_end() && peek() == '-') {
      const std::size_t at = column();
      advance();
      Node negated{Operation::kNegate, 0.0, {}, at, {}};
      negated.operands.push_back(unary());
      return negated;
    }
    return power();
  }

  // The exponent is a unary, so 2^-1 parses and 2^3^2 groups to the right.
  Node power() {
    Node base = primary();
    if (!at_end() && peek() == '^') {
      const std::size_t at = column();
      advance();
      return binary(Operation::kPower, at, std::move(base), unary());
    }
    return base;
  }

  Node primary() {
    if (at_end()) fail(column(), "the formula ends where a number, a constant, a function or '(' is expected");
    const char c = peek();
    if (c == '(') {
      const std::size_t open = column();
      advance();
      Node inner = sum();
      expect_close(open);
      return inner;
    }
    if (is_digit(c) || c == '.') return number();
    if (is_name_start(c)) return name();
    fail(column(), "unexpected '" + std::string(1, c) +
                       "' where a number, a constant, a function or '(' is expected");
  }

  Node number() {
    const std::size_t start = pos_;
    while (pos_ < text_.size() && is_digit(text_[pos_])) ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '.') ++pos_;
    while (pos_ < text_.size() && is_digit(text_[pos_])) ++pos_;
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      while (pos_ < text_.size() && is_digit(text_[pos_])) ++pos_;
    }
    const std::string_view token = text_.substr(start, pos_ - start);
    double value = 0.0;
    const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (error == std::errc::result_out_of_range)
      fail(start + 1, "the number " + std::string(token) + " is out of the range of a double");
    if (error != std::errc() || end != token.data() + token.size())
      fail(start + 1, "malformed number '" + std::string(token) + "'");
    skip_spaces();
    return Node{Operation::kNumber, value, {}, start + 1, {}};
  }

  Node name() {
    const std::size_t start = pos_;
    while (pos_ < text_.size() && is_name_char(text_[pos_])) ++pos_;
    const std::string word(text_.substr(start, pos_ - start));
    skip_spaces();
    for (const auto& function : kFunctions)
      if (function.name == word) return call(function, start + 1);
    if (std::find(kObjectiveConstantNames.begin(), kObjectiveConstantNames.end(), word) ==
        kObjectiveConstantNames.end())
      fail(start + 1, "unknown name '" + word + "'" + did_you_mean(word, known_name_list()) + " (" +
                          known_names() + ")");
    return Node{Operation::kConstant, 0.0, word, start + 1, {}};
  }

  Node call(const FunctionInfo& function, std::size_t at) {
    const std::string name(function.name);
    if (at_end() || peek() != '(')
      fail(at, "the function '" + name + "' needs its arguments in parentheses: " + name + "(...)");
    const std::size_t open = column();
    advance();
    Node node{function.operation, 0.0, {}, at, {}};
    node.operands.push_back(sum());
    while (!at_end() && peek() == ',') {
      advance();
      node.operands.push_back(sum());
    }
    expect_close(open);
    const std::size_t given = node.operands.size();
    if (given < function.min_arguments || given > function.max_arguments)
      fail(at, name + " takes " +
                   (function.max_arguments == kAnyNumber
                        ? "at least " + std::to_string(function.min_arguments) + " arguments"
                        : std::to_string(function.min_arguments) + " argument") +
                   ", got " + std::to_string(given));
    return node;
  }

  void expect_close(std::size_t open) {
    if (at_end()) fail(column(), "missing ')' to close the '(' at column " + std::to_string(open));
    if (peek() != ')')
      fail(column(), "expected ')' to close the '(' at column " + std::to_string(open) +
                         ", got '" + std::string(1, peek()) + "'");
    advance();
  }

  static Node binary(Operation operation, std::size_t at, Node left, Node right) {
    Node node{operation, 0.0, {}, at, {}};
    node.operands.push_back(std::move(left));
    node.operands.push_back(std::move(right));
    return node;
  }

  [[noreturn]] static void fail(std::size_t column, const std::string& message) {
    throw FormulaError(column, message);
  }

  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }
  std::size_t column() const { return pos_ + 1; }
  void advance() {
    ++pos_;
    skip_spaces();
  }
  void skip_spaces() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

void collect_constants(const Node& node, std::set<std::string>& names) {
  if (node.operation == Operation::kConstant) names.insert(node.name);
  for (const auto& operand : node.operands) collect_constants(operand, names);
}

double evaluate_node(const Node& node, const ObjectiveConstants& constants) {
  const auto operand = [&](std::size_t i) { return evaluate_node(node.operands[i], constants); };
  switch (node.operation) {
    case Operation::kNumber: return node.number;
    case Operation::kConstant: {
      const auto it = constants.find(node.name);
      if (it == constants.end())
        throw FormulaError(node.column, "the objective does not know the constant '" + node.name + "'");
      return it->second;
    }
    case Operation::kNegate: return -operand(0);
    case Operation::kAdd: return operand(0) + operand(1);
    case Operation::kSubtract: return operand(0) - operand(1);
    case Operation::kMultiply: return operand(0) * operand(1);
    case Operation::kDivide: return operand(0) / operand(1);
    case Operation::kPower: return std::pow(operand(0), operand(1));
    case Operation::kSqrt: return std::sqrt(operand(0));
    case Operation::kLog: return std::log(operand(0));
    case Operation::kExp: return std::exp(operand(0));
    case Operation::kMin:
    case Operation::kMax: {  // a NaN argument makes the result NaN, as every other operation
      double result = operand(0);
      for (std::size_t i = 1; i < node.operands.size(); ++i) {
        const double value = operand(i);
        if (std::isnan(value) || std::isnan(result)) return std::nan("");
        result = node.operation == Operation::kMin ? std::min(result, value) : std::max(result, value);
      }
      return result;
    }
  }
  return node.number;
}

}  // namespace

Formula Formula::parse(std::string_view text) {
  return Formula(std::string(text), Parser(text).formula());
}

std::vector<std::string> Formula::constants() const {
  std::set<std::string> names;
  collect_constants(root_, names);
  return {names.begin(), names.end()};
}

double Formula::evaluate(const ObjectiveConstants& constants) const {
  return evaluate_node(root_, constants);
}

}  // namespace descent
