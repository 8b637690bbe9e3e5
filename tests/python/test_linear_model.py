"""optiml's linear models from Python, side by side with scikit-learn."""
import numpy as np
import pytest
import scipy.sparse as sp

import optiml

sklearn = pytest.importorskip("sklearn")
from sklearn import linear_model as sk  # noqa: E402
from sklearn import svm as sk_svm  # noqa: E402
from sklearn.base import clone  # noqa: E402
from sklearn.model_selection import GridSearchCV  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402


def data(n=300, d=6, classes=2, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, d))
    W = rng.standard_normal((d, classes))
    y = np.argmax(X @ W + 0.5 * rng.standard_normal((n, classes)), axis=1) * 10 + 3
    return X, y


def logistic_objective(model, X, y, C):
    P = model.predict_proba(X)
    idx = np.searchsorted(model.classes_, y)
    return C * -np.log(P[np.arange(len(y)), idx]).sum() + 0.5 * (model.coef_ ** 2).sum()


@pytest.mark.parametrize("classes", [2, 4])
@pytest.mark.parametrize("solver", ["lbfgs", "newton-cg", "trust-steihaug"])
@pytest.mark.parametrize("sparse", [False, True])
def test_logistic_regression_matches_scikit_learn(classes, solver, sparse):
    X, y = data(classes=classes)
    Xf = sp.csr_matrix(X) if sparse else X
    ours = optiml.LogisticRegression(C=0.7, solver=solver, tol=1e-9).fit(Xf, y)
    ref = sk.LogisticRegression(C=0.7, tol=1e-10, max_iter=10000).fit(X, y)
    assert list(ours.classes_) == list(ref.classes_)
    f_ours, f_ref = logistic_objective(ours, X, y, 0.7), logistic_objective(ref, X, y, 0.7)
    assert f_ours == pytest.approx(f_ref, rel=1e-6) and f_ours <= f_ref * (1 + 1e-12)
    assert np.array_equal(ours.predict(Xf), ref.predict(X))
    assert np.allclose(ours.predict_proba(Xf), ref.predict_proba(X), atol=1e-4)
    assert ours.result_.success and ours.n_iter_ > 0


def test_ridge_and_least_squares_match_scikit_learn():
    rng = np.random.default_rng(1)
    X = rng.standard_normal((200, 7)) + 1.0
    y = X @ rng.standard_normal(7) + 2.0 + 0.1 * rng.standard_normal(200)
    for alpha in (0.5, 10.0):
        ours, ref = optiml.Ridge(alpha=alpha).fit(X, y), sk.Ridge(alpha=alpha).fit(X, y)
        assert np.allclose(ours.coef_, ref.coef_, atol=1e-10) and ours.intercept_ == pytest.approx(ref.intercept_, abs=1e-10)
        sparse = optiml.Ridge(alpha=alpha).fit(sp.csr_matrix(X), y)
        assert np.allclose(sparse.coef_, ref.coef_, atol=1e-6)
        assert ours.score(X, y) == pytest.approx(ref.score(X, y), abs=1e-12)
    ols, ref = optiml.LinearRegression().fit(X, y), sk.LinearRegression().fit(X, y)
    assert np.allclose(ols.coef_, ref.coef_, atol=1e-10)
    assert np.allclose(ols.predict(X), ref.predict(X), atol=1e-9)


@pytest.mark.parametrize("loss", ["hinge", "squared_hinge"])
def test_linear_svc_matches_liblinear(loss):
    X, y = data(seed=3)
    ours = optiml.LinearSVC(C=0.5, loss=loss, tol=1e-10, max_iter=100000).fit(X, y)
    ref = sk_svm.LinearSVC(C=0.5, loss=loss, tol=1e-10, max_iter=1000000).fit(X, y)

    def primal(m):
        t = np.where(y == m.classes_[1], 1.0, -1.0)
        r = np.maximum(0.0, 1.0 - t * m.decision_function(X))
        return 0.5 * (m.coef_ ** 2).sum() + 0.5 * np.sum(m.intercept_ ** 2) + 0.5 * (r if loss == "hinge" else r * r).sum()

    assert primal(ours) == pytest.approx(primal(ref), rel=1e-6)
    assert np.array_equal(ours.predict(X), ref.predict(X))


