#!/usr/bin/env python3
"""L2-regularized logistic regression f(w) = mean(log(1 + exp(-y x^T w))) + (1e-3/2)|w|^2,
no intercept: time to reach f* within 1e-8 relative, optiml (best solver) vs
scipy L-BFGS-B, scikit-learn (lbfgs, newton-cg, liblinear) and liblinear's
`train` tool, in one run, on (a) dense synthetic 20000 x 500 and (b)
Fashion-MNIST T-shirt vs shirt (12000 x 784). f* comes from a tight optiml
Newton-CG solve (checked against the peers' best values).

Peers without a stopping hook (scikit-learn, liblinear) run with tolerances
1e-4, 1e-5, ... until their objective reaches the target; the time of the first
run that does is theirs. liblinear's time excludes reading its text input (a
run that stops at once is subtracted). Prints BENCH lines; medians of repeats.

usage: logreg.py BUILD_DIR [--repeats R]
"""
import argparse
import gzip
import json
import os
import statistics
import subprocess
import tempfile
import time

import numpy as np
from scipy.optimize import minimize
from sklearn.datasets import dump_svmlight_file
from sklearn.linear_model import LogisticRegression

LAMBDA = 1e-3
REL = 1e-8


def objective(X, y, w):
    return float(np.mean(np.logaddexp(0.0, -y * (X @ w))) + 0.5 * LAMBDA * w @ w)


def synthetic():
    rng = np.random.default_rng(7)
    X = rng.standard_normal((20000, 500))
    w = rng.standard_normal(500) / np.sqrt(500)
    y = np.where(X @ w + 0.5 * rng.standard_normal(20000) > 0, 1.0, -1.0)
    return X, y


def fashion_tshirt_vs_shirt(directory="/usr/share/datasets/fashion-mnist"):
    with gzip.open(os.path.join(directory, "train-images-idx3-ubyte.gz")) as f:
        images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 784)
    with gzip.open(os.path.join(directory, "train-labels-idx1-ubyte.gz")) as f:
        labels = np.frombuffer(f.read(), np.uint8, offset=8)
    keep = (labels == 0) | (labels == 6)
    return images[keep].astype(np.float64) / 255.0, np.where(labels[keep] == 0, 1.0, -1.0)


def median_time(fn, repeats):
    times, out = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def scipy_time_to_target(X, y, target, repeats):
    n = X.shape[0]

    def run():
        start = time.perf_counter()
        reached = [None]

        def fg(w):
            z = y * (X @ w)
            f = float(np.mean(np.logaddexp(0.0, -z)) + 0.5 * LAMBDA * w @ w)
            if reached[0] is None and f <= target:
                reached[0] = time.perf_counter() - start
            s = -y * 0.5 * (1.0 - np.tanh(0.5 * z))
            return f, X.T @ s / n + LAMBDA * w

        res = minimize(fg, np.zeros(X.shape[1]), jac=True, method="L-BFGS-B",
                       options={"gtol": 1e-14, "ftol": 0.0, "maxiter": 100000, "maxcor": 10, "maxfun": 1000000})
        return reached[0], res.fun

    results = [run() for _ in range(repeats)]
    times = [t for t, _ in results if t is not None]
    return (statistics.median(times) if times else None), min(f for _, f in results)


def sklearn_time_to_target(X, y, target, solver, repeats):
    C = 1.0 / (LAMBDA * X.shape[0])
    for tol in (1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10, 1e-12):
        model = LogisticRegression(C=C, fit_intercept=False, solver=solver, tol=tol, max_iter=100000)
        t, m = median_time(lambda: model.fit(X, y), repeats)
        f = objective(X, y, m.coef_[0])
        if f <= target:
            return t, f, tol
    return None, f, tol


def liblinear_time_to_target(path, X, y, target, repeats):
    C = 1.0 / (LAMBDA * X.shape[0])
    model = path + ".model"

    def run(eps):
        subprocess.run(["liblinear-train", "-q", "-s", "0", "-c", repr(C), "-e", repr(eps), "-B", "-1", path, model],
                       check=True)
        with open(model) as f:
            lines = f.read().split("\n")
        start = lines.index("w") + 1
        w = np.array([float(v) for v in lines[start:start + X.shape[1]]])
        return w

    read_only, _ = median_time(lambda: run(1e9), repeats)
    for eps in (1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8):
        t, w = median_time(lambda: run(eps), repeats)
        # liblinear's labels: the first label seen becomes the positive class.
        f = min(objective(X, y, w), objective(X, y, -w))
        if f <= target:
            return max(t - read_only, 0.0), f, eps
    return None, f, eps


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build_dir")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    for name, (X, y) in (("synthetic-20000x500", synthetic()), ("fashion-tshirt-vs-shirt", fashion_tshirt_vs_shirt())):
        with tempfile.TemporaryDirectory() as tmp:
            np.save(os.path.join(tmp, "X.npy"), X)
            np.save(os.path.join(tmp, "y.npy"), y)
            out = subprocess.run([os.path.join(args.build_dir, "bin", "bench_logreg"), os.path.join(tmp, "X.npy"),
                                  os.path.join(tmp, "y.npy"), repr(LAMBDA), repr(REL), str(args.repeats)],
                                 check=True, capture_output=True, text=True).stdout
            ours = [json.loads(line) for line in out.splitlines()]
            f_star = ours[0]["f_star"]
            target = f_star * (1 + REL)
            reached = [r for r in ours[1:] if r["reached"]]
            best = min(reached, key=lambda r: r["seconds"])
            peers = {}
            peers["scipy-lbfgsb"] = scipy_time_to_target(X, y, target, args.repeats)[0]
            for solver in ("lbfgs", "newton-cg", "liblinear"):
                peers[f"sklearn-{solver}"] = sklearn_time_to_target(X, y, target, solver, args.repeats)[0]
            svm = os.path.join(tmp, "data.svm")
            dump_svmlight_file(X, y, svm, zero_based=False)
            peers["liblinear-train"] = liblinear_time_to_target(svm, X, y, target, args.repeats)[0]
            valid = {k: v for k, v in peers.items() if v is not None}
            fastest = min(valid, key=valid.get)
            ours_txt = " ".join(f"optiml_{r['solver']}={r['seconds']:.3f}" for r in ours[1:])
            peers_txt = " ".join(f"{k}={'%.3f' % v if v is not None else 'not-reached'}" for k, v in peers.items())
            print(f"BENCH logreg {name} n={X.shape[0]} d={X.shape[1]} f_star={f_star:.12g} {ours_txt} {peers_txt} "
                  f"best_optiml={best['solver']} fastest_peer={fastest} "
                  f"ratio={valid[fastest] / best['seconds']:.2f} repeats={args.repeats}", flush=True)


if __name__ == "__main__":
    main()
