#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "command.hpp"
#include "descent/core/suggest.hpp"

namespace descent::cli {

namespace {

std::vector<std::string> subcommand_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    names.push_back(sub->get_name());
  return names;
}

// Every spelling of every option of `app` ("--output", "-o").
std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* option : app.get_options()) {
    for (const auto& name : option->get_lnames()) names.push_back("--" + name);
    for (const auto& name : option->get_snames()) names.push_back("-" + name);
  }
  return names;
}

// "-5", "-1e-3": values, not options.
bool is_number(const std::string& word) {
  char* end = nullptr;
  std::strtod(word.c_str(), &end);
  return end == word.c_str() + word.size();
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

}  // namespace

std::string usage_error_text(const CLI::App& app, int argc, char** argv,
                             const CLI::ParseError& error) {
  const std::vector<std::string> commands = subcommand_names(app);
  // The first word that is not an option names the command.
  const CLI::App* command = nullptr;
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word.starts_with("-")) continue;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
      if (sub->get_name() == word) command = sub;
    if (!command)
      return "unknown command '" + std::string(word) + "'" + did_you_mean(word, commands) +
             "; commands: " + joined(commands) + " (see 'descent --help')";
    break;
  }
  if (!command) return "a command is required: " + joined(commands) + " (see 'descent --help')";

  const std::string help = " (see 'descent " + command->get_name() + " --help')";
  const std::vector<std::string> options = option_names(*command);
  for (int i = 1; i < argc; ++i) {
    std::string word = argv[i];
    if (!word.starts_with("-") || word == "-" || word == "--" || is_number(word)) continue;
    if (const auto equals = word.find('='); equals != std::string::npos) word.resize(equals);
    bool known = false;
    for (const auto& name : options) known = known || name == word;
    for (const auto& name : option_names(app)) known = known || name == word;
    if (!known)
      return "unknown option '" + word + "' for 'descent " + command->get_name() + "'" +
             did_you_mean(word, options) + help;
  }
  return command->get_name() + ": " + error.what() + help;
}

}  // namespace descent::cli
