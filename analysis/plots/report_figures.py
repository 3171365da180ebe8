#!/usr/bin/python3
"""Figures of a `descent report` from the CSV files it wrote (docs/report.md), never from the
results file: f* and every number come from the report.

    descent report results.h5 -o REPORT --no-figures
    analysis/plots/report_figures.py REPORT -o REPORT/figures

- convergence_<instance>: per objective instance, the iterations, the cost and the seconds
  (x, one panel each) to reach each target (y), median line and interquartile band over the
  successful runs of each method, from targets.csv; a method's curve ends at the last target
  half of its runs reach. A run that diverged (runs.csv: status diverged, or stop reason
  diverged or non_finite) is a cross at the top of each panel, the largest target, where its
  precision left the panel: at its iterations, cost and seconds; the crosses' rows
  (label, run_id, stop_reason, iterations, cost, seconds, target) in <stem>_diverged.csv.
- ert_<instance>: expected running time per target with its 95% bootstrap band, from ert.csv.
- profiles: Dolan–Moré performance profiles and Moré–Wild data profiles, from profiles.csv.
- sensitivity_<instance>_<parameter>: for a sweep, the final f − f* (left) and the cost to
  reach 10⁻⁴ (right) against the swept value, median line and interquartile band over the
  runs at that value, one line per method, from sweeps.csv (written only for sweeps).
For a sweep over one numeric optimizer parameter (three or more values; from runs.csv) the
colours follow a sequential colour map by the parameter's value (log-scaled when all are
positive), a colour bar labelled with the values replaces the legend, and the methods are
told apart by line style; more than ten other labels are coloured along the map in label
order. Each figure is written as PNG and PDF with the
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


LINE_STYLES = ("-", "--", ":", "-.")


def swept_values(labels: list, runs: list):
    """(parameter, {label: value}, {label: method}) when the labels sweep one numeric optimizer
    parameter over three or more values: the only optimizer.* column of runs.csv that varies
    among the labels of one method. Labels without the parameter are left out of the values.
    None otherwise."""
    mine = [row for row in runs if row["label"] in labels]
    method = {row["label"]: row["optimizer"] for row in mine}
    columns = [key for key in (mine[0].keys() if mine else []) if key.startswith("optimizer.")]
    varying = {key for key in columns for name in set(method.values())
               if len({row[key] for row in mine if row["optimizer"] == name}) > 1}
    if len(varying) != 1 or set(labels) - set(method):
        return None
    key = varying.pop()
    try:
        values = {row["label"]: float(row[key]) for row in mine if row[key] != ""}
    except ValueError:
        return None
    if len(set(values.values())) < 3:
        return None
    return key[len("optimizer."):], values, method


def styles_for(labels: list, runs: list):
    """Line style per label and the colour bar, or None: (colour map, norm, ticks, tick labels,
    title). A sweep (swept_values) is coloured by the swept value (log scale when all values are
    positive), methods told apart by line style (black without the parameter); more than ten
    other labels are coloured along the map in label order; otherwise one colour per label."""
    cmap = plt.get_cmap("viridis")
    sweep = swept_values(labels, runs)
    if sweep is not None:
        parameter, values, method = sweep
        low, high = min(values.values()), max(values.values())
        norm = plt.matplotlib.colors.LogNorm(low, high) if low > 0 else plt.Normalize(low, high)
        methods = list(dict.fromkeys(method[label] for label in labels))
        styles = {label: {"color": cmap(norm(values[label])) if label in values else "black",
                          "linestyle": LINE_STYLES[methods.index(method[label]) % len(LINE_STYLES)]}
                  for label in labels}
        ticks = sorted(set(values.values()))
        return styles, (cmap, norm, ticks, [f"{v:g}" for v in ticks], parameter, methods)
    if len(labels) <= 10:
        return {label: {"color": color} for label, color in figures.method_colors(labels).items()}, None
    return ({label: {"color": cmap(i / (len(labels) - 1))} for i, label in enumerate(labels)},
            (cmap, plt.Normalize(0, len(labels) - 1), [0, len(labels) - 1], [labels[0], labels[-1]],
             "label", []))


def number(text: str) -> float:
    return float(text) if text not in ("", "nan") else math.nan


def finish(fig, ax, labels, styles, bar, extra_handles=()):
    """The legend, or the colour bar and a legend of the methods' line styles; extra_handles
    (the diverged marker) are added to either legend."""
    if bar is None:
        handles = [plt.Line2D([], [], label=label, **styles[label]) for label in labels]
        figures.legend_at_right(fig, handles + list(extra_handles))
        return
    cmap, norm, ticks, tick_labels, title, methods = bar
    colorbar = fig.colorbar(plt.cm.ScalarMappable(cmap=cmap, norm=norm), ax=ax)
    colorbar.set_ticks(ticks)
    colorbar.set_ticklabels(tick_labels)
    colorbar.minorticks_off()
    colorbar.set_label(title)
    handles = [plt.Line2D([], [], color="black", label=name, linestyle=LINE_STYLES[i % len(LINE_STYLES)])
               for i, name in enumerate(methods)] if len(methods) > 1 else []
    if handles or extra_handles:
        fig.legend(handles=handles + list(extra_handles), loc="lower right", fontsize="small", frameon=False)


def per_instance(rows_all: list, runs: list, out_dir: str, prefix: str, draw, panels: int = 1) -> list:
    """One figure per objective instance with `panels` panels: `draw(axes, rows, style)` for
    each label, style the keyword arguments of its line (colour, line style). `draw` may return
    the rows of the diverged markers it drew: they are written as <stem>_diverged.csv, and the
    legend gets the marker."""
    paths = []
    for instance in dict.fromkeys(row["objective"] for row in rows_all):
        rows = [row for row in rows_all if row["objective"] == instance]
        labels = list(dict.fromkeys(row["label"] for row in rows))
        styles, bar = styles_for(labels, runs)
        fig, axes = figures.panel_grid(panels)
        markers = []
        for label in labels:
            markers += draw(axes, [row for row in rows if row["label"] == label], styles[label]) or []
        for ax in axes:
            ax.set_xscale("log")
            ax.set_yscale("log")
        figures.title(fig, instance)
        diverged = [plt.Line2D([], [], linestyle="", color="white", label="diverged",
                               **figures.DIVERGED_MARKER)] if markers else []
        finish(fig, axes[-1], labels, styles, bar, diverged)
        stem = prefix + stem_of(instance)
        paths += figures.save(fig, out_dir, stem)
        paths.append(write_csv(os.path.join(out_dir, stem + ".csv"), rows))
        if markers:
            paths.append(write_csv(os.path.join(out_dir, stem + "_diverged.csv"), markers))
    return paths


PRECISIONS = {"abs": r"$f - f^*$", "rel": r"$(f - f^*)/(f(x_0) - f^*)$", "grad": r"$\|\nabla f\|$"}
CONVERGENCE_MEASURES = (("iterations", "iterations"), ("cost", "cost"), ("seconds", "seconds"))


# What makes a run diverged, as analysis/plots/results.py reads it from a results file.
DIVERGED_STOP_REASONS = ("diverged", "non_finite")


def diverged_runs(runs: list, suite: str, instance: str, label: str) -> list:
    """The rows of runs.csv of the group's runs that diverged."""
    return [run for run in runs
            if run["suite"] == suite and run["instance"] == instance and run["label"] == label
            and (run["status"] == "diverged" or run["stop_reason"] in DIVERGED_STOP_REASONS)]


