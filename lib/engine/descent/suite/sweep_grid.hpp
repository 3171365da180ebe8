// A sweep: `sweep = { lr = [1e-4, 1e-3], beta2 = [0.99, 0.999] }` in an [[optimizer]] table (over
// hyperparameters) or an [[objective]] table (over parameters). The grid is the cartesian
// product over all sweep keys, keys in sorted order, each key's values in file order, the last
// key varying fastest:
//   (beta2=0.99, lr=1e-4), (beta2=0.99, lr=1e-3), (beta2=0.999, lr=1e-4), (beta2=0.999, lr=1e-3).
// A swept key replaces the key's direct value in the table, if any.
//
// A key's values are a non-empty list, or a grid of n ≥ 2 reals from a to b (a < b, both kept
// exactly as written):
//   { linspace = [a, b, n] }   a + (b − a)·i/(n − 1),                 i = 0 … n − 1
//   { logspace = [a, b, n] }   10^(log₁₀a + (log₁₀b − log₁₀a)·i/(n − 1)),  0 < a
// (numpy.linspace and numpy.logspace(log10(a), log10(b), n), but for the endpoints' rounding).
#pragma once

#include <string>
#include <vector>

#include "descent/core/params.hpp"
#include "descent/suite/source_file.hpp"

namespace descent::suite_toml {

struct SweepAxis {
  std::string key;
  std::vector<ParamValue> values;
  std::vector<Origin> origins;  // of each value
};

struct SweepValue {
  const SweepAxis* axis;
  std::size_t index;  // into axis->values
};

// `node` is the `sweep` key at `origin` ("optimizer[1].sweep"); `keys` the names that may be
// swept. Refuses a grid of more points than a suite may run (kMaxSuiteRuns).
std::vector<SweepAxis> read_sweep(const SourceFile& file, const toml::node& node,
                                  const Origin& origin, const std::vector<std::string>& keys);

// Every point of the grid, in the order above; one empty point when there are no axes.
std::vector<std::vector<SweepValue>> grid_points(const std::vector<SweepAxis>& axes);

// "lr=0.001" for a swept value: numbers in canonical text, strings without quotes.
std::string swept_text(const SweepValue& value);

}  // namespace descent::suite_toml
