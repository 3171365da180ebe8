// The body of a version-2 results file (docs/results.md), private to the store: runs stored
// column by column, shared across runs, so that storing a run costs about what its bytes
// cost, not a group of HDF5 objects per run. Callers hold h5::lock().
//
//   /params/<k>, /objective_params/<k>, /settings/<k>   attrs: one distinct parameter set each
//   /points/x0, /points/x_final     [Σ dim]: a run's coordinates at [x_start, x_start + dim)
//   /traces/<k>/                    one group per trace layout (the set of columns and the
//                                   width of x): each column [rows] (x [rows × width]); a run's
//                                   rows are [trace_start, trace_start + trace_rows)
//
// Every column is extendible, chunked (kChunkElements values a chunk) and compressed with
// shuffle + deflate (segments excepted, see Compression). Writers buffer each column up to a whole chunk and write every chunk once,
// whole; a copy between files (compaction, merge) moves blocks of consecutive rows, never
// one run at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "descent/store/hdf5_layer.hpp"
#include "descent/store/results_schema.hpp"

namespace descent::columns {

// Values per chunk: 4096 doubles, 32 KiB before compression (docs/results.md gives the sizes
// measured for other choices).
inline constexpr hsize_t kChunkElements = 4096;

using schema::IndexEntry;
using schema::RunLocation;

// Whether a file's columns are compressed: results files are; segments, which compaction
// reads once soon after, are not (deflate is most of the cost of storing a run, and would be
// paid twice, besides inflating).
enum class Compression { kDeflate, kNone };

// Appends runs to a version-2 file being written (its root attributes already written). The
// caller writes the index from the entries returned, after flush().
class RunsWriter {
 public:
  RunsWriter(const h5::Handle& file, Compression compression);
  ~RunsWriter();
  RunsWriter(const RunsWriter&) = delete;
  RunsWriter& operator=(const RunsWriter&) = delete;

  IndexEntry add(const RunSpec& spec, const RunResult& result);
  // Copies the runs `entries` (rows of the index of `source`, a version-2 file) and returns
  // their entries in this file, in the same order.
  std::vector<IndexEntry> copy(const h5::Handle& source, std::span<const IndexEntry> entries);
  // Writes every buffered row.
  void flush();
  // Bytes held in buffers (at most one chunk per column).
  std::size_t buffered_bytes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Reads runs of a version-2 file, keeping the groups and parameter sets it has read open.
class RunsReader {
 public:
  explicit RunsReader(const h5::Handle& file);
  ~RunsReader();
  RunsReader(RunsReader&&) noexcept;
  RunsReader& operator=(RunsReader&&) noexcept;

  StoredRun run(const IndexEntry& entry) const;
  // The run's trace alone into `trace`: the columns named in `columns` (every column when
  // empty; iter always), the others left empty (ResultsReader::trace_into).
  void trace_into(const IndexEntry& entry, const std::vector<std::string>& columns, Trace& trace) const;
  // The run's specification alone (parameters, x0), without its trace.
  RunSpec spec(const IndexEntry& entry) const;
  std::vector<std::string> trace_columns(const IndexEntry& entry) const;
  // h5::Error unless the entry's parameter sets exist and its rows lie within its columns.
  void check(const IndexEntry& entry) const;

 private:
  friend class RunsWriter;  // copy() reads through the same caches
  // Reads the run's coordinates `name` (x0 or x_final) from /points into `out` (dim values).
  void read_point(const IndexEntry& entry, const char* name, double* out) const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace descent::columns
