"""The built-in test problems: ``optiml.problems()`` lists them, ``optiml.problems.get`` builds one."""
from __future__ import annotations

from typing import Any

import numpy as np

from . import _optiml


class Problem:
    """A built-in test problem (C++), callable from Python and runnable at C++ speed.

    Attributes: ``name``, ``dim``, ``x0`` (standard start), ``f_star`` (optimal value
    in optiml's convention; for least squares 1/2 sum r_i^2), ``published_f`` (the
    source's own value, e.g. MGH's sum r_i^2), ``x_star`` (a minimizer or None),
    ``least_squares``, ``has_hessian``. Methods ``fun``, ``jac``, ``fun_and_jac``,
    ``hess``, ``hessp`` and ``residuals`` (least-squares problems) take NumPy arrays,
    so the problem also works with scipy: ``scipy.optimize.minimize(p.fun, p.x0, jac=p.jac)``.
    Passing the problem itself to ``optiml.minimize`` runs without Python callbacks.
    """

    def __init__(self, name: str, dim: int | None = None):
        self._core = _optiml.Problem(name, 0 if dim is None else _dimension(dim))

    name = property(lambda self: self._core.name)
    dim = property(lambda self: self._core.dim)
    x0 = property(lambda self: self._core.x0)
    f_star = property(lambda self: self._core.f_star)
    published_f = property(lambda self: self._core.published_f)
    x_star = property(lambda self: self._core.x_star)
    least_squares = property(lambda self: self._core.least_squares)
    has_hessian = property(lambda self: self._core.has_hessian)

    def fun(self, x: Any) -> float:
        """f(x)."""
        return self._core.fun(x)

    def jac(self, x: Any) -> np.ndarray:
        """The gradient at x."""
        return self._core.jac(x)

    def fun_and_jac(self, x: Any) -> tuple[float, np.ndarray]:
        """(f(x), gradient), for ``jac=True``."""
        return self._core.fun_and_jac(x)

    def hess(self, x: Any) -> np.ndarray:
        """The Hessian at x (finite differences of the gradient when not analytic)."""
        return self._core.hess(x)

    def hessp(self, x: Any, p: Any) -> np.ndarray:
        """The Hessian at x times p."""
        return self._core.hessp(x, p)

    def residuals(self, x: Any) -> np.ndarray:
        """The residuals r(x) of a least-squares problem (f = 1/2 |r|^2)."""
        return self._core.residuals(x)

    def __repr__(self) -> str:
        return f"Problem({self.name!r}, dim={self.dim}, f_star={self.f_star!r})"


def _dimension(dim: Any) -> int:
    if isinstance(dim, bool) or not isinstance(dim, (int, np.integer)):
        raise ValueError(f"dim must be an integer, got {type(dim).__name__}")
    if dim < 1:
        raise ValueError(f"dim must be positive, got {dim}")
    return int(dim)


class _Problems:
    """``optiml.problems()`` lists the built-in problems (dicts with name, family,
    description, reference, dimensions, least_squares, has_hessian);
    ``optiml.problems.get(name, dim=None)`` builds one (a :class:`Problem`)."""

    def __call__(self) -> list[dict]:
        return _optiml.problems()

    def names(self) -> list[str]:
        """The problem names."""
        return [p["name"] for p in _optiml.problems()]

    @staticmethod
    def get(name: str, dim: int | None = None) -> Problem:
        """The built-in problem ``name`` at dimension ``dim`` (its default when None).

        Raises ValueError for an unknown name (listing the valid ones) or a
        dimension the problem does not allow (stating the rule)."""
        if not isinstance(name, str):
            raise ValueError(f"problem name must be a string, got {type(name).__name__}")
        return Problem(name, dim)

    def __repr__(self) -> str:
        return f"<optiml.problems: {len(_optiml.problems())} built-in problems; call it to list them>"


problems = _Problems()
