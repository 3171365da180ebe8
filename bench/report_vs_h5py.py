#!/usr/bin/python3
"""`descent report` against reading the same datasets once with h5py, on one results file.

    bench/report_vs_h5py.py RESULTS.h5 [--descent build/descent] [--repeat 3]

Times (wall clock, best of --repeat) `descent report RESULTS.h5 --no-figures` and an h5py
pass that reads the same datasets once: /index, every parameter set's attributes and the trace
columns the report uses (iter, f, grad_norm, evals_f, evals_grad, evals_hess, evals_hvp,
seconds), whole columns per trace layout in schema version 2 (docs/results.md), run by run in
version 1. Prints both times and their ratio (the bar: ratio ≤ 3).
"""

import argparse
import os
import subprocess
import tempfile
import time

import h5py

COLUMNS = ("iter", "f", "grad_norm", "evals_f", "evals_grad", "evals_hess", "evals_hvp", "seconds")


def read_with_h5py(path: str) -> int:
    with h5py.File(path, "r") as f:
        if int(f.attrs.get("schema_version", 1)) >= 2:
            return read_schema_2(f)
        return read_schema_1(f)


def read_schema_2(f) -> int:
    f["index"][:]
    for group in ("params", "objective_params", "settings"):
        for parameter_set in f[group].values():
            dict(parameter_set.attrs)
    values = 0
    for layout in f["traces"].values():
        for column in COLUMNS:
            if column in layout:
                values += layout[column][:].size
    return values


def read_schema_1(f) -> int:
    values = 0
    runs = f["runs"]
    for run_id in f["index"][:]["run_id"]:
        run = runs[run_id.decode()]
        dict(run["objective_params"].attrs)
        dict(run["params"].attrs)
        trace = run["trace"]
        for column in COLUMNS:
            values += trace[column][:].size
    return values


def best_time(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results")
    parser.add_argument("--descent", default=os.path.join(os.path.dirname(__file__), "..", "build", "descent"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as out:
        report = best_time(lambda: subprocess.run(
            [args.descent, "report", args.results, "-o", out, "--no-figures"], check=True,
            stdout=subprocess.DEVNULL), args.repeat)
    h5py_seconds = best_time(lambda: read_with_h5py(args.results), args.repeat)
    print(f"descent report: {report:.2f} s")
    print(f"h5py read:      {h5py_seconds:.2f} s")
    print(f"ratio:          {report / h5py_seconds:.2f}")


if __name__ == "__main__":
    main()
