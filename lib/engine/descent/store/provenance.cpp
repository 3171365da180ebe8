// The provenance written at the root of every results file: which build of descent wrote it
// (version, commit and build type come from the build system), with which compiler, where
// and when, and by how many processes and threads on which machines.
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <ctime>

#include "descent/store/results_reader.hpp"

namespace descent {

namespace {

std::string compiler_name() {
#if defined(__clang__)
  return std::string("clang ") + __clang_version__;
#elif defined(__GNUC__)
  return std::string("g++ ") + __VERSION__;
#else
  return "unknown";
#endif
}

std::string utc_now_iso8601() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  std::array<char, 32> text{};
  std::strftime(text.data(), text.size(), "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text.data();
}

}  // namespace

std::string host_name() {
  std::array<char, 256> name{};
  if (gethostname(name.data(), name.size() - 1) != 0) return "unknown";
  return name.data();
}

std::string hosts_text(std::vector<std::string> hosts) {
  std::sort(hosts.begin(), hosts.end());
  hosts.erase(std::unique(hosts.begin(), hosts.end()), hosts.end());
  std::string text;
  for (const auto& host : hosts) text += (text.empty() ? "" : ",") + host;
  return text;
}

ResultsFileInfo current_file_info(std::string suite_name, std::string suite_toml,
                                  std::string suite_sha256, const Parallelism& parallelism) {
  ResultsFileInfo info;
  info.software_version = DESCENT_VERSION;
  info.git_commit = DESCENT_GIT_COMMIT;
  info.compiler = compiler_name();
  info.build_type = DESCENT_BUILD_TYPE;
  info.created = utc_now_iso8601();
  info.host = host_name();
  info.suite_name = std::move(suite_name);
  info.suite_toml = std::move(suite_toml);
  info.suite_sha256 = std::move(suite_sha256);
  info.ranks = parallelism.ranks;
  info.threads = parallelism.threads;
  info.hosts = hosts_text(parallelism.hosts.empty() ? std::vector{info.host} : parallelism.hosts);
  return info;
}

}  // namespace descent
