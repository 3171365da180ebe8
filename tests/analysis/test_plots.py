#!/usr/bin/python3
"""The figure scripts of analysis/plots on a synthetic results file of schema 1.

    test_plots.py ANALYSIS_PLOTS_DIR

The file holds Beale from the lecture's two starts with three methods (gradient descent,
momentum, Adam, simulated here in numpy; gradient descent diverges from (−3, 3) and its trace
ends in inf/NaN) and one 5-D quadratic run, which has loss curves but no trajectory figure.
A second file holds runs with per-layer and per-time-step gradient norms (deep_linear-like
grad_norm_W1 … grad_norm_W4 for init_scale s = 0.5, 1, 1.5, linear_recurrence-like
hidden_grad_norm_0 … hidden_grad_norm_5 for rho = 0.5, 1.5) and gradient descent escaping the
saddle x² − y², an objective unbounded below.
"""

import os
import struct
import subprocess
import sys
import tempfile
import unittest

import h5py
import numpy as np

SCRIPTS = None  # set from the command line
SCRIPT_NAMES = ("lecture_figures.py", "trajectories.py", "loss_curves.py", "gradient_norms.py")
DPI, PANEL_WIDTH, PANEL_HEIGHT, LEGEND_WIDTH = 150, 4.4, 4.6, 2.4  # analysis/plots/figures.py


def beale(p):
    x, y = p
    return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2 + (2.625 - x + x * y**3) ** 2


def beale_gradient(p):
    x, y = p
    t1, t2, t3 = 1.5 - x + x * y, 2.25 - x + x * y**2, 2.625 - x + x * y**3
    return np.array([2 * t1 * (y - 1) + 2 * t2 * (y**2 - 1) + 2 * t3 * (y**3 - 1),
                     2 * t1 * x + 4 * t2 * x * y + 6 * t3 * x * y**2])


def simulate(method, start, f, gradient, lr, iterations):
    """Iterates of gd / momentum / adam from `start` until `iterations` or a non-finite value."""
    x = np.array(start, dtype=float)
    v, a = np.zeros_like(x), np.zeros_like(x)
    xs, stop_reason = [x.copy()], "max_iter"
    for t in range(1, iterations + 1):
        g = gradient(x)
        if method == "gd":
            x = x - lr * g
        elif method == "momentum":
            v = 0.9 * v - lr * g
            x = x + v
        else:
            v = 0.9 * v + 0.1 * g
            a = 0.999 * a + 0.001 * g * g
            x = x - lr * (v / (1 - 0.9**t)) / (np.sqrt(a / (1 - 0.999**t)) + 1e-7)
        xs.append(x.copy())
        if not (np.isfinite(x).all() and np.isfinite(f(x))):
            stop_reason = "non_finite"
            break
    return np.array(xs), stop_reason


def simulated_runs():
    runs = []
    methods = [("gd", "gradient descent", 1e-3), ("momentum", "momentum", 1e-4),
               ("adam", "adam", 0.05)]
    for start_index, start in enumerate([(2.0, -2.0), (-3.0, 3.0)]):
        for optimizer, label, lr in methods:
            xs, stop_reason = simulate(optimizer, start, beale, beale_gradient, lr, 3000)
            runs.append(dict(objective="beale", optimizer=optimizer, label=label,
                             start_index=start_index, xs=xs, stop_reason=stop_reason,
                             params={"lr": lr}, objective_params={},
                             f=np.array([beale(x) for x in xs]),
                             grad=np.array([np.linalg.norm(beale_gradient(x)) for x in xs])))
    lam = np.logspace(0, 2, 5)
    xs, _ = simulate("gd", np.ones(5), lambda x: 0.5 * lam @ (x * x), lambda x: lam * x, 0.015, 400)
    runs.append(dict(objective="quadratic", optimizer="gd", label="gradient descent",
                     start_index=0, xs=xs, stop_reason="max_iter", params={"lr": 0.015},
                     objective_params={"dim": 5, "kappa": 100.0, "spectrum": "loguniform",
                                       "eigenvalues": np.zeros(0), "rotate": False,
                                       "rotation_seed": 0},
                     f=np.array([0.5 * lam @ (x * x) for x in xs]),
                     grad=np.array([np.linalg.norm(lam * x) for x in xs])))
    return runs


