"""Shared NumPy objectives for the Python tests, written here (not taken from optiml)."""
import numpy as np
import pytest


def rosen(x):
    return float(np.sum(100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1.0 - x[:-1]) ** 2))


def rosen_der(x):
    g = np.zeros_like(x)
    g[:-1] = -400.0 * x[:-1] * (x[1:] - x[:-1] ** 2) - 2.0 * (1.0 - x[:-1])
    g[1:] += 200.0 * (x[1:] - x[:-1] ** 2)
    return g


def rosen_hess(x):
    n = x.size
    H = np.zeros((n, n))
    for i in range(n - 1):
        H[i, i] += 1200.0 * x[i] ** 2 - 400.0 * x[i + 1] + 2.0
        H[i, i + 1] = H[i + 1, i] = -400.0 * x[i]
        H[i + 1, i + 1] += 200.0
    return H


def rosen_hessp(x, p):
    return rosen_hess(x) @ p


def make_logistic(seed=0, n=200, d=5, lam=1e-2):
    """L2-regularized logistic regression on seeded synthetic data: f, gradient, Hessian."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, d))
    w_true = rng.standard_normal(d)
    y = np.where(X @ w_true + 0.5 * rng.standard_normal(n) > 0, 1.0, -1.0)

    def f(w):
        z = y * (X @ w)
        return float(np.mean(np.logaddexp(0.0, -z)) + 0.5 * lam * w @ w)

    def g(w):
        z = y * (X @ w)
        s = -y * 0.5 * (1.0 - np.tanh(0.5 * z))  # -y * sigmoid(-z), stable
        return X.T @ s / n + lam * w

    def h(w):
        z = y * (X @ w)
        p = 0.5 * (1.0 + np.tanh(0.5 * z))
        return (X.T * (p * (1 - p))) @ X / n + lam * np.eye(d)

    return f, g, h, d


@pytest.fixture
def logistic():
    return make_logistic()
