// Numeric types shared by every part of descent.
#pragma once

#include <Eigen/Core>

namespace descent {

using Index = Eigen::Index;
using Vector = Eigen::VectorXd;
using Matrix = Eigen::MatrixXd;

}  // namespace descent