def test_perceptron_separates_separable_data():
    rng = np.random.default_rng(4)
    X = rng.standard_normal((300, 3))
    m = X @ np.array([1.0, -1.0, 0.5])
    keep = np.abs(m) > 0.2
    X, y = X[keep], np.where(m[keep] > 0, "yes", "no") == "yes"
    p = optiml.Perceptron().fit(X, y.astype(int))
    assert p.score(X, y.astype(int)) == 1.0 and p.result_.success


def test_scikit_learn_tools_accept_the_estimators():
    X, y = data(classes=3, seed=5)
    model = optiml.LogisticRegression(C=2.0)
    assert clone(model).get_params() == model.get_params()
    pipe = make_pipeline(StandardScaler(), optiml.LogisticRegression()).fit(X, y)
    assert pipe.score(X, y) > 0.8
    grid = GridSearchCV(optiml.LogisticRegression(), {"C": [0.1, 1.0]}, cv=3).fit(X, y)
    assert grid.best_params_["C"] in (0.1, 1.0)
    assert optiml.LogisticRegression().set_params(C=3.0).C == 3.0


def test_bad_input_raises_value_error():
    X, y = data()
    with pytest.raises(ValueError, match="NaN or Inf"):
        Xn = X.copy()
        Xn[3, 1] = np.nan
        optiml.LogisticRegression().fit(Xn, y)
    with pytest.raises(ValueError, match="y has 299 entries, X has 300 rows"):
        optiml.LogisticRegression().fit(X, y[:-1])
    with pytest.raises(ValueError, match="single class"):
        optiml.LogisticRegression().fit(X, np.zeros(len(y)))
    with pytest.raises(ValueError, match="unknown parameter"):
        optiml.LogisticRegression(penalty="l1")
    with pytest.raises(ValueError, match="not fitted"):
        optiml.LinearSVC().predict(X)
    fitted = optiml.LogisticRegression().fit(X, y)
    with pytest.raises(ValueError, match="features"):
        fitted.predict(X[:, :3])
    with pytest.raises(ValueError, match="2-D"):
        optiml.Ridge().fit(X[:, 0], y)
    with pytest.raises(ValueError, match="solver"):
        optiml.LogisticRegression(solver="sgd").fit(X, y)
    with pytest.raises(ValueError, match="loss"):
        optiml.LinearSVC(loss="log").fit(X, y)


def test_least_absolute_deviations_matches_the_lp_solution():
    from sklearn.linear_model import QuantileRegressor

    rng = np.random.default_rng(8)
    X = rng.standard_normal((150, 4))
    y = X @ np.array([1.0, -2.0, 0.5, 3.0]) + 1.0 + rng.standard_t(1.5, 150)
    ours = optiml.LinearRegression(loss="absolute").fit(X, y)
    ref = QuantileRegressor(quantile=0.5, alpha=0.0, solver="highs").fit(X, y)
    obj = lambda m: np.abs(y - m.predict(X)).sum()  # noqa: E731
    assert ours.result_.success and ours.result_.optimality <= 1 + 1e-9
    assert obj(ours) == pytest.approx(obj(ref), rel=1e-9) and obj(ours) <= obj(ref) + 1e-9
    with pytest.raises(ValueError, match="loss"):
        optiml.LinearRegression(loss="huber").fit(X, y)


def test_chebyshev_regression_matches_the_lp_solution():
    from scipy.optimize import linprog

    rng = np.random.default_rng(9)
    X = rng.standard_normal((120, 3))
    y = X @ np.array([0.5, -1.0, 2.0]) - 0.7 + rng.uniform(-1, 1, 120)
    ours = optiml.LinearRegression(loss="chebyshev").fit(X, y)
    assert ours.result_.success, ours.result_.message
    # min t s.t. -t <= y - A w <= t, as an LP for HiGHS.
    A = np.column_stack([X, np.ones(120)])
    c = np.r_[np.zeros(4), 1.0]
    G = np.block([[-A, -np.ones((120, 1))], [A, -np.ones((120, 1))]])
    h = np.r_[-y, y]
    lp = linprog(c, A_ub=G, b_ub=h, bounds=[(None, None)] * 4 + [(0, None)], method="highs")
    ours_t = np.abs(y - ours.predict(X)).max()
    assert ours_t == pytest.approx(lp.fun, rel=1e-9) and ours_t <= lp.fun + 1e-9
