"""optiml.solvers() and optiml.problems: the registry and the test problems from Python."""
import numpy as np
import pytest

import optiml

REQUIRED = {"gradient-descent", "heavy-ball", "nesterov", "cg", "newton", "bfgs", "lbfgs", "newton-cg",
            "trust-dogleg", "trust-steihaug", "gauss-newton", "levenberg-marquardt"}


def test_solvers_list_names_options_and_defaults():
    solvers = {s["name"]: s for s in optiml.solvers()}
    assert REQUIRED <= set(solvers)
    lbfgs = solvers["lbfgs"]
    options = {o["name"]: o for o in lbfgs["options"]}
    assert options["memory"]["default"] == "10" and options["memory"]["doc"]
    assert {"gtol", "ftol", "xtol", "max_iterations", "max_evaluations", "max_seconds"} <= set(options)
    assert solvers["levenberg-marquardt"]["least_squares_only"]


def test_problems_list_and_get():
    listing = optiml.problems()
    names = [p["name"] for p in listing]
    assert "rosenbrock" in names and sum(n.startswith("mgh-") for n in names) >= 25
    p = optiml.problems.get("rosenbrock")
    assert p.dim == 2 and np.array_equal(p.x0, [-1.2, 1.0]) and p.f_star == 0.0
    assert p.fun(p.x0) == pytest.approx(24.2)
    assert np.allclose(p.jac([1.0, 1.0]), 0.0)
    f, g = p.fun_and_jac(p.x0)
    assert f == pytest.approx(24.2) and g.shape == (2,)
    assert np.allclose(p.hess([1.0, 1.0]), [[802.0, -400.0], [-400.0, 200.0]])
    assert np.allclose(p.hessp([1.0, 1.0], [1.0, 0.0]), [802.0, -400.0])
    big = optiml.problems.get("extended-rosenbrock", 100)
    assert big.dim == 100
    mgh = optiml.problems.get("mgh-bard")
    assert mgh.least_squares and mgh.residuals(mgh.x0).shape == (15,)
    assert mgh.published_f == pytest.approx(2 * mgh.f_star)


def test_problem_errors_are_value_errors():
    with pytest.raises(ValueError, match="unknown problem 'nope'"):
        optiml.problems.get("nope")
    with pytest.raises(ValueError, match="extended-rosenbrock"):
        optiml.problems.get("extended-rosenbrock", 3)
    with pytest.raises(ValueError, match="dim must be an integer"):
        optiml.problems.get("rosenbrock", 2.5)
    with pytest.raises(ValueError, match="not a least-squares problem"):
        optiml.problems.get("rosenbrock").residuals([0.0, 0.0])


def test_help_is_a_manual_page():
    for f in (optiml.minimize, optiml.least_squares, optiml.solvers, optiml.problems.get):
        assert f.__doc__ and len(f.__doc__) > 80
    assert "Parameters" in optiml.minimize.__doc__ and "Returns" in optiml.minimize.__doc__


def test_docstring_examples_run():
    import doctest

    import optiml._least_squares
    import optiml._minimize

    for module in (optiml._minimize, optiml._least_squares):
        failed, attempted = doctest.testmod(module, raise_on_error=False)
        assert attempted > 0 and failed == 0, module.__name__


def test_cpp_autodiff_objective_registered_by_name():
    """A C++ objective made with ad::make_objective and registered by name (python/src/registered_objectives.cpp)."""
    assert "ad-styblinski-tang" in optiml.problems.names()
    p = optiml.problems.get("ad-styblinski-tang", 6)
    assert p.has_hessian
    for method in ("newton", "trust-dogleg", "lbfgs", "newton-cg"):
        res = optiml.minimize(p, method=method, options={"gtol": 1e-10})
        assert res.success, (method, res.message)
        assert res.fun == pytest.approx(p.f_star, rel=1e-12), method
        assert np.allclose(res.x, p.x_star, atol=1e-8), method
    # The AD derivatives agree with the closed forms.
    x = np.linspace(-2, 2, 6)
    assert np.allclose(p.jac(x), 2 * x ** 3 - 16 * x + 2.5)
    assert np.allclose(p.hess(x), np.diag(6 * x ** 2 - 16))
