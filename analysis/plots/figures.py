"""Layout shared by the figure scripts: a grid of equal panels with the legend at the right,
one colour per method, and saving each figure as PNG and PDF.

The figure's size follows from the number of panels alone (no tight bounding box), so a
figure with c columns and r rows of panels is exactly
(c·PANEL_WIDTH + LEGEND_WIDTH)·DPI by r·PANEL_HEIGHT·DPI pixels.
"""

from __future__ import annotations

import math
import os
import textwrap

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)

PANEL_WIDTH = 4.4  # inches
PANEL_HEIGHT = 4.6
LEGEND_WIDTH = 2.4
MAX_COLUMNS = 3
DPI = 150
FORMATS = ("png", "pdf")

DIVERGED_MARKER = dict(marker="X", markersize=9, markeredgecolor="black", markeredgewidth=0.8)


def panel_grid(count: int):
    """A figure with `count` panels (at most MAX_COLUMNS per row) and room for a legend."""
    columns = min(count, MAX_COLUMNS)
    rows = math.ceil(count / columns)
    width = columns * PANEL_WIDTH + LEGEND_WIDTH
    height = rows * PANEL_HEIGHT
    fig, axes = plt.subplots(rows, columns, figsize=(width, height), squeeze=False)
    fig.subplots_adjust(left=0.75 / width, right=1 - (LEGEND_WIDTH + 0.1) / width,
                        bottom=0.6 / height, top=1 - 0.95 / height,
                        wspace=0.32, hspace=0.42)
    flat = axes.ravel().tolist()
    for unused in flat[count:]:
        unused.set_visible(False)
    return fig, flat[:count]


def title(fig, text: str) -> None:
    """The figure's title, wrapped to the figure's width (long objective parameter lists)."""
    width_in_characters = int(fig.get_figwidth() * 9)
    lines = textwrap.wrap(text, width_in_characters)
    fig.suptitle("\n".join(lines), fontsize="large" if len(lines) == 1 else "medium")


def method_colors(labels) -> dict:
    """One colour per legend label, in order of first appearance."""
    unique = list(dict.fromkeys(labels))
    palette = plt.get_cmap("tab10" if len(unique) <= 10 else "tab20")
    return {label: palette(i % palette.N) for i, label in enumerate(unique)}


def legend_at_right(fig, handles) -> None:
    fig.legend(handles=handles, loc="center right", fontsize="small", frameon=False,
               borderaxespad=0.6)


def save(fig, out_dir: str, stem: str) -> list:
    """Writes `stem`.png and `stem`.pdf into `out_dir`; returns their paths."""
    paths = []
    for extension in FORMATS:
        path = os.path.join(out_dir, f"{stem}.{extension}")
        fig.savefig(path, dpi=DPI)
        paths.append(path)
    plt.close(fig)
    return paths
