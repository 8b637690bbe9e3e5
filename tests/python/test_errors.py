"""Bad input gets a clear ValueError naming the culprit."""
import numpy as np
import pytest

import optiml
from conftest import rosen, rosen_der


@pytest.mark.parametrize("x0, match", [
    (np.zeros((2, 2)), r"x0 must be 1-D, got shape \(2, 2\)"),
    ([1.0, np.nan], r"x0\[1\] = nan is not finite"),
    ([np.inf, 1.0], r"x0\[0\] = inf is not finite"),
    ([], "x0 is empty"),
    ("ab", "x0 must be a 1-D array of real numbers"),
])
def test_bad_x0(x0, match):
    with pytest.raises(ValueError, match=match):
        optiml.minimize(rosen, x0, jac=rosen_der)


def test_gradient_of_wrong_shape():
    with pytest.raises(ValueError, match=r"jac returned shape \(3,\), expected \(2,\)"):
        optiml.minimize(rosen, [0.0, 0.0], jac=lambda x: np.zeros(3))
    with pytest.raises(ValueError, match=r"fun \(gradient part\) returned shape \(1,\)"):
        optiml.minimize(lambda x: (1.0, np.zeros(1)), [0.0, 0.0], jac=True)


def test_non_numbers_from_callables():
    with pytest.raises(ValueError, match="fun must return a real number, got str"):
        optiml.minimize(lambda x: "one", [0.0, 0.0], jac=rosen_der)
    with pytest.raises(ValueError, match=r"fun must return a real number, got an array of shape \(2,\)"):
        optiml.minimize(lambda x: x, [0.0, 0.0], jac=rosen_der)
    with pytest.raises(ValueError, match="fun must return a real number, got NoneType"):
        optiml.minimize(lambda x: None, [0.0, 0.0], jac=rosen_der)
    with pytest.raises(ValueError, match="jac must return an array of real numbers, got list"):
        optiml.minimize(rosen, [0.0, 0.0], jac=lambda x: ["a", "b"])
    with pytest.raises(ValueError, match="tuple"):
        optiml.minimize(lambda x: 1.0, [0.0, 0.0], jac=True)


def test_numpy_scalars_and_size_one_arrays_are_accepted():
    res = optiml.minimize(lambda x: np.float32(x @ x), [1.0, 1.0], jac=lambda x: 2 * x)
    assert res.success
    res = optiml.minimize(lambda x: np.array([x @ x]), [1.0, 1.0], jac=lambda x: (2 * x).tolist())
    assert res.success


def test_unknown_method_and_option():
    with pytest.raises(ValueError, match=r"unknown method 'simplex'; valid: .*lbfgs"):
        optiml.minimize(rosen, [0.0, 0.0], method="simplex")
    with pytest.raises(ValueError, match=r"unknown option 'memroy' for method 'lbfgs'; valid: .*memory"):
        optiml.minimize(rosen, [0.0, 0.0], options={"memroy": 5})
    with pytest.raises(ValueError, match="memory"):
        optiml.minimize(rosen, [0.0, 0.0], options={"memory": 0})
    with pytest.raises(ValueError, match="gtol"):
        optiml.minimize(rosen, [0.0, 0.0], options={"gtol": "tight"})
    with pytest.raises(ValueError, match="maxcor"):
        optiml.minimize(rosen, [0.0, 0.0], method="bfgs", options={"maxcor": 5})
    with pytest.raises(ValueError, match="must be a number, string or bool"):
        optiml.minimize(rosen, [0.0, 0.0], options={"gtol": [1e-3]})


def test_bounds_constraints_and_non_callables():
    with pytest.raises(ValueError, match="bounds are not supported"):
        optiml.minimize(rosen, [0.0, 0.0], method="L-BFGS-B", bounds=[(0, 1), (0, 1)])
    with pytest.raises(ValueError, match="constraints are not supported"):
        optiml.minimize(rosen, [0.0, 0.0], constraints=[{"type": "eq"}])
    with pytest.raises(ValueError, match="fun must be callable"):
        optiml.minimize(3.0, [0.0])
    with pytest.raises(ValueError, match="jac must be callable"):
        optiml.minimize(rosen, [0.0, 0.0], jac="exact")
    with pytest.raises(ValueError, match="callback must be callable"):
        optiml.minimize(rosen, [0.0, 0.0], callback=1)


def test_non_finite_values_end_the_run_with_a_status():
    res = optiml.minimize(lambda x: float("nan"), [1.0, 1.0], jac=lambda x: x)
    assert not res.success and res.reason == "numerical-error"


def test_keyboard_interrupt_stops_a_run():
    import _thread
    import threading

    def slow(x):
        return float(x @ x)

    calls = {"n": 0}

    def grad(x):
        calls["n"] += 1
        if calls["n"] == 20:
            threading.Thread(target=_thread.interrupt_main).start()
            threading.Event().wait(0.2)
        return 2 * x + 1e-3  # never converges

    with pytest.raises(KeyboardInterrupt):
        optiml.minimize(slow, [1.0, 1.0], jac=grad, method="gradient-descent",
                        options={"step_rule": "fixed", "step_size": 1e-3, "max_iterations": 10**9, "ftol": 0,
                                 "gtol": 0})
