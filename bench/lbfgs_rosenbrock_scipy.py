#!/usr/bin/env python3
"""Peer side of bench/lbfgs_rosenbrock: scipy.optimize.minimize(method="L-BFGS-B")
on extended Rosenbrock (More-Garbow-Hillstrom problem 21) with a vectorised NumPy
objective and gradient. Prints one JSON line per size."""
import json
import sys
import time

import numpy as np
import scipy
from scipy.optimize import minimize


def ext_rosenbrock(x):
    # f = sum 100 (x_{2i} - x_{2i-1}^2)^2 + (1 - x_{2i-1})^2 over pairs; value and gradient together.
    xo = x[0::2]
    xe = x[1::2]
    t = xe - xo * xo
    u = 1.0 - xo
    f = 100.0 * np.dot(t, t) + np.dot(u, u)
    g = np.empty_like(x)
    g[0::2] = -400.0 * t * xo - 2.0 * u
    g[1::2] = 200.0 * t
    return f, g


def main():
    sizes = [int(s) for s in sys.argv[1].split(",")] if len(sys.argv) > 1 else [10**4, 10**5, 10**6]
    gtol = float(sys.argv[2]) if len(sys.argv) > 2 else 1e-5
    memory = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    for n in sizes:
        x0 = np.tile([-1.2, 1.0], n // 2)
        t0 = time.perf_counter()
        # ftol=0 so that only the gradient test (projected gradient inf-norm <= gtol) stops the run.
        res = minimize(ext_rosenbrock, x0, jac=True, method="L-BFGS-B",
                       options={"maxcor": memory, "gtol": gtol, "ftol": 0.0, "maxiter": 100000,
                                "maxfun": 1000000})
        t = time.perf_counter() - t0
        print(json.dumps({"n": n, "seconds": t, "nit": int(res.nit), "nfev": int(res.nfev),
                          "f": float(res.fun), "gnorm_inf": float(np.max(np.abs(res.jac))),
                          "success": bool(res.success), "message": str(res.message),
                          "scipy": scipy.__version__}), flush=True)


if __name__ == "__main__":
    main()