def gradient_norm_runs():
    """Runs whose traces hold gradient norms per layer (s^(L−1) at the start, shrinking as f
    falls) or per time step (rho^(T−t)), and one run on the saddle x² − y²."""
    runs = []
    records, depth, steps = 11, 4, 5
    decay = np.linspace(1.0, 0.2, records)
    for scale in (0.5, 1.0, 1.5):
        xs = np.outer(decay, np.full(depth * 4, scale))
        layers = {f"grad_norm_W{k}": scale ** (depth - 1) * decay * (1 + 0.1 * k)
                  for k in range(1, depth + 1)}
        runs.append(dict(objective="deep_linear", optimizer="gd", label="gd", start_index=0,
                         xs=xs, stop_reason="max_iter", params={"lr": 1e-3},
                         objective_params={"depth": depth, "width": 4, "init_scale": scale},
                         f=decay**2, grad=decay * scale ** (depth - 1), columns=layers))
    for rho in (0.5, 1.5):
        xs = np.outer(decay, np.full(24, rho))
        hidden = {f"hidden_grad_norm_{t}": rho ** (steps - t) * decay for t in range(steps + 1)}
        runs.append(dict(objective="linear_recurrence", optimizer="gd", label="gd", start_index=0,
                         xs=xs, stop_reason="max_iter", params={"lr": 1e-3},
                         objective_params={"hidden": 4, "steps": steps, "rho": rho},
                         f=decay**2, grad=decay, columns=hidden))
    saddle = lambda p: p[0] ** 2 - p[1] ** 2  # noqa: E731
    xs, stop_reason = simulate("gd", (1.0, 1e-3), saddle,
                               lambda p: np.array([2 * p[0], -2 * p[1]]), 0.05, 100)
    runs.append(dict(objective="saddle", optimizer="gd", label="gradient descent", start_index=0,
                     xs=xs, stop_reason=stop_reason, params={"lr": 0.05}, objective_params={},
                     f=np.array([saddle(x) for x in xs]),
                     grad=np.array([2 * np.linalg.norm(x) for x in xs])))
    return runs


def write_results_file(path, runs=None):
    """Writes the runs (by default the simulated Beale and quadratic runs) as a results file
    of schema 1; returns them."""
    text = h5py.string_dtype(encoding="utf-8")
    if runs is None:
        with np.errstate(over="ignore", invalid="ignore"):  # gd from (−3, 3) overflows
            runs = simulated_runs()
    index_type = np.dtype([
        ("run_id", text), ("objective", text), ("optimizer", text), ("label", text),
        ("dim", "<i8"), ("start_index", "<i8"), ("repeat", "<i8"), ("status", text),
        ("stop_reason", text), ("iterations", "<i8"), ("f_final", "<f8"),
        ("grad_norm_final", "<f8"), ("evals_f", "<i8"), ("evals_grad", "<i8"),
        ("evals_hess", "<i8"), ("evals_hvp", "<i8"), ("seconds", "<f8")])
    with h5py.File(path, "w") as out:
        for key, value in dict(schema="descent.results", software_version="0.1.0",
                               git_commit="0123456789ab", compiler="g++ 12", build_type="Release",
                               created="2026-01-01T00:00:00Z", host="test",
                               suite_name="synthetic", suite_toml='name = "synthetic"\n',
                               suite_sha256="0" * 64).items():
            out.attrs.create(key, value, dtype=text)
        out.attrs["schema_version"] = np.int64(1)
        index = np.zeros(len(runs), dtype=index_type)
        for row, run in enumerate(runs):
            run_id = f"{row:016x}"
            records = len(run["xs"])
            status = "diverged" if run["stop_reason"] == "non_finite" else "budget"
            index[row] = (run_id, run["objective"], run["optimizer"], run["label"],
                          run["xs"].shape[1], run["start_index"], 0, status, run["stop_reason"],
                          records - 1, run["f"][-1], run["grad"][-1], records, records, 0, 0, 0.01)
            group = out.create_group(f"runs/{run_id}")
            for name in index_type.names[1:]:
                value = index[row][name]
                if isinstance(value, bytes):
                    group.attrs.create(name, value.decode(), dtype=text)
                elif isinstance(value, str):
                    group.attrs.create(name, value, dtype=text)
                else:
                    group.attrs[name] = value
            group.attrs["seed"] = np.int64(row)
            params = group.create_group("params")
            for key, value in run["params"].items():
                params.attrs[key] = value
            objective_params = group.create_group("objective_params")
            for key, value in run["objective_params"].items():
                if isinstance(value, str):
                    objective_params.attrs.create(key, value, dtype=text)
                else:
                    objective_params.attrs[key] = value
            group["x0"] = run["xs"][0]
            group["x_final"] = run["xs"][-1]
            trace = group.create_group("trace")
            steps = np.r_[np.nan, np.linalg.norm(np.diff(run["xs"], axis=0), axis=1)]
            columns = {"iter": np.arange(records, dtype=np.int64), "f": run["f"],
                       "grad_norm": run["grad"], "raw_grad_norm": run["grad"],
                       "step_norm": steps, "lr": np.full(records, run["params"]["lr"]),
                       "evals_f": np.arange(1, records + 1), "evals_grad": np.arange(1, records + 1),
                       "evals_hess": np.zeros(records, np.int64),
                       "evals_hvp": np.zeros(records, np.int64),
                       "seconds": np.linspace(0, 0.01, records), "x": run["xs"],
                       **run.get("columns", {})}
            for name, column in columns.items():
                trace.create_dataset(name, data=column, chunks=True, compression="gzip")
        out.create_dataset("index", data=index)
    return runs


