"""descent.read_results: a results file (docs/results.md, schema 2 or 1) as two pandas DataFrames.

Pure Python (h5py, numpy, pandas): it reads files written on any machine and needs nothing
of descent's compiled code. It reads what the layout promises and ignores anything else, so
files with more groups, attributes or trace columns than this version knows still load.

runs    one row per run, in the file's order: the columns of /index, the run's other
        attributes (seed, ...), then every parameter: the optimizer's hyperparameters by
        their name (lr, beta1, ...; prefixed "optimizer." if one shares the name of a column
        above), the objective's as "objective.<key>" and the run settings as "run.<key>"
        (the keys of the suite's [run] table: run.max_iter, run.stop.grad_norm, ...).
        A parameter a run does not have is NaN (None for text).
traces  long format: one row per recorded iteration of every run, with run_id, then every
        1-D trace column (iter, f, grad_norm, ..., method-specific columns), and each 2-D
        column as one column per component (x[0], x[1], ...). A column a run did not record
        is NaN.
"""

import os
from typing import NamedTuple, Union

import h5py
import numpy as np
import pandas as pd

SCHEMA = "descent.results"
SCHEMA_VERSIONS = (1, 2)
# Version 2: the /index columns that locate a run's data rather than describe it.
LOCATION_COLUMNS = ("params", "objective_params", "settings", "x_start", "trace",
                    "trace_start", "trace_rows")


class Results(NamedTuple):
    runs: pd.DataFrame
    traces: pd.DataFrame


def _python_value(value):
    """An HDF5 attribute value as a plain Python value (lists of reals as tuples)."""
    if isinstance(value, bytes):
        return value.decode()
    if isinstance(value, np.ndarray):
        return tuple(value.tolist())
    if isinstance(value, np.generic):
        return value.item()
    return value


def _attributes(group, prefix=""):
    return {prefix + key: _python_value(value) for key, value in group.attrs.items()}


def _check_schema(file, path):
    """The file's schema version, after checking that it is a results file this reader knows."""
    schema = _python_value(file.attrs.get("schema"))
    version = _python_value(file.attrs.get("schema_version"))
    if schema != SCHEMA or "index" not in file:
        raise ValueError(f"{path}: not a descent results file (no schema '{SCHEMA}' with /index)")
    if version not in SCHEMA_VERSIONS:
        raise ValueError(f"{path}: results schema version {version} is not supported (this reader knows {SCHEMA_VERSIONS})")
    if version == 1 and "runs" not in file:
        raise ValueError(f"{path}: not a descent results file (version 1 without /runs)")
    return version


def _run_row(index_row, attributes, params, objective_params, settings):
    row = {name: _python_value(index_row[name]) for name in index_row.dtype.names
           if name not in LOCATION_COLUMNS}
    for key, value in attributes.items():
        row.setdefault(key, value)
    for key, value in params.items():
        row["optimizer." + key if key in row else key] = value
    row.update({"objective." + key: value for key, value in objective_params.items()})
    row.update({"run." + key: value for key, value in settings.items()})
    return row


def _group_attributes(parent, name):
    return _attributes(parent[name]) if name in parent else {}


def _trace_frame(run_id, trace, rows=slice(None)):
    """One run's trace: `trace` maps column names to datasets or arrays, `rows` selects its rows."""
    columns = {}
    for name, dataset in trace.items():
        if not isinstance(dataset, (h5py.Dataset, np.ndarray)):
            continue
        values = dataset[rows]
        if values.ndim == 1:
            columns[name] = values
        elif values.ndim == 2:
            for component in range(values.shape[1]):
                columns[f"{name}[{component}]"] = values[:, component]
    frame = pd.DataFrame(columns)
    frame.insert(0, "run_id", run_id)
    return frame


def read_results(path: Union[str, os.PathLike]) -> Results:
    """Reads a descent results file into Results(runs, traces) (see the module's docstring).

    Raises FileNotFoundError for a missing file and ValueError for a file that is not a
    descent results file of schema version 1 or 2.
    """
    path = os.fspath(path)
    if not os.path.exists(path):
        raise FileNotFoundError(path)
    runs, traces = [], []
    with h5py.File(path, "r") as file:
        version = _check_schema(file, path)
        sets = {}  # version 2: parameter sets by (kind, id), read once each
        layouts = {}  # version 2: each trace layout's columns, read whole once

        def layout(index_row):
            name = str(int(index_row["trace"]))
            if name not in layouts:
                layouts[name] = {column: dataset[()] for column, dataset in file["traces"][name].items()
                                 if isinstance(dataset, h5py.Dataset)}
            return layouts[name]

        def parameter_set(kind, index_row):
            key = (kind, int(index_row[kind]))
            if key not in sets:
                sets[key] = _attributes(file[kind][str(key[1])])
            return sets[key]

        for index_row in file["index"][()]:
            run_id = _python_value(index_row["run_id"])
            if version == 1:
                group = file["runs"][run_id]
                runs.append(_run_row(index_row, _attributes(group), _group_attributes(group, "params"),
                                     _group_attributes(group, "objective_params"),
                                     _group_attributes(group, "settings")))
                if "trace" in group:
                    traces.append(_trace_frame(run_id, group["trace"]))
                continue
            runs.append(_run_row(index_row, {}, parameter_set("params", index_row),
                                 parameter_set("objective_params", index_row),
                                 parameter_set("settings", index_row)))
            start = int(index_row["trace_start"])
            traces.append(_trace_frame(run_id, layout(index_row),
                                       slice(start, start + int(index_row["trace_rows"]))))
    traces_frame = pd.concat(traces, ignore_index=True) if traces else pd.DataFrame({"run_id": []})
    return Results(pd.DataFrame(runs), traces_frame)