def convergence(targets: list, runs: list, out_dir: str) -> list:
    def draw(axes, rows, style):
        reached = [row for row in rows if number(row["success_rate"]) >= 0.5]
        # A diverged run's precision grows past every target: it leaves the panel at the top
        # (the largest target) at its end, its iterations, cost and seconds in runs.csv.
        top = max(number(row["target"]) for row in rows)
        diverged = diverged_runs(runs, rows[0]["suite"], rows[0]["objective"], rows[0]["label"])
        for ax, (measure, name) in zip(axes, CONVERGENCE_MEASURES):
            if reached:
                y = [number(row["target"]) for row in reached]
                ax.plot([number(row[measure + "_median"]) for row in reached], y, **style)
                ax.fill_betweenx(y, [number(row[measure + "_q1"]) for row in reached],
                                 [number(row[measure + "_q3"]) for row in reached], color=style["color"],
                                 alpha=0.2)
            if diverged:
                ax.plot([number(run[measure]) for run in diverged], [top] * len(diverged), linestyle="",
                        color=style["color"], zorder=5, clip_on=False, **figures.DIVERGED_MARKER)
            ax.set_xlabel(f"{name} to reach the target (median, quartiles)")
        axes[0].set_ylabel("target " + PRECISIONS[rows[0]["precision"]])
        return [{"label": run["label"], "run_id": run["run_id"], "stop_reason": run["stop_reason"],
                 **{measure: run[measure] for measure, _ in CONVERGENCE_MEASURES}, "target": repr(top)}
                for run in diverged]
    return per_instance(targets, runs, out_dir, "convergence_", draw, len(CONVERGENCE_MEASURES))


def ert(rows_all: list, runs: list, out_dir: str) -> list:
    def draw(axes, rows, style):
        ax = axes[0]
        finite = [row for row in rows if math.isfinite(number(row["ert"]))]
        if finite:
            x = [number(row["target"]) for row in finite]
            y = [number(row["ert"]) for row in finite]
            # An infinite upper bound (resamples without success) is drawn to the panel's top.
            top = 10 * max(y)
            ax.plot(x, y, **style)
            ax.fill_between(x, [number(row["ert_lo"]) for row in finite],
                            [min(number(row["ert_hi"]), top) for row in finite], color=style["color"],
                            alpha=0.2)
        if not ax.xaxis_inverted():
            ax.invert_xaxis()
        ax.set_xlabel("target")
        ax.set_ylabel(f"ERT ({rows[0]['cost_unit']}), 95% bootstrap band")
    return per_instance(rows_all, runs, out_dir, "ert_", draw)


def profiles(rows: list, runs: list, out_dir: str) -> list:
    if not rows:
        return []
    labels = list(dict.fromkeys(row["label"] for row in rows))
    styles, bar = styles_for(labels, runs)
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
            ax.step([start] + x, [0.0] + y, where="post", **styles[label])
        ax.set_xscale("log")
        ax.set_ylim(0, 1.02)
        ax.set_xlabel(xlabel)
        ax.set_ylabel("fraction of problems")
        ax.set_title(f"{kind} profile")
    figures.title(fig, f"{rows[0]['problems']} problems")
    finish(fig, axes[-1], labels, styles, bar)
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
                                    (axes[1], "cost", f"cost to {PRECISIONS[rows[0]['precision']]} "
                                                      r"$\leq 10^{-4}$ (successful runs)")):
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
    runs = read_csv(os.path.join(args.report, "runs.csv"))
    paths = (convergence(read_csv(os.path.join(args.report, "targets.csv")), runs, args.output)
             + ert(read_csv(os.path.join(args.report, "ert.csv")), runs, args.output)
             + profiles(read_csv(os.path.join(args.report, "profiles.csv")), runs, args.output))
    sweeps = os.path.join(args.report, "sweeps.csv")
    if os.path.exists(sweeps):
        paths += sensitivity(read_csv(sweeps), args.output)
    for path in paths:
        print("wrote", path)


if __name__ == "__main__":
    main()