def png_size(path):
    with open(path, "rb") as png:
        header = png.read(24)
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


def figure_pixels(panels):
    return (round((panels * PANEL_WIDTH + LEGEND_WIDTH) * DPI), round(PANEL_HEIGHT * DPI))


def run_script(name, *args):
    return subprocess.run([sys.executable, os.path.join(SCRIPTS, name), *args],
                          capture_output=True, text=True, timeout=300)


class FiguresFromSyntheticResults(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="descent-plots-")
        cls.results = os.path.join(cls.tmp.name, "synthetic.h5")
        cls.runs = write_results_file(cls.results)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_the_synthetic_file_has_a_diverged_run_with_non_finite_values(self):
        diverged = [run for run in self.runs if run["stop_reason"] == "non_finite"]
        self.assertEqual(len(diverged), 1)
        self.assertFalse(np.isfinite(diverged[0]["f"][-1]) and np.isfinite(diverged[0]["xs"][-1]).all())

    def test_the_reader_decodes_strings_and_flags_the_diverged_run(self):
        sys.path.insert(0, SCRIPTS)
        import results
        runs = results.read_runs(self.results)
        self.assertEqual(len(runs), 7)
        self.assertEqual({run.objective for run in runs}, {"beale", "quadratic"})
        self.assertTrue(all(isinstance(run.label, str) for run in runs))
        self.assertEqual([run.label for run in runs if run.diverged], ["gradient descent"])
        self.assertEqual(runs[0].trace["x"].shape[1], 2)
        self.assertEqual(runs[-1].objective_params["spectrum"], "loguniform")

    def test_lecture_figures_writes_every_figure_as_png_and_pdf(self):
        out_dir = os.path.join(self.tmp.name, "figures")
        done = run_script("lecture_figures.py", self.results, "-o", out_dir)
        self.assertEqual(done.returncode, 0, done.stderr)
        expected = {"trajectories_beale": 2, "loss_beale": 2, "loss_quadratic": 1}
        paths = [os.path.join(out_dir, f"{stem}.{ext}") for stem in expected for ext in ("png", "pdf")]
        self.assertEqual(sorted(done.stdout.split()), sorted(paths))
        self.assertEqual(sorted(os.listdir(out_dir)), sorted(os.path.basename(p) for p in paths))
        for stem, panels in expected.items():
            png, pdf = (os.path.join(out_dir, f"{stem}.{ext}") for ext in ("png", "pdf"))
            self.assertEqual(png_size(png), figure_pixels(panels), png)
            self.assertGreater(os.path.getsize(png), 20_000, f"{png} looks empty")
            with open(pdf, "rb") as document:
                self.assertEqual(document.read(5), b"%PDF-", pdf)
            self.assertGreater(os.path.getsize(pdf), 5_000, f"{pdf} looks empty")

    def test_each_script_alone_writes_its_own_figures(self):
        for script, stems in (("trajectories.py", ["trajectories_beale"]),
                              ("loss_curves.py", ["loss_beale", "loss_quadratic"])):
            out_dir = os.path.join(self.tmp.name, script)
            done = run_script(script, self.results, "-o", out_dir)
            self.assertEqual(done.returncode, 0, done.stderr)
            self.assertEqual(sorted(os.listdir(out_dir)),
                             sorted(f"{stem}.{ext}" for stem in stems for ext in ("pdf", "png")))

    def test_gradient_norms_draws_nothing_without_per_layer_or_per_step_columns(self):
        out_dir = os.path.join(self.tmp.name, "no-gradient-norms")
        done = run_script("gradient_norms.py", self.results, "-o", out_dir)
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(done.stdout, "")
        self.assertEqual(os.listdir(out_dir), [])

    def test_bad_input_exits_with_status_2_and_names_the_file(self):
        not_hdf5 = os.path.join(self.tmp.name, "notes.txt")
        with open(not_hdf5, "w") as notes:
            notes.write("not a results file\n")
        other_hdf5 = os.path.join(self.tmp.name, "other.h5")
        with h5py.File(other_hdf5, "w") as other:
            other["data"] = np.arange(3)
        cases = [(os.path.join(self.tmp.name, "missing.h5"), "no such file"),
                 (not_hdf5, "not an HDF5 file"),
                 (other_hdf5, "not a descent results file")]
        for script in SCRIPT_NAMES:
            for path, message in cases:
                done = run_script(script, path, "-o", os.path.join(self.tmp.name, "unused"))
                self.assertEqual(done.returncode, 2, f"{script} {path}: {done.stderr}")
                self.assertIn(path, done.stderr)
                self.assertIn(message, done.stderr)
                self.assertEqual(done.stdout, "")

    def test_help_describes_the_arguments(self):
        for script in SCRIPT_NAMES:
            done = run_script(script, "--help")
            self.assertEqual(done.returncode, 0, done.stderr)
            self.assertIn("RESULTS.h5", done.stdout)
            self.assertIn("-o DIR", done.stdout)


