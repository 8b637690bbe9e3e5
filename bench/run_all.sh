#!/usr/bin/env bash
# Runs every benchmark against its peer and collects the BENCH lines in
# bench/results/latest.txt (DESIGN.md, Tests, benchmarks, CI).
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$here/results"
out="$here/results/latest.txt"
tmp="$out.tmp.$$"
{
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(uname -m) $(nproc) cores"
  /usr/bin/python3 "$here/lbfgs_rosenbrock.py" "$build" --repeats "${BENCH_REPEATS:-5}"
  "$build/bin/bench_autodiff_tape" 100
  /usr/bin/python3 "$here/tensor_engine.py" "$build"
  /usr/bin/python3 "$here/logreg.py" "$build" --repeats "${BENCH_REPEATS:-3}"
  (cd "$here" && /usr/bin/python3 linsvc.py "$build" --repeats "${BENCH_REPEATS:-3}")
  PYTHONPATH="$build/python" /usr/bin/python3 "$here/python_overhead.py" --repeats "${BENCH_REPEATS:-5}"
} | tee "$tmp"
mv "$tmp" "$out"
echo "bench: results in $out"
