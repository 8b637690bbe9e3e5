#!/usr/bin/env python3
"""Writes the scikit-learn reference fits that tests/ml/linear_models_test.cpp
checks optiml against: seeded datasets (CSV, label in the last column) and the
coefficients, intercepts and objective values of sklearn's fits (JSON).

Run from the repository root with Debian's interpreter (python3-sklearn):
    /usr/bin/python3 tests/ml/reference/make_reference.py
"""
import json
import os

import numpy as np
import sklearn
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge
from sklearn.svm import LinearSVC

HERE = os.path.dirname(os.path.abspath(__file__))


def save_csv(name, X, y):
    np.savetxt(os.path.join(HERE, name), np.column_stack([X, y]), delimiter=",", fmt="%.17g")


def logistic_objective(model, X, y, C):
    """sklearn's objective C * sum log-loss + 1/2 |W|^2, evaluated in NumPy."""
    Z = X @ model.coef_.T + model.intercept_
    if Z.shape[1] == 1:
        t = np.where(y == model.classes_[1], 1.0, -1.0)
        loss = np.logaddexp(0.0, -t * Z[:, 0]).sum()
    else:
        idx = np.searchsorted(model.classes_, y)
        m = Z.max(axis=1, keepdims=True)
        lse = (m[:, 0] + np.log(np.exp(Z - m).sum(axis=1)))
        loss = (lse - Z[np.arange(len(y)), idx]).sum()
    return float(C * loss + 0.5 * (model.coef_ ** 2).sum())


def main():
    rng = np.random.default_rng(20261130)
    out = {"sklearn": sklearn.__version__}

    # Binary classification, correlated features, label noise.
    n, d = 300, 6
    X = rng.standard_normal((n, d)) @ np.linalg.cholesky(0.5 ** np.abs(np.subtract.outer(range(d), range(d)))).T
    w = rng.standard_normal(d)
    y = np.where(X @ w + 0.3 + 0.7 * rng.standard_normal(n) > 0, 1.0, 0.0)
    save_csv("binary.csv", X, y)
    for C in (0.1, 1.0, 10.0):
        m = LogisticRegression(C=C, tol=1e-12, max_iter=100000).fit(X, y)
        out[f"binary_C{C}"] = {"coef": m.coef_.tolist(), "intercept": m.intercept_.tolist(),
                               "objective": logistic_objective(m, X, y, C), "predict": m.predict(X).tolist()}

    # Linear SVM (liblinear's dual coordinate descent), on the binary data.
    for loss in ("hinge", "squared_hinge"):
        m = LinearSVC(C=0.5, loss=loss, tol=1e-10, max_iter=1000000, dual=True).fit(X, y)
        t = np.where(y == m.classes_[1], 1.0, -1.0)
        r = np.maximum(0.0, 1.0 - t * (X @ m.coef_[0] + m.intercept_[0]))
        primal = 0.5 * (m.coef_ ** 2).sum() + 0.5 * m.intercept_[0] ** 2 + 0.5 * (r if loss == "hinge" else r * r).sum()
        out[f"svc_{loss}"] = {"coef": m.coef_.tolist(), "intercept": m.intercept_.tolist(), "primal": float(primal),
                              "predict": m.predict(X).tolist()}

    # Four classes.
    n, d, k = 400, 5, 4
    X = rng.standard_normal((n, d))
    W = rng.standard_normal((d, k))
    y = np.argmax(X @ W + 0.8 * rng.standard_normal((n, k)), axis=1).astype(float) * 2.0 + 1.0  # labels 1,3,5,7
    save_csv("multiclass.csv", X, y)
    m = LogisticRegression(C=0.5, tol=1e-12, max_iter=100000).fit(X, y)
    out["multiclass_C0.5"] = {"coef": m.coef_.tolist(), "intercept": m.intercept_.tolist(),
                              "objective": logistic_objective(m, X, y, 0.5), "predict": m.predict(X).tolist(),
                              "classes": m.classes_.tolist()}

    # Regression.
    n, d = 200, 8
    X = rng.standard_normal((n, d)) + 2.0
    y = X @ rng.standard_normal(d) + 1.5 + 0.1 * rng.standard_normal(n)
    save_csv("regression.csv", X, y)
    for alpha in (0.0, 3.0):
        m = (LinearRegression() if alpha == 0 else Ridge(alpha=alpha, tol=1e-12)).fit(X, y)
        out[f"ridge_alpha{alpha}"] = {"coef": m.coef_.tolist(), "intercept": float(m.intercept_)}

    with open(os.path.join(HERE, "reference.json"), "w") as f:
        json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
