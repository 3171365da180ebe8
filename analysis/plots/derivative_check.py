#!/usr/bin/python3
"""Draw a derivative check: relative error of finite differences against the step size.

    derivative_check.py DATA.csv FIGURE.(png|pdf|svg) [--title NAME]

DATA.csv is written by `descent check NAME --plot FIGURE` (columns step, gradient_central,
gradient_forward, hessian_central, hessian_forward). Correct derivatives give V-shaped
curves: truncation error falling as h² (central) or h (forward) on the right, rounding
error growing as 1/h on the left.
"""
import argparse
import csv
import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

SERIES = [
    ("gradient_central", "∇f central", "C0", "-"),
    ("gradient_forward", "∇f forward", "C0", "--"),
    ("hessian_central", "∇²f central", "C3", "-"),
    ("hessian_forward", "∇²f forward", "C3", "--"),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data")
    parser.add_argument("figure")
    parser.add_argument("--title", default="")
    args = parser.parse_args()

    with open(args.data, newline="") as f:
        rows = list(csv.DictReader(f))
    steps = [float(r["step"]) for r in rows]
    # Exact zeros (and infinities) cannot sit on a log axis: floor them at 1e-17.
    def clean(value):
        v = float(value)
        return 1e-17 if v <= 0 or not math.isfinite(v) else v

    fig, ax = plt.subplots(figsize=(5.5, 4))
    for key, label, color, style in SERIES:
        ax.loglog(steps, [clean(r[key]) for r in rows], style, color=color, marker="o", ms=3, label=label)
    ax.set_xlabel("step h")
    ax.set_ylabel("relative error")
    ax.set_title(f"derivative check: {args.title}" if args.title else "derivative check")
    ax.invert_xaxis()
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(frameon=False)
    fig.tight_layout()
    fig.savefig(args.figure)


if __name__ == "__main__":
    main()
