"""descent.minimize on Python callables and registered objectives."""

import gc
import weakref

import numpy as np
import pytest

import descent
from conftest import EXACT_STEP

A = np.array([1.0, 4.0])  # f(x) = ½ Σ aᵢ xᵢ², ∇f = a ⊙ x, ∇²f = diag(a)


def quadratic(x):
    return 0.5 * float(A @ (x * x))


def quadratic_gradient(x):
    return A * x


def rosenbrock(x):
    return 100.0 * (x[1] - x[0] ** 2) ** 2 + (1.0 - x[0]) ** 2


def rosenbrock_gradient(x):
    return np.array([-400.0 * x[0] * (x[1] - x[0] ** 2) - 2.0 * (1.0 - x[0]), 200.0 * (x[1] - x[0] ** 2)])


def rosenbrock_hessian(x):
    return np.array([[1200.0 * x[0] ** 2 - 400.0 * x[1] + 2.0, -400.0 * x[0]], [-400.0 * x[0], 200.0]])


def test_gradient_descent_takes_the_hand_computed_steps():
    # θₖ₊₁ = θₖ − ε a ⊙ θₖ with ε = 0.1: (1, 1) → (0.9, 0.6) → (0.81, 0.36).
    result = descent.minimize(quadratic, [1.0, 1.0], method="gd", jac=quadratic_gradient, lr=0.1,
                              max_iter=2, record={"x": True})
    np.testing.assert_allclose(result.trace["x"], [[1.0, 1.0], [0.9, 0.6], [0.81, 0.36]], rtol=EXACT_STEP)
    np.testing.assert_allclose(result.x, [0.81, 0.36], rtol=EXACT_STEP)
    assert result.stop_reason == "max_iter" and result.status == "budget" and not result.success
    assert result.iterations == result.nit == 2
    assert result.f == pytest.approx(quadratic(np.array([0.81, 0.36])), rel=EXACT_STEP)
    np.testing.assert_array_equal(result.trace["iter"], [0, 1, 2])
    assert result.trace["iter"].dtype == np.int64


def test_lbfgs_finds_the_minimum_of_rosenbrock():
    result = descent.minimize(rosenbrock, [-1.2, 1.0], method="lbfgs", jac=rosenbrock_gradient,
                              stop={"grad_norm": 1e-10})
    assert result.stop_reason == "converged_grad" and result.success
    np.testing.assert_allclose(result.x, [1.0, 1.0], atol=1e-8)
    assert result.evals["grad"] > 0 and result.evals["hess"] == 0


def test_fun_may_return_f_and_the_gradient_together():
    calls = []

    def fun(x):
        calls.append(1)
        return rosenbrock(x), rosenbrock_gradient(x)

    result = descent.minimize(fun, [-1.2, 1.0], method="bfgs", jac=True, stop={"grad_norm": 1e-8})
    assert result.success
    np.testing.assert_allclose(result.x, [1.0, 1.0], atol=1e-6)
    # Each evaluation the driver counts (f, ∇f, or both together) is one call of fun.
    assert result.evals["grad"] <= len(calls) <= result.evals["f"] + result.evals["grad"]


def test_newton_uses_hess_and_newton_cg_uses_hessp():
    newton = descent.minimize(rosenbrock, [-1.2, 1.0], method="newton", jac=rosenbrock_gradient,
                              hess=rosenbrock_hessian, stop={"grad_norm": 1e-10})
    assert newton.success and newton.evals["hess"] > 0
    np.testing.assert_allclose(newton.x, [1.0, 1.0], atol=1e-8)

    newton_cg = descent.minimize(rosenbrock, [-1.2, 1.0], method="newton_cg", jac=rosenbrock_gradient,
                                 hessp=lambda x, v: rosenbrock_hessian(x) @ v, stop={"grad_norm": 1e-10})
    assert newton_cg.success and newton_cg.evals["hvp"] > 0
    np.testing.assert_allclose(newton_cg.x, [1.0, 1.0], atol=1e-8)


def test_newton_on_a_quadratic_with_only_hessp_solves_it_in_one_step():
    result = descent.minimize(quadratic, [1.0, -2.0], method="newton", jac=quadratic_gradient,
                              hessp=lambda x, v: A * v, stop={"grad_norm": 1e-12})
    assert result.iterations == 1
    np.testing.assert_allclose(result.x, [0.0, 0.0], atol=1e-15)


def test_a_method_needing_second_derivatives_names_hess_and_hessp():
    with pytest.raises(ValueError, match="pass hess .* or hessp"):
        descent.minimize(quadratic, [1.0, 1.0], method="newton", jac=quadratic_gradient)


def test_a_gradient_is_required():
    with pytest.raises(ValueError, match="need the gradient"):
        descent.minimize(quadratic, [1.0, 1.0], method="gd")


def test_unknown_names_and_bad_values_raise_descents_messages():
    with pytest.raises(ValueError, match="unknown optimizer 'adamw'.*known optimizers: gd"):
        descent.minimize(quadratic, [1.0], method="adamw", jac=quadratic_gradient)
    with pytest.raises(ValueError, match=r"unknown key 'lrr'.* \(known keys: .*lr"):
        descent.minimize(quadratic, [1.0, 1.0], method="gd", jac=quadratic_gradient, lrr=0.1)
    with pytest.raises(ValueError, match="key 'lr' = -1 breaks the rule 0 < lr"):
        descent.minimize(quadratic, [1.0, 1.0], method="gd", jac=quadratic_gradient, lr=-1.0)
    with pytest.raises(ValueError, match="stop: key 'grad_norm' = -1 breaks the rule"):
        descent.minimize(quadratic, [1.0, 1.0], method="gd", jac=quadratic_gradient, stop={"grad_norm": -1})
    with pytest.raises(ValueError, match="key 'stop' must be a dict"):
        descent.minimize(quadratic, [1.0, 1.0], method="gd", jac=quadratic_gradient, stop=1e-6)
    with pytest.raises(ValueError, match="key 'eps_placement' = \"middle\" is not one of"):
        descent.minimize(quadratic, [1.0, 1.0], method="adam", jac=quadratic_gradient, eps_placement="middle")


