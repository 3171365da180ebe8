#!/usr/bin/python3
"""The figures of a study (docs/studies.md) from the data the C++ analysis writes: DIR holds
figures.csv (one row per panel: figure, title, panel, axis labels and scales) and, per figure,
NAME.csv (panel, series, role, x, y, value). Measured series are drawn as markers joined by
thin lines, predicted ones as dashed lines in the same colour, bars (one per series, labelled
with its height) in the series' colour, heat-map cells as coloured squares. Writes NAME.png
and NAME.pdf into DIR and prints their paths.

    descent study conditioning          (calls this script)
    analysis/plots/study_figures.py results/conditioning/figures
"""

from __future__ import annotations

import argparse
import csv
import os
import sys

import figures as layout
from matplotlib.lines import Line2D


def read_csv(path: str) -> list:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def number(text: str) -> float:
    return float(text) if text else float("nan")


def draw_lines(ax, points: list, colors: dict) -> None:
    series = {}
    for p in points:
        series.setdefault((p["series"], p["role"]), []).append((number(p["x"]), number(p["y"])))
    for (name, role), xy in series.items():
        xs, ys = zip(*xy)
        if role == "predicted":
            ax.plot(xs, ys, linestyle="--", linewidth=1.4, color=colors[name])
        else:
            ax.plot(xs, ys, marker="o", markersize=3.5, linewidth=0.8, color=colors[name])


def draw_bars(ax, points: list, colors: dict) -> None:
    heights = [number(p["y"]) for p in points]
    for p, height in zip(points, heights):
        x = number(p["x"])
        ax.bar(x, height, width=0.7, color=colors[p["series"]])
        ax.annotate(f"{height:.2g}", (x, height), xytext=(0, 2), textcoords="offset points",
                    ha="center", va="bottom", fontsize="small")
    tallest = max(heights)
    ax.set_ylim(0, 1.15 * tallest if tallest > 0 else 1)


def draw_cells(fig, ax, points: list, value_label: str) -> None:
    xs = [number(p["x"]) for p in points]
    ys = [number(p["y"]) for p in points]
    values = [number(p["value"]) for p in points]
    image = ax.scatter(xs, ys, c=values, marker="s", s=260, cmap="viridis", edgecolors="none")
    fig.colorbar(image, ax=ax, label=value_label, shrink=0.8)


def draw_figure(name: str, panels: list, points: list, out_dir: str) -> list:
    fig, axes = layout.panel_grid(len(panels))
    layout.title(fig, panels[0]["title"])
    colors = layout.method_colors([p["series"] for p in points if p["role"] != "cell"])
    drawn_as_lines = ("measured", "predicted")
    for ax, panel in zip(axes, panels):
        mine = [p for p in points if p["panel"] == panel["panel"]]
        cells = [p for p in mine if p["role"] == "cell"]
        if cells:
            draw_cells(fig, ax, cells, panel["value_label"])
        bars = [p for p in mine if p["role"] == "bar"]
        if bars:
            draw_bars(ax, bars, colors)
        draw_lines(ax, [p for p in mine if p["role"] in drawn_as_lines], colors)
        ax.set_xscale(panel["xscale"])
        ax.set_yscale(panel["yscale"])
        if bars:
            ax.set_xticks([])  # after the scale, which resets the ticks; the legend names the bars
        ax.set_xlabel(panel["xlabel"])
        ax.set_ylabel(panel["ylabel"])
        ax.set_title(panel["panel"], fontsize="medium")
        ax.grid(True, which="major", alpha=0.3)
    handles = [Line2D([], [], color=c, marker="o", markersize=4, label=s) for s, c in colors.items()]
    handles += [Line2D([], [], color="black", marker="o", markersize=4, linewidth=0.8, label="measured"),
                Line2D([], [], color="black", linestyle="--", label="predicted")]
    layout.legend_at_right(fig, handles)
    return layout.save(fig, out_dir, name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", help="the study's figures directory (figures.csv and NAME.csv)")
    args = parser.parse_args()
    index = read_csv(os.path.join(args.directory, "figures.csv"))
    names = list(dict.fromkeys(row["figure"] for row in index))
    written = []
    for name in names:
        panels = [row for row in index if row["figure"] == name]
        points = read_csv(os.path.join(args.directory, f"{name}.csv"))
        written += draw_figure(name, panels, points, args.directory)
    for path in written:
        print(f"wrote {path}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
