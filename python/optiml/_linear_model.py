"""Linear models with scikit-learn's conventions (fit / predict / score,
coef_, intercept_, classes_, get_params / set_params), fitted by optiml's C++
code (docs/ml.md). X: a 2-D NumPy array or a scipy.sparse matrix (CSR)."""
from __future__ import annotations

from typing import Any

import numpy as np

from . import _optiml
from ._result import OptimizeResult


class _LinearModel:
    _model = ""
    _params: tuple[str, ...] = ()

    def __init__(self, **params: Any):
        for key in self._params:
            setattr(self, key, params.pop(key, self._defaults()[key]))
        if params:
            raise ValueError(f"unknown parameter(s) {sorted(params)} for {type(self).__name__}; "
                             f"valid: {', '.join(self._params)}")

    @classmethod
    def _defaults(cls) -> dict[str, Any]:
        raise NotImplementedError

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """The constructor parameters (scikit-learn's estimator API)."""
        return {k: getattr(self, k) for k in self._params}

    def set_params(self, **params: Any) -> "_LinearModel":
        """Sets constructor parameters; ValueError for an unknown name."""
        for key, value in params.items():
            if key not in self._params:
                raise ValueError(f"unknown parameter '{key}' for {type(self).__name__}; valid: {', '.join(self._params)}")
            setattr(self, key, value)
        return self

    def fit(self, X: Any, y: Any) -> "_LinearModel":
        """Fits the model; returns self. ValueError for NaN/Inf, shape mismatches, a single class."""
        raw = _optiml.fit_linear(self._model, X, np.asarray(y, dtype=float), self.get_params())
        self.coef_ = raw["coef"]
        self.intercept_ = raw["intercept"]
        if "classes" in raw:
            self.classes_ = np.asarray(raw["classes"])
        self.result_ = OptimizeResult(raw["result"])
        self.n_iter_ = self.result_.nit
        self.n_features_in_ = self.coef_.shape[1]
        return self

    def _check(self, X: Any) -> None:
        if not hasattr(self, "coef_"):
            raise ValueError(f"this {type(self).__name__} is not fitted yet; call fit first")
        if X.ndim != 2 or X.shape[1] != self.coef_.shape[1]:
            raise ValueError(f"X has shape {X.shape}, the model was fitted on {self.coef_.shape[1]} features")

    def decision_function(self, X: Any) -> np.ndarray:
        """X coef_^T + intercept_ (n,) for one output, (n, K) for several."""
        if not hasattr(X, "tocsr"):
            X = np.asarray(X, dtype=float)
        self._check(X)
        Z = np.asarray(X @ self.coef_.T) + self.intercept_
        return Z[:, 0] if Z.shape[1] == 1 else Z

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={getattr(self, k)!r}" for k in self._params if getattr(self, k) != self._defaults()[k])
        return f"{type(self).__name__}({args})"


class _Classifier(_LinearModel):
    def predict(self, X: Any) -> np.ndarray:
        """The predicted class of each row."""
        Z = self.decision_function(X)
        idx = (Z > 0).astype(int) if Z.ndim == 1 else Z.argmax(axis=1)
        return self.classes_[idx]

    def score(self, X: Any, y: Any) -> float:
        """Mean accuracy."""
        return float(np.mean(self.predict(X) == np.asarray(y)))


class LogisticRegression(_Classifier):
    """L2-regularized logistic regression: minimizes C sum_i log-loss + 1/2 |w|^2 (scikit-learn's
    objective); two classes use the sigmoid, more the softmax (multinomial).

    Parameters: C (1.0), fit_intercept (True), solver ("lbfgs"; any smooth optiml solver:
    "newton-cg", "trust-steihaug", "newton", "bfgs", ...), tol (1e-6, on the gradient of the
    mean objective), max_iter (1000).
    """
    _model = "logistic"
    _params = ("C", "fit_intercept", "solver", "tol", "max_iter")

    @classmethod
    def _defaults(cls):
        return {"C": 1.0, "fit_intercept": True, "solver": "lbfgs", "tol": 1e-6, "max_iter": 1000}

    def predict_proba(self, X: Any) -> np.ndarray:
        """Class probabilities (n, K), columns in classes_ order."""
        Z = self.decision_function(X)
        if Z.ndim == 1:
            p = 0.5 * (1.0 + np.tanh(0.5 * Z))
            return np.column_stack([1.0 - p, p])
        E = np.exp(Z - Z.max(axis=1, keepdims=True))
        return E / E.sum(axis=1, keepdims=True)


