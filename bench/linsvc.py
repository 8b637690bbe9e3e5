#!/usr/bin/env python3
"""Linear SVM (hinge loss, C = 1, bias as a constant feature) by dual coordinate
descent: optiml's LinearSVC vs liblinear's `train -s 3 -B 1` on the dense
synthetic 20000 x 500 problem of bench/logreg.py and the Fashion-MNIST T-shirt
vs shirt pair. liblinear runs with -e 0.1 (its default) and 0.01 (its
iteration cap is 1000); optiml runs with the same stopping rule (and tighter
ones until its dual objective is at least as low as liblinear's), and the time
of that run is compared (liblinear's text parsing is subtracted). Prints BENCH
lines.

usage: linsvc.py BUILD_DIR [--repeats R]
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import tempfile
import time

import numpy as np
from sklearn.datasets import dump_svmlight_file

from logreg import fashion_tshirt_vs_shirt, synthetic

C = 1.0


def liblinear(path, eps, repeats):
    times, dual = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = subprocess.run(["liblinear-train", "-s", "3", "-c", repr(C), "-e", repr(eps), "-B", "1", path,
                              path + ".model"], check=True, capture_output=True, text=True).stdout
        times.append(time.perf_counter() - t0)
        dual = float(re.findall(r"Objective value = (-?[0-9.e+-]+)", out)[-1])
    return statistics.median(times), dual


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build_dir")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    for name, (X, y) in (("synthetic-20000x500", synthetic()), ("fashion-tshirt-vs-shirt", fashion_tshirt_vs_shirt())):
        with tempfile.TemporaryDirectory() as tmp:
            np.save(os.path.join(tmp, "X.npy"), X)
            np.save(os.path.join(tmp, "y.npy"), y)
            svm = os.path.join(tmp, "data.svm")
            dump_svmlight_file(X, y, svm, zero_based=False)
            read_only, _ = liblinear(svm, 1e9, args.repeats)
            for eps in (0.1, 0.01):
                t_lib, dual_lib = liblinear(svm, eps, args.repeats)
                t_lib = max(t_lib - read_only, 1e-6)
                # The same stopping rule first (projected-gradient range <= eps), tighter if
                # that leaves optiml's dual above liblinear's.
                for tol in (eps, eps / 3, eps / 10, eps / 30, eps / 100):
                    out = subprocess.run([os.path.join(args.build_dir, "bin", "bench_linsvc"), os.path.join(tmp, "X.npy"),
                                          os.path.join(tmp, "y.npy"), repr(C), repr(tol), str(args.repeats)],
                                         check=True, capture_output=True, text=True).stdout
                    ours = json.loads(out)
                    if ours["dual"] <= dual_lib:
                        break
                print(f"BENCH linsvc {name} liblinear_eps={eps} liblinear_dual={dual_lib:.10g} liblinear={t_lib:.3f} "
                      f"optiml_tol={tol} optiml_dual={ours['dual']:.10g} optiml={ours['seconds']:.3f} "
                      f"epochs={ours['epochs']} ratio={t_lib / ours['seconds']:.2f} repeats={args.repeats}", flush=True)


if __name__ == "__main__":
    main()
