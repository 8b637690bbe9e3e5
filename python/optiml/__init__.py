"""optiml: optimization for machine learning.

The C++ solvers of optiml with the calls Python users know from scipy:

- :func:`minimize` (scipy.optimize.minimize's signature and result fields),
- :func:`least_squares` (Gauss-Newton and Levenberg-Marquardt),
- :func:`solvers` and :data:`problems` (the registry and the built-in test problems),
- linear models with scikit-learn's API: :class:`LogisticRegression`, :class:`LinearSVC`,
  :class:`Perceptron`, :class:`Ridge`, :class:`LinearRegression`.

Every result carries a per-iteration ``trace`` (dict of NumPy arrays) and a
``summary()``. See ``docs/python.md`` in the source tree.
"""
from __future__ import annotations

from . import _optiml
from ._least_squares import least_squares
from ._linear_model import LinearRegression, LinearSVC, LogisticRegression, Perceptron, Ridge
from ._minimize import minimize
from ._problems import Problem, problems
from ._result import OptimizeResult

__version__: str = _optiml.__version__
__all__ = ["minimize", "least_squares", "solvers", "problems", "Problem", "OptimizeResult", "LogisticRegression",
           "LinearSVC", "Perceptron", "Ridge", "LinearRegression", "__version__"]


def solvers() -> list[dict]:
    """Every registered solver: dicts with ``name``, ``aliases``, ``family``,
    ``summary``, ``reference``, ``least_squares_only``, ``uses_hessian`` and
    ``options`` (each with ``name``, ``type``, ``default``, ``range``, ``doc``)."""
    return _optiml.solvers()
