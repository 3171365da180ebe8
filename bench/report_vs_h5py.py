#!/usr/bin/python3
"""`descent report` against reading the same datasets once with h5py, on one results file.

    bench/report_vs_h5py.py RESULTS.h5 [--descent build/descent] [--repeat 3]

Times `descent report RESULTS.h5 --no-figures` and an h5py pass that reads the same datasets
once: /index, every parameter set's attributes and the trace columns the report uses (iter, f,
grad_norm, evals_f, evals_grad, evals_hess, evals_hvp, seconds), whole columns per trace layout
in schema version 2 (docs/results.md), run by run in version 1. Prints the best of --repeat of
each in wall-clock time and in CPU time (user + system: of the report's process, and of this
one for h5py), and their ratios (the bar: ratio ≤ 3). On a machine shared with other work the
CPU times are the fair figure.
"""

import argparse
import os
import resource
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


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def best_times(action, cpu_seconds, repeat: int) -> tuple[float, float]:
    """The least wall time and the least CPU time (by `cpu_seconds`) over `repeat` calls."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), cpu_seconds()
        action()
        walls.append(time.perf_counter() - wall)
        cpus.append(cpu_seconds() - cpu)
    return min(walls), min(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results")
    parser.add_argument("--descent", default=os.path.join(os.path.dirname(__file__), "..", "build", "descent"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as out:
        report = best_times(lambda: subprocess.run(
            [args.descent, "report", args.results, "-o", out, "--no-figures"], check=True,
            stdout=subprocess.DEVNULL), children_cpu_seconds, args.repeat)
    h5py = best_times(lambda: read_with_h5py(args.results), time.process_time, args.repeat)
    print(f"{'':16}{'wall':>8}{'CPU':>8}")
    print(f"{'descent report':16}{report[0]:7.2f}s{report[1]:7.2f}s")
    print(f"{'h5py read':16}{h5py[0]:7.2f}s{h5py[1]:7.2f}s")
    print(f"{'ratio':16}{report[0] / h5py[0]:8.2f}{report[1] / h5py[1]:8.2f}")

if __name__ == "__main__":
    main()
