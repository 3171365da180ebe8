#!/usr/bin/python3
"""Paths of the methods on each 2-D objective of a descent results file, over the objective's
contours: one figure per objective, one panel per start, one path per method (label).

Writes DIR/trajectories_<objective>.png and .pdf and prints their paths. Contours of f come
from the descent program (analysis/plots/objectives.py): log-spaced levels of f − f* when the
objective lists a minimum, else of f above its smallest value in view; linear levels of f,
zero included, when it lists no minimum and f < 0 in view (the saddles, unbounded below).
Without the program, paths only. The start is a black dot, each
known global minimum a red star. A run that diverged is drawn up
to where it leaves the view window (or its last finite iterate), marked with a cross. Runs
without recorded iterates (record.x = false) are left out with a note; of repeated runs only
the first repeat is drawn.
"""

from __future__ import annotations

import sys

import numpy as np
from matplotlib.colors import LogNorm
from matplotlib.lines import Line2D

import figures
import objectives
import results

GRID_POINTS = 300          # per axis, for the contours
CONTOUR_LEVELS = 30
MAX_PATH_POINTS = 20_000   # a longer path is first subsampled evenly
PATH_SPACING = 1 / 600     # then a point is kept when this far (× window diagonal) from the last
FAR_OUTSIDE = 100.0        # points beyond this many window sizes become gaps in a path


def draw(runs: list, out_dir: str) -> list:
    """Draws one figure per 2-D objective instance; returns the paths written."""
    return results.draw_per_instance(runs, out_dir, _draw_instance, keep=lambda run: run.dim == 2)


def _draw_instance(name: str, runs: list, labels: dict, out_dir: str) -> list:
    objective, params = runs[0].objective, runs[0].objective_params
    minimum = objectives.known_minimum(objective, params)
    starts = {}
    for run in runs:
        start = start_of(run)
        if start is not None:
            starts.setdefault(run.start_index, start)
    window = window_of(objective, params, runs, list(starts.values()), minimum)
    colors = figures.method_colors(labels[run.run_id] for run in runs)

    panel_starts = sorted({run.start_index for run in runs})
    fig, axes = figures.panel_grid(len(panel_starts))
    any_diverged = False
    for ax, start_index in zip(axes, panel_starts):
        start = starts.get(start_index)
        draw_background(ax, objective, params, window, start, minimum)
        for run in runs:
            if run.start_index == start_index:
                any_diverged |= _path(ax, run, window, colors[labels[run.run_id]])
        where = f": ({start[0]:g}, {start[1]:g})" if start is not None else ""
        ax.set_title(f"start {start_index}{where}", fontsize="medium")
    figures.title(fig, f"{name}: paths from each start")

    handles = [Line2D([], [], color=color, linewidth=1.6, label=label)
               for label, color in colors.items()]
    handles.append(Line2D([], [], linestyle="", marker="o", color="black", label="start"))
    if minimum is not None:
        handles.append(Line2D([], [], linestyle="", marker="*", color="red", markersize=12,
                              markeredgecolor="darkred", label="known minimum"))
    if any_diverged:
        handles.append(Line2D([], [], linestyle="", color="white", label="diverged",
                              **figures.DIVERGED_MARKER))
    figures.legend_at_right(fig, handles)
    return figures.save(fig, out_dir, f"trajectories_{results.file_stem(name)}")


def draw_background(ax, objective, params, window, start, minimum) -> None:
    """The contours of f over the window (from the descent program), the start and the known
    minima, the window's limits and the axis labels."""
    surface = objectives.grid(objective, params, window, GRID_POINTS)
    if surface is not None:
        if minimum is None and np.nanmin(surface[2]) < 0:
            _linear_contours(ax, surface)
        else:
            _contours(ax, surface, minimum)
    if start is not None:
        ax.plot(*start, "o", color="black", markersize=6, zorder=4, clip_on=False)
    if minimum is not None:
        ax.plot(minimum.points[:, 0], minimum.points[:, 1], "*", linestyle="", color="red",
                markersize=14, markeredgecolor="darkred", zorder=4, clip_on=False)
    ax.set_xlim(window[0], window[1])
    ax.set_ylim(window[2], window[3])
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")


def start_of(run):
    if run.x0 is not None and run.x0.size == 2:
        return run.x0
    x = run.column("x")
    return x[0] if x is not None and len(x) > 0 and x.shape[1] == 2 else None


def window_of(objective, params, runs, starts, minimum) -> tuple:
    """The lecture's window when known, else the box of the starts, the minimum and the runs
    that did not diverge; padded, and always holding the starts and the minimum."""
    anchors = list(starts) + (list(minimum.points) if minimum is not None else [])
    window = objectives.view_window(objective, params)
    if window is None:
        points = list(anchors)
        for run in runs:
            x = run.column("x")
            if x is not None and x.shape[1] == 2 and not run.diverged:
                points.extend(x[np.isfinite(x).all(axis=1)])
        if not points:
            return (-1.0, 1.0, -1.0, 1.0)
        points = np.asarray(points)
        low, high = points.min(axis=0), points.max(axis=0)
        pad = 0.1 * np.maximum(high - low, 1e-3 * np.maximum(1.0, np.abs(high)))
        return (low[0] - pad[0], high[0] + pad[0], low[1] - pad[1], high[1] + pad[1])
    xmin, xmax, ymin, ymax = window
    for point in anchors:
        pad_x, pad_y = 0.05 * (xmax - xmin), 0.05 * (ymax - ymin)
        xmin, xmax = min(xmin, point[0] - pad_x), max(xmax, point[0] + pad_x)
        ymin, ymax = min(ymin, point[1] - pad_y), max(ymax, point[1] + pad_y)
    return (xmin, xmax, ymin, ymax)


