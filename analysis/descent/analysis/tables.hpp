// CSV building blocks of the report: RFC 4180 fields and the long-form trace table
// (traces.csv): one row per recorded iteration, keyed by run_id, label, objective (the
// instance name), start_index, repeat, then the standard trace columns. Numbers are written
// with 17 significant digits.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include "descent/driver/trace.hpp"

namespace descent {

// A CSV field, quoted when it holds a comma, a quote or a line break.
std::string csv_field(const std::string& text);
// A number with 17 significant digits (round-trips a double); inf, -inf, nan.
std::string csv_number(double value);

struct TraceKey {
  std::string run_id;
  std::string label;
  std::string objective;
  std::int64_t start_index = 0;
  std::int64_t repeat = 0;
};

void write_trace_header(std::ostream& out);
void write_trace_rows(std::ostream& out, const TraceKey& key, const Trace& trace);

}  // namespace descent
