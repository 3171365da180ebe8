#!/usr/bin/python3
"""The lecture's figures from a descent results file: the paths of every method over the
contours of each 2-D objective (trajectories.py), the loss curves of every objective
(loss_curves.py) and, for runs that record per-layer or per-time-step gradient norms, those
norms against depth and time (gradient_norms.py), as PNG and PDF in DIR. Prints the paths it
wrote.

    descent run SUITE.toml -o results.h5
    analysis/plots/lecture_figures.py results.h5 -o figures
"""

from __future__ import annotations

import gradient_norms
import loss_curves
import results
import trajectories


def draw(runs: list, out_dir: str) -> list:
    return (trajectories.draw(runs, out_dir) + loss_curves.draw(runs, out_dir)
            + gradient_norms.draw(runs, out_dir))


def main() -> None:
    results.figure_script(__doc__, draw)


if __name__ == "__main__":
    main()