class LinearSVC(_Classifier):
    """Linear SVM, liblinear's formulation and dual coordinate descent: minimizes
    1/2 |w|^2 + C sum_i loss(y_i (w^T x_i + b)) with the bias regularized on a constant
    feature intercept_scaling. Parameters: C (1.0), loss ("squared_hinge" or "hinge"),
    fit_intercept (True), intercept_scaling (1.0), tol (1e-4), max_iter (1000 epochs),
    random_state (0), solver ("dual-cd", with shrinking; or a smooth optiml solver such as
    "lbfgs" on the primal, squared hinge only)."""
    _model = "linear-svc"
    _params = ("C", "loss", "fit_intercept", "intercept_scaling", "tol", "max_iter", "random_state", "solver")

    @classmethod
    def _defaults(cls):
        return {"C": 1.0, "loss": "squared_hinge", "fit_intercept": True, "intercept_scaling": 1.0, "tol": 1e-4,
                "max_iter": 1000, "random_state": 0, "solver": "dual-cd"}


class Perceptron(_Classifier):
    """Rosenblatt's perceptron (one-vs-rest for several classes). Parameters:
    fit_intercept (True), max_iter (1000 epochs), random_state (0)."""
    _model = "perceptron"
    _params = ("fit_intercept", "max_iter", "random_state")

    @classmethod
    def _defaults(cls):
        return {"fit_intercept": True, "max_iter": 1000, "random_state": 0}


class Ridge(_LinearModel):
    """Least squares with an L2 penalty: minimizes |y - X w - b|^2 + alpha |w|^2. Dense X:
    exact (Cholesky, or QR when alpha = 0); sparse X: L-BFGS on the same objective.
    Parameters: alpha (1.0), fit_intercept (True)."""
    _model = "ridge"
    _params = ("alpha", "fit_intercept")

    @classmethod
    def _defaults(cls):
        return {"alpha": 1.0, "fit_intercept": True}

    def fit(self, X: Any, y: Any) -> "Ridge":
        super().fit(X, y)
        self.coef_ = self.coef_[0]
        self.intercept_ = float(self.intercept_[0])
        return self

    def decision_function(self, X: Any) -> np.ndarray:
        if not hasattr(X, "tocsr"):
            X = np.asarray(X, dtype=float)
        if not hasattr(self, "coef_"):
            raise ValueError(f"this {type(self).__name__} is not fitted yet; call fit first")
        if X.ndim != 2 or X.shape[1] != self.coef_.shape[0]:
            raise ValueError(f"X has shape {X.shape}, the model was fitted on {self.coef_.shape[0]} features")
        return np.asarray(X @ self.coef_) + self.intercept_

    def predict(self, X: Any) -> np.ndarray:
        """X coef_ + intercept_."""
        return self.decision_function(X)

    def score(self, X: Any, y: Any) -> float:
        """Coefficient of determination R^2."""
        y = np.asarray(y, dtype=float)
        r = y - self.predict(X)
        return float(1.0 - r @ r / ((y - y.mean()) @ (y - y.mean())))


class LinearRegression(Ridge):
    """Linear regression. loss="squared" (default): ordinary least squares (Ridge with
    alpha = 0, column-pivoted QR). loss="absolute": least absolute deviations, solved
    exactly (IRLS, then simplex steps with the optimality certificate |u|_inf <= 1 in
    result_.optimality). loss="chebyshev": minimizes the largest absolute residual, exactly
    (smoothing continuation, then the LP reference with its dual certificate). Parameters:
    fit_intercept (True), loss ("squared")."""
    _params = ("fit_intercept", "loss")

    @classmethod
    def _defaults(cls):
        return {"fit_intercept": True, "loss": "squared"}

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        return {"fit_intercept": self.fit_intercept, "loss": self.loss}

    def fit(self, X: Any, y: Any) -> "LinearRegression":
        if self.loss not in ("squared", "absolute", "chebyshev"):
            raise ValueError(f"loss must be 'squared', 'absolute' or 'chebyshev', got {self.loss!r}")
        model = {"squared": "ridge", "absolute": "lad", "chebyshev": "chebyshev"}[self.loss]
        params = {"alpha": 0.0, "fit_intercept": self.fit_intercept}
        raw = _optiml.fit_linear(model, X, np.asarray(y, dtype=float), params)
        self.coef_ = raw["coef"][0]
        self.intercept_ = float(raw["intercept"][0])
        self.result_ = OptimizeResult(raw["result"])
        self.n_features_in_ = self.coef_.shape[0]
        return self
