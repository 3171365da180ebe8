"""Reading a descent results file (schema version 2 or 1, docs/results.md) for the figure scripts.

    runs = read_runs("out.h5")      # one Run per row of /index, in the file's order

Strings are HDF5 variable-length strings; h5py returns them as bytes inside compound rows and
as str in attributes, so every string passes through `text`. Bad input raises
ResultsFileError (a UsageError) with a message naming the file; `exit_on_error` turns it into
exit status 2, and `figure_script` is the whole command line of a figure script
(RESULTS.h5 -o DIR).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from typing import Callable, Optional

import h5py
import numpy as np

SCHEMA = "descent.results"
SCHEMA_VERSIONS = (1, 2)
USAGE_ERROR = 2  # exit status for a usage or input error, as the descent program uses


class UsageError(Exception):
    """Bad input to a figure script: reported in one line, exit status 2."""


class ResultsFileError(UsageError):
    """A file that is missing, unreadable, or not a descent results file of a known version."""


@dataclasses.dataclass
class Run:
    run_id: str
    objective: str
    optimizer: str
    label: str
    dim: int
    start_index: int
    repeat: int
    status: str
    stop_reason: str
    iterations: int
    f_final: float
    x0: Optional[np.ndarray]
    x_final: Optional[np.ndarray]
    params: dict
    objective_params: dict
    trace: dict  # column name -> array; "x" is [records, dim] when iterates were recorded
    settings: dict = dataclasses.field(default_factory=dict)  # /settings: the run's [run] keys

    @property
    def diverged(self) -> bool:
        return self.status == "diverged" or self.stop_reason in ("diverged", "non_finite")

    def column(self, name: str) -> Optional[np.ndarray]:
        return self.trace.get(name)


def text(value) -> str:
    """An HDF5 string as str: vlen strings may come back as bytes, fixed ones NUL-padded."""
    if isinstance(value, np.ndarray) and value.shape == ():
        value = value[()]
    if isinstance(value, (bytes, np.bytes_)):
        value = value.decode("utf-8")
    return str(value).rstrip("\0")


def plain(value):
    """An attribute value as a plain Python value (str, bool, int, float, or list)."""
    if isinstance(value, (bytes, np.bytes_, str)):
        return text(value)
    array = np.asarray(value)
    if array.dtype.kind in "SOU":
        return [text(v) for v in array.ravel()] if array.shape else text(array)
    if array.shape == ():
        return array.item()
    return array.tolist()


def open_results(path: str) -> h5py.File:
    """Opens `path` read-only and checks that it is a descent results file of a known version."""
    if not os.path.exists(path):
        raise ResultsFileError(f"{path}: no such file")
    if not os.path.isfile(path):
        raise ResultsFileError(f"{path}: not a file")
    try:
        is_hdf5 = h5py.is_hdf5(path)
    except OSError as error:
        raise ResultsFileError(f"{path}: cannot read ({error})") from error
    if not is_hdf5:
        raise ResultsFileError(f"{path}: not an HDF5 file, so not a descent results file")
    try:
        handle = h5py.File(path, "r")
    except OSError as error:
        raise ResultsFileError(f"{path}: cannot open ({error})") from error
    schema = text(handle.attrs["schema"]) if "schema" in handle.attrs else None
    if schema != SCHEMA:
        handle.close()
        raise ResultsFileError(
            f"{path}: not a descent results file (root attribute schema is "
            f"{schema!r}, expected {SCHEMA!r})")
    version = plain(handle.attrs.get("schema_version", -1))
    if version not in SCHEMA_VERSIONS:
        handle.close()
        raise ResultsFileError(
            f"{path}: results schema_version {version} is not supported (this reader knows "
            f"{', '.join(map(str, SCHEMA_VERSIONS))})")
    required = ("index", "runs") if version == 1 else ("index", "traces", "points")
    if any(name not in handle for name in required):
        handle.close()
        raise ResultsFileError(f"{path}: descent results file without /{' or /'.join(required)}")
    return handle


def _vector(group: h5py.Group, name: str) -> Optional[np.ndarray]:
    """x0 / x_final: a dataset by the schema, accepted as an attribute too."""
    if name in group:
        return np.asarray(group[name][()], dtype=float).ravel()
    if name in group.attrs:
        return np.asarray(group.attrs[name], dtype=float).ravel()
    return None


def _attrs(group: h5py.Group, name: str) -> dict:
    if name not in group:
        return {}
    return {key: plain(value) for key, value in group[name].attrs.items()}


def _columns(group: h5py.Group) -> dict:
    """The numeric datasets of a group as float arrays."""
    return {name: np.asarray(dataset[()], dtype=float) for name, dataset in group.items()
            if isinstance(dataset, h5py.Dataset) and dataset.dtype.kind in "iuf"}


def _trace(group: h5py.Group) -> dict:
    if "trace" not in group:
        return {}
    return _shaped_trace(_columns(group["trace"]))


def _shaped_trace(columns: dict) -> dict:
    x = columns.get("x")
    if x is not None and x.ndim == 1:
        columns["x"] = x.reshape(-1, 1)
    return columns


def _read_runs_v2(path: str, handle: h5py.File, index: np.ndarray) -> list[Run]:
    """Version 2: each run's /index row locates its parameter sets, points and trace rows."""
    fields = index.dtype.names or ()
    missing = [name for name in ("run_id", "objective", "optimizer", "dim", "params",
                                 "objective_params", "x_start", "trace", "trace_start",
                                 "trace_rows") if name not in fields]
    if missing:
        raise ResultsFileError(f"{path}: /index has no column {', '.join(missing)}")
    sets, layouts = {}, {}
    points = _columns(handle["points"])
    if "x0" not in points or "x_final" not in points:
        raise ResultsFileError(f"{path}: /points has no x0 or x_final")

    def parameter_set(kind: str, row) -> dict:
        key = (kind, int(row[kind]))
        if key not in sets:
            if str(key[1]) not in handle[kind]:
                raise ResultsFileError(f"{path}: /{kind} holds no set {key[1]}")
            sets[key] = {name: plain(value) for name, value in handle[kind][str(key[1])].attrs.items()}
        return sets[key]

    def rows(columns: dict, start: int, count: int, what: str) -> dict:
        length = min(len(values) for values in columns.values()) if columns else 0
        if start < 0 or count < 0 or start + count > length:
            raise ResultsFileError(f"{path}: {what}: rows {start} to {start + count} asked for, it has {length}")
        return {name: values[start:start + count] for name, values in columns.items()}

    runs = []
    for row in index:
        run_id = text(row["run_id"])
        layout = str(int(row["trace"]))
        if layout not in layouts:
            if layout not in handle["traces"]:
                raise ResultsFileError(f"{path}: /traces holds no layout {layout}")
            layouts[layout] = _columns(handle["traces"][layout])
        dim = int(row["dim"])
        point = rows(points, int(row["x_start"]), dim, f"run {run_id} in /points")
        runs.append(Run(
            run_id=run_id,
            objective=text(row["objective"]),
            optimizer=text(row["optimizer"]),
            label=(text(row["label"]) if "label" in fields else "") or text(row["optimizer"]),
            dim=dim,
            start_index=int(row["start_index"]) if "start_index" in fields else 0,
            repeat=int(row["repeat"]) if "repeat" in fields else 0,
            status=text(row["status"]) if "status" in fields else "",
            stop_reason=text(row["stop_reason"]) if "stop_reason" in fields else "",
            iterations=int(row["iterations"]) if "iterations" in fields else 0,
            f_final=float(row["f_final"]) if "f_final" in fields else float("nan"),
            x0=point["x0"],
            x_final=point["x_final"],
            params=parameter_set("params", row),
            objective_params=parameter_set("objective_params", row),
            trace=_shaped_trace(rows(layouts[layout], int(row["trace_start"]), int(row["trace_rows"]),
                                     f"run {run_id} in /traces/{layout}")),
            settings=parameter_set("settings", row) if "settings" in fields and "settings" in handle else {},
        ))
    return runs


