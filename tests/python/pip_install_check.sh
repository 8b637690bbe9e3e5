#!/usr/bin/env bash
# The README's offline install: a venv with --system-site-packages (Debian's
# NumPy, setuptools, wheel, pybind11) and `pip install --no-build-isolation`.
# Usage: pip_install_check.sh PYTHON SOURCE_DIR
set -euo pipefail
python=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$python" -m venv --system-site-packages "$work/venv"
"$work/venv/bin/pip" install --quiet --no-build-isolation --no-index "$src"
cd "$work"
"$work/venv/bin/python" - <<'PY'
import numpy as np
import optiml
assert optiml.__file__.startswith(__import__("sys").prefix), optiml.__file__
res = optiml.minimize(lambda x: float(np.sum((x - 3.0) ** 2)), np.zeros(4), jac=lambda x: 2 * (x - 3.0))
assert res.success and np.allclose(res.x, 3.0), res
print("pip install ok:", optiml.__file__)
PY
