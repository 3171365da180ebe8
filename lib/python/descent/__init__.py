"""descent from Python: its objectives, its optimizers on your own functions, its suites,
and its results files as pandas DataFrames (docs/python.md).

    import descent
    result = descent.minimize(fun, x0, method="lbfgs", jac=grad)
    descent.objective("beale").hessian([1.0, 1.0])
    runs, traces = descent.read_results("results/lecture.h5")

read_results is pure Python (h5py, pandas): it works without the compiled extension, on files
from any machine. Everything else needs the extension descent._descent, built by CMake into
build/python/descent/ when pybind11 is installed.
"""

from .results import Results, read_results

try:
    from ._descent import ConfigError, Objective, objective, objectives, optimizers
except ModuleNotFoundError as error:
    if error.name != f"{__name__}._descent":
        raise
    _missing_extension = error

    def __getattr__(name):
        raise ImportError(
            f"descent.{name} needs the compiled extension descent._descent, which is not "
            "built here: configure and build descent with pybind11 installed, then put "
            "build/python on PYTHONPATH (docs/python.md); read_results works without it"
        ) from _missing_extension
else:
    from .optimize import Result, minimize
    from .suites import run_suite

__all__ = [
    "ConfigError",
    "Objective",
    "Result",
    "Results",
    "minimize",
    "objective",
    "objectives",
    "optimizers",
    "read_results",
    "run_suite",
]
