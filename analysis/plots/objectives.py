"""What the figures need to know of an objective, asked of the descent program itself:
`descent show NAME --json [--param KEY=VALUE]... [--grid XMIN,XMAX,YMIN,YMAX,N]` (docs/cli.md)
gives the known minima with f*, and f on a grid for contours, for the instance a run used
(its objective_params). No formula is written here: the program's registry is the one
source.

The program is $DESCENT_BINARY, else build/descent of this checkout, else `descent` on the
PATH. Without it, or for an objective it does not know, the figures draw no contours and
their loss curves show f itself.

Only the view windows are choices of the figures: the lecture's, else one around the
stationary points (the trajectories figure widens a window to hold the starts).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import shutil
import subprocess
import sys
from typing import Optional

import numpy as np


@dataclasses.dataclass
class KnownMinimum:
    points: np.ndarray  # [count, dim]: every global minimiser
    f: float

    @property
    def x(self) -> np.ndarray:
        return self.points[0]


def descent_binary() -> Optional[str]:
    """The descent program, or None when there is none."""
    explicit = os.environ.get("DESCENT_BINARY")
    if explicit:
        return explicit if os.access(explicit, os.X_OK) else None
    built = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "build", "descent")
    if os.access(built, os.X_OK):
        return os.path.normpath(built)
    return shutil.which("descent")


def _param_text(value) -> str:
    """A parameter as `--param KEY=VALUE` reads it: JSON for numbers, flags and lists."""
    if isinstance(value, str):
        return value
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, (np.ndarray, list, tuple)):
        return json.dumps([float(v) for v in value])
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    return repr(float(value))


@functools.lru_cache(maxsize=64)
def _show(objective: str, params: tuple, grid: Optional[tuple]) -> Optional[dict]:
    binary = descent_binary()
    if binary is None:
        print(f"note: no descent program (set DESCENT_BINARY); {objective} is drawn without "
              "its minima and contours", file=sys.stderr)
        return None
    command = [binary, "show", objective, "--json"]
    for key, value in params:
        command += ["--param", f"{key}={value}"]
    if grid is not None:
        command += ["--grid", ",".join(repr(float(v)) for v in grid[:4]) + f",{grid[4]}"]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        print(f"note: {' '.join(command)}: {done.stderr.strip()}", file=sys.stderr)
        return None
    return json.loads(done.stdout)


def describe(objective: str, params: dict, grid: Optional[tuple] = None) -> Optional[dict]:
    """`descent show OBJECTIVE --json` for the instance `params`; with grid = (xmin, xmax,
    ymin, ymax, n) also f on that grid. None when the program or the objective is missing."""
    key = tuple(sorted((name, _param_text(value)) for name, value in params.items()))
    return _show(objective, key, grid)


def known_minimum(objective: str, params: dict) -> Optional[KnownMinimum]:
    """The global minimisers and f* the objective lists, or None when it lists none."""
    shown = describe(objective, params)
    minima = [m for m in shown["minima"] if m["global"]] if shown is not None else []
    if not minima:
        return None
    return KnownMinimum(np.array([m["x"] for m in minima], dtype=float), float(minima[0]["f"]))


def terms(objective: str, params: dict) -> Optional[int]:
    """m of a finite-sum objective (1/m) Σᵢ fᵢ (1 for any other), or None without the program."""
    shown = describe(objective, params)
    return int(shown["terms"]) if shown is not None and "terms" in shown else None


def grid(objective: str, params: dict, window: tuple, points: int):
    """(X, Y, f(X, Y)) of a 2-D objective on points × points over the window (non-finite
    values as NaN), or None."""
    shown = describe(objective, params, (*window, points))
    if shown is None:
        return None
    values = shown["grid"]
    grid_x, grid_y = np.meshgrid(np.asarray(values["x"], dtype=float),
                                 np.asarray(values["y"], dtype=float))
    return grid_x, grid_y, np.array(values["f"], dtype=float)


# View windows (xmin, xmax, ymin, ymax): the lecture's, else around the stationary points.
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


def view_window(objective: str, params: dict) -> Optional[tuple]:
    if objective == "rosenbrock" and params.get("a", 1.0) != 1.0:
        return None
    if objective == "cliff":
        # the valley a and the wall c, with room on either side; a flatter bowl (curvature
        # b < 1) is wider along y
        a, c = float(params.get("valley", -1.0)), float(params.get("wall", 0.0))
        half_height = 1.5 / np.sqrt(min(float(params.get("curvature", 1.0)), 1.0))
        return (min(a, c) - 1.5, max(a, c) + 1.5, -half_height, half_height)
    return _WINDOWS.get(objective)