class FiguresOfGradientNormsAndSaddles(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="descent-plots-")
        cls.results = os.path.join(cls.tmp.name, "gradient_norms.h5")
        cls.runs = write_results_file(cls.results, gradient_norm_runs())

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def assert_figure(self, out_dir, stem, panels):
        png, pdf = (os.path.join(out_dir, f"{stem}.{ext}") for ext in ("png", "pdf"))
        self.assertEqual(png_size(png), figure_pixels(panels), png)
        self.assertGreater(os.path.getsize(png), 20_000, f"{png} looks empty")
        with open(pdf, "rb") as document:
            self.assertEqual(document.read(5), b"%PDF-", pdf)

    def test_the_norms_are_read_in_order_of_layer_and_time_step(self):
        sys.path.insert(0, SCRIPTS)
        import gradient_norms
        import results
        runs = results.read_runs(self.results)
        positions, values = gradient_norms.series_of(runs[0], "depth")["W"]
        self.assertEqual(positions.tolist(), [1, 2, 3, 4])
        self.assertAlmostEqual(values[0, 3] / values[0, 0], 1.4 / 1.1, places=12)
        positions, values = gradient_norms.series_of(runs[4], "time")[""]
        self.assertEqual(positions.tolist(), list(range(6)))
        self.assertAlmostEqual(values[0, 0], 1.5**5, places=12)
        self.assertEqual(gradient_norms.series_of(runs[0], "time"), {})
        self.assertEqual(gradient_norms.series_of(runs[-1], "depth"), {})

    def test_gradient_norms_writes_a_depth_and_a_time_figure(self):
        out_dir = os.path.join(self.tmp.name, "gradient_norms")
        done = run_script("gradient_norms.py", self.results, "-o", out_dir)
        self.assertEqual(done.returncode, 0, done.stderr)
        stems = ["gradient_norms_depth_deep_linear", "gradient_norms_time_linear_recurrence"]
        self.assertEqual(sorted(done.stdout.split()),
                         sorted(os.path.join(out_dir, f"{stem}.{ext}")
                                for stem in stems for ext in ("png", "pdf")))
        for stem in stems:
            self.assert_figure(out_dir, stem, 1)

    def test_lecture_figures_adds_the_gradient_norms_and_the_saddle_trajectories(self):
        out_dir = os.path.join(self.tmp.name, "lecture")
        done = run_script("lecture_figures.py", self.results, "-o", out_dir)
        self.assertEqual(done.returncode, 0, done.stderr)
        written = {os.path.basename(path) for path in done.stdout.split()}
        for stem in ("gradient_norms_depth_deep_linear", "gradient_norms_time_linear_recurrence",
                     "trajectories_saddle", "loss_saddle"):
            self.assertIn(f"{stem}.png", written)
            self.assertIn(f"{stem}.pdf", written)
        self.assertEqual(sorted(os.listdir(out_dir)), sorted(written))

    def test_the_saddle_trajectory_is_drawn_over_contours_of_both_signs(self):
        sys.path.insert(0, SCRIPTS)
        import objectives
        grid_x, grid_y, f = objectives.grid("saddle", {}, (-3.0, 3.0, -3.0, 3.0), 3)
        self.assertEqual(grid_x[0].tolist(), [-3.0, 0.0, 3.0])
        self.assertEqual(grid_y[:, 0].tolist(), [-3.0, 0.0, 3.0])
        self.assertEqual(f.tolist(), [[0.0, -9.0, 0.0], [9.0, 0.0, 9.0], [0.0, -9.0, 0.0]])  # x² − y²
        self.assertIsNone(objectives.known_minimum("saddle", {}))
        out_dir = os.path.join(self.tmp.name, "trajectories")
        done = run_script("trajectories.py", self.results, "-o", out_dir)
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(sorted(os.listdir(out_dir)),
                         ["trajectories_saddle.pdf", "trajectories_saddle.png"])
        self.assert_figure(out_dir, "trajectories_saddle", 1)


