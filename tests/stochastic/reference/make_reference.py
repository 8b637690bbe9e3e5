#!/usr/bin/env python3
"""Reference trajectories of torch.optim (Debian python3-torch) for
tests/stochastic/optimizers_test.cpp: each optimizer configuration steps a
5-vector parameter through a fixed, seeded sequence of 25 gradients in double
precision; the parameters after every step are written to trajectories.json.

Run from the repository root: /usr/bin/python3 tests/stochastic/reference/make_reference.py
"""
import json
import os

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
STEPS, N = 25, 5

CONFIGS = [
    ("sgd", torch.optim.SGD, {"lr": 0.1}),
    ("sgd-momentum", torch.optim.SGD, {"lr": 0.05, "momentum": 0.9}),
    ("sgd-momentum-dampening-wd", torch.optim.SGD, {"lr": 0.05, "momentum": 0.8, "dampening": 0.3, "weight_decay": 0.01}),
    ("sgd-nesterov", torch.optim.SGD, {"lr": 0.05, "momentum": 0.9, "nesterov": True, "weight_decay": 0.001}),
    ("adam", torch.optim.Adam, {"lr": 0.01}),
    ("adam-wd", torch.optim.Adam, {"lr": 0.01, "betas": (0.8, 0.99), "eps": 1e-6, "weight_decay": 0.05}),
    ("amsgrad", torch.optim.Adam, {"lr": 0.02, "amsgrad": True}),
    ("adamw", torch.optim.AdamW, {"lr": 0.01}),
    ("adamw-amsgrad", torch.optim.AdamW, {"lr": 0.01, "weight_decay": 0.1, "amsgrad": True}),
    ("rmsprop", torch.optim.RMSprop, {"lr": 0.01}),
    ("rmsprop-centered-momentum", torch.optim.RMSprop,
     {"lr": 0.005, "alpha": 0.9, "momentum": 0.5, "centered": True, "weight_decay": 0.01}),
    ("adagrad", torch.optim.Adagrad, {"lr": 0.1}),
    ("adagrad-decay", torch.optim.Adagrad,
     {"lr": 0.1, "lr_decay": 0.01, "weight_decay": 0.02, "initial_accumulator_value": 0.1}),
]


def main():
    rng = np.random.default_rng(1130)
    x0 = rng.standard_normal(N)
    grads = rng.standard_normal((STEPS, N)) * np.linspace(0.5, 3.0, N)
    out = {"torch": torch.__version__, "x0": x0.tolist(), "grads": grads.tolist(), "runs": {}}
    for name, cls, kwargs in CONFIGS:
        p = torch.nn.Parameter(torch.tensor(x0, dtype=torch.float64))
        opt = cls([p], **kwargs)
        xs = []
        for g in grads:
            p.grad = torch.tensor(g, dtype=torch.float64)
            opt.step()
            xs.append(p.detach().numpy().copy().tolist())
        out["runs"][name] = {"options": {k: (list(v) if isinstance(v, tuple) else v) for k, v in kwargs.items()},
                             "x": xs}
    with open(os.path.join(HERE, "trajectories.json"), "w") as f:
        json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
