"""Method names and option names: optiml's registry names, their aliases, and scipy's spellings."""
from __future__ import annotations

from typing import Any, Mapping

from . import _optiml

# scipy.optimize.minimize method -> optiml registry name (lower-cased keys).
SCIPY_MINIMIZE_METHODS = {
    "l-bfgs-b": "lbfgs",
    "bfgs": "bfgs",
    "cg": "cg",
    "newton-cg": "newton-cg",
    "trust-ncg": "trust-steihaug",
    "dogleg": "trust-dogleg",
}
# scipy.optimize.least_squares method -> optiml registry name.
SCIPY_LEAST_SQUARES_METHODS = {"lm": "levenberg-marquardt"}

# scipy option name -> optiml option name (applied when the solver has that option).
SCIPY_OPTIONS = {
    "maxiter": "max_iterations",
    "maxfun": "max_evaluations",
    "maxfev": "max_evaluations",
    "max_nfev": "max_evaluations",
    "maxcor": "memory",
    "gtol": "gtol",
    "ftol": "ftol",
    "xtol": "xtol",
}
# Accepted for scipy compatibility, handled in Python (not passed to the solver).
PYTHON_OPTIONS = {"disp"}


def _solver_table() -> dict[str, dict]:
    return {s["name"]: s for s in _optiml.solvers()}


def resolve_method(method: str, scipy_names: Mapping[str, str], least_squares: bool,
                   allow_least_squares: bool = False) -> str:
    """The registry name for ``method``; ValueError listing the valid names.

    least_squares: only the least-squares family (``optiml.least_squares``);
    allow_least_squares: also those methods (a built-in least-squares problem).
    """
    if not isinstance(method, str):
        raise ValueError(f"method must be a string, got {type(method).__name__}")
    key = method.strip().lower()
    if key in scipy_names:
        return scipy_names[key]
    table = _solver_table()
    names = {}
    for s in table.values():
        if s["least_squares_only"] and not (least_squares or allow_least_squares):
            continue
        if least_squares and s["family"] != "least-squares":
            continue
        for n in [s["name"], *s["aliases"]]:
            names[n.lower()] = s["name"]
    if key in names:
        return names[key]
    valid = sorted(set(names) | set(scipy_names))
    what = "least-squares method" if least_squares else "method"
    raise ValueError(f"unknown {what} '{method}'; valid: {', '.join(valid)}")


def _to_text(name: str, value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, str)):
        return repr(value) if isinstance(value, float) else str(value)
    try:  # NumPy scalars
        import numpy as np

        if isinstance(value, np.generic):
            return _to_text(name, value.item())
    except ImportError:  # pragma: no cover
        pass
    raise ValueError(f"option '{name}' must be a number, string or bool, got {type(value).__name__}")


def solver_options(method: str, options: Mapping[str, Any] | None, tol: float | None) -> tuple[dict[str, str], dict]:
    """Maps user options onto the solver's: returns (settings for C++, Python-side options)."""
    table = _solver_table()[method]
    known = {o["name"] for o in table["options"]}
    settings: dict[str, str] = {}
    py_side: dict[str, Any] = {}
    if tol is not None:
        settings["gtol"] = _to_text("tol", tol)
    for name, value in (options or {}).items():
        if not isinstance(name, str):
            raise ValueError(f"option names must be strings, got {name!r}")
        if name in PYTHON_OPTIONS:
            py_side[name] = value
            continue
        target = name if name in known else SCIPY_OPTIONS.get(name)
        if target is None or target not in known:
            valid = sorted(known | {k for k, v in SCIPY_OPTIONS.items() if v in known} | PYTHON_OPTIONS)
            raise ValueError(f"unknown option '{name}' for method '{method}'; valid: {', '.join(valid)}")
        settings[target] = _to_text(name, value)
    return settings, py_side