class ObjectivesFromTheProgram(unittest.TestCase):
    """analysis/plots/objectives.py asks `descent show --json` for minima and grids."""

    def setUp(self):
        sys.path.insert(0, SCRIPTS)
        import objectives
        self.objectives = objectives

    def test_minima_come_from_the_instance_the_run_used(self):
        beale = self.objectives.known_minimum("beale", {})
        self.assertEqual(beale.points.tolist(), [[3.0, 0.5]])
        self.assertEqual(beale.f, 0.0)
        shifted = self.objectives.known_minimum("rosenbrock", {"a": 2.0, "b": np.float64(50.0)})
        self.assertEqual(shifted.points.tolist(), [[2.0, 4.0]])
        quadratic = self.objectives.known_minimum(
            "quadratic", {"dim": np.int64(5), "spectrum": "linear", "eigenvalues": [], "rotate": False})
        self.assertEqual(quadratic.points.shape, (1, 5))
        six_hump = self.objectives.known_minimum("six_hump_camel", {})
        self.assertEqual(len(six_hump.points), 2)
        self.assertEqual(six_hump.f, -1.0316284534898774)

    def test_a_grid_holds_the_objective_s_values(self):
        grid_x, grid_y, f = self.objectives.grid("rosenbrock", {"a": 1.0, "b": 100.0},
                                                 (-1.0, 1.0, -1.0, 1.0), 3)
        expected = (1.0 - grid_x) ** 2 + 100.0 * (grid_y - grid_x**2) ** 2
        self.assertEqual(f.tolist(), expected.tolist())
        self.assertIsNone(self.objectives.grid("sphere", {}, (-1.0, 1.0, -1.0, 1.0), 3))

    def test_without_the_program_the_figures_have_paths_only(self):
        with tempfile.TemporaryDirectory(prefix="descent-plots-") as tmp:
            results = os.path.join(tmp, "synthetic.h5")
            write_results_file(results)
            environment = dict(os.environ, DESCENT_BINARY=os.path.join(tmp, "no-such-program"))
            done = subprocess.run([sys.executable, os.path.join(SCRIPTS, "trajectories.py"), results,
                                   "-o", os.path.join(tmp, "figures")],
                                  capture_output=True, text=True, timeout=300, env=environment)
            self.assertEqual(done.returncode, 0, done.stderr)
            self.assertIn("no descent program", done.stderr)
            self.assertEqual(sorted(os.listdir(os.path.join(tmp, "figures"))),
                             ["trajectories_beale.pdf", "trajectories_beale.png"])


