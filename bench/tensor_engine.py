#!/usr/bin/env python3
"""optiml's array engine (build/bin/bench_tensor_engine) against torch.autograd
(Debian python3-torch, CPU) on the same cases, in one run, 2 threads for both:
extended Rosenbrock n = 10^6 in double (value, value + gradient, cheap-gradient
ratio) and a 3-layer MLP (784-512-256-10, relu, softmax cross-entropy) step on
a 256 x 784 float batch. Prints BENCH lines with medians.

usage: tensor_engine.py BUILD_DIR [--repeats R] [--threads T]
"""
import argparse
import json
import os
import statistics
import subprocess
import time

import torch


def median_seconds(fn, repeats):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def torch_rosenbrock(n, repeats):
    x0 = torch.tensor([-1.2, 1.0], dtype=torch.float64).repeat(n // 2)

    def f(x):
        xo, xe = x[0::2], x[1::2]
        return 100.0 * ((xe - xo * xo) ** 2).sum() + ((1.0 - xo) ** 2).sum()

    def value():
        with torch.no_grad():
            return f(x0).item()

    def gradient():
        x = x0.clone().requires_grad_(True)
        y = f(x)
        y.backward()
        return y.item(), x.grad

    value()
    gradient()
    return median_seconds(value, repeats), median_seconds(gradient, repeats), value()


def torch_mlp(batch, repeats):
    g = torch.Generator().manual_seed(0)
    x = torch.randn(batch, 784, generator=g)
    layers = [(784, 512, 0.05), (512, 256, 0.06), (256, 10, 0.09)]
    params = []
    for fan_in, fan_out, scale in layers:
        params.append((scale * torch.randn(fan_in, fan_out, generator=g)).requires_grad_(True))
        params.append(torch.zeros(fan_out, requires_grad=True))
    labels = torch.arange(batch) % 10

    def step():
        for p in params:
            p.grad = None
        h = torch.relu(x @ params[0] + params[1])
        h = torch.relu(h @ params[2] + params[3])
        loss = torch.nn.functional.cross_entropy(h @ params[4] + params[5], labels)
        loss.backward()
        return loss.item()

    step()
    return median_seconds(step, repeats)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build_dir")
    ap.add_argument("--repeats", type=int, default=11)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    env = dict(os.environ, OMP_NUM_THREADS=str(args.threads))
    out = subprocess.run([os.path.join(args.build_dir, "bin", "bench_tensor_engine"), str(args.repeats)],
                         check=True, capture_output=True, text=True, env=env).stdout
    ours = {r["case"]: r for r in map(json.loads, out.splitlines())}

    n = ours["rosenbrock"]["n"]
    tv, tg, f = torch_rosenbrock(n, args.repeats)
    o = ours["rosenbrock"]
    print(f"BENCH tensor-rosenbrock n={n} optiml_value={o['value_s']:.4f} optiml_value_grad={o['value_and_gradient_s']:.4f} "
          f"optiml_cheap_gradient_ratio={o['value_and_gradient_s'] / o['value_s']:.2f} torch_value={tv:.4f} "
          f"torch_value_grad={tg:.4f} torch_cheap_gradient_ratio={tg / tv:.2f} "
          f"speedup_value_grad={tg / o['value_and_gradient_s']:.2f} f_optiml={o['f']:.10g} f_torch={f:.10g} "
          f"threads={args.threads} repeats={args.repeats}", flush=True)

    m = ours["mlp"]
    ts = torch_mlp(m["batch"], args.repeats * 5)
    print(f"BENCH tensor-mlp batch={m['batch']} layers=784-512-256-10 optiml_step={m['step_s'] * 1e3:.2f}ms "
          f"torch_step={ts * 1e3:.2f}ms speedup={ts / m['step_s']:.2f} allocations_after_first={m['allocations_after_first']} "
          f"threads={args.threads} torch={torch.__version__}", flush=True)


if __name__ == "__main__":
    main()
