"""The objectives the figures know, in numpy: f on a grid (for contours), the known minimum
(for f − f* and the minimum's marker) and the lecture's view window.

Formulas follow objectives/*.hpp. Objectives missing here, and rotated quadratics (their
random rotation comes from the C++ generator), are drawn without contours and their loss
curves show f itself.
"""

from __future__ import annotations

import dataclasses
from typing import Callable, Optional

import numpy as np


@dataclasses.dataclass
class KnownMinimum:
    x: np.ndarray
    f: float


def _beale(x, y, params):
    # (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²
    return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2 + (2.625 - x + x * y**3) ** 2


def _rosenbrock(x, y, params):
    # (a − x)² + b (y − x²)²
    a, b = params.get("a", 1.0), params.get("b", 100.0)
    return (a - x) ** 2 + b * (y - x**2) ** 2


def quadratic_eigenvalues(params: dict) -> np.ndarray:
    """λ of ½ xᵀ diag(λ) x: `eigenvalues`, else `dim` values from 1 to κ, linear or loguniform."""
    explicit = params.get("eigenvalues") or []
    if len(explicit) > 0:
        return np.asarray(explicit, dtype=float)
    n = int(params.get("dim", 10))
    kappa = float(params.get("kappa", 10.0))
    t = np.linspace(0.0, 1.0, n) if n > 1 else np.zeros(1)
    if params.get("spectrum", "loguniform") == "linear":
        return 1.0 + (kappa - 1.0) * t
    return kappa**t


def _quadratic(x, y, params):
    lam = quadratic_eigenvalues(params)
    return 0.5 * (lam[0] * x**2 + lam[1] * y**2)


# name -> f(x, y, params) on numpy grids
_SURFACES: dict = {
    "beale": _beale,
    "rosenbrock": _rosenbrock,
    "quadratic": _quadratic,
}

# The lecture's view windows (xmin, xmax, ymin, ymax).
_WINDOWS = {
    "beale": (-4.5, 4.5, -4.5, 4.5),
    "rosenbrock": (-2.0, 2.0, -1.0, 3.0),
}


def surface(objective: str, params: dict) -> Optional[Callable]:
    """f(X, Y) on numpy grids for a 2-D objective, or None when it has no numpy form here."""
    formula = _SURFACES.get(objective)
    if formula is None:
        return None
    if objective == "quadratic" and (params.get("rotate") or len(quadratic_eigenvalues(params)) != 2):
        return None
    return lambda x, y: formula(x, y, params)


def known_minimum(objective: str, params: dict, dim: int) -> Optional[KnownMinimum]:
    if objective == "beale":
        return KnownMinimum(np.array([3.0, 0.5]), 0.0)
    if objective == "rosenbrock":
        a = float(params.get("a", 1.0))
        return KnownMinimum(np.array([a, a * a]), 0.0)
    if objective == "quadratic":
        return KnownMinimum(np.zeros(dim), 0.0)
    return None


def view_window(objective: str, params: dict) -> Optional[tuple]:
    if objective == "rosenbrock" and params.get("a", 1.0) != 1.0:
        return None
    return _WINDOWS.get(objective)