def _linear_contours(ax, surface) -> None:
    """Levels of f evenly spaced and symmetric about 0 (f = 0 among them), blue below 0 and
    red above, up to the 99th percentile of |f| in view."""
    grid_x, grid_y, height = surface
    magnitude = np.abs(height[np.isfinite(height)])
    if magnitude.size == 0:
        return
    high = float(np.percentile(magnitude, 99))
    if not high > 0:
        return
    levels = np.linspace(-high, high, CONTOUR_LEVELS + 1)
    ax.contour(grid_x, grid_y, height, levels=levels, cmap="coolwarm", linewidths=0.6, alpha=0.9,
               zorder=1)


def _contours(ax, surface, minimum) -> None:
    grid_x, grid_y, height = surface
    with np.errstate(over="ignore", invalid="ignore"):
        height = height - (minimum.f if minimum is not None else np.nanmin(height))
    positive = height[np.isfinite(height) & (height > 0)]
    if positive.size == 0:
        return
    high = np.percentile(positive, 99)
    low = max(positive.min(), high * 1e-6)
    if not high > low:
        return
    levels = np.logspace(np.log10(low), np.log10(high), CONTOUR_LEVELS)
    ax.contour(grid_x, grid_y, np.clip(height, low / 2, None), levels=levels,
               norm=LogNorm(low, high), cmap="viridis", linewidths=0.6, alpha=0.8, zorder=1)


def visible_path(run, window):
    """The run's iterates as drawn: a diverged run up to where it leaves the window (or its
    last finite iterate), points far outside as NaN gaps; and that exit point, or None."""
    x = run.column("x")
    xmin, xmax, ymin, ymax = window
    finite = np.isfinite(x).all(axis=1)
    with np.errstate(invalid="ignore"):
        inside = finite & (x[:, 0] >= xmin) & (x[:, 0] <= xmax) & (x[:, 1] >= ymin) & (x[:, 1] <= ymax)
    divergence = None
    if run.diverged:
        inside_at = np.flatnonzero(inside)
        if inside_at.size == 0:
            return np.empty((0, 2)), None
        last = inside_at[-1]
        if last + 1 < len(x) and finite[last + 1]:
            divergence = _exit_point(x[last], x[last + 1], window)
        else:
            divergence = x[last]
        x = np.vstack([x[:last + 1], divergence])
        finite = np.isfinite(x).all(axis=1)
    size = np.array([xmax - xmin, ymax - ymin])
    centre = np.array([xmin + xmax, ymin + ymax]) / 2
    with np.errstate(invalid="ignore"):
        far = ~finite | (np.abs(x - centre) > FAR_OUTSIDE * size).any(axis=1)
    return np.where(far[:, None], np.nan, x), divergence


def _path(ax, run, window, color) -> bool:
    """Draws the run's path; returns whether it was marked as diverged."""
    x = run.column("x")
    if x is None or x.ndim != 2 or x.shape[1] != 2 or len(x) == 0:
        print(f"note: run {run.run_id} ({run.label}) has no recorded iterates; its path is left out",
              file=sys.stderr)
        return False
    x, divergence = visible_path(run, window)
    if len(x) == 0:
        return False
    size = np.array([window[1] - window[0], window[3] - window[2]])
    path = _thin(x, PATH_SPACING * float(np.hypot(*size)))
    ax.plot(path[:, 0], path[:, 1], color=color, linewidth=1.4, zorder=3)
    if divergence is not None:
        ax.plot(*divergence, color=color, zorder=5, clip_on=False, **figures.DIVERGED_MARKER)
        return True
    last_finite = np.flatnonzero(np.isfinite(path).all(axis=1))
    if last_finite.size:
        ax.plot(*path[last_finite[-1]], "o", color=color, markersize=3.5, zorder=3)
    return False


def _exit_point(inside, outside, window) -> np.ndarray:
    """Where the segment from a point in the window to one outside crosses the window's edge."""
    step = outside - inside
    t = 1.0
    for axis, (low, high) in enumerate(((window[0], window[1]), (window[2], window[3]))):
        if step[axis] > 0:
            t = min(t, (high - inside[axis]) / step[axis])
        elif step[axis] < 0:
            t = min(t, (low - inside[axis]) / step[axis])
    return inside + t * step


def _thin(points: np.ndarray, spacing: float) -> np.ndarray:
    """Keeps the first and last points, every gap (NaN), and a point whenever it lies at least
    `spacing` from the last one kept: a converging path's thousands of tiny steps collapse."""
    if len(points) > MAX_PATH_POINTS:
        even = np.linspace(0, len(points) - 1, MAX_PATH_POINTS).round().astype(int)
        points = points[np.unique(even)]
    if len(points) <= 2:
        return points
    keep = [0]
    last = points[0]
    for i in range(1, len(points) - 1):
        point = points[i]
        if not (np.isfinite(point).all() and np.isfinite(last).all()) or \
                np.hypot(*(point - last)) >= spacing:
            keep.append(i)
            last = point
    keep.append(len(points) - 1)
    return points[keep]


def main() -> None:
    results.figure_script(__doc__, draw)


if __name__ == "__main__":
    main()