def read_runs(path: str) -> list[Run]:
    """Every stored run of the results file at `path`, in the order of /index."""
    with open_results(path) as handle:
        index = handle["index"][()]
        fields = index.dtype.names or ()
        if "run_id" not in fields:
            raise ResultsFileError(f"{path}: /index has no run_id column")
        if plain(handle.attrs["schema_version"]) == 2:
            return _read_runs_v2(path, handle, index)
        runs = []
        for row in index:
            run_id = text(row["run_id"])
            if run_id not in handle["runs"]:
                raise ResultsFileError(f"{path}: /index lists run {run_id}, /runs does not hold it")
            group = handle["runs"][run_id]

            def field(name, convert: Callable = text, default=None):
                if name in fields:
                    return convert(row[name])
                if name in group.attrs:
                    return convert(group.attrs[name])
                return default

            runs.append(Run(
                run_id=run_id,
                objective=field("objective", default=""),
                optimizer=field("optimizer", default=""),
                label=field("label", default="") or field("optimizer", default=""),
                dim=field("dim", int, 0),
                start_index=field("start_index", int, 0),
                repeat=field("repeat", int, 0),
                status=field("status", default=""),
                stop_reason=field("stop_reason", default=""),
                iterations=field("iterations", int, 0),
                f_final=field("f_final", float, float("nan")),
                x0=_vector(group, "x0"),
                x_final=_vector(group, "x_final"),
                params=_attrs(group, "params"),
                objective_params=_attrs(group, "objective_params"),
                trace=_trace(group),
                settings=_attrs(group, "settings"),
            ))
        return runs


