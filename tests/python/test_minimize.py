"""optiml.minimize on NumPy objectives and built-in problems: every method reaches the minimum."""
import numpy as np
import pytest

import optiml
from conftest import rosen, rosen_der, rosen_hess, rosen_hessp

SMOOTH = [s["name"] for s in optiml.solvers() if s["family"] == "smooth"]
X0 = np.array([-1.2, 1.0])


@pytest.mark.parametrize("method", SMOOTH)
def test_every_method_solves_rosenbrock_with_derivatives(method):
    first_order = method in ("gradient-descent", "heavy-ball", "nesterov", "trust-cauchy")
    res = optiml.minimize(rosen, X0, jac=rosen_der, hess=rosen_hess, hessp=rosen_hessp, method=method,
                          options={"maxiter": 200000 if first_order else 2000, "gtol": 1e-7})
    assert res.success, res.message
    assert np.allclose(res.x, [1.0, 1.0], atol=1e-4), res.x
    assert res.fun < 1e-8
    assert res.method == method
    assert res.nfev > 0 and res.njev > 0
    assert np.allclose(res.jac, rosen_der(res.x))


@pytest.mark.parametrize("method", ["lbfgs", "bfgs", "cg", "newton-cg", "trust-steihaug", "newton"])
def test_quadratic_in_numpy(method):
    rng = np.random.default_rng(1)
    Q = rng.standard_normal((6, 6))
    A = Q @ Q.T + 6 * np.eye(6)
    b = rng.standard_normal(6)
    res = optiml.minimize(lambda x: 0.5 * x @ A @ x - b @ x, np.zeros(6), jac=lambda x: A @ x - b,
                          hess=lambda x: A, method=method, options={"gtol": 1e-10})
    assert res.success
    assert np.allclose(res.x, np.linalg.solve(A, b), atol=1e-8)


def test_jac_true_means_fun_returns_value_and_gradient():
    calls = []

    def fg(x):
        calls.append(1)
        return rosen(x), rosen_der(x)

    res = optiml.minimize(fg, X0, jac=True, method="lbfgs")
    assert res.success and np.allclose(res.x, 1.0, atol=1e-5)
    assert res.nfev == res.njev == len(calls) - 1  # the final gradient is not counted


def test_missing_gradient_uses_finite_differences_and_says_so():
    res = optiml.minimize(rosen, X0, method="bfgs")
    assert res.success and np.allclose(res.x, 1.0, atol=1e-5)
    assert res.finite_difference_gradient
    assert "finite differences" in res.message
    assert res.njev == 0 and res.nfev > res.nit


def test_args_reach_every_callable():
    a = np.array([3.0, -2.0])
    res = optiml.minimize(lambda x, c: np.sum((x - c) ** 2), np.zeros(2), args=(a,),
                          jac=lambda x, c: 2 * (x - c), hess=lambda x, c: 2 * np.eye(2), method="newton")
    assert np.allclose(res.x, a)


def test_scipy_method_spellings_and_aliases():
    for method, name in [("L-BFGS-B", "lbfgs"), ("BFGS", "bfgs"), ("CG", "cg"), ("Newton-CG", "newton-cg"),
                         ("trust-ncg", "trust-steihaug"), ("dogleg", "trust-dogleg"), ("L-BFGS", "lbfgs"),
                         ("GD", "gradient-descent"), ("Trust-Dogleg", "trust-dogleg")]:
        res = optiml.minimize(rosen, X0, jac=rosen_der, hess=rosen_hess, method=method,
                              options={"maxiter": 100000})
        assert res.method == name, (method, res.method)


def test_scipy_option_names():
    res = optiml.minimize(rosen, X0, jac=rosen_der, method="L-BFGS-B", options={"maxiter": 3, "maxcor": 3})
    assert res.nit == 3 and res.status == 1 and not res.success
    assert res.reason == "max-iterations"
    res = optiml.minimize(rosen, X0, jac=rosen_der, tol=1e-3)
    assert res.optimality <= 1e-3 and res.message.endswith("gtol 0.001")


def test_trace_is_a_dict_of_arrays():
    res = optiml.minimize(rosen, X0, jac=rosen_der, method="lbfgs")
    t = res.trace
    assert len(t["iteration"]) == res.nit + 1
    assert np.array_equal(t["iteration"], np.arange(res.nit + 1))
    assert t["f"][0] == pytest.approx(rosen(X0)) and t["f"][-1] == pytest.approx(res.fun)
    assert np.all(np.diff(t["f"]) <= 1e-12)  # Wolfe steps decrease f
    assert set(t["accepted_by"][1:]) == {"strong-wolfe"}
    for key in ("time", "optimality", "step", "ls_trials", "tr_radius", "f_evals", "g_evals"):
        assert len(t[key]) == len(t["iteration"])
    momentum = optiml.minimize(rosen, X0, jac=rosen_der, method="heavy-ball", options={"maxiter": 100}).trace
    assert "momentum" in momentum and len(momentum["momentum"]) == 101