class MinibatchLossCurves(unittest.TestCase):
    """loss_curves.py draws minibatch runs against examples seen with the full loss."""

    def setUp(self):
        sys.path.insert(0, SCRIPTS)
        import loss_curves
        import objectives
        import results
        self.loss_curves, self.objectives, self.results = loss_curves, objectives, results

    def run_with(self, settings, trace):
        return self.results.Run(
            run_id="r", objective="logistic_regression", optimizer="gd", label="gd", dim=4,
            start_index=0, repeat=0, status="max_iter", stop_reason="max_iter", iterations=20,
            f_final=0.3, x0=None, x_final=None, params={}, objective_params={}, trace=trace,
            settings=settings)

    def test_the_program_reports_the_number_of_terms(self):
        self.assertEqual(self.objectives.terms("logistic_regression", {"examples": np.int64(64)}), 64)
        self.assertEqual(self.objectives.terms("beale", {}), 1)

    def test_a_minibatch_run_is_drawn_with_its_full_loss_against_examples_seen(self):
        nan = float("nan")
        minibatch = self.run_with({"batch.size": np.int64(8)}, {
            "iter": np.array([0.0, 10.0, 20.0]), "f": np.array([0.9, 0.1, 0.2]),
            "full_loss": np.array([0.7, nan, 0.5])})
        x, loss = self.loss_curves._loss(minibatch, None, 64)
        self.assertEqual(x.tolist(), [0.0, 160.0])
        self.assertEqual(loss.tolist(), [0.7, 0.5])

    def test_a_full_batch_run_beside_them_sees_every_term_per_iteration(self):
        full = self.run_with({}, {"iter": np.array([0.0, 1.0, 2.0]), "f": np.array([0.7, 0.6, 0.55])})
        x, loss = self.loss_curves._loss(full, None, 64)
        self.assertEqual(x.tolist(), [0.0, 64.0, 128.0])
        self.assertEqual(loss.tolist(), [0.7, 0.6, 0.55])
        x, _ = self.loss_curves._loss(full, None, None)
        self.assertEqual(x.tolist(), [0.0, 1.0, 2.0])


class ReportFigureColours(unittest.TestCase):
    """report_figures.py colours a sweep by the swept value, read from runs.csv rows."""

    def setUp(self):
        sys.path.insert(0, SCRIPTS)
        import report_figures
        self.report_figures = report_figures

    @staticmethod
    def row(label, optimizer, lr, momentum=""):
        return {"label": label, "optimizer": optimizer, "optimizer.lr": lr, "optimizer.momentum": momentum}

    def test_a_sweep_over_lr_is_found_with_a_fixed_method_beside_it(self):
        runs = [self.row(f"gd lr={lr}", "gd", lr) for lr in ("0.01", "0.1", "0.3")]
        runs.append(self.row("nesterov", "nesterov", "0.05", "0.9"))
        labels = [row["label"] for row in runs]
        parameter, values, method = self.report_figures.swept_values(labels, runs)
        self.assertEqual(parameter, "lr")
        self.assertEqual(values, {"gd lr=0.01": 0.01, "gd lr=0.1": 0.1, "gd lr=0.3": 0.3, "nesterov": 0.05})
        styles, bar = self.report_figures.styles_for(labels, runs)
        self.assertEqual(bar[4], "lr")
        self.assertEqual(bar[5], ["gd", "nesterov"])
        self.assertNotEqual(styles["gd lr=0.01"]["linestyle"], styles["nesterov"]["linestyle"])

    def test_two_swept_parameters_or_two_values_are_no_sweep_colouring(self):
        two = [self.row(f"gd {lr}", "gd", lr) for lr in ("0.01", "0.1")]
        self.assertIsNone(self.report_figures.swept_values([row["label"] for row in two], two))
        both = [self.row(f"m {lr} {b}", "momentum", lr, b) for lr, b in (("0.1", "0.5"), ("0.2", "0.9"), ("0.3", "0.5"))]
        self.assertIsNone(self.report_figures.swept_values([row["label"] for row in both], both))
        styles, bar = self.report_figures.styles_for([row["label"] for row in both], both)
        self.assertIsNone(bar)


