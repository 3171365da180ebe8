// The built-in synthetic classes (training_data.hpp) with the fields the tests vary.
#pragma once

#include "descent/objectives/training/training_data.hpp"

namespace descent::test {

inline ClassificationDataParams synthetic_classes(std::int64_t examples, std::int64_t features,
                                                  double separation, double scale = 1.0) {
  ClassificationDataParams data;
  data.examples = examples;
  data.features = features;
  data.separation = separation;
  data.scale = scale;
  return data;
}

}  // namespace descent::test