def instance_key(run: Run) -> tuple:
    """Runs on the same objective with the same parameters share this key."""
    return (run.objective, tuple(sorted((k, repr(v)) for k, v in run.objective_params.items())))


def instance_names(runs: list[Run]) -> dict:
    """A short name per objective instance: the objective's name, followed by the parameters
    that tell apart instances of the same objective (quadratic kappa=10, quadratic kappa=1000)."""
    by_objective: dict = {}
    for run in runs:
        by_objective.setdefault(run.objective, {})[instance_key(run)] = run.objective_params
    names = {}
    for objective, instances in by_objective.items():
        keys = sorted({k for params in instances.values() for k in params})
        differing = [k for k in keys
                     if len({repr(params.get(k)) for params in instances.values()}) > 1]
        for key, params in instances.items():
            suffix = ", ".join(f"{k}={short_value(params.get(k))}" for k in differing)
            names[key] = f"{objective} ({suffix})" if suffix else objective
    return names


def display_labels(runs: list[Run]) -> dict:
    """A legend entry per run id: its label, followed by the hyperparameters that tell apart
    runs sharing the label in one panel (a sweep over lr gives 'adam (lr=0.001)')."""
    groups: dict = {}
    for run in runs:
        groups.setdefault((instance_key(run), run.start_index, run.repeat, run.label), []).append(run)
    labels = {}
    for group in groups.values():
        keys = sorted({k for run in group for k in run.params})
        differing = [k for k in keys if len({repr(run.params.get(k)) for run in group}) > 1]
        for run in group:
            suffix = ", ".join(f"{k}={short_value(run.params.get(k))}" for k in differing)
            labels[run.run_id] = f"{run.label} ({suffix})" if suffix else run.label
    return labels


def draw_per_instance(runs: list[Run], out_dir: str, draw_instance, keep=lambda run: True) -> list:
    """Calls draw_instance(name, instance_runs, labels, out_dir) for each objective instance,
    over the first repeat of the runs that `keep` accepts; returns every path written. Names
    come from all runs, so that the figures of one file name instances alike."""
    names = instance_names(runs)
    runs = [run for run in runs if run.repeat == 0 and keep(run)]
    labels = display_labels(runs)
    by_instance: dict = {}
    for run in runs:
        by_instance.setdefault(instance_key(run), []).append(run)
    written = []
    for key, instance_runs in by_instance.items():
        written += draw_instance(names[key], instance_runs, labels, out_dir)
    return written


def file_stem(name: str) -> str:
    """A file-name-safe form of an instance name."""
    keep = [c if c.isalnum() or c in "-." else "_" for c in name.replace(", ", "_")]
    return "".join(keep).strip("_").replace("__", "_")


def short_value(value) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list):
        return "[" + ",".join(short_value(v) for v in value) + "]"
    return str(value)


def output_directory(path: str) -> str:
    """Creates the output directory `path` if needed."""
    try:
        os.makedirs(path, exist_ok=True)
    except OSError as error:
        raise UsageError(f"{path}: cannot create the output directory ({error.strerror})") from error
    return path


def exit_on_error(main: Callable[[], list]) -> None:
    """Runs a script's main, prints the paths it wrote, and turns a UsageError into a message
    on stderr and exit status 2."""
    program = os.path.basename(sys.argv[0])
    try:
        written = main()
    except UsageError as error:
        print(f"{program}: error: {error}", file=sys.stderr)
        sys.exit(USAGE_ERROR)
    for path in written:
        print(path)


def figure_script(description: str, draw: Callable[[list, str], list]) -> None:
    """The command line shared by the figure scripts: `SCRIPT RESULTS.h5 [-o DIR]` reads the
    runs, creates DIR, calls draw(runs, DIR) and prints the paths it returns; bad input ends
    with a one-line message and exit status 2."""
    parser = argparse.ArgumentParser(description=description,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("results", metavar="RESULTS.h5", help="a descent results file")
    parser.add_argument("-o", "--output", metavar="DIR", default=".",
                        help="directory for the figures, created if missing (default: .)")
    args = parser.parse_args()

    def read_and_draw() -> list:
        runs = read_runs(args.results)
        out_dir = output_directory(args.output)
        if not runs:
            print(f"note: {args.results} holds no runs; no figures drawn", file=sys.stderr)
        return draw(runs, out_dir)

    exit_on_error(read_and_draw)
