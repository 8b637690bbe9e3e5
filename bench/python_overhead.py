#!/usr/bin/env python3
"""Python front end against scipy, in one process (bench/run_all.sh runs it):

1. overhead per evaluation of a small Python objective (n = 10, f and gradient
   together, NumPy) under optiml's L-BFGS vs scipy's L-BFGS-B: (solve time -
   nfev * bare call time) / nfev, medians over repeats; target optiml <= scipy;
2. the built-in C++ extended Rosenbrock (optiml.problems.get) called through
   optiml.minimize at n = 10^6 vs scipy's L-BFGS-B on the NumPy objective;
   target >= 3x; plus optiml on the same NumPy objective, for reference.

usage: python_overhead.py [--repeats R]   (PYTHONPATH must reach build/python)
"""
import argparse
import statistics
import time

import numpy as np
import scipy
from scipy.optimize import minimize as scipy_minimize

import optiml


def ext_rosenbrock(x):
    xo = x[0::2]
    xe = x[1::2]
    t = xe - xo * xo
    u = 1.0 - xo
    g = np.empty_like(x)
    g[0::2] = -400.0 * t * xo - 2.0 * u
    g[1::2] = 200.0 * t
    return 100.0 * np.dot(t, t) + np.dot(u, u), g


def bare_call_seconds(x, calls=20000):
    t0 = time.perf_counter()
    for _ in range(calls):
        ext_rosenbrock(x)
    return (time.perf_counter() - t0) / calls


def timed(fn, repeats):
    times, res = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        res = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), res


def small_overhead(repeats, solves=100):
    x0 = np.tile([-1.2, 1.0], 5)
    opts = {"gtol": 1e-5, "ftol": 0.0}

    def ours():
        for _ in range(solves):
            r = optiml.minimize(ext_rosenbrock, x0, jac=True, method="lbfgs", options=dict(opts, trace_every=0))
        return r

    def theirs():
        for _ in range(solves):
            r = scipy_minimize(ext_rosenbrock, x0, jac=True, method="L-BFGS-B",
                               options=dict(opts, maxcor=10))
        return r

    t_o, r_o = timed(ours, repeats)
    t_s, r_s = timed(theirs, repeats)
    call = bare_call_seconds(x0)
    over_o = (t_o / solves - r_o.nfev * call) / r_o.nfev
    over_s = (t_s / solves - r_s.nfev * call) / r_s.nfev
    print(f"BENCH python-overhead n=10 optiml_us_per_eval={1e6 * over_o:.2f} scipy_us_per_eval={1e6 * over_s:.2f} "
          f"ratio={over_s / over_o:.2f} bare_call_us={1e6 * call:.2f} nit_optiml={r_o.nit} nit_scipy={r_s.nit} "
          f"nfev_optiml={r_o.nfev} nfev_scipy={r_s.nfev} solves={solves} repeats={repeats}", flush=True)


def large(repeats, n=10**6):
    problem = optiml.problems.get("extended-rosenbrock", n)
    x0 = np.tile([-1.2, 1.0], n // 2)
    opts = {"gtol": 1e-5, "ftol": 0.0}
    t_c, r_c = timed(lambda: optiml.minimize(problem, x0, method="lbfgs", options=opts), repeats)
    t_p, r_p = timed(lambda: optiml.minimize(ext_rosenbrock, x0, jac=True, method="lbfgs", options=opts), repeats)
    t_s, r_s = timed(lambda: scipy_minimize(ext_rosenbrock, x0, jac=True, method="L-BFGS-B",
                                            options=dict(opts, maxcor=10)), repeats)
    print(f"BENCH python-builtin-rosenbrock n={n} optiml_cpp_problem={t_c:.4f} optiml_numpy_fun={t_p:.4f} "
          f"scipy={t_s:.4f} ratio_cpp_problem={t_s / t_c:.2f} ratio_numpy_fun={t_s / t_p:.2f} "
          f"nit={r_c.nit}/{r_p.nit}/{r_s.nit} nfev={r_c.nfev}/{r_p.nfev}/{r_s.nfev} "
          f"f={r_c.fun:.3e}/{r_p.fun:.3e}/{r_s.fun:.3e} scipy_version={scipy.__version__} repeats={repeats}",
          flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    small_overhead(args.repeats)
    large(args.repeats)


if __name__ == "__main__":
    main()
