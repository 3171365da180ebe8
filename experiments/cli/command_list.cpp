// descent list [objectives|optimizers|suites|studies] [--json]: the shipped suites and studies
// with their paths relative to the working directory, as `descent run PATH` takes them.
#include <filesystem>
#include <iomanip>
#include <iostream>

#include <nlohmann/json.hpp>

#include "descent/core/config_error.hpp"
#include "descent/optimizers/registry.hpp"
#include "command.hpp"
#include "descent/objectives/registry.hpp"

namespace descent::cli {

namespace {

struct ListOptions {
  std::string what = "all";
  bool json = false;
};

int list(const ListOptions& options) {
  nlohmann::json out = nlohmann::json::object();
  const bool all = options.what == "all";
  if (all || options.what == "objectives") {
    auto& list = out["objectives"] = nlohmann::json::array();
    for (const auto& e : objective_registry())
      list.push_back({{"name", e.name}, {"family", e.family}, {"summary", e.summary}});
  }
  if (all || options.what == "optimizers") {
    auto& list = out["optimizers"] = nlohmann::json::array();
    for (const auto& e : optimizer_registry())
      list.push_back({{"name", e.doc.name}, {"summary", e.doc.summary}});
  }
  if (all || options.what == "suites") {
    auto& list = out["suites"] = nlohmann::json::array();
    for (const auto& path : shipped_toml_files("suites"))
      list.push_back({{"name", path.stem().string()}, {"path", std::filesystem::proximate(path).string()}});
  }
  if (all || options.what == "studies") {
    auto& list = out["studies"] = nlohmann::json::array();
    for (const auto& path : shipped_toml_files("studies"))
      list.push_back({{"name", path.stem().string()}, {"path", std::filesystem::proximate(path).string()}});
  }
  if (options.json) {
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  for (const auto& [section, items] : out.items()) {
    std::cout << section << ":\n";
    for (const auto& item : items) {
      std::cout << "  " << std::left << std::setw(28) << item["name"].get<std::string>();
      if (item.contains("summary")) std::cout << item["summary"].get<std::string>();
      if (item.contains("path")) std::cout << item["path"].get<std::string>();
      std::cout << "\n";
    }
  }
  return 0;
}

}  // namespace

void add_list_command(CLI::App& app, Action& action) {
  const auto [cmd, options] = add_command<ListOptions>(
      app, action, "list", "List the objectives, optimizers, suites and studies descent knows",
      list);
  cmd->add_option("what", options->what, "objectives, optimizers, suites or studies (default: all)")
      ->check(CLI::IsMember({"all", "objectives", "optimizers", "suites", "studies"}));
  add_json_flag(*cmd, options->json, "the lists");
}

}  // namespace descent::cli
