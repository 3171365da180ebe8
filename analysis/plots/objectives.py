"""The objectives the figures know, in numpy: f on a grid (for contours), the known global
minima (for f − f* and the minima's markers), the view window, and whether f is unbounded
below (its contours then use linear levels of f, since log levels need f − f* > 0).

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
    points: np.ndarray  # [count, dim]: every global minimiser
    f: float

    @property
    def x(self) -> np.ndarray:
        return self.points[0]


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


def _cliff_params(params):
    """(a, b, c, w, H) of the cliff: valley, curvature, wall, width, height."""
    return (float(params.get("valley", -1.0)), float(params.get("curvature", 1.0)),
            float(params.get("wall", 0.0)), float(params.get("width", 0.01)),
            float(params.get("height", 10.0)))


def _sigmoid(u):
    # 1/(1 + e⁻ᵘ), written with tanh so that it neither overflows nor loses the far tails
    return 0.5 * (1.0 + np.tanh(0.5 * u))


def _cliff(x, y, params):
    # ½(x − a)² + ½ b y² + H σ((x − c)/w)
    a, b, c, w, height = _cliff_params(params)
    return 0.5 * (x - a) ** 2 + 0.5 * b * y**2 + height * _sigmoid((x - c) / w)


def _three_hump_camel(x, y, params):
    # 2x² − 1.05x⁴ + x⁶/6 + xy + y²
    return 2 * x**2 - 1.05 * x**4 + x**6 / 6 + x * y + y**2


def _six_hump_camel(x, y, params):
    # (4 − 2.1x² + x⁴/3) x² + xy + (4y² − 4) y²
    return (4 - 2.1 * x**2 + x**4 / 3) * x**2 + x * y + (4 * y**2 - 4) * y**2


# name -> f(x, y, params) on numpy grids
_SURFACES: dict = {
    "beale": _beale,
    "rosenbrock": _rosenbrock,
    "quadratic": _quadratic,
    "saddle": lambda x, y, params: x**2 - y**2,
    "monkey_saddle": lambda x, y, params: x**3 - 3 * x * y**2,
    "double_well": lambda x, y, params: (x**2 - 1) ** 2 + y**2,
    "cliff": _cliff,
    "himmelblau": lambda x, y, params: (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2,
    "booth": lambda x, y, params: (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2,
    "matyas": lambda x, y, params: 0.26 * (x**2 + y**2) - 0.48 * x * y,
    "three_hump_camel": _three_hump_camel,
    "six_hump_camel": _six_hump_camel,
}

# Objectives unbounded below: no minimum, contours at linear levels of f.
UNBOUNDED_BELOW = {"saddle", "monkey_saddle"}

# View windows (xmin, xmax, ymin, ymax): the lecture's, else around the stationary points
# (the trajectories figure widens a window to hold the starts).
_WINDOWS = {
    "beale": (-4.5, 4.5, -4.5, 4.5),
    "rosenbrock": (-2.0, 2.0, -1.0, 3.0),
    "saddle": (-1.5, 1.5, -1.5, 1.5),
    "monkey_saddle": (-1.5, 1.5, -1.5, 1.5),
    "double_well": (-2.0, 2.0, -1.5, 1.5),
    "himmelblau": (-5.0, 5.0, -5.0, 5.0),
    "booth": (-10.0, 10.0, -10.0, 10.0),
    "matyas": (-10.0, 10.0, -10.0, 10.0),
    "three_hump_camel": (-2.5, 2.5, -2.5, 2.5),
    "six_hump_camel": (-2.5, 2.5, -1.5, 1.5),
}

# Global minimisers and f* of the objectives without parameters (objectives/*.cpp).
_SIX_HUMP_MINIMUM = (0.08984201310031806, -0.7126564030207396)
_FIXED_MINIMA = {
    "beale": ([(3.0, 0.5)], 0.0),
    "double_well": ([(-1.0, 0.0), (1.0, 0.0)], 0.0),
    "himmelblau": ([(3.0, 2.0), (-2.805118086952745, 3.131312518250573),
                    (-3.779310253377747, -3.2831859912861696),
                    (3.5844283403304917, -1.8481265269644036)], 0.0),
    "booth": ([(1.0, 3.0)], 0.0),
    "matyas": ([(0.0, 0.0)], 0.0),
    "three_hump_camel": ([(0.0, 0.0)], 0.0),
    "six_hump_camel": ([_SIX_HUMP_MINIMUM, tuple(-v for v in _SIX_HUMP_MINIMUM)],
                       -1.0316284534898774),
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
    """The global minimisers and f*, or None when unknown here (or f is unbounded below)."""
    if objective in _FIXED_MINIMA:
        points, f = _FIXED_MINIMA[objective]
        return KnownMinimum(np.array(points, dtype=float), f)
    if objective == "rosenbrock":
        a = float(params.get("a", 1.0))
        return KnownMinimum(np.array([[a, a * a]]), 0.0)
    if objective == "quadratic":
        return KnownMinimum(np.zeros((1, dim)), 0.0)
    if objective == "cliff":
        # (a, 0) when the wall's slope there is negligible, as objectives/descent/objectives/training/cliff.cpp lists it
        a, b, c, w, height = _cliff_params(params)
        s = float(_sigmoid((a - c) / w))
        if a >= c or height / w * s * (1.0 - s) > 1e-14:
            return None
        return KnownMinimum(np.array([[a, 0.0]]), height * s)
    return None


def view_window(objective: str, params: dict) -> Optional[tuple]:
    if objective == "rosenbrock" and params.get("a", 1.0) != 1.0:
        return None
    if objective == "cliff":
        # the valley and the wall, with room on either side
        a, b, c, w, height = _cliff_params(params)
        low, high = min(a, c), max(a, c)
        half_height = 1.5 / np.sqrt(min(b, 1.0))  # a flatter bowl along y is wider
        return (low - 1.5, high + 1.5, -half_height, half_height)
    return _WINDOWS.get(objective)
