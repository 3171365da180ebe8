// A hyperparameter sweep: `sweep = { lr = [1e-4, 1e-3], beta2 = [0.99, 0.999] }` in an
// [[optimizer]] table. The grid is the cartesian product over all sweep keys, keys in sorted
// order, each key's values in file order, the last key varying fastest:
//   (beta2=0.99, lr=1e-4), (beta2=0.99, lr=1e-3), (beta2=0.999, lr=1e-4), (beta2=0.999, lr=1e-3).
// A swept key replaces the key's direct value in the table, if any.
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

// `node` is the `sweep` key at `origin` ("optimizer[1].sweep"); `hyperparameters` the keys that
// may be swept. Every value must be a non-empty list.
std::vector<SweepAxis> read_sweep(const SourceFile& file, const toml::node& node,
                                  const Origin& origin,
                                  const std::vector<std::string>& hyperparameters);

// Every point of the grid, in the order above; one empty point when there are no axes.
std::vector<std::vector<SweepValue>> grid_points(const std::vector<SweepAxis>& axes);

}  // namespace descent::suite_toml
