#!/usr/bin/python3
"""Loss against iteration for every run of a descent results file: one figure per objective,
one panel per start, one line per method (label), on a log scale. When any run of an
objective draws minibatches (its /settings hold batch.size), that objective's figure is drawn
against examples seen (iteration × batch size; × m, the objective's number of terms, for a
full-batch run; log scale, the first record at 0 examples left out) and shows the full loss: the full_loss column where it was computed, f itself
for a full-batch run, never the batch loss.

Writes DIR/loss_<objective>.png and .pdf and prints their paths. The loss is f − f* for the
objectives that list a minimum (asked of the descent program, analysis/plots/objectives.py),
else f itself (on a symmetric
log scale if f is not positive). Values that a log scale cannot show (f − f* ≤ 0 at the
minimum, NaN, ±inf) are left out; a run that diverged ends with a cross at its last finite
value or where it leaves the top of the axis (a decade above the other runs). Of repeated runs
only the first repeat is drawn.
"""

from __future__ import annotations

import sys

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.ticker import FormatStrFormatter

import figures
import objectives
import results


def draw(runs: list, out_dir: str) -> list:
    """Draws one figure per objective instance; returns the paths written."""
    return results.draw_per_instance(runs, out_dir, _draw_instance)


def _draw_instance(name: str, runs: list, labels: dict, out_dir: str) -> list:
    first = runs[0]
    minimum = objectives.known_minimum(first.objective, first.objective_params)
    colors = figures.method_colors(labels[run.run_id] for run in runs)
    terms = (objectives.terms(first.objective, first.objective_params)
             if any("batch.size" in run.settings for run in runs) else None)
    panel_starts = sorted({run.start_index for run in runs})
    fig, axes = figures.panel_grid(len(panel_starts))
    any_diverged = False
    for ax, start_index in zip(axes, panel_starts):
        panel_runs = [run for run in runs if run.start_index == start_index]
        losses = {run.run_id: _loss(run, minimum, terms) for run in panel_runs}
        finite = np.concatenate([loss[np.isfinite(loss)] for _, loss in losses.values()] or [[]])
        positive_only = minimum is not None or bool(np.all(finite > 0))
        top = _axis_top(panel_runs, losses)
        for run in panel_runs:
            iterations, loss = losses[run.run_id]
            end = None
            if run.diverged:
                iterations, loss, end = _up_to_divergence(iterations, loss, top)
            if positive_only:
                with np.errstate(invalid="ignore"):
                    loss = np.where(loss > 0, loss, np.nan)
            color = colors[labels[run.run_id]]
            ax.plot(iterations, loss, color=color, linewidth=1.3)
            if end is not None:
                ax.plot(*end, color=color, zorder=5, clip_on=False, **figures.DIVERGED_MARKER)
                any_diverged = True
        if positive_only:
            ax.set_yscale("log")
        else:
            scale = float(np.max(np.abs(finite))) if finite.size else 1.0
            ax.set_yscale("symlog", linthresh=max(1e-300, 1e-6 * scale))
        if top is not None:
            ax.set_ylim(top=top)
        if terms:  # batches of 1 beside full batches: the examples seen span decades
            ax.set_xscale("log", nonpositive="mask")
            # a full loss within a decade: plain tick labels, short enough to leave the axis label room
            ax.yaxis.set_major_formatter(FormatStrFormatter("%g"))
            ax.yaxis.set_minor_formatter(FormatStrFormatter("%g"))
        ax.set_xlabel("examples seen (iteration × batch size)" if terms else "iteration")
        loss_name = "$f - f^*$" if minimum is not None else "$f$"
        ax.set_ylabel(f"{loss_name}, full loss" if terms else loss_name)
        ax.grid(True, which="major", alpha=0.3)
        ax.set_title(_start_title(panel_runs[0], start_index), fontsize="medium")
    figures.title(fig, f"{name}: loss against " + ("examples seen" if terms else "iteration"))

    handles = [Line2D([], [], color=color, linewidth=1.6, label=label)
               for label, color in colors.items()]
    if any_diverged:
        handles.append(Line2D([], [], linestyle="", color="white", label="diverged",
                              **figures.DIVERGED_MARKER))
    figures.legend_at_right(fig, handles)
    return figures.save(fig, out_dir, f"loss_{results.file_stem(name)}")


def _loss(run, minimum, terms):
    """(x, f − f* or f) of the run's trace, x the iterations or, with `terms` (m, for a figure
    of minibatch runs), the examples seen with the full loss; empty arrays without a trace."""
    iterations, f = run.column("iter"), run.column("f")
    if iterations is None or f is None:
        print(f"note: run {run.run_id} ({run.label}) has no trace; its loss curve is left out",
              file=sys.stderr)
        return np.zeros(0), np.zeros(0)
    if terms:
        full = run.column("full_loss")
        if "batch.size" in run.settings and full is not None:
            computed = ~np.isnan(full)
            iterations, f = iterations[computed], full[computed]
        iterations = iterations * float(run.settings.get("batch.size", terms))
    with np.errstate(invalid="ignore", over="ignore"):
        return iterations, (f - minimum.f if minimum is not None else f)


def _axis_top(runs, losses):
    """A decade above the largest loss of the runs that did not diverge and of every run's
    first value, so that a diverging run does not squash the others; None without values or
    without a diverged run (then the axis fits the curves)."""
    if not any(run.diverged for run in runs):
        return None
    values = []
    for run in runs:
        loss = losses[run.run_id][1]
        finite = loss[np.isfinite(loss)]
        if finite.size:
            values.append(finite.max() if not run.diverged else finite[0])
    if not values or max(values) <= 0:
        return None
    return 10.0 * max(values)


def _up_to_divergence(iterations, loss, top):
    """The part of a diverged run's curve to draw and where its marker goes: up to the first
    loss above `top` (the curve then ends at the axis' top edge) or, at a NaN, at the last
    finite loss."""
    with np.errstate(invalid="ignore"):
        above = (loss > top) if top is not None else np.zeros(loss.shape, dtype=bool)
    bad = np.flatnonzero(above | ~np.isfinite(loss))
    if bad.size == 0:
        return iterations, loss, (iterations[-1], loss[-1]) if loss.size else None
    k = bad[0]
    if above[k]:
        iterations, loss = iterations[:k + 1], np.r_[loss[:k], top]
        return iterations, loss, (iterations[k], top)
    if k == 0:
        return iterations[:0], loss[:0], None
    return iterations[:k], loss[:k], (iterations[k - 1], loss[k - 1])


def _start_title(run, start_index: int) -> str:
    if run.x0 is not None and 0 < run.x0.size <= 3:
        return f"start {start_index}: (" + ", ".join(f"{v:g}" for v in run.x0) + ")"
    return f"start {start_index}"


def main() -> None:
    results.figure_script(__doc__, draw)


if __name__ == "__main__":
    main()
