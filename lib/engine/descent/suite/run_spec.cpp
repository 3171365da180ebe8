#include "descent/suite/run_spec.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace descent {

std::string start_text(const Vector& x0) {
  return to_text(ParamValue(std::vector<double>(x0.data(), x0.data() + x0.size())));
}

std::string canonical_text(const RunSpec& spec) { return canonical_text(spec, start_text(spec.x0)); }

std::string canonical_text(const RunSpec& spec, std::string_view x0_text) {
  std::string text;
  text += "objective=" + spec.objective + "\n";
  text += "objective_params=" + to_text(spec.objective_params) + "\n";
  text += "start_index=" + std::to_string(spec.start_index) + "\n";
  text.append("x0=").append(x0_text).append("\n");
  text += "optimizer=" + spec.optimizer + "\n";
  text += "optimizer_params=" + to_text(spec.optimizer_params) + "\n";
  text += "run=" + to_text(params_of(*spec.settings)) + "\n";
  text += "repeat=" + std::to_string(spec.repeat) + "\n";
  text += "seed=" + std::to_string(spec.seed) + "\n";
  return text;
}

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 failed (OpenSSL EVP_Digest)");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xF];
  }
  return hex;
}

std::string compute_run_id(const RunSpec& spec) { return compute_run_id(spec, start_text(spec.x0)); }

std::string compute_run_id(const RunSpec& spec, std::string_view x0_text) {
  return sha256_hex(canonical_text(spec, x0_text)).substr(0, 16);
}

}  // namespace descent
