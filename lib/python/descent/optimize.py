"""descent.minimize: descent's optimizers on a Python function, in the calling convention of
scipy.optimize.minimize where it fits (docs/python.md, "Minimizing a function")."""

from dataclasses import dataclass, field
from typing import Any, Callable, Optional, Union

import numpy as np

from . import _descent


@dataclass
class Result:
    """One run: the last iterate, why it stopped, what it cost, and its recorded trace.

    status is "converged", "budget", "diverged" or "failed"; stop_reason the precise rule
    (docs/results.md). evals counts calls of f, ∇f, ∇²f and Hessian-vector products. trace
    holds one numpy array per column (iter, f, grad_norm, step_norm, lr, ..., and x with one
    row per recorded iterate when iterates are recorded).
    """

    x: np.ndarray
    f: float
    grad_norm: float
    stop_reason: str
    status: str
    iterations: int
    evals: dict
    seconds: float
    trace: dict = field(repr=False)

    @property
    def success(self) -> bool:
        """Whether a convergence rule ended the run (scipy's OptimizeResult.success)."""
        return self.status == "converged"

    @property
    def fun(self) -> float:
        """f at x, under scipy's name."""
        return self.f

    @property
    def nit(self) -> int:
        """Steps taken, under scipy's name."""
        return self.iterations


def minimize(
    fun: Union[Callable, "_descent.Objective"],
    x0,
    method: str = "adam",
    *,
    jac: Union[Callable, bool, None] = None,
    hess: Optional[Callable] = None,
    hessp: Optional[Callable] = None,
    seed: int = 0,
    **params: Any,
) -> Result:
    """Minimizes fun from x0 with descent's optimizer `method`.

    fun(x) -> f, with jac(x) -> ∇f, or fun(x) -> (f, ∇f) with jac=True; hess(x) -> ∇²f and
    hessp(x, v) -> ∇²f v for second-order methods. fun may instead be a descent.Objective.
    The other keyword arguments are the method's parameters (lr=..., line_search=...) and the
    run settings of a suite's [run] table: max_iter=..., stop={...}, record={...}, clip={...},
    schedule={...}, divergence={...}. Unknown names and values out of range raise
    descent.ConfigError (a ValueError); an exception raised by fun propagates; a value that is
    not finite ends the run with stop_reason "non_finite".
    """
    run_keys = set(_descent._run_settings_keys())
    settings = {key: params.pop(key) for key in list(params) if key in run_keys}
    x0 = np.asarray(x0, dtype=float)
    if x0.ndim != 1:
        raise _descent.ConfigError(f"x0 must be a 1-D array, got shape {x0.shape}")
    return Result(**_descent._minimize(fun, x0, method, jac, hess, hessp, params, settings, seed))