def test_a_gradient_of_the_wrong_shape_is_a_value_error():
    with pytest.raises(ValueError, match=r"jac must return an array of shape \(2,\), got \(3,\)"):
        descent.minimize(quadratic, [1.0, 1.0], method="gd", jac=lambda x: np.zeros(3))


class Exploding:
    """A function that raises on its third call."""

    def __init__(self):
        self.calls = 0

    def __call__(self, x):
        self.calls += 1
        if self.calls == 3:
            raise KeyError("boom")
        return quadratic(x), quadratic_gradient(x)


def test_an_exception_in_the_callable_propagates_and_nothing_leaks():
    fun = Exploding()
    with pytest.raises(KeyError, match="boom"):
        descent.minimize(fun, [1.0, 1.0], method="gd", jac=True, lr=0.1, max_iter=10)
    assert fun.calls == 3
    # The run released every reference it held to the callable.
    reference = weakref.ref(fun)
    del fun
    gc.collect()
    assert reference() is None
    # And the module is still usable.
    assert descent.minimize(quadratic, [1.0, 1.0], method="gd", jac=quadratic_gradient, max_iter=1).iterations == 1


def test_a_non_finite_value_is_a_stop_reason():
    result = descent.minimize(lambda x: float("nan") if x[0] < 0.5 else quadratic(x), [1.0, 1.0],
                              method="gd", jac=quadratic_gradient, lr=0.3, max_iter=100)
    assert result.stop_reason == "non_finite" and result.status == "diverged"
    assert np.isnan(result.trace["f"][-1])


def test_a_diverging_run_keeps_its_trace():
    # ε = 1 > 2/L = 0.5: |1 − ε aᵢ| = 3 along the second axis, so f grows ninefold per step.
    result = descent.minimize(quadratic, [1.0, 1.0], method="gd", jac=quadratic_gradient, lr=1.0,
                              divergence={"f_above": 1e6})
    assert result.stop_reason == "diverged"
    assert result.trace["f"][-1] > 1e6 and len(result.trace["f"]) == result.iterations + 1


def test_schedules_and_clipping_apply_to_callables():
    result = descent.minimize(quadratic, [10.0, 10.0], method="gd", jac=quadratic_gradient, lr=0.1,
                              max_iter=4, schedule={"kind": "step", "period": 2, "factor": 0.5},
                              clip={"norm": 1.0})
    np.testing.assert_allclose(result.trace["lr"][1:], [0.1, 0.1, 0.05, 0.05], rtol=EXACT_STEP)
    assert result.trace["clipped"][0] == 1.0
    np.testing.assert_allclose(result.trace["grad_norm"][0], 1.0, rtol=EXACT_STEP)


def test_a_registered_objective_runs_without_callables():
    beale = descent.objective("beale")
    result = descent.minimize(beale, beale.starts[0], method="lbfgs", stop={"grad_norm": 1e-9})
    assert result.success
    np.testing.assert_allclose(result.x, beale.minima[0]["x"], atol=1e-6)
    with pytest.raises(ValueError, match="has its own derivatives"):
        descent.minimize(beale, beale.starts[0], method="lbfgs", jac=quadratic_gradient)
    with pytest.raises(ValueError, match="x0 has 3 entries"):
        descent.minimize(beale, np.zeros(3), method="lbfgs")


def test_the_callable_gets_its_own_copy_of_x():
    kept = []

    def fun(x):
        kept.append(x)
        return quadratic(x), quadratic_gradient(x)

    result = descent.minimize(fun, [1.0, 1.0], method="gd", jac=True, lr=0.1, max_iter=2)
    np.testing.assert_array_equal(kept[0], [1.0, 1.0])
    np.testing.assert_allclose(kept[-1], result.x, rtol=EXACT_STEP)


def test_a_framework_preset_and_switch_pass_through_the_parameters():
    # torch.optim.Adam(lr=0.1, amsgrad=True) with torch's defaults (β = 0.9, 0.999, ε = 1e-8
    # outside the root), written out by hand; the lecture's ε = 1e-7 would differ at 1e-8.
    x, m, v, v_max, xs = np.array([1.0, 1.0]), np.zeros(2), np.zeros(2), np.zeros(2), [np.array([1.0, 1.0])]
    for t in (1, 2):
        g = A * x
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        v_max = np.maximum(v_max, v)
        x = x - 0.1 * (m / (1 - 0.9**t)) / (np.sqrt(v_max / (1 - 0.999**t)) + 1e-8)
        xs.append(x)
    result = descent.minimize(quadratic, [1.0, 1.0], method="adam", jac=quadratic_gradient, preset="torch",
                              lr=0.1, amsgrad=True, max_iter=2, record={"x": True})
    np.testing.assert_allclose(result.trace["x"], xs, rtol=EXACT_STEP)
    with pytest.raises(ValueError, match="key 'preset' = \"pytorch\" is not one of \"lecture\", \"torch\""):
        descent.minimize(quadratic, [1.0, 1.0], method="adam", jac=quadratic_gradient, preset="pytorch")
