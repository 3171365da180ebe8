#!/usr/bin/python3
"""Figures of a `descent report` from the CSV files it wrote (docs/report.md), never from the
results file: f* and every number come from the report.

    descent report results.h5 -o REPORT --no-figures
    analysis/plots/report_figures.py REPORT -o REPORT/figures

- convergence_<instance>: per objective instance, the cost (x) to reach each target (y),
  median line and interquartile band over the successful runs of each method, from
  targets.csv; a method's curve ends at the last target half of its runs reach.
- ert_<instance>: expected running time per target with its 95% bootstrap band, from ert.csv.
- profiles: Dolan–Moré performance profiles and Moré–Wild data profiles, from profiles.csv.
- sensitivity_<instance>_<parameter>: for a sweep, the final f − f* (left) and the cost to
  reach 10⁻⁴ (right) against the swept value, median line and interquartile band over the
  runs at that value, one line per method, from sweeps.csv (written only for sweeps).
With more than ten methods (a sweep) the colours follow a sequential colour map in label
order and a colour bar replaces the legend. Each figure is written as PNG and PDF with the
rows it plots as <stem>.csv beside it. Prints the paths it wrote.
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import re
import unicodedata

import figures
import matplotlib.pyplot as plt


def read_csv(path: str) -> list:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def write_csv(path: str, rows: list) -> str:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0].keys()) if rows else [])
        writer.writeheader()
        writer.writerows(rows)
    return path


def stem_of(text: str) -> str:
    """A file name for an instance: Greek letters by their names, other characters as '_'."""
    spelled = "".join(unicodedata.name(c).split()[-1].lower() if ord(c) > 127 and
                      unicodedata.name(c, "").startswith("GREEK") else c for c in text)
    return re.sub(r"[^A-Za-z0-9.=-]+", "_", spelled).strip("_")


def colors_for(labels: list):
    """Colours per label and, for a sweep (more than ten labels), the colour map and norm."""
    if len(labels) <= 10:
        return figures.method_colors(labels), None
    cmap = plt.get_cmap("viridis")
    return {label: cmap(i / (len(labels) - 1)) for i, label in enumerate(labels)}, cmap


def number(text: str) -> float:
    return float(text) if text not in ("", "nan") else math.nan


def finish(fig, ax, labels, colors, cmap):
    if cmap is None:
        handles = [plt.Line2D([], [], color=colors[label], label=label) for label in labels]
        figures.legend_at_right(fig, handles)
    else:
        mappable = plt.cm.ScalarMappable(cmap=cmap, norm=plt.Normalize(0, len(labels) - 1))
        bar = fig.colorbar(mappable, ax=ax)
        bar.set_ticks([0, len(labels) - 1])
        bar.set_ticklabels([labels[0], labels[-1]])


def per_instance(rows_all: list, out_dir: str, prefix: str, draw) -> list:
    """One figure per objective instance: `draw(ax, label, rows, colour)` for each label."""
    paths = []
    for instance in dict.fromkeys(row["objective"] for row in rows_all):
        rows = [row for row in rows_all if row["objective"] == instance]
        labels = list(dict.fromkeys(row["label"] for row in rows))
        colors, cmap = colors_for(labels)
        fig, (ax,) = figures.panel_grid(1)
        for label in labels:
            draw(ax, [row for row in rows if row["label"] == label], colors[label])
        ax.set_xscale("log")
        ax.set_yscale("log")
        figures.title(fig, instance)
        finish(fig, ax, labels, colors, cmap)
        stem = prefix + stem_of(instance)
        paths += figures.save(fig, out_dir, stem)
        paths.append(write_csv(os.path.join(out_dir, stem + ".csv"), rows))
    return paths


def convergence(targets: list, out_dir: str) -> list:
    def draw(ax, rows, color):
        reached = [row for row in rows if number(row["success_rate"]) >= 0.5]
        if reached:
            y = [number(row["target"]) for row in reached]
            ax.plot([number(row["cost_median"]) for row in reached], y, color=color)
            ax.fill_betweenx(y, [number(row["cost_q1"]) for row in reached],
                             [number(row["cost_q3"]) for row in reached], color=color, alpha=0.2)
        ax.set_xlabel("cost to reach the target (median, quartiles)")
        ax.set_ylabel({"abs": r"target $f - f^*$", "rel": r"target $(f - f^*)/(f(x_0) - f^*)$",
                       "grad": r"target $\|\nabla f\|$"}[rows[0]["precision"]])
    return per_instance(targets, out_dir, "convergence_", draw)


def ert(rows_all: list, out_dir: str) -> list:
    def draw(ax, rows, color):
        finite = [row for row in rows if math.isfinite(number(row["ert"]))]
        if finite:
            x = [number(row["target"]) for row in finite]
            y = [number(row["ert"]) for row in finite]
            # An infinite upper bound (resamples without success) is drawn to the panel's top.
            top = 10 * max(y)
            ax.plot(x, y, color=color)
            ax.fill_between(x, [number(row["ert_lo"]) for row in finite],
                            [min(number(row["ert_hi"]), top) for row in finite], color=color, alpha=0.2)
        if not ax.xaxis_inverted():
            ax.invert_xaxis()
        ax.set_xlabel("target")
        ax.set_ylabel(f"ERT ({rows[0]['cost_unit']}), 95% bootstrap band")
    return per_instance(rows_all, out_dir, "ert_", draw)


def profiles(rows: list, out_dir: str) -> list:
    if not rows:
        return []
    labels = list(dict.fromkeys(row["label"] for row in rows))
    colors, cmap = colors_for(labels)
    fig, axes = figures.panel_grid(2)
    for ax, kind, xlabel in ((axes[0], "performance", r"ratio to the best cost $\tau$"),
                             (axes[1], "data", r"cost budget $\alpha$")):
        for label in labels:
            mine = [row for row in rows if row["profile"] == kind and row["label"] == label]
            if not mine:
                continue
            x = [number(row["x"]) for row in mine]
            y = [number(row["fraction"]) for row in mine]
            start = 1.0 if kind == "performance" else x[0]
            ax.step([start] + x, [0.0] + y, where="post", color=colors[label])
        ax.set_xscale("log")
        ax.set_ylim(0, 1.02)
        ax.set_xlabel(xlabel)
        ax.set_ylabel("fraction of problems")
        ax.set_title(f"{kind} profile")
    figures.title(fig, f"{rows[0]['problems']} problems")
    finish(fig, axes[-1], labels, colors, cmap)
    paths = figures.save(fig, out_dir, "profiles")
    paths.append(write_csv(os.path.join(out_dir, "profiles.csv"), rows))
    return paths


def sensitivity(rows_all: list, out_dir: str) -> list:
    paths = []
    panels = dict.fromkeys((row["objective"], row["parameter"]) for row in rows_all)
    for instance, parameter in panels:
        rows = [row for row in rows_all if row["objective"] == instance and row["parameter"] == parameter]
        methods = list(dict.fromkeys(row["optimizer"] for row in rows))
        colors = figures.method_colors(methods)
        fig, axes = figures.panel_grid(2)
        numeric = all(_is_number(row["value"]) for row in rows)
        for ax, measure, ylabel in ((axes[0], "f_gap", r"final $f - f^*$"),
                                    (axes[1], "cost", rf"cost to $f - f^* \leq 10^{{-4}}$ (successful runs)")):
            for method in methods:
                mine = [row for row in rows if row["optimizer"] == method]
                x = [float(row["value"]) if numeric else i for i, row in enumerate(mine)]
                median = [number(row[measure + "_median"]) for row in mine]
                ax.plot(x, median, "o-", color=colors[method], markersize=3.5)
                ax.fill_between(x, [number(row[measure + "_q1"]) for row in mine],
                                [number(row[measure + "_q3"]) for row in mine], color=colors[method], alpha=0.2)
                if not numeric:
                    ax.set_xticks(x, [row["value"] for row in mine])
            if numeric and min(float(row["value"]) for row in rows) > 0:
                ax.set_xscale("log")
            finite = [number(row[measure + "_median"]) for row in rows]
            if any(math.isfinite(v) and v > 0 for v in finite):
                ax.set_yscale("log")
            ax.set_xlabel(parameter)
            ax.set_ylabel(ylabel + ": median, quartiles")
        figures.title(fig, f"{instance}: sensitivity to {parameter}")
        figures.legend_at_right(fig, [plt.Line2D([], [], color=colors[m], label=m) for m in methods])
        stem = "sensitivity_" + stem_of(instance) + "_" + stem_of(parameter)
        paths += figures.save(fig, out_dir, stem)
        paths.append(write_csv(os.path.join(out_dir, stem + ".csv"), rows))
    return paths


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", help="directory holding targets.csv, ert.csv, profiles.csv")
    parser.add_argument("-o", "--output", required=True, help="directory for the figures")
    args = parser.parse_args()
    os.makedirs(args.output, exist_ok=True)
    paths = (convergence(read_csv(os.path.join(args.report, "targets.csv")), args.output)
             + ert(read_csv(os.path.join(args.report, "ert.csv")), args.output)
             + profiles(read_csv(os.path.join(args.report, "profiles.csv")), args.output))
    sweeps = os.path.join(args.report, "sweeps.csv")
    if os.path.exists(sweeps):
        paths += sensitivity(read_csv(sweeps), args.output)
    for path in paths:
        print("wrote", path)


if __name__ == "__main__":
    main()
