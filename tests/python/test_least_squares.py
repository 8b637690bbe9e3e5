"""optiml.least_squares: Gauss-Newton and Levenberg-Marquardt on NumPy residuals."""
import numpy as np
import pytest

import optiml

T = np.linspace(0.0, 3.0, 40)
Y = 2.5 * np.exp(-1.3 * T) + 0.5


def residual(p):
    return p[0] * np.exp(-p[1] * T) + p[2] - Y


def jacobian(p):
    e = np.exp(-p[1] * T)
    return np.column_stack([e, -p[0] * T * e, np.ones_like(T)])


@pytest.mark.parametrize("method", ["lm", "levenberg-marquardt", "gauss-newton", "gn"])
@pytest.mark.parametrize("jac", [jacobian, None, "2-point"])
def test_exponential_fit(method, jac):
    res = optiml.least_squares(residual, [1.0, 1.0, 0.0], jac=jac, method=method, gtol=1e-12)
    assert res.success, res.message
    assert np.allclose(res.x, [2.5, 1.3, 0.5], atol=1e-6)
    assert res.cost < 1e-14
    assert res.fun.shape == (40,) and res.jac.shape == (40, 3)
    assert np.allclose(res.grad, res.jac.T @ res.fun)
    assert res.finite_difference_jacobian == (not callable(jac))


def test_matches_scipy_on_rosenbrock_residuals():
    scipy_opt = pytest.importorskip("scipy.optimize")
    fun = lambda x: np.array([10 * (x[1] - x[0] ** 2), 1 - x[0]])  # noqa: E731
    ours = optiml.least_squares(fun, [-1.2, 1.0])
    theirs = scipy_opt.least_squares(fun, [-1.2, 1.0], method="lm")
    assert np.allclose(ours.x, theirs.x, atol=1e-7)
    assert ours.cost == pytest.approx(theirs.cost, abs=1e-12)


def test_unknown_method_lists_the_valid_ones():
    with pytest.raises(ValueError, match="unknown least-squares method 'trf'.*levenberg-marquardt"):
        optiml.least_squares(residual, [1.0, 1.0, 0.0], method="trf")


def test_residuals_of_wrong_length_are_rejected():
    calls = {"n": 0}

    def bad(p):
        calls["n"] += 1
        return np.ones(3 if calls["n"] == 1 else 4)

    with pytest.raises(ValueError, match=r"fun returned shape \(4,\), expected \(3,\)"):
        optiml.least_squares(bad, [1.0, 2.0])