class ReportConvergenceDivergedMarkers(unittest.TestCase):
    """report_figures.py marks each diverged run of the convergence figure where it left the
    panel: at the top target, at its iterations, cost and seconds from runs.csv."""

    TARGETS = ("100", "1", "0.01")

    def setUp(self):
        sys.path.insert(0, SCRIPTS)
        import report_figures
        self.report_figures = report_figures

    @staticmethod
    def run_row(run_id, label, status, stop_reason, iterations, cost, seconds, instance="beale"):
        return {"run_id": run_id, "suite": "s", "instance": instance, "label": label, "optimizer": label,
                "status": status, "stop_reason": stop_reason, "iterations": iterations, "cost": cost,
                "seconds": seconds}

    def target_rows(self, label, successes):
        measures = {f"{m}_{q}": "5" for m in ("iterations", "cost", "seconds") for q in ("median", "q1", "q3")}
        return [{"objective": "beale", "label": label, "target": t, "precision": "abs", "runs": "2",
                 "successes": str(successes), "success_rate": str(successes / 2), "suite": "s", **measures}
                for t in self.TARGETS]

    def test_each_diverged_run_is_a_marker_at_the_top_target_at_its_end(self):
        runs = [self.run_row("a1", "gd", "diverged", "non_finite", "7", "15", "0.25"),
                self.run_row("a2", "gd", "max_iter", "diverged", "40", "81", "0.5"),
                self.run_row("b1", "adam", "converged", "converged_grad", "30", "31", "0.125"),
                self.run_row("b2", "adam", "converged", "converged_grad", "20", "21", "0.0625"),
                self.run_row("c1", "gd", "diverged", "non_finite", "3", "4", "0.01", instance="rosenbrock")]
        targets = self.target_rows("gd", 0) + self.target_rows("adam", 2)
        with tempfile.TemporaryDirectory() as out:
            paths = self.report_figures.convergence(targets, runs, out)
            markers_path = os.path.join(out, "convergence_beale_diverged.csv")
            self.assertIn(markers_path, paths)
            markers = self.report_figures.read_csv(markers_path)
            self.assertTrue(os.path.exists(os.path.join(out, "convergence_beale.png")))
        self.assertEqual([(m["label"], m["run_id"], m["stop_reason"]) for m in markers],
                         [("gd", "a1", "non_finite"), ("gd", "a2", "diverged")])
        self.assertEqual([(m["iterations"], m["cost"], m["seconds"]) for m in markers],
                         [("7", "15", "0.25"), ("40", "81", "0.5")])
        self.assertEqual({float(m["target"]) for m in markers}, {100.0})

    def test_without_a_diverged_run_no_marker_file(self):
        runs = [self.run_row("b1", "adam", "converged", "converged_grad", "30", "31", "0.125")]
        with tempfile.TemporaryDirectory() as out:
            paths = self.report_figures.convergence(self.target_rows("adam", 1), runs, out)
            self.assertFalse(any(path.endswith("_diverged.csv") for path in paths))
            self.assertFalse(os.path.exists(os.path.join(out, "convergence_beale_diverged.csv")))


if __name__ == "__main__":
    if len(sys.argv) != 2 or not os.path.isdir(sys.argv[1]):
        sys.exit(f"usage: {sys.argv[0]} ANALYSIS_PLOTS_DIR")
    SCRIPTS = os.path.abspath(sys.argv[1])
    unittest.main(argv=sys.argv[:1], verbosity=2)
