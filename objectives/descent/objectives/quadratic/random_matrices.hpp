// Seeded random matrices for the objectives' data and initialisations.
#pragma once

#include <random>

#include "descent/core/types.hpp"

namespace descent {

// Independent N(0, σ²) entries, column by column.
Matrix gaussian_matrix(Index rows, Index cols, std::mt19937_64& rng, double sigma = 1.0);

// A Haar-random orthogonal n×n matrix: QR of a Gaussian matrix with the signs of R's diagonal
// made positive (Mezzadri 2007).
Matrix haar_orthogonal(Index n, std::mt19937_64& rng);

}  // namespace descent
