#!/usr/bin/python3
"""Animations of the methods' paths over the contours of each 2-D objective instance of a
descent results file: one per instance and start, every method (label) of the first repeat.

    descent run SUITE.toml -o results.h5
    analysis/plots/animate.py results.h5 -o DIR [--frames N]

Writes DIR/animation_<instance>_start<k>.gif and, when ffmpeg is on the PATH, the same as
.mp4; prints the paths. Frame j of N shows every path up to recorded step
s_j = round(j (L − 1) / (N − 1)), L the most records of a run in the animation: one frame per
recorded step when L ≤ N, else the steps subsampled evenly to N frames. The contours, the
window, the start (black dot), the known minima (red stars) and a diverged run's cross where
it leaves the window are those of the trajectories figure (trajectories.py): the contours
come from the descent program, never from a copy of the objective here.
"""

from __future__ import annotations

import argparse
import os
import shutil

import numpy as np
from matplotlib import animation

import figures
import objectives
import results
import trajectories

DEFAULT_FRAMES = 120
FRAMES_PER_SECOND = 12


def frame_steps(records: int, frames: int) -> np.ndarray:
    """The recorded step each frame shows: all of them when there are at most `frames`."""
    if records <= frames:
        return np.arange(records)
    return np.round(np.linspace(0, records - 1, frames)).astype(int)


def animate(runs: list, out_dir: str, frames: int) -> list:
    return results.draw_per_instance(runs, out_dir, lambda *args: _animate_instance(*args, frames),
                                     keep=lambda run: run.dim == 2 and run.column("x") is not None)


def _animate_instance(name: str, runs: list, labels: dict, out_dir: str, frames: int) -> list:
    objective, params = runs[0].objective, runs[0].objective_params
    minimum = objectives.known_minimum(objective, params)
    written = []
    for start_index in sorted({run.start_index for run in runs}):
        mine = [run for run in runs if run.start_index == start_index]
        start = next((s for s in map(trajectories.start_of, mine) if s is not None), None)
        window = trajectories.window_of(objective, params, mine, [start] if start is not None else [],
                                        minimum)
        stem = f"animation_{results.file_stem(name)}_start{start_index}"
        written += _write(name, start_index, mine, labels, window, start, minimum,
                          os.path.join(out_dir, stem), frames)
    return written


def _write(name, start_index, runs, labels, window, start, minimum, path_stem, frames) -> list:
    fig, (ax,) = figures.panel_grid(1)
    trajectories.draw_background(ax, runs[0].objective, runs[0].objective_params, window, start,
                                 minimum)
    colors = figures.method_colors(labels[run.run_id] for run in runs)
    paths = [trajectories.visible_path(run, window) for run in runs]
    lines = [ax.plot([], [], color=colors[labels[run.run_id]], linewidth=1.4, zorder=3)[0]
             for run in runs]
    heads = [ax.plot([], [], "o", color=colors[labels[run.run_id]], markersize=4, zorder=4)[0]
             for run in runs]
    crosses = [ax.plot([], [], color=colors[labels[run.run_id]], zorder=5, clip_on=False,
                       **figures.DIVERGED_MARKER)[0] for run in runs]
    longest = max(range(len(runs)), key=lambda i: len(paths[i][0]))
    steps = frame_steps(len(paths[longest][0]), frames)
    if len(steps) == 0:  # no iterate in the window
        figures.plt.close(fig)
        return []
    iterations = runs[longest].column("iter")
    title = ax.set_title("", fontsize="medium")
    figures.title(fig, f"{name}: start {start_index}")
    for line, run in zip(lines, runs):
        line.set_label(labels[run.run_id])
    figures.legend_at_right(fig, lines)

    def update(frame: int):
        step = steps[frame]
        for (path, exit_at), line, head, cross in zip(paths, lines, heads, crosses):
            shown = path[:step + 1]
            line.set_data(shown[:, 0], shown[:, 1])
            finite = shown[np.isfinite(shown).all(axis=1)]
            head.set_data(finite[-1:, 0], finite[-1:, 1])
            if exit_at is not None and step >= len(path) - 1:
                cross.set_data([exit_at[0]], [exit_at[1]])
        title.set_text(f"iteration {int(iterations[step])}" if iterations is not None
                       and step < len(iterations) else f"recorded step {step}")
        return lines + heads + crosses + [title]

    movie = animation.FuncAnimation(fig, update, frames=len(steps), blit=False)
    written = [path_stem + ".gif"]
    movie.save(written[0], writer=animation.PillowWriter(fps=FRAMES_PER_SECOND), dpi=80)
    if shutil.which("ffmpeg"):
        written.append(path_stem + ".mp4")
        movie.save(written[1], writer=animation.FFMpegWriter(fps=FRAMES_PER_SECOND), dpi=80)
    figures.plt.close(fig)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", metavar="RESULTS.h5", help="a descent results file")
    parser.add_argument("-o", "--output", metavar="DIR", default=".", help="directory for the animations")
    parser.add_argument("--frames", type=int, default=DEFAULT_FRAMES,
                        help=f"frames per animation (default {DEFAULT_FRAMES})")
    args = parser.parse_args()

    def run() -> list:
        if args.frames < 2:
            raise results.UsageError("--frames must be at least 2")
        return animate(results.read_runs(args.results), results.output_directory(args.output),
                       args.frames)

    results.exit_on_error(run)


if __name__ == "__main__":
    main()
