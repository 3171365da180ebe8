#!/usr/bin/python3
"""The lecture's figures from a descent results file: the paths of every method over the
contours of each 2-D objective (trajectories.py) and the loss curves of every objective
(loss_curves.py), as PNG and PDF in DIR. Prints the paths it wrote.

    descent run SUITE.toml -o results.h5
    analysis/plots/lecture_figures.py results.h5 -o figures
"""

from __future__ import annotations

import argparse
import sys

import loss_curves
import results
import trajectories


def draw(path: str, out_dir: str) -> list:
    runs = results.read_runs(path)
    out_dir = results.output_directory(out_dir)
    if not runs:
        print(f"note: {path} holds no runs; no figures drawn", file=sys.stderr)
    return trajectories.draw(runs, out_dir) + loss_curves.draw(runs, out_dir)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("results", metavar="RESULTS.h5", help="a descent results file (schema 1)")
    parser.add_argument("-o", "--output", metavar="DIR", default=".",
                        help="directory for the figures, created if missing (default: .)")
    args = parser.parse_args()
    results.exit_on_error(lambda: draw(args.results, args.output))


if __name__ == "__main__":
    main()
