"""``optiml.least_squares``: scipy.optimize.least_squares' call for Gauss-Newton and Levenberg-Marquardt."""
from __future__ import annotations

from typing import Any, Callable, Mapping, Sequence

import numpy as np

from . import _optiml
from ._methods import SCIPY_LEAST_SQUARES_METHODS, resolve_method, solver_options
from ._minimize import _wants_intermediate_result
from ._result import OptimizeResult


def least_squares(
    fun: Callable[..., Any],
    x0: Sequence[float] | np.ndarray,
    jac: Callable[..., Any] | str | None = None,
    method: str = "lm",
    args: tuple = (),
    xtol: float | None = None,
    ftol: float | None = None,
    gtol: float | None = None,
    max_nfev: int | None = None,
    callback: Callable[..., Any] | None = None,
    options: Mapping[str, Any] | None = None,
) -> OptimizeResult:
    """Minimize 1/2 sum_i r_i(x)^2, in the spirit of scipy.optimize.least_squares.

    Parameters
    ----------
    fun : callable
        ``fun(x, *args) -> array (m,)``, the residuals; x is a read-only float64
        array of shape (n,), valid during the call only.
    x0 : array_like, shape (n,)
        Start point (finite).
    jac : callable or None
        ``jac(x, *args) -> array (m, n)``; None (or scipy's ``"2-point"``) uses
        forward finite differences.
    method : str
        ``"lm"`` (Levenberg-Marquardt, default), ``"levenberg-marquardt"``,
        ``"gauss-newton"`` / ``"gn"``. scipy's ``"trf"`` and ``"dogbox"`` (bounded
        methods) are not available.
    xtol, ftol, gtol, max_nfev : optional
        Tolerances on the step, the relative change of the cost, the gradient
        infinity norm, and the evaluation budget.
    callback : callable, optional
        As in :func:`optiml.minimize`; StopIteration ends the run.
    options : dict, optional
        Any other option of the solver by registry name (``optiml.solvers()``).

    Returns
    -------
    OptimizeResult
        ``x``, ``cost`` (1/2 |r|^2), ``fun`` (residuals at x), ``jac`` (m, n),
        ``grad`` (J^T r), ``optimality`` (gradient infinity norm), ``nfev``,
        ``njev``, ``nit``, ``status``, ``success``, ``message``, ``reason``,
        ``trace`` and ``summary()``.

    Examples
    --------
    >>> import numpy as np, optiml
    >>> t = np.linspace(0, 1, 20); y = 2.0 * np.exp(-1.5 * t)
    >>> res = optiml.least_squares(lambda p: p[0] * np.exp(-p[1] * t) - y, [1.0, 1.0])
    >>> np.allclose(res.x, [2.0, 1.5])
    True
    """
    if isinstance(jac, str):
        if jac not in ("2-point", "3-point", "cs"):
            raise ValueError(f"jac must be a callable, None or '2-point', got '{jac}'")
        jac = None
    if not isinstance(args, tuple):
        args = (args,)
    name = resolve_method(method, SCIPY_LEAST_SQUARES_METHODS, least_squares=True)
    opts = dict(options or {})
    for key, value in (("xtol", xtol), ("ftol", ftol), ("gtol", gtol), ("max_nfev", max_nfev)):
        if value is not None:
            opts[key] = value
    settings, py_side = solver_options(name, opts, None)
    raw = _optiml.least_squares_callables(fun, x0, args, name, jac, settings, callback,
                                          _wants_intermediate_result(callback))
    res = OptimizeResult(raw)
    if py_side.get("disp"):
        print(res.summary())
    return res
