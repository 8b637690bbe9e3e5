#!/usr/bin/env python3
"""L-BFGS on extended Rosenbrock, optiml against scipy.optimize.minimize(method="L-BFGS-B"),
same start, memory and gradient tolerance, in one run; medians over repeats.

Usage: lbfgs_rosenbrock.py BUILD_DIR [--sizes 10000,100000,1000000] [--repeats 5] [--gtol 1e-5]
Prints one BENCH line per size (see DESIGN.md) and a per-iteration breakdown."""
import argparse
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def run_json_lines(cmd, env=None):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build_dir")
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--gtol", default="1e-5")
    ap.add_argument("--memory", default="10")
    args = ap.parse_args()

    env = dict(os.environ)
    env.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    ours, peer = {}, {}
    for _ in range(args.repeats):
        for r in run_json_lines([os.path.join(args.build_dir, "bin", "bench_lbfgs_rosenbrock"), args.sizes,
                                 args.gtol, args.memory], env):
            ours.setdefault(r["n"], []).append(r)
        for r in run_json_lines([sys.executable, os.path.join(HERE, "lbfgs_rosenbrock_scipy.py"), args.sizes,
                                 args.gtol, args.memory], env):
            peer.setdefault(r["n"], []).append(r)

    for n in sorted(ours):
        o, p = ours[n], peer[n]
        to = statistics.median(r["seconds"] for r in o)
        tp = statistics.median(r["seconds"] for r in p)
        o0, p0 = o[0], p[0]
        bw = statistics.median(r["copy_bandwidth"] for r in o)
        per_it_o = to / max(o0["nit"], 1)
        per_it_p = tp / max(p0["nit"], 1)
        achieved = o0["bytes_per_iteration"] / per_it_o
        print(f"BENCH lbfgs-ext-rosenbrock n={n} optiml={to:.4f} scipy={tp:.4f} ratio={tp / to:.2f} "
              f"nit_optiml={o0['nit']} nit_scipy={p0['nit']} nfev_optiml={o0['nfev']} nfev_scipy={p0['nfev']} "
              f"f_optiml={o0['f']:.3e} f_scipy={p0['f']:.3e} g_optiml={o0['gnorm_inf']:.2e} "
              f"g_scipy={p0['gnorm_inf']:.2e} ms_per_it_optiml={1e3 * per_it_o:.2f} "
              f"ms_per_it_scipy={1e3 * per_it_p:.2f} bandwidth_GBps={achieved / 1e9:.1f} "
              f"copy_GBps={bw / 1e9:.1f} repeats={len(o)}", flush=True)


if __name__ == "__main__":
    main()