def test_summary_and_repr():
    res = optiml.minimize(rosen, X0, jac=rosen_der)
    assert "optiml lbfgs: converged-gradient" in res.summary()
    assert "fun" in repr(res) and "trace" in repr(res)


def test_callback_with_intermediate_result_and_stop_iteration():
    seen = []

    def callback(intermediate_result):
        seen.append((intermediate_result.nit, intermediate_result.fun, intermediate_result.x.copy()))
        if intermediate_result.nit == 5:
            raise StopIteration

    res = optiml.minimize(rosen, X0, jac=rosen_der, callback=callback)
    assert [s[0] for s in seen] == [1, 2, 3, 4, 5]
    assert res.nit == 5 and res.success and res.reason == "stopped-by-observer"
    assert seen[-1][1] == pytest.approx(res.fun)


def test_legacy_callback_receives_a_copy_of_x():
    xs = []
    optiml.minimize(rosen, X0, jac=rosen_der, callback=lambda xk: xs.append(xk))
    assert len(xs) > 10 and all(x.flags.writeable for x in xs)
    assert not np.array_equal(xs[0], xs[-1])  # copies, not one buffer seen many times


def test_objective_sees_a_read_only_float64_view():
    seen = {}

    def f(x):
        seen["dtype"], seen["writeable"], seen["shape"] = x.dtype, x.flags.writeable, x.shape
        return float(x @ x)

    optiml.minimize(f, [1, 2, 3], jac=lambda x: 2 * x, options={"maxiter": 2})
    assert seen == {"dtype": np.float64, "writeable": False, "shape": (3,)}


def test_exception_in_callable_propagates_with_traceback():
    class Boom(RuntimeError):
        pass

    def f(x):
        if x[0] > 0:
            raise Boom("from the objective")
        return float(x @ x)

    with pytest.raises(Boom, match="from the objective") as info:
        optiml.minimize(f, [-1.0, 1.0], jac=lambda x: np.array([-10.0, 0.0]), method="gradient-descent",
                        options={"step_rule": "armijo"})
    assert any("in f" in str(tb.name) or tb.name == "f" for tb in info.traceback)


def test_builtin_problem_runs_in_cpp_and_matches_its_f_star():
    p = optiml.problems.get("extended-rosenbrock", 10000)
    res = optiml.minimize(p, options={"gtol": 1e-8})
    assert res.success and res.fun < 1e-12 and res.x.shape == (10000,)
    assert np.allclose(res.x, p.x_star, atol=1e-5)
    mgh = optiml.problems.get("mgh-helical-valley")
    res = optiml.minimize(mgh, method="levenberg-marquardt", options={"gtol": 1e-10})
    assert abs(res.fun - mgh.f_star) < 1e-10


@pytest.mark.parametrize("name", ["rosenbrock", "beale", "booth", "matyas", "three-hump-camel", "himmelblau",
                                  "quadratic", "mgh-wood", "mgh-powell-singular", "mgh-brown-dennis"])
def test_builtin_problems_through_python_callables(name):
    """The problem's own callables handed to minimize as Python functions reach f*."""
    p = optiml.problems.get(name)
    res = optiml.minimize(p.fun, p.x0, jac=p.jac, hess=p.hess, method="trust-dogleg",
                          options={"gtol": 1e-9, "maxiter": 5000})
    assert res.success, res.message
    assert abs(res.fun - p.f_star) <= 1e-6 * max(1.0, abs(p.f_star))


@pytest.mark.parametrize("method", SMOOTH)
@pytest.mark.parametrize("name", ["rosenbrock", "beale", "booth", "matyas", "quadratic", "mgh-helical-valley"])
def test_every_method_on_builtin_problems(method, name):
    """Each smooth method, run on the built-in problem object (C++ objective), reaches its f*."""
    p = optiml.problems.get(name)
    first_order = method in ("gradient-descent", "heavy-ball", "nesterov", "trust-cauchy")
    res = optiml.minimize(p, method=method, options={"gtol": 1e-9, "maxiter": 200000 if first_order else 5000})
    assert res.success, res.message
    assert abs(res.fun - p.f_star) <= 1e-6 * max(1.0, abs(p.f_star)), (res.fun, p.f_star)


@pytest.mark.parametrize("method", ["gauss-newton", "levenberg-marquardt"])
@pytest.mark.parametrize("name", ["mgh-rosenbrock", "mgh-bard", "mgh-kowalik-osborne", "mgh-osborne-2"])
def test_least_squares_methods_on_builtin_problems(method, name):
    p = optiml.problems.get(name)
    res = optiml.minimize(p, method=method, options={"gtol": 1e-10})
    assert abs(res.fun - p.f_star) <= 1e-6 * max(1.0, abs(p.f_star)), (res.fun, p.f_star)
