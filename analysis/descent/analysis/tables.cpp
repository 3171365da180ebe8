#include "descent/analysis/tables.hpp"

#include <charconv>
#include <cmath>

namespace descent {

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

std::string csv_number(double value) {
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (std::isnan(value)) return "nan";
  // The characters of printf's %.17g, without printf's cost (std::to_chars is specified so).
  char buffer[40];
  return {buffer, std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 17).ptr};
}

void write_trace_header(std::ostream& out) {
  out << "run_id,label,objective,start_index,repeat,iter,f,grad_norm,raw_grad_norm,step_norm,lr,"
         "evals_f,evals_grad,evals_hess,evals_hvp,seconds\n";
}

void write_trace_rows(std::ostream& out, const TraceKey& key, const Trace& trace) {
  const std::string prefix = csv_field(key.run_id) + ',' + csv_field(key.label) + ',' +
                             csv_field(key.objective) + ',' + std::to_string(key.start_index) +
                             ',' + std::to_string(key.repeat) + ',';
  for (std::size_t k = 0; k < trace.size(); ++k)
    out << prefix << trace.iter[k] << ',' << csv_number(trace.f[k]) << ','
        << csv_number(trace.grad_norm[k]) << ',' << csv_number(trace.raw_grad_norm[k]) << ','
        << csv_number(trace.step_norm[k]) << ',' << csv_number(trace.lr[k]) << ','
        << trace.evals_f[k] << ',' << trace.evals_grad[k] << ',' << trace.evals_hess[k] << ','
        << trace.evals_hvp[k] << ',' << csv_number(trace.seconds[k]) << "\n";
}

}  // namespace descent
