"""``optiml.minimize``: scipy.optimize.minimize's call, optiml's solvers."""
from __future__ import annotations

import inspect
from typing import Any, Callable, Mapping, Sequence

import numpy as np

from . import _optiml
from ._methods import SCIPY_MINIMIZE_METHODS, resolve_method, solver_options
from ._problems import Problem
from ._result import OptimizeResult


def _wants_intermediate_result(callback: Callable | None) -> bool:
    """scipy's rule: a callback whose only parameter is named ``intermediate_result``
    receives an OptimizeResult; any other callback receives a copy of x."""
    if callback is None:
        return False
    if not callable(callback):
        raise ValueError(f"callback must be callable, got {type(callback).__name__}")
    try:
        params = list(inspect.signature(callback).parameters)
    except (TypeError, ValueError):
        return False
    return params == ["intermediate_result"]


def minimize(
    fun: Callable[..., Any] | Problem,
    x0: Sequence[float] | np.ndarray | None = None,
    args: tuple = (),
    method: str = "lbfgs",
    jac: Callable[..., Any] | bool | None = None,
    hess: Callable[..., Any] | None = None,
    hessp: Callable[..., Any] | None = None,
    bounds: Any = None,
    constraints: Any = None,
    tol: float | None = None,
    callback: Callable[..., Any] | None = None,
    options: Mapping[str, Any] | None = None,
) -> OptimizeResult:
    """Minimize a smooth function of a vector, with scipy.optimize.minimize's conventions.

    Parameters
    ----------
    fun : callable or optiml.problems.Problem
        ``fun(x, *args) -> float`` with x a read-only float64 array of shape (n,)
        (valid during the call only: copy it to keep it). With ``jac=True`` it
        returns ``(f, gradient)``. A built-in problem from ``optiml.problems.get``
        runs entirely in C++ (no Python call per evaluation).
    x0 : array_like, shape (n,)
        Start point (finite). May be omitted for a built-in problem (its standard start).
    args : tuple
        Extra arguments passed to fun, jac, hess and hessp.
    method : str
        A registry name (``optiml.solvers()``): ``lbfgs`` (default), ``bfgs``, ``cg``,
        ``gradient-descent``, ``heavy-ball``, ``nesterov``, ``newton``, ``newton-cg``,
        ``trust-dogleg``, ``trust-steihaug``, ``trust-cauchy``, an alias, or scipy's
        spelling (``L-BFGS-B`` without bounds, ``BFGS``, ``CG``, ``Newton-CG``,
        ``trust-ncg``, ``dogleg``); case-insensitive.
    jac : callable, True or None
        ``jac(x, *args) -> array (n,)``; True when fun returns (f, g); None uses
        central finite differences (2n extra calls of fun per gradient; the
        result's message says so).
    hess, hessp : callable, optional
        ``hess(x, *args) -> (n, n)`` and ``hessp(x, p, *args) -> (n,)`` for the
        second-order methods; without them those methods use finite differences
        of the gradient.
    bounds, constraints :
        Not supported by these unconstrained methods: anything but None raises ValueError.
    tol : float, optional
        Sets ``gtol`` (the gradient infinity-norm test) unless options give it.
    callback : callable, optional
        Called after each iteration. ``callback(intermediate_result)`` (the
        parameter must have that name) receives an OptimizeResult with ``x``,
        ``fun``, ``nit``, ``optimality``, ``step``; any other callable receives a
        copy of x. Raising StopIteration ends the run successfully.
    options : dict, optional
        The solver's options by registry name (``optiml.solvers()`` lists them,
        e.g. ``memory``, ``gtol``, ``max_iterations``, ``line_search``) or scipy's
        common names: ``maxiter``, ``gtol``, ``ftol``, ``xtol``, ``maxcor``,
        ``maxfun``/``maxfev``, ``disp`` (print the summary at the end).

    Returns
    -------
    OptimizeResult
        ``x, fun, jac, nit, nfev, njev, nhev, status, success, message`` as in
        scipy, plus ``reason``, ``optimality``, ``method``, ``time``, ``trace``
        (dict of NumPy arrays, one entry per iteration) and ``summary()``.

    Raises
    ------
    ValueError
        Unknown method or option (listing the valid ones), a bad option value,
        x0 of the wrong shape or not finite, a callable that returns the wrong
        shape or a non-number. Exceptions raised by the callables propagate
        unchanged; Ctrl-C raises KeyboardInterrupt at the next iteration.

    Examples
    --------
    >>> import numpy as np, optiml
    >>> def rosen(x):
    ...     return 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2
    >>> res = optiml.minimize(rosen, np.array([-1.2, 1.0]), method="bfgs")
    >>> bool(res.success), np.allclose(res.x, [1, 1], atol=1e-4)
    (True, True)
    """
    if bounds is not None:
        raise ValueError("bounds are not supported yet by optiml.minimize (its methods are unconstrained); "
                         "pass bounds=None")
    if constraints is not None and constraints != () and constraints != []:
        raise ValueError("constraints are not supported yet by optiml.minimize; pass constraints=None")
    if not isinstance(args, tuple):
        args = (args,)
    intermediate = _wants_intermediate_result(callback)
    if isinstance(fun, Problem):
        name = resolve_method(method, SCIPY_MINIMIZE_METHODS, least_squares=False,
                              allow_least_squares=fun.least_squares)
        settings, py_side = solver_options(name, options, tol)
        raw = _optiml.minimize_problem(fun._core, x0, name, settings, callback, intermediate)
    else:
        if not callable(fun):
            raise ValueError(f"fun must be callable or an optiml problem, got {type(fun).__name__}")
        if x0 is None:
            raise ValueError("x0 is required for a Python objective")
        name = resolve_method(method, SCIPY_MINIMIZE_METHODS, least_squares=False)
        settings, py_side = solver_options(name, options, tol)
        raw = _optiml.minimize_callables(fun, x0, args, name, jac, hess, hessp, settings, callback, intermediate)
    res = OptimizeResult(raw)
    if py_side.get("disp"):
        print(res.summary())
    return res
