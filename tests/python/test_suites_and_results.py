"""descent.run_suite and descent.read_results: suites run from Python, results read into pandas."""

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import h5py
import numpy as np
import pandas as pd
import pytest

import descent

SUITE = (Path(__file__).parent / "tiny_suite.toml").read_text()


@pytest.fixture
def suite_path(tmp_path):
    path = tmp_path / "tiny.toml"
    path.write_text(SUITE)
    return path


def test_run_suite_stores_every_run_and_read_results_gives_one_row_each(suite_path, tmp_path):
    output = descent.run_suite(suite_path, output=tmp_path / "out.h5", threads=2)
    assert output == tmp_path / "out.h5"
    runs, traces = descent.read_results(output)
    # (beale: 2 starts + chained_rosenbrock: 1 start) × (adam at 2 rates + lbfgs)
    assert len(runs) == 9 and runs["run_id"].is_unique
    assert list(runs["objective"]).count("beale") == 6
    assert sorted(runs.loc[runs["optimizer"] == "adam", "lr"].unique()) == [0.01, 0.1]
    assert runs.loc[runs["optimizer"] == "lbfgs", "memory"].notna().all()
    assert (runs.loc[runs["objective"] == "chained_rosenbrock", "objective.dim"] == 3).all()
    assert (runs["run.max_iter"] == 50).all() and (runs["run.stop.grad_norm"] == 1e-8).all()
    assert runs["seed"].notna().all()
    # The traces: one row per recorded iteration, joined to the runs by run_id.
    lengths = traces.groupby("run_id").size()
    assert (lengths.loc[runs["run_id"]].to_numpy() == runs["iterations"].to_numpy() + 1).all()
    last = traces.groupby("run_id").tail(1).set_index("run_id").loc[runs["run_id"]]
    np.testing.assert_array_equal(last["f"].to_numpy(), runs["f_final"].to_numpy())
    assert {"x[0]", "x[1]", "x[2]"} <= set(traces.columns)
    assert traces.loc[traces["run_id"].isin(runs.loc[runs["objective"] == "beale", "run_id"]), "x[2]"].isna().all()


def test_run_suite_resumes_and_matches_the_command_line(suite_path, tmp_path, binary_dir):
    output = tmp_path / "out.h5"
    descent.run_suite(suite_path, output=output)
    first = descent.read_results(output).runs
    descent.run_suite(suite_path, output=output)  # every run is stored: nothing runs again
    again = descent.read_results(output).runs
    pd.testing.assert_frame_equal(first, again)

    cli_output = tmp_path / "cli.h5"
    subprocess.run([str(binary_dir / "descent"), "run", str(suite_path), "-o", str(cli_output), "--quiet"],
                   check=True, capture_output=True)
    cli = descent.read_results(cli_output).runs
    columns = ["run_id", "stop_reason", "iterations", "f_final"]
    pd.testing.assert_frame_equal(first[columns], cli[columns])


def test_run_suite_writes_results_next_to_the_working_directory_by_default(suite_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    output = descent.run_suite(suite_path)
    assert output == tmp_path.joinpath("results", "python_tiny.h5").relative_to(tmp_path)
    assert (tmp_path / "results" / "python_tiny.h5").is_file()


def test_a_malformed_suite_is_a_located_value_error_and_writes_nothing(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(SUITE.replace('name = "lbfgs"', 'name = "lbfgs"\nmemry = 5'))
    with pytest.raises(ValueError, match=r"bad.toml:17:1: optimizer\[1\].memry: unknown key 'memry'"):
        descent.run_suite(path, output=tmp_path / "out.h5")
    assert not (tmp_path / "out.h5").exists()


def test_read_results_ignores_groups_attributes_and_columns_it_does_not_know(suite_path, tmp_path):
    output = descent.run_suite(suite_path, output=tmp_path / "out.h5")
    extended = tmp_path / "extended.h5"
    shutil.copy(output, extended)
    with h5py.File(extended, "r+") as file:
        file.create_group("future_group").attrs["anything"] = 1
        row = file["index"][0]
        run_id = row["run_id"].decode()
        layout = file["traces"][str(row["trace"])]
        length = layout["f"].shape[0]
        layout.create_dataset("future_column", data=np.arange(length, dtype=float))
        layout.create_group("future_subgroup")
        file["params"][str(row["params"])].attrs["future_parameter"] = "yes"
        start, rows = int(row["trace_start"]), int(row["trace_rows"])
        in_layout = [r["run_id"].decode() for r in file["index"][()] if r["trace"] == row["trace"]]
    runs, traces = descent.read_results(extended)
    assert len(runs) == 9
    assert runs.loc[runs["run_id"] == run_id, "future_parameter"].item() == "yes"
    future = traces.loc[traces["run_id"] == run_id, "future_column"]
    np.testing.assert_array_equal(future.to_numpy(), np.arange(start, start + rows))
    assert traces.loc[~traces["run_id"].isin(in_layout), "future_column"].isna().all()


def test_read_results_reads_version_1_files(source_dir):
    runs, traces = descent.read_results(source_dir / "tests" / "store" / "fixtures" / "schema1.h5")
    assert len(runs) == 6 and set(runs["optimizer"]) == {"adam", "lbfgs", "gd"}
    assert (runs["run.max_iter"] == 12).all() and runs["seed"].notna().all()
    assert (runs.loc[runs["optimizer"] == "adam", "lr"] == 0.1).all()
    lengths = traces.groupby("run_id").size()
    assert (lengths.loc[runs["run_id"]].to_numpy() == runs["iterations"].to_numpy() + 1).all()
    lbfgs = traces["run_id"].isin(runs.loc[runs["optimizer"] == "lbfgs", "run_id"])
    assert traces.loc[lbfgs & (traces["iter"] > 0), "ls_trials"].notna().all()
    assert traces.loc[~lbfgs, "ls_trials"].isna().all()


def test_read_results_refuses_other_files_and_schema_versions(suite_path, tmp_path):
    not_results = tmp_path / "other.h5"
    with h5py.File(not_results, "w") as file:
        file.create_dataset("data", data=[1, 2, 3])
    with pytest.raises(ValueError, match="not a descent results file"):
        descent.read_results(not_results)

    output = descent.run_suite(suite_path, output=tmp_path / "out.h5")
    with h5py.File(output, "r+") as file:
        file.attrs["schema_version"] = np.int64(3)
    with pytest.raises(ValueError, match="schema version 3 is not supported"):
        descent.read_results(output)
    with pytest.raises(FileNotFoundError):
        descent.read_results(tmp_path / "missing.h5")


def test_read_results_needs_no_compiled_code(suite_path, tmp_path, source_dir):
    output = descent.run_suite(suite_path, output=tmp_path / "out.h5")
    script = textwrap.dedent(
        f"""\
        import descent
        runs, traces = descent.read_results({str(output)!r})
        print(len(runs), len(traces) > 0)
        try:
            descent.minimize
        except ImportError as error:
            print("ImportError:", error)
        """
    )
    environment = dict(os.environ, PYTHONPATH=str(source_dir / "lib" / "python"), PYTHONDONTWRITEBYTECODE="1")
    completed = subprocess.run([sys.executable, "-c", script], env=environment, check=True,
                               capture_output=True, text=True)
    lines = completed.stdout.splitlines()
    assert lines[0] == "9 True"
    assert lines[1].startswith("ImportError: descent.minimize needs the compiled extension")
