#!/usr/bin/python3
"""Gradient norms through depth and through time (the lecture's vanishing and exploding
gradients): for the runs of a descent results file whose traces hold per-layer norms
grad_norm_<block><k> (deep_linear: ‖∂f/∂Wₖ‖ in grad_norm_W1 … grad_norm_WL) or per-time-step
norms hidden_grad_norm_<t> (linear_recurrence: ‖∂f/∂hₜ‖), the norms against the layer index k
or the time step t on a log scale.

One figure per objective and axis (DIR/gradient_norms_depth_<objective>.png and .pdf,
DIR/gradient_norms_time_<objective>.png and .pdf), one panel per method (label) and start,
one colour per objective parameter set (rho = 0.5, 1, 1.5; init_scale = 0.5, 1, 1.5): solid
at the first recorded iteration, where a straight line on the log scale is the geometric
ρ^(T−t) or s^(L−1) scaling, dashed at the last recorded iteration whose norms are all finite.
Prints the paths written; a file without such columns gives no figure. Of repeated runs only
the first repeat is drawn.
"""

from __future__ import annotations

import re

import numpy as np
from matplotlib.lines import Line2D

import figures
import results

# axis name -> (pattern of the trace column, x-axis label); group 1 names a series within a
# run (the block name without its index, "" for time steps), group 2 is the position on the axis
AXES = {
    "depth": (re.compile(r"^grad_norm_([A-Za-z_]*?)(\d+)$"), "layer $k$", r"$\|\partial f/\partial {}_k\|$"),
    "time": (re.compile(r"^hidden_grad_norm_()(\d+)$"), "time step $t$", r"$\|\partial f/\partial h_t\|$"),
}
SERIES_MARKERS = ("o", "s", "^", "D", "v")


def series_of(run, axis: str) -> dict:
    """The run's norms along `axis`: series name -> (positions, [records, positions] values),
    positions in increasing order; empty when the trace has no such columns."""
    pattern = AXES[axis][0]
    found: dict = {}
    for name, column in run.trace.items():
        match = pattern.match(name)
        if match and column.ndim == 1:
            found.setdefault(match.group(1), []).append((int(match.group(2)), column))
    series = {}
    for name, entries in sorted(found.items()):
        entries.sort(key=lambda entry: entry[0])
        positions = np.array([position for position, _ in entries])
        values = np.column_stack([column for _, column in entries])
        series[name] = (positions, values)
    return series


def draw(runs: list, out_dir: str) -> list:
    """Draws the depth and time figures of every objective that records such norms; returns
    the paths written (none when no run has the columns)."""
    runs = [run for run in runs if run.repeat == 0]
    written = []
    for axis in AXES:
        by_objective: dict = {}
        for run in runs:
            if series_of(run, axis):
                by_objective.setdefault(run.objective, []).append(run)
        for objective, objective_runs in by_objective.items():
            written += _draw_objective(objective, axis, objective_runs, out_dir)
    return written


def _parameter_labels(runs: list) -> dict:
    """A legend entry per objective instance: the parameters that tell the instances apart."""
    instances = {results.instance_key(run): run.objective_params for run in runs}
    keys = sorted({k for params in instances.values() for k in params})
    differing = [k for k in keys if len({repr(params.get(k)) for params in instances.values()}) > 1]
    return {key: ", ".join(f"{k} = {results.short_value(params.get(k))}" for k in differing)
            or runs[0].objective for key, params in instances.items()}


def _draw_objective(objective: str, axis: str, runs: list, out_dir: str) -> list:
    _, x_label, y_label = AXES[axis]
    parameter_labels = _parameter_labels(runs)
    colors = figures.method_colors(parameter_labels[results.instance_key(run)] for run in runs)
    method_labels = results.display_labels(runs)
    several_starts = len({run.start_index for run in runs}) > 1
    panels: dict = {}
    for run in runs:
        title = method_labels[run.run_id]
        if several_starts:
            title += f", start {run.start_index}"
        panels.setdefault(title, []).append(run)

    fig, axes = figures.panel_grid(len(panels))
    series_names: list = []
    any_last = False
    for ax, (title, panel_runs) in zip(axes, panels.items()):
        for run in panel_runs:
            color = colors[parameter_labels[results.instance_key(run)]]
            for name, (positions, values) in series_of(run, axis).items():
                if name not in series_names:
                    series_names.append(name)
                marker = SERIES_MARKERS[series_names.index(name) % len(SERIES_MARKERS)]
                first, last = _first_and_last(values)
                if first is not None:
                    ax.plot(positions, _positive(values[first]), color=color, marker=marker,
                            markersize=3.5, linewidth=1.4)
                if last is not None and last != first:
                    ax.plot(positions, _positive(values[last]), color=color, marker=marker,
                            markersize=2.5, linewidth=1.0, linestyle="--", alpha=0.8)
                    any_last = True
        ax.set_yscale("log")
        ax.set_xlabel(x_label)
        ax.set_ylabel(y_label.format(series_names[0] if len(series_names) == 1 else r"\theta"))
        ax.grid(True, which="major", alpha=0.3)
        ax.set_title(title, fontsize="medium")
    figures.title(fig, f"{objective}: gradient norms through {axis}")

    handles = [Line2D([], [], color=color, linewidth=1.6, label=label)
               for label, color in colors.items()]
    handles.append(Line2D([], [], color="black", linewidth=1.4, label="first recorded iteration"))
    if any_last:
        handles.append(Line2D([], [], color="black", linewidth=1.0, linestyle="--",
                              label="last recorded iteration"))
    if len(series_names) > 1:
        handles += [Line2D([], [], color="gray", linestyle="", label=f"block {name}…",
                           marker=SERIES_MARKERS[i % len(SERIES_MARKERS)])
                    for i, name in enumerate(series_names)]
    figures.legend_at_right(fig, handles)
    return figures.save(fig, out_dir, f"gradient_norms_{axis}_{results.file_stem(objective)}")


def _first_and_last(values: np.ndarray):
    """The first record and the last record whose norms are all finite (None without one)."""
    finite = np.flatnonzero(np.isfinite(values).all(axis=1))
    if finite.size == 0:
        return None, None
    return 0 if finite[0] == 0 else None, finite[-1]


def _positive(values: np.ndarray) -> np.ndarray:
    """Norms for a log axis: zeros (and anything not positive) become gaps."""
    return np.where(values > 0, values, np.nan)


def main() -> None:
    results.figure_script(__doc__, draw)


if __name__ == "__main__":
    main()
