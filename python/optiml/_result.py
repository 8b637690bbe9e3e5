"""The result object returned by :func:`optiml.minimize` and :func:`optiml.least_squares`."""
from __future__ import annotations

from typing import Any


class OptimizeResult(dict):
    """A dict with attribute access, like ``scipy.optimize.OptimizeResult``.

    Fields (``minimize``): ``x``, ``fun``, ``jac``, ``nit``, ``nfev``, ``njev``,
    ``nhev``, ``status`` (0 success, 1 an iteration/evaluation/time limit, 2 other
    failure), ``success``, ``message``, plus optiml's own: ``reason`` (which test
    ended the run, e.g. ``"converged-gradient"``), ``optimality`` (final
    gradient infinity norm), ``method`` (registry name), ``time`` (seconds) and
    ``trace``, a dict of NumPy arrays with one entry per iteration (``iteration``,
    ``time``, ``f``, ``optimality``, ``step``, ``ls_trials``, ``accepted_by``,
    ``tr_radius``, ``tr_ratio``, ``f_evals``, ``g_evals`` and any extra columns).
    ``summary()`` returns a short human report.
    """

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError as e:
            raise AttributeError(name) from e

    __setattr__ = dict.__setitem__  # type: ignore[assignment]
    __delattr__ = dict.__delitem__  # type: ignore[assignment]

    def summary(self) -> str:
        """A short human report: status, the test that fired, evaluations, time."""
        return self.get("_summary", "")

    def __repr__(self) -> str:
        keys = [k for k in self.keys() if not k.startswith("_") and k != "trace"]
        if not keys:
            return self.__class__.__name__ + "()"
        width = max(map(len, keys)) + 1
        lines = [k.rjust(width) + ": " + repr(self[k]).replace("\n", "\n" + " " * (width + 2)) for k in keys]
        if "trace" in self:
            n = len(self["trace"].get("iteration", []))
            lines.append("trace".rjust(width) + f": <{n} records: " + ", ".join(self["trace"].keys()) + ">")
        return "\n".join(lines)

    def __dir__(self) -> list[str]:
        return list(self.keys())
