"""descent.objectives() and descent.objective(): the registered objectives from Python."""

import numpy as np
import pytest

import descent
from conftest import EXACT_STEP


def test_objectives_lists_the_registered_names():
    names = descent.objectives()
    assert "rosenbrock" in names and "beale" in names
    assert len(names) == len(set(names))


def test_beale_value_gradient_and_hessian_match_the_hand_derived_values_at_1_1():
    # f = Σ tᵢ², t = (1.5 − x + xy, 2.25 − x + xy², 2.625 − x + xy³) = (1.5, 2.25, 2.625) at
    # (1, 1), where ∇tᵢ = (0, i) and ∇²tᵢ = [[0, i], [i, i(i − 1)]]:
    # f = 14.203125, ∇f = 2 Σ tᵢ∇tᵢ = (0, 27.75), ∇²f = 2 Σ (∇tᵢ∇tᵢᵀ + tᵢ∇²tᵢ).
    beale = descent.objective("beale")
    x = np.array([1.0, 1.0])
    assert beale.value(x) == pytest.approx(14.203125, rel=EXACT_STEP)
    np.testing.assert_allclose(beale.gradient(x), [0.0, 27.75], rtol=EXACT_STEP)
    np.testing.assert_allclose(beale.hessian(x), [[0.0, 27.75], [27.75, 68.5]], rtol=EXACT_STEP)


def test_hvp_equals_the_hessian_times_v():
    rosenbrock = descent.objective("extended_rosenbrock", dim=10)
    rng = np.random.default_rng(7)
    x, v = rng.normal(size=10), rng.normal(size=10)
    np.testing.assert_allclose(rosenbrock.hvp(x, v), rosenbrock.hessian(x) @ v, rtol=1e-12)


def test_parameters_are_validated_and_normalised_as_in_a_suite():
    rosenbrock = descent.objective("extended_rosenbrock", dim=10)
    assert rosenbrock.dim == 10 and rosenbrock.params["dim"] == 10 and rosenbrock.name == "extended_rosenbrock"
    with pytest.raises(ValueError, match="unknown key 'dimm'"):
        descent.objective("extended_rosenbrock", dimm=3)
    with pytest.raises(descent.ConfigError, match="unknown objective 'rosenbrok'"):
        descent.objective("rosenbrok")
    with pytest.raises(ValueError, match="key 'dim' must be"):
        descent.objective("extended_rosenbrock", dim="ten")


def test_minima_starts_and_domain_describe_the_problem():
    beale = descent.objective("beale")
    minimum = beale.minima[0]
    np.testing.assert_array_equal(minimum["x"], [3.0, 0.5])
    assert minimum["f"] == 0.0 and minimum["global"] is True
    assert beale.value(minimum["x"]) == 0.0
    assert all(start.shape == (2,) for start in beale.starts) and beale.starts
    lower, upper = beale.domain
    assert lower.shape == upper.shape == (2,) and np.all(lower < upper)
    assert isinstance(beale.constants, dict)


def test_arrays_of_the_wrong_size_are_refused():
    beale = descent.objective("beale")
    with pytest.raises(ValueError, match="x has 3 entries, the objective's dimension is 2"):
        beale.gradient(np.zeros(3))


def test_lists_and_integer_arrays_are_accepted_as_points():
    beale = descent.objective("beale")
    assert beale.value([1, 1]) == beale.value(np.array([1, 1])) == beale.value(np.ones(2))
