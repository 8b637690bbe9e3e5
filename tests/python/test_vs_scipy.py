"""Side by side with scipy.optimize.minimize on the same NumPy objectives: same f* within tolerance."""
import numpy as np
import pytest

import optiml
from conftest import make_logistic, rosen, rosen_der, rosen_hess

scipy_opt = pytest.importorskip("scipy.optimize")


def beale(x):
    return float((1.5 - x[0] + x[0] * x[1]) ** 2 + (2.25 - x[0] + x[0] * x[1] ** 2) ** 2
                 + (2.625 - x[0] + x[0] * x[1] ** 3) ** 2)


def himmelblau(x):
    return float((x[0] ** 2 + x[1] - 11) ** 2 + (x[0] + x[1] ** 2 - 7) ** 2)


def booth(x):
    return float((x[0] + 2 * x[1] - 7) ** 2 + (2 * x[0] + x[1] - 5) ** 2)


def powell_singular(x):
    return float((x[0] + 10 * x[1]) ** 2 + 5 * (x[2] - x[3]) ** 2 + (x[1] - 2 * x[2]) ** 4
                 + 10 * (x[0] - x[3]) ** 4)


def wood(x):
    return float(100 * (x[0] ** 2 - x[1]) ** 2 + (x[0] - 1) ** 2 + (x[2] - 1) ** 2 + 90 * (x[2] ** 2 - x[3]) ** 2
                 + 10.1 * ((x[1] - 1) ** 2 + (x[3] - 1) ** 2) + 19.8 * (x[1] - 1) * (x[3] - 1))


CASES = [
    ("rosenbrock-5", rosen, rosen_der, np.array([-1.2, 1.0, -1.2, 1.0, -1.2])),
    ("beale", beale, None, np.array([1.0, 1.0])),
    ("himmelblau", himmelblau, None, np.array([0.0, 0.0])),
    ("booth", booth, None, np.array([0.0, 0.0])),
    ("powell-singular", powell_singular, None, np.array([3.0, -1.0, 0.0, 1.0])),
    ("wood", wood, None, np.array([-3.0, -1.0, -3.0, -1.0])),
]
PAIRS = [("lbfgs", "L-BFGS-B"), ("bfgs", "BFGS"), ("cg", "CG")]


@pytest.mark.parametrize("name, f, g, x0", CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("ours, theirs", PAIRS, ids=[p[0] for p in PAIRS])
def test_same_optimal_value_as_scipy(name, f, g, x0, ours, theirs):
    """Every case has f* = 0. Finite-difference gradients (g None) cannot resolve
    gtol 1e-8, so those runs use 1e-6 on both sides."""
    opts = {"gtol": 1e-8 if g is not None else 1e-6, "maxiter": 20000}
    mine = optiml.minimize(f, x0, jac=g, method=ours, options=opts)
    ref = scipy_opt.minimize(f, x0, jac=g, method=theirs, options=opts)
    assert mine.success, mine.message
    assert mine.fun == pytest.approx(0.0, abs=1e-8)
    # As good as scipy's (which stops at a non-minimizing point on some cases, e.g. L-BFGS-B on wood).
    assert mine.fun <= ref.fun + 1e-8


def test_logistic_regression_matches_scipy_newton_and_lbfgs(logistic):
    f, g, h, d = logistic
    ref = scipy_opt.minimize(f, np.zeros(d), jac=g, hess=h, method="trust-exact", options={"gtol": 1e-12})
    for method in ["lbfgs", "bfgs", "newton", "newton-cg", "trust-dogleg", "trust-steihaug", "cg", "nesterov"]:
        res = optiml.minimize(f, np.zeros(d), jac=g, hess=h, method=method,
                              options={"gtol": 1e-9, "maxiter": 100000})
        assert res.success, (method, res.message)
        assert res.fun == pytest.approx(ref.fun, abs=1e-12), method
        assert np.allclose(res.x, ref.x, atol=1e-6), method


def test_same_iterates_as_scipy_lbfgsb_on_rosenbrock():
    """Same algorithm (m = 10, strong Wolfe): the same number of iterations."""
    x0 = np.tile([-1.2, 1.0], 50)
    mine = optiml.minimize(rosen, x0, jac=rosen_der, method="lbfgs", options={"gtol": 1e-5, "ftol": 0})
    ref = scipy_opt.minimize(rosen, x0, jac=rosen_der, method="L-BFGS-B",
                             options={"gtol": 1e-5, "ftol": 0, "maxcor": 10})
    assert mine.success and ref.success
    assert abs(mine.nit - ref.nit) <= max(3, ref.nit // 10)
    assert mine.fun == pytest.approx(ref.fun, abs=1e-8)


def test_hessian_methods_agree_with_scipy_trust_region():
    x0 = np.array([-1.2, 1.0])
    ref = scipy_opt.minimize(rosen, x0, jac=rosen_der, hess=rosen_hess, method="trust-ncg")
    mine = optiml.minimize(rosen, x0, jac=rosen_der, hess=rosen_hess, method="trust-ncg")
    assert mine.method == "trust-steihaug"
    assert np.allclose(mine.x, ref.x, atol=1e-5)
